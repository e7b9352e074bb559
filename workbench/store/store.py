"""``Store``: the one object that owns the SQLite database.

``Store.open(path)`` creates the folder and file when needed, configures the connection
(WAL, busy timeout, synchronous NORMAL, foreign keys) and applies pending migrations while
holding the write lock, so several processes may open a blank file at the same moment.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from workbench.errors import StoreError
from workbench.store.ab import AB
from workbench.store.assets import Assets
from workbench.store.calendar import Calendar
from workbench.store.db import connect, write_txn
from workbench.store.llmbatches import LLMBatches
from workbench.store.migrations import MIGRATIONS
from workbench.store.reviews import Reviews
from workbench.store.runs import Runs
from workbench.store.tracking import Tracking
from workbench.store.writes import Variants

_MIGRATIONS_TABLE = MIGRATIONS.migrations_table


def _pending(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Names of migrations still to apply; refuses files that are not workbench databases."""
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    applied: list[str] = []
    if _MIGRATIONS_TABLE in tables:
        applied = [
            name
            for (name,) in conn.execute(
                f"SELECT name FROM [{_MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
                (MIGRATIONS.name,),
            )
        ]
    if not applied and tables - {_MIGRATIONS_TABLE}:
        raise StoreError(f"{path}: an SQLite database, but not a workbench database")
    # Migrations has no public "all names" accessor; _migrations is its registration list.
    known = [m.name for m in MIGRATIONS._migrations]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError(
            f"{path}: written by a newer workbench (unknown migration {unknown[0]}); upgrade"
        )
    return [name for name in known if name not in applied]


class Store:
    """The workbench database. Use ``Store.open(path)``; close it or use ``with``.

    Its aggregates share the one connection and lock: ``variants`` (briefs, jobs,
    generations, variants), ``llm_batches`` (Batch API runs), ``calendar`` (week-plan
    slots), ``runs`` (runs and rounds), ``tracking`` (tracked-link hits), ``assets``
    (rendered posters), ``ab`` (A/B experiments), ``reviews`` (review actions, versions,
    the audit trail).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self.db = Database(conn, execute_plugins=False)
        """sqlite-utils view of the same connection, for migrations and ad-hoc reads."""
        self.variants = Variants(conn, self._lock)
        """Briefs, campaigns, jobs, generations and variants (``store/writes.py`` on
        ``queries.py`` on ``batch.py``)."""
        self.llm_batches = LLMBatches(conn, self._lock)
        """Provider Batch API runs: shards, their job keys, status (``store/llmbatches.py``)."""
        self.calendar = Calendar(conn, self._lock)
        """Week-plan slots, their content, sends and exposures (``store/calendar.py``)."""
        self.runs = Runs(conn, self._lock)
        """Generation runs, their notes and jobs, the campaigns' rounds (``store/runs.py``)."""
        self.tracking = Tracking(conn, self._lock)
        """Tracked-link hits, clicks per variant, the visitor salt (``store/tracking.py``)."""
        self.assets = Assets(conn, self._lock)
        """Rendered posters of variants, the brief behind a variant (``store/assets.py``)."""
        self.ab = AB(conn, self._lock)
        """A/B experiments, arms, metrics, events, outcomes (``store/ab.py``)."""
        self.reviews = Reviews(conn, self._lock)
        """Review actions, edits as versions, lint results, the audit trail (``reviews.py``)."""

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating and migrating if needed) the database at ``path``."""
        path = Path(path).expanduser()
        conn = connect(path)
        try:
            store = cls(path, conn)
            store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def migrate(self) -> list[str]:
        """Apply pending migrations under the write lock; returns the names applied."""
        try:
            with self._lock:
                if not _pending(self._conn, self.path):
                    return []
                with write_txn(self._conn):
                    # Re-read under the lock: another process may have migrated meanwhile.
                    todo = _pending(self._conn, self.path)
                    if todo:
                        MIGRATIONS.apply(self.db)
                return todo
        except sqlite3.DatabaseError as exc:
            message = " ".join(str(exc).split())
            raise StoreError(f"{self.path}: cannot migrate the database: {message}") from None

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
