"""Generation rounds per job slot: which round each slot of a campaign was last generated
in, so a re-run of a changed prompt (after ``ab promote``) starts a new round for exactly
the slots it touches while every other slot stays cached in its own round."""

from __future__ import annotations

import sqlite3
import threading

from workbench.store.db import write_txn

Slot = tuple[str, int, str, int]  # segment id, deliverable index, style, first variant slot

_SLOTS_SQL = """
    SELECT segment_id, deliverable_index, style, variant_index, round,
           MAX(status = 'ok') AS done
    FROM jobs WHERE campaign_id = ?
    GROUP BY segment_id, deliverable_index, style, variant_index, round
"""


class RoundsMixin:
    """The rounds half of ``Store``."""

    _conn: sqlite3.Connection
    _lock: threading.RLock

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
