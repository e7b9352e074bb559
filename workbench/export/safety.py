"""Spreadsheet formula injection: neutralise cells a spreadsheet would evaluate."""

from __future__ import annotations

from typing import Any

# Leading characters that make Excel, LibreOffice or Sheets treat a cell as a formula (the
# full-width forms too, which some IMEs produce and some spreadsheets normalise).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: Any) -> Any:
    """Prefix a text cell starting with a formula trigger with ``'`` (OWASP advice)."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value
