"""Spreadsheet cells made safe: control characters removed (openpyxl refuses them, and a
terminal or a spreadsheet would act on them), formula triggers neutralised."""

from __future__ import annotations

from typing import Any

from workbench.guards.text import clean_cell

# Leading characters that make Excel, LibreOffice or Sheets treat a cell as a formula (the
# full-width forms too, which some IMEs produce and some spreadsheets normalise).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: Any) -> Any:
    """Clean a text cell of control characters, then prefix it with ``'`` when it starts
    with a formula trigger (OWASP advice)."""
    if not isinstance(value, str):
        return value
    value = clean_cell(value)
    if value.startswith(TRIGGERS):
        return "'" + value
    return value
