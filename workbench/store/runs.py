"""``store.runs``: generation runs and rounds.

A run is one ``generate`` (or batch) pass: started and finished here, with its notes (a
structured-output fallback) and the jobs it attempted (``workbench jobs --failed``).
Rounds: the campaign's current round, and which round each job slot of a campaign was last
generated in, so a re-run of a changed prompt (after ``ab promote``) starts a new round for
exactly the slots it touches while every other slot stays cached in its own round.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Mapping
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.aggregate import Aggregate
from workbench.store.db import dict_rows, dumps, loads, now, read_txn, write_txn
from workbench.store.records import RUN_FINAL_STATUSES, scrub_settings
from workbench.store.stale import close_killed_runs, this_host

Slot = tuple[str, int, str, int]  # segment id, deliverable index, style, first variant slot

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
_SLOTS_SQL = """
    SELECT segment_id, deliverable_index, style, variant_index, round,
           MAX(status = 'ok') AS done
    FROM jobs WHERE campaign_id = ?
    GROUP BY segment_id, deliverable_index, style, variant_index, round
"""


def _run(row: dict[str, Any]) -> dict[str, Any]:
    row["settings"], row["counts"] = loads(row["settings"]), loads(row["counts"])
    return row


class Runs(Aggregate):
    """Runs, their notes and jobs, and the campaign's rounds: ``store.runs``."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        super().__init__(conn, lock)
        self.interrupted: list[int] = []
        """The runs the last ``start`` closed as ``interrupted`` (a killed process's)."""

    def start(
        self,
        campaign_id: str,
        brief_id: int | None,
        provider: str,
        model: str,
        settings: Mapping[str, Any],
    ) -> int:
        """Record a batch starting; ``settings`` is scrubbed of secrets before storing.

        Runs left ``running`` by a killed process are marked ``interrupted`` first (their
        ids are kept in ``interrupted``).
        """
        with self._lock, write_txn(self._conn) as conn:
            self.interrupted = close_killed_runs(conn)
            cur = conn.execute(
                "INSERT INTO runs (campaign_id, brief_id, provider, model, settings, "
                "started_at, status, counts, pid, host) "
                "VALUES (?, ?, ?, ?, ?, ?, 'running', '{}', ?, ?)",
                (
                    campaign_id,
                    brief_id,
                    provider,
                    model,
                    dumps(scrub_settings(settings)),
                    now(),
                    os.getpid(),
                    this_host(),
                ),
            )
        return int(cur.lastrowid or 0)

    def finish(self, run_id: int, status: str, counts: Mapping[str, Any]) -> None:
        """Close a run: ``done``, ``failed`` or ``interrupted``, with its counts."""
        if status not in RUN_FINAL_STATUSES:
            raise ValueError(f"run status must be one of {RUN_FINAL_STATUSES}, not {status!r}")
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                "UPDATE runs SET status = ?, counts = ?, finished_at = ? WHERE id = ?",
                (status, dumps(dict(counts)), now(), run_id),
            )
        if cur.rowcount == 0:
            raise NotFoundError(f"run {run_id} not found")

    def rows(self, campaign: str | None = None, limit: int | None = None) -> list[dict]:
        """Runs, newest first."""
        sql = "SELECT * FROM runs"
        params: list[Any] = []
        if campaign is not None:
            sql += " WHERE campaign_id = ?"
            params.append(campaign)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._lock, read_txn(self._conn) as conn:
            rows = dict_rows(conn.execute(sql, params))
        return [_run(r) for r in rows]

    def get(self, run_id: int) -> dict[str, Any]:
        """One run: campaign, brief, provider, model, settings, status, times, counts."""
        with self._lock, read_txn(self._conn) as conn:
            found = dict_rows(conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)))
        if not found:
            raise NotFoundError(f"run {run_id} not found")
        return _run(found[0])

    def add_note(self, run_id: int, note: Mapping[str, Any]) -> None:
        """Append one note (JSON object, stamped with ``at``) to a run's ``notes``."""
        with self._lock, write_txn(self._conn) as conn:
            found = conn.execute("SELECT notes FROM runs WHERE id = ?", (run_id,)).fetchone()
            if found is None:
                raise NotFoundError(f"run {run_id} not found")
            notes = list(loads(found[0]) or [])
            notes.append({**dict(note), "at": now()})
            conn.execute("UPDATE runs SET notes = ? WHERE id = ?", (dumps(notes), run_id))

    def notes(self, run_id: int) -> list[dict[str, Any]]:
        """A run's notes, oldest first."""
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute("SELECT notes FROM runs WHERE id = ?", (run_id,)).fetchone()
        if found is None:
            raise NotFoundError(f"run {run_id} not found")
        return list(loads(found[0]) or [])

    def last_id(self, campaign: str | None = None) -> int | None:
        """The newest run (of ``campaign`` when given), or None when there is none."""
        sql = "SELECT MAX(id) FROM runs" + (" WHERE campaign_id = ?" if campaign else "")
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute(sql, (campaign,) if campaign else ()).fetchone()
        return None if found is None or found[0] is None else int(found[0])

    def jobs(self, run_id: int, status: str | None = None) -> list[dict[str, Any]]:
        """The jobs last attempted in run ``run_id`` (only ``status`` ones when given):
        slot, status, attempts, the error and finish_reason of the last call."""
        with self._lock, read_txn(self._conn) as conn:
            if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
                raise NotFoundError(f"run {run_id} not found")
            return dict_rows(conn.execute(_JOBS_OF_RUN, (run_id, status or "%")))

    def failed_counts(self) -> dict[str, int]:
        """Failed jobs per campaign, superseded attempts left out."""
        with self._lock, read_txn(self._conn) as conn:
            return {cid: int(n) for cid, n in conn.execute(_CURRENT_FAILED)}

    def current_round(self, campaign_id: str) -> int:
        """The campaign's generation round (1 for a new campaign)."""
        with self._lock:
            found = self._conn.execute(
                "SELECT current_round FROM campaigns WHERE id = ?", (campaign_id,)
            ).fetchone()
        if found is None:
            raise NotFoundError(f"campaign {campaign_id!r} not found")
        return int(found[0])

    def new_round(self, campaign_id: str) -> int:
        """Start a fresh round (``--fresh``): increment atomically, return the new round."""
        with self._lock, write_txn(self._conn) as conn:
            found = conn.execute(
                "UPDATE campaigns SET current_round = current_round + 1, updated_at = ? "
                "WHERE id = ? RETURNING current_round",
                (now(), campaign_id),
            ).fetchall()
        if not found:
            raise NotFoundError(f"campaign {campaign_id!r} not found")
        return int(found[0][0])

    def slot_rounds(self, campaign_id: str) -> dict[Slot, tuple[int, bool]]:
        """Each job slot's latest round and whether a job of that slot finished in it."""
        with self._lock:
            rows = self._conn.execute(_SLOTS_SQL, (campaign_id,)).fetchall()
        found: dict[Slot, tuple[int, bool]] = {}
        for segment, index, style, variant, round_, done in rows:
            if round_ is None:
                continue
            slot = (str(segment), int(index), str(style), int(variant))
            if slot not in found or int(round_) > found[slot][0]:
                found[slot] = (int(round_), bool(done))
        return found

    def raise_round(self, campaign_id: str, round_: int) -> None:
        """The campaign's current round is at least ``round_`` (a ``--fresh`` round then
        starts above every slot's round)."""
        with self._lock, write_txn(self._conn) as conn:
            conn.execute(
                "UPDATE campaigns SET current_round = MAX(current_round, ?) WHERE id = ?",
                (round_, campaign_id),
            )
