"""Cell values of an order export: dates, money in cents, ids.

Strings are what CSV gives; XLSX cells may also be numbers and datetimes. Every parser
returns ``None`` for a value it cannot read, and the caller reports ``file:line: column``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

EMPTY = frozenset({"", "-", "--", "null", "NULL", "None", "none", "N/A", "n/a"})
_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$|^(\d{4})(\d{2})(\d{2})$")
_MONEY_JUNK = str.maketrans("", "", ",¥￥元 \u00a0")
_LIMIT = 1e12  # yuan; also rejects nan and inf


def date_ordinal(text: str) -> int | None:
    """``2024-03-05 12:33:10``, ``2024/3/5 12:33``, ``2024年3月5日``, ``20240305`` -> ordinal."""
    match = _DATE_RE.match(text.strip().split(" ", 1)[0].split("T", 1)[0])
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        return date(int(groups[0]), int(groups[1]), int(groups[2])).toordinal()
    except ValueError:
        return None


def cents(value: Any) -> int | None:
    """Money as integer cents: ``12.5``, ``¥1,234.00``, ``12元``; XLSX numbers too."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            try:
                number = float(value.translate(_MONEY_JUNK))
            except ValueError:
                return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        return None
    if not -_LIMIT < number < _LIMIT:
        return None
    return round(number * 100)
