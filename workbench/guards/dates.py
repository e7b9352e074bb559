"""Calendar dates as spreadsheets write them.

Chinese Excel and WPS export dates as ``2026/3/10`` or ``2026/03/10``, people type
``2026年3月10日``; ISO ``2026-03-10`` is what the workbench stores. :func:`calendar_date`
reads any of these (year first, month and day with or without a leading zero) and nothing
else: week dates, ordinal dates, times and day-first forms are refused, so a date never
means two things.
"""

from __future__ import annotations

import os
import re
from datetime import date

_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|年(?P<cm>[0-9]{1,2})月(?P<cd>[0-9]{1,2})日)"
)
FORMS = "YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日"


def calendar_date(text: str) -> date | None:
    """The date of ``text`` in one of :data:`FORMS`, or ``None``."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        return None
    month = found.group("m") or found.group("cm")
    day = found.group("d") or found.group("cd")
    try:
        return date(int(found.group("y")), int(month), int(day))
    except ValueError:
        return None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def today() -> date:
    """Today, or ``WORKBENCH_TODAY`` (ISO) when set: tests and demos pin the date so that
    copy which names a deadline does not change on New Year's Day."""
    pinned = os.environ.get("WORKBENCH_TODAY", "").strip()
    if pinned:
        found = calendar_date(pinned)
        if found is not None:
            return found
    return date.today()


def short_date(day: date, language: str, now: date | None = None) -> str:
    """A date as copy writes it: ``3月15日`` / ``Mar 15`` in the current year, with the year
    otherwise (``2027年1月1日`` / ``Jan 1, 2027``), so a deadline never reads as this year's."""
    same_year = day.year == (now or today()).year
    if language.startswith("en"):
        short = f"{_MONTHS[day.month - 1]} {day.day}"
        return short if same_year else f"{short}, {day.year}"
    short = f"{day.month}月{day.day}日"
    return short if same_year else f"{day.year}年{short}"
