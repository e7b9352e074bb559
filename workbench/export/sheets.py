"""Spreadsheet exports: XLSX (one sheet per kind, findings coloured, posters embedded,
provenance on a side sheet) and CSV (UTF-8 with BOM). Every text cell is neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image

from workbench.export.rows import COLUMNS, finding_line
from workbench.export.safety import neutralise
from workbench.fsio import atomic_output

RED, AMBER = "C00000", "9C5700"
FILLS = {
    "ban": PatternFill("solid", fgColor="FFC7CE"),
    "limit": PatternFill("solid", fgColor="FFC7CE"),
    "caution": PatternFill("solid", fgColor="FFEB9C"),
    "evidence": PatternFill("solid", fgColor="FFEB9C"),
}
FONT_COLORS = {"ban": RED, "limit": RED, "caution": AMBER, "evidence": AMBER}
WIDTHS = {"content": 60, "findings": 50, "comment": 30, "poster": 18}
THUMB_HEIGHT = 120
XLSX_CELL_MAX = 32_767  # Excel's limit: longer cells are cut when the file is opened
CUT_MARK = "…[cut at 32,767 characters: the CSV/JSONL export has the whole text]"
DECISIONS = "approve,reject,changes,通过,驳回,修改"
PROVENANCE = (
    "variant_id",
    "kind",
    "segment",
    "style",
    "framework",
    "provider",
    "model",
    "template",
    "template_hash",
    "ruleset",
    "generated_at",
)


def _findings_cell(findings: list[dict[str, Any]], language: str) -> CellRichText | str:
    if not findings:
        return ""
    blocks: list[TextBlock | str] = []
    for i, f in enumerate(findings):
        line = finding_line(f, language)
        text = "\n" + line if i else str(neutralise(line))
        color = FONT_COLORS.get(f["severity"])
        if color:
            blocks.append(TextBlock(InlineFont(color=color, b=f["severity"] == "ban"), text))
        else:
            blocks.append(text)
    return CellRichText(*blocks)


def _thumbnail(path: Path) -> XLImage | None:
    try:
        with Image.open(path) as opened:
            img = opened.convert("RGB")
            ratio = THUMB_HEIGHT / img.height
            img = img.resize((max(1, int(img.width * ratio)), THUMB_HEIGHT))
            buffer = io.BytesIO()
            img.save(buffer, format="PNG")
    except OSError:
        return None
    buffer.seek(0)
    return XLImage(buffer)


def _fit_cell(value: Any) -> tuple[Any, bool]:
    """A cell value Excel keeps whole: longer text is cut, saying so in the cell."""
    if isinstance(value, str) and len(value) > XLSX_CELL_MAX:
        return value[: XLSX_CELL_MAX - len(CUT_MARK)] + CUT_MARK, True
    return value, False


def write_xlsx(rows: list[dict[str, Any]], path: Path, language: str = "zh-CN") -> int:
    """Write the workbook atomically; returns how many cells were cut to Excel's limit."""
    cut = 0
    book = Workbook()
    book.remove(book.active)
    columns = [*COLUMNS, "poster"]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    for kind, items in by_kind.items() or {"variants": []}.items():
        sheet = book.create_sheet(kind[:31])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, name in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 14)
        decision_col = get_column_letter(columns.index("decision") + 1)
        rule = DataValidation(type="list", formula1=f'"{DECISIONS}"', allow_blank=True)
        rule.showErrorMessage = False
        sheet.add_data_validation(rule)
        for r, row in enumerate(items, start=2):
            for c, name in enumerate(COLUMNS, start=1):
                cell = sheet.cell(row=r, column=c)
                if name == "findings":
                    cell.value = _findings_cell(row["finding_list"], language)
                    if row["worst"] in FILLS:
                        cell.fill = FILLS[row["worst"]]
                else:
                    cell.value, was_cut = _fit_cell(neutralise(row[name]))
                    cut += was_cut
                if name in ("content", "findings", "comment"):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.alignment = Alignment(vertical="top")
            rule.add(f"{decision_col}{r}")
            if row["assets"]:
                image = _thumbnail(row["assets"][0])
                if image is not None:
                    sheet.add_image(image, f"{get_column_letter(len(columns))}{r}")
                    sheet.row_dimensions[r].height = THUMB_HEIGHT * 0.75 + 4
    side = book.create_sheet("provenance")
    side.append(list(PROVENANCE))
    for cell in side[1]:
        cell.font = Font(bold=True)
    for row in rows:
        side.append([_fit_cell(neutralise(row[name]))[0] for name in PROVENANCE])
    with atomic_output(path, "wb") as handle:
        book.save(handle)
    return cut


def write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    """UTF-8 with BOM so Excel shows Chinese; every row a variant, formulas neutralised."""
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "poster"])
        for row in rows:
            poster = str(row["assets"][0]) if row["assets"] else ""
            writer.writerow([neutralise(row[name]) for name in COLUMNS] + [neutralise(poster)])
