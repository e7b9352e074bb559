"""The 群SOP task sheet: one row per slot with the headers group owners work from
(日期, 时间, 人群, 活动, 形式, 文案, 海报, 短链, 负责人, 状态), as XLSX (posters embedded),
CSV (UTF-8 with BOM) or Markdown. Files are written atomically; text cells are neutralised
so a spreadsheet never runs a formula from generated text."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from PIL import Image

from workbench.export.safety import neutralise
from workbench.export.sheets import THUMB_HEIGHT
from workbench.fsio import atomic_output, atomic_write_text
from workbench.i18n import Catalog
from workbench.kinds import get_kind
from workbench.store.slotrecords import Slot
from workbench.textview import content_text
from workbench.weekplan.model import DAYS
from workbench.weekplan.service import slot_status

FIELDS = ("date", "time", "segment", "activity", "format", "copy", "poster", "link", "owner",
          "status")  # fmt: skip
WIDTHS = {"date": 14, "time": 8, "segment": 12, "activity": 16, "format": 12, "copy": 60,
          "poster": 22, "link": 40, "owner": 14, "status": 10}  # fmt: skip
_URL_RE = re.compile(r"https?://[^\s，。；;、）)\]】>\"']+")


def thumbnail(path: Path) -> XLImage | None:
    """A poster as a THUMB_HEIGHT-pixel-high PNG for a cell; None if it cannot be read."""
    try:
        with Image.open(path) as opened:
            width = max(1, round(opened.width * THUMB_HEIGHT / opened.height))
            img = opened.convert("RGB").resize((width, THUMB_HEIGHT), reducing_gap=2.0)
            buffer = io.BytesIO()
            img.save(buffer, format="PNG")
    except OSError:
        return None
    buffer.seek(0)
    return XLImage(buffer)


def headers(t: Catalog) -> list[str]:
    return [t(f"cal.col.{name}") for name in FIELDS]


def day_label(iso: str, t: Catalog) -> str:
    day = date.fromisoformat(iso)
    return f"{iso} {t('cal.day.' + DAYS[day.weekday()])}"


def slot_text(slot: Slot) -> str:
    """The words the owner sends: the copy (or script) of the slot, not the poster's."""
    parts = [
        content_text(v.kind, v.content or {})
        for v in slot.variants
        if not get_kind(v.kind).renders_image
    ]
    return "\n\n".join(p for p in parts if p)


def poster_files(slot: Slot, assets: dict[int, list[dict[str, Any]]]) -> list[Path]:
    return [
        Path(a["path"])
        for v in slot.variants
        if get_kind(v.kind).renders_image
        for a in assets.get(v.id, [])
    ]


def short_link(slot: Slot, assets: dict[int, list[dict[str, Any]]]) -> str:
    """The link the group sees: the first one in the copy, else the poster's QR target."""
    found = _URL_RE.search(slot_text(slot))
    if found:
        return found.group(0)
    for v in slot.variants:
        for a in assets.get(v.id, []):
            if a.get("qr_url"):
                return str(a["qr_url"])
    return ""


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One slot as the task sheet shows it: labels translated, cells in ``FIELDS`` order."""

    id: int
    date: str
    """The day with its weekday (``2026-03-09 周一``)."""
    time: str
    segment: str
    """The segment's name (its id when it has none)."""
    activity: str
    format: str
    copy: str
    """The words the owner sends (copy or script, not the poster's)."""
    poster: str
    """The first poster file ('' without one)."""
    poster_files: tuple[Path, ...]
    link: str
    owner: str
    status: str

    def cells(self) -> list[str]:
        """The cells under ``headers(t)``."""
        return [str(getattr(self, name)) for name in FIELDS]


def sheet_rows(
    slots: list[Slot],
    assets: dict[int, list[dict[str, Any]]],
    segment_names: dict[str, str],
    t: Catalog,
) -> list[SheetRow]:
    rows = []
    for slot in slots:
        posters = poster_files(slot, assets)
        rows.append(
            SheetRow(
                id=slot.id,
                date=day_label(slot.date, t),
                time=slot.time,
                segment=segment_names.get(slot.segment_id, slot.segment_id),
                activity=t(f"cal.activity.{slot.activity}"),
                format=t(f"cal.format.{slot.format}"),
                copy=slot_text(slot),
                poster=str(posters[0]) if posters else "",
                poster_files=tuple(posters),
                link=short_link(slot, assets),
                owner=slot.owner,
                status=t(f"cal.status.{slot_status(slot)}"),
            )
        )
    return rows


def write_csv(rows: list[SheetRow], path: Path, t: Catalog) -> None:
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers(t))
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row.cells()])


def write_md(rows: list[SheetRow], path: Path, t: Catalog, title: str) -> None:
    def cell(value: str) -> str:
        return str(value).replace("|", "\\|").replace("\n", "<br>")

    lines = [f"# {title}", "", "| " + " | ".join(headers(t)) + " |"]
    lines.append("|" + "---|" * len(FIELDS))
    for row in rows:
        lines.append("| " + " | ".join(cell(c) for c in row.cells()) + " |")
    atomic_write_text(path, "\n".join(lines) + "\n")


def write_xlsx(rows: list[SheetRow], path: Path, t: Catalog, title: str) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "群SOP" if t.language == "zh-CN" else "Group SOP"
    sheet.append(headers(t))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for i, name in enumerate(FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS[name]
    poster_col = get_column_letter(FIELDS.index("poster") + 1)
    for r, row in enumerate(rows, start=2):
        for c, (name, value) in enumerate(zip(FIELDS, row.cells(), strict=True), start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = neutralise(value)
            cell.alignment = Alignment(wrap_text=name == "copy", vertical="top")
        files = row.poster_files
        image = thumbnail(files[0]) if files else None
        if image is not None:
            sheet.add_image(image, f"{poster_col}{r}")
            sheet.row_dimensions[r].height = THUMB_HEIGHT * 0.75 + 4
    sheet.oddHeader.center.text = title
    with atomic_output(path, "wb") as handle:
        book.save(handle)
