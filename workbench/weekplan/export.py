"""``calendar export``: a week's slots as the 群SOP sheet (xlsx, csv, md) or an ICS file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.i18n import Catalog
from workbench.weekplan.ics import write_ics
from workbench.weekplan.service import week_slots
from workbench.weekplan.sheet import sheet_rows, write_csv, write_md, write_xlsx

if TYPE_CHECKING:
    from workbench.app import Workbench

FORMATS = ("xlsx", "csv", "ics", "md")


def export_week(
    workbench: Workbench,
    week: date,
    fmt: str,
    path: Path,
    t: Catalog,
    *,
    approved_only: bool = False,
) -> int:
    """Write the week's slots to ``path`` in ``fmt``; returns how many slots it holds."""
    slots = week_slots(workbench, week, approved_only=approved_only)
    ids = [v.id for s in slots for v in s.variants]
    assets = workbench.store.assets.by_variant(ids) if ids else {}
    names = {s.segment_id: s.segment_name or s.segment_id for s in slots}
    rows = sheet_rows(slots, assets, names, t)
    title = t("cal.week_title", week=week.isoformat(), count=len(slots))
    if fmt == "csv":
        write_csv(rows, path, t)
    elif fmt == "md":
        write_md(rows, path, t, title)
    elif fmt == "ics":
        write_ics(rows, slots, path, title)
    else:
        write_xlsx(rows, path, t, title)
    return len(slots)
