"""Spreadsheet exports: XLSX (one sheet per kind, findings coloured, posters embedded,
provenance on a side sheet) and CSV (UTF-8 with BOM). Every text cell is neutralised.

XLSX goes through XlsxWriter's constant-memory mode: a streaming writer, so a campaign of
tens of thousands of variants exports in a small multiple of the CSV's time."""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import xlsxwriter
from PIL import Image

from workbench.export.exportrow import ExportRow
from workbench.export.rows import COLUMNS, finding_line, status_label
from workbench.export.safety import neutralise
from workbench.fsio import atomic_output
from workbench.guards.headers import labels

RED, AMBER = "#C00000", "#9C5700"
FILLS = {"ban": "#FFC7CE", "limit": "#FFC7CE", "caution": "#FFEB9C", "evidence": "#FFEB9C"}
FONT_COLORS = {"ban": RED, "limit": RED, "caution": AMBER, "evidence": AMBER}
WIDTHS = {"content": 60, "findings": 50, "approvals": 30, "comment": 30, "poster": 18}
WRAPPED = ("content", "findings", "approvals", "comment")
THUMB_HEIGHT = 120
XLSX_CELL_MAX = 32_767  # Excel's limit: longer cells are cut when the file is opened
CUT_MARK = "…[cut at 32,767 characters: the CSV/JSONL export has the whole text]"
DECISIONS = ["approve", "reject", "changes", "通过", "驳回", "修改"]
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


