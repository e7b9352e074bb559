"""CSV reading with a field limit that fits the longest variant a workbench can hold.

Python's ``csv`` module refuses fields over 131,072 characters by default, so one long
variant broke every CSV review round trip of its campaign. The limit is raised once, for
the whole process, to :data:`MAX_FIELD`; a longer field is still an error, reported with
its line by :func:`field_error`.
"""

from __future__ import annotations

import csv

from workbench.errors import InputError, Problem

MAX_FIELD = 16_000_000

if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)


def field_error(exc: csv.Error, label: str, line: int | None) -> InputError:
    """A ``csv.Error`` as one line naming the file and line."""
    message = " ".join(str(exc).split()) or "malformed CSV"
    if "field larger than field limit" in message:
        message = f"a field is longer than {MAX_FIELD:,} characters"
    return InputError(Problem(label, line, "", f"CSV error: {message}"))
