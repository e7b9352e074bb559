"""SQLite failures after the database was opened, as one line naming the file.

Opening already reports a file that is not SQLite or is damaged in its header; a damaged
page deeper in the file, a read-only file or folder, or a full disk show up only when a
statement touches them, as ``sqlite3.DatabaseError``. :func:`database_error` turns those
into a :class:`~workbench.errors.StoreError` with the path and what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.errors import StoreError

_HINTS = (
    ("readonly", "the database is read-only; check the permissions of the file and its folder"),
    ("read-only", "the database is read-only; check the permissions of the file and its folder"),
    ("malformed", "the database file is damaged; restore a backup (sqlite3 FILE .recover)"),
    ("not a database", "not an SQLite database"),
    ("disk i/o", "the disk could not be read or written"),
    ("full", "the disk is full; free some space and run the command again"),
    ("unable to open", "the database file cannot be opened (missing folder or permissions)"),
    ("locked", "the database is busy (another process holds it); try again"),
)


def database_error(exc: sqlite3.Error, path: Path | str | None) -> StoreError:
    """``exc`` as a one-line ``StoreError`` naming ``path``."""
    detail = " ".join(str(exc).split()) or type(exc).__name__
    lowered = detail.lower()
    hint = next((text for key, text in _HINTS if key in lowered), "database error")
    where = str(path) if path is not None else "database"
    return StoreError(f"{where}: {hint} ({detail})")