class _Formats:
    """XlsxWriter formats, made once per workbook and shared by every cell that needs one."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self._book = book
        self._cache: dict[tuple[Any, ...], Any] = {}

    def get(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self._book.add_format(props)
        return self._cache[key]


def _thumbnail(path: Path) -> tuple[io.BytesIO, int] | None:
    """A PNG thumbnail THUMB_HEIGHT pixels high (small files, quick to open) and its width."""
    try:
        with Image.open(path) as opened:
            width = max(1, round(opened.width * THUMB_HEIGHT / opened.height))
            # reducing_gap: shrink by an integer factor first (cheap), then resample.
            img = opened.convert("RGB").resize((width, THUMB_HEIGHT), reducing_gap=2.0)
            buffer = io.BytesIO()
            img.save(buffer, format="PNG")
    except OSError:
        return None
    buffer.seek(0)
    return buffer, img.width


def _thumbnails(rows: list[ExportRow]) -> dict[Any, tuple[io.BytesIO, int]]:
    """Every row's first poster as a thumbnail, decoded on all cores (Pillow releases the GIL
    while it decodes and resamples)."""
    wanted = [(row.variant_id, row.assets[0]) for row in rows if row.assets]
    if not wanted:
        return {}
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        made = pool.map(_thumbnail, [path for _, path in wanted])
        return {vid: thumb for (vid, _), thumb in zip(wanted, made, strict=True) if thumb}


def _fit_cell(value: Any) -> tuple[Any, bool]:
    """A cell value Excel keeps whole: longer text is cut, saying so in the cell."""
    if isinstance(value, str) and len(value) > XLSX_CELL_MAX:
        return value[: XLSX_CELL_MAX - len(CUT_MARK)] + CUT_MARK, True
    return value, False


def _write_value(sheet: Any, r: int, c: int, value: Any) -> bool:
    """Write one neutralised cell as a string or number (never as a formula or a hyperlink;
    empty cells are left unwritten and take their column's format); returns whether it was
    cut to Excel's limit."""
    value, was_cut = _fit_cell(neutralise(value))
    if value is None or value == "":
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(r, c, value)
    else:
        sheet.write_string(r, c, str(value))
    return was_cut


def _write_findings(
    sheet: Any, r: int, c: int, row: ExportRow, language: str, formats: _Formats
) -> None:
    """The findings cell: one line per finding, bans bold red and cautions amber, the cell
    filled by the worst severity."""
    fill = FILLS.get(row.worst or "")
    findings = row.finding_list
    if not findings:
        return  # an empty cell takes its column's format
    cell_fmt = formats.get(text_wrap=True, valign="top", **({"bg_color": fill} if fill else {}))
    fragments: list[Any] = []
    for i, f in enumerate(findings):
        text = ("\n" if i else "") + str(neutralise(finding_line(f, language)))
        color = FONT_COLORS.get(f.severity)
        if color:
            fragments += [formats.get(font_color=color, bold=f.is_ban), text]
        else:
            fragments.append(text)
    if len(fragments) > 2:
        sheet.write_rich_string(r, c, *fragments, cell_fmt)
    else:  # one finding: a plain string in that finding's font
        font = fragments[0] if len(fragments) == 2 else None
        props = {"text_wrap": True, "valign": "top", **({"bg_color": fill} if fill else {})}
        if font is not None:
            f = findings[0]
            props |= {"font_color": FONT_COLORS[f.severity], "bold": f.is_ban}
        sheet.write_string(r, c, _fit_cell(fragments[-1])[0], formats.get(**props))


def write_xlsx(rows: list[ExportRow], path: Path, language: str = "zh-CN") -> int:
    """Write the workbook atomically; returns how many cells were cut to Excel's limit.

    XlsxWriter in constant-memory mode: every row goes to disk as it is written, so time and
    memory grow with the rows, not faster (openpyxl's object model took 40x the CSV's time).
    """
    cut = 0
    columns = [*COLUMNS, "poster"]
    by_kind: dict[str, list[ExportRow]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row)
    with atomic_output(path, "wb") as handle:
        book = xlsxwriter.Workbook(
            handle,
            {"constant_memory": True, "strings_to_urls": False, "strings_to_formulas": False},
        )
        formats = _Formats(book)
        bold = formats.get(bold=True)
        top, wrapped = formats.get(valign="top"), formats.get(valign="top", text_wrap=True)
        decision_col = columns.index("decision")
        thumbs = _thumbnails(rows)
        for kind, items in by_kind.items() or {"variants": []}.items():
            sheet = book.add_worksheet(kind[:31])
            for c, name in enumerate(columns):
                sheet.set_column(c, c, WIDTHS.get(name, 14), wrapped if name in WRAPPED else top)
            sheet.freeze_panes(1, 0)
            if items:
                sheet.data_validation(
                    1,
                    decision_col,
                    len(items),
                    decision_col,
                    {"validate": "list", "source": DECISIONS, "show_error": False},
                )
            for c, name in enumerate(labels(columns, language)):
                sheet.write_string(0, c, name, bold)
            for r, row in enumerate(items, start=1):
                thumb = thumbs.get(row.variant_id)
                if thumb is not None:
                    sheet.set_row(r, THUMB_HEIGHT * 0.75 + 4)
                for c, name in enumerate(COLUMNS):
                    if name == "findings":
                        _write_findings(sheet, r, c, row, language, formats)
                    else:
                        cut += _write_value(sheet, r, c, _shown(row, name, language))
                if thumb is not None:
                    sheet.insert_image(
                        r,
                        len(columns) - 1,
                        f"poster-{row.variant_id}.png",
                        {"image_data": thumb[0], "object_position": 1},
                    )
        side = book.add_worksheet("provenance")
        for c, name in enumerate(labels(PROVENANCE, language)):
            side.write_string(0, c, name, bold)
        for r, row in enumerate(rows, start=1):
            for c, name in enumerate(PROVENANCE):
                _write_value(side, r, c, row.cell(name))
        book.close()
    return cut


def write_csv(rows: list[ExportRow], path: Path, language: str = "en-US") -> None:
    """UTF-8 with BOM so Excel shows Chinese; every row a variant, formulas neutralised.
    Headers (and status names) in ``language``; the import reads either language."""
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(labels([*COLUMNS, "poster"], language))
        for row in rows:
            poster = str(row.assets[0]) if row.assets else ""
            cells = [neutralise(_shown(row, name, language)) for name in COLUMNS]
            writer.writerow([*cells, neutralise(poster)])


def _shown(row: ExportRow, name: str, language: str) -> Any:
    """A cell as the reviewer reads it: the status by its name in ``language``."""
    if name == "status" and language == "zh-CN":
        return status_label(str(row.status), language)
    return row.cell(name)
