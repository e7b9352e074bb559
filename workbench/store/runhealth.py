"""Runs against real endpoints: a run's notes (a structured-output fallback) and the jobs
that failed in a run (``workbench jobs --failed``)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.db import dumps, loads, now, read_txn, write_txn

_JOBS_OF_RUN = """
SELECT j.key, j.campaign_id, j.run_id, j.segment_id, j.deliverable_index, j.kind, j.channel,
       j.style, j.variant_index, j.count, j.round, j.status, j.attempts, j.error, j.updated_at,
       (SELECT g.finish_reason FROM generations g WHERE g.job_key = j.key AND g.run_id = j.run_id
        ORDER BY g.id DESC LIMIT 1) AS finish_reason
FROM jobs j
WHERE j.run_id = ? AND j.status LIKE ?
ORDER BY j.segment_id, j.deliverable_index, j.style, j.variant_index
"""
# A failed job is superseded when the same slot (segment, deliverable, channel, style,
# variant) has a newer attempt under another key (a new round, another model or prompt).
SUPERSEDED = """EXISTS (
    SELECT 1 FROM jobs n WHERE n.campaign_id = j.campaign_id AND n.segment_id = j.segment_id
    AND n.deliverable_index = j.deliverable_index AND n.style = j.style
    AND n.variant_index = j.variant_index AND n.channel IS j.channel AND n.key != j.key
    AND (n.updated_at > j.updated_at OR (n.updated_at = j.updated_at AND n.key > j.key)))"""
_CURRENT_FAILED = (
    "SELECT j.campaign_id, COUNT(*) FROM jobs j WHERE j.status = 'failed' "
    f"AND NOT {SUPERSEDED} GROUP BY j.campaign_id"
)


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class RunHealthMixin:
    """Run notes and failed-job listings."""

    _conn: sqlite3.Connection
    _lock: threading.RLock

    def add_run_note(self, run_id: int, note: Mapping[str, Any]) -> None:
        """Append one note (JSON object, stamped with ``at``) to a run's ``notes``."""
        with self._lock, write_txn(self._conn) as conn:
            found = conn.execute("SELECT notes FROM runs WHERE id = ?", (run_id,)).fetchone()
            if found is None:
                raise NotFoundError(f"run {run_id} not found")
            notes = list(loads(found[0]) or [])
            notes.append({**dict(note), "at": now()})
            conn.execute("UPDATE runs SET notes = ? WHERE id = ?", (dumps(notes), run_id))

    def run_notes(self, run_id: int) -> list[dict[str, Any]]:
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute("SELECT notes FROM runs WHERE id = ?", (run_id,)).fetchone()
        if found is None:
            raise NotFoundError(f"run {run_id} not found")
        return list(loads(found[0]) or [])

    def last_run_id(self, campaign: str | None = None) -> int | None:
        """The newest run (of ``campaign`` when given), or None when there is none."""
        sql = "SELECT MAX(id) FROM runs" + (" WHERE campaign_id = ?" if campaign else "")
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute(sql, (campaign,) if campaign else ()).fetchone()
        return None if found is None or found[0] is None else int(found[0])

    def run_jobs(self, run_id: int, status: str | None = None) -> list[dict[str, Any]]:
        """The jobs last attempted in run ``run_id`` (only ``status`` ones when given):
        slot, status, attempts, the error and finish_reason of the last call."""
        with self._lock, read_txn(self._conn) as conn:
            if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
                raise NotFoundError(f"run {run_id} not found")
            return _rows(conn.execute(_JOBS_OF_RUN, (run_id, status or "%")))

    def current_failed_counts(self) -> dict[str, int]:
        """Failed jobs per campaign, superseded attempts left out."""
        with self._lock, read_txn(self._conn) as conn:
            return {cid: int(n) for cid, n in conn.execute(_CURRENT_FAILED)}
