"""Opening the SQLite file: connection, pragmas, transactions, and the checks around them.

Every connection gets the same pragmas from its first statement: WAL (readers never block
the writer), a 30-second busy timeout (several processes may write at once), synchronous
NORMAL (durable at every checkpoint, safe against corruption on power loss in WAL mode) and
enforced foreign keys. Writes take the write lock up front (``BEGIN IMMEDIATE``) so that two
writers queue on the busy handler instead of failing on a lock upgrade.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.errors import StoreError

BUSY_TIMEOUT_S = 30.0
PRAGMAS = (
    f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
)


def now() -> str:
    """The current UTC time as ISO 8601 with milliseconds, e.g. ``2026-03-01T08:00:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dumps(value: Any) -> str:
    """JSON for a TEXT column: compact, CJK kept readable, dates as ISO strings."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def dict_rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A query's rows as ``{column: value}`` mappings (SQL rows, before any record)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _is_not_a_database(exc: sqlite3.DatabaseError) -> bool:
    return _primary_code(exc) == sqlite3.SQLITE_NOTADB or "not a database" in str(exc)


def _enable_wal(conn: sqlite3.Connection, path: Path) -> None:
    """Switch to WAL (a no-op once the file is in WAL mode; the mode is persistent).

    The switch needs an exclusive lock and SQLite does not always wait on the busy handler
    for it, so when several processes open a new file at once, retry until the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.005
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            busy = _primary_code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
            continue
        if mode != "wal":
            raise StoreError(f"{path}: cannot switch the database to WAL mode (got {mode!r})")
        return


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database file with the workbench pragmas.

    Raises ``StoreError`` when the folder cannot be created or the file is not SQLite.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create folder: {_one_line(exc)}") from None
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        # isolation_level=None: the driver never opens transactions behind our back;
        # every transaction below is explicit. check_same_thread=False: the Store
        # serialises access with its own lock, so worker threads may share it.
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database: {_one_line(exc)}") from None
    try:
        for pragma in PRAGMAS:
            conn.execute(pragma)
        _enable_wal(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_not_a_database(exc):
            raise StoreError(f"{path}: not an SQLite database ({_one_line(exc)})") from None
        raise StoreError(f"{path}: cannot open database: {_one_line(exc)}") from None
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def write_txn(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One short write transaction holding the write lock from its first statement."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"database is busy, try again: {_one_line(exc)}") from None
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"could not save to the database: {_one_line(exc)}") from None


@contextmanager
def read_txn(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A read transaction: several SELECTs see one consistent snapshot."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
