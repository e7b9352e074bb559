"""The base of the store's aggregates: one object per group of tables, all over the one
connection and lock that ``Store`` owns (``store.llm_batches.get(...)``, ...)."""

from __future__ import annotations

import sqlite3
import threading


class Aggregate:
    """Methods over ``Store``'s connection; every call takes the store's lock."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock
