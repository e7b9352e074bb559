"""``store.calendar``: week plans (issue 15): calendar slots, their content and sends.

A slot's content is not copied: it is the newest version of each variant the slot's
campaign made for its segment, deliverables and variant slot in the campaign's current
round, so edits and approvals in review show up in the calendar at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.aggregate import Aggregate
from workbench.store.db import dumps, loads, now, read_txn, write_txn
from workbench.store.slotrecords import RunningArm, Slot, SlotPiece, SlotRow

SLOT_COLUMNS = (
    "plan_key",
    "plan_path",
    "week_of",
    "entry",
    "date",
    "time",
    "timezone",
    "segment_id",
    "activity",
    "format",
    "owner",
    "campaign_id",
    "deliverables",
    "variant_slot",
    "theme",
    "brief_path",
)
# Each slot's latest round: a promotion re-runs only some slots as a new round
# (generate/rounds.py), the others keep theirs.
_CONTENT_SQL = """
    SELECT v.id, v.uid, v.kind, v.channel, v.status, v.content, v.provider, v.model,
           v.deliverable_index, v.version
    FROM variants v JOIN campaigns c ON c.id = v.campaign_id
    WHERE v.campaign_id = ? AND v.segment_id = ? AND v.slot = ?
      AND v.round = (SELECT MAX(m.round) FROM variants m
                     WHERE m.campaign_id = v.campaign_id AND m.segment_id = v.segment_id
                       AND m.deliverable_index = v.deliverable_index AND m.slot = v.slot
                       AND m.round <= c.current_round)
      AND v.version = (SELECT MAX(n.version) FROM variants n
                       WHERE n.job_key = v.job_key AND n.slot = v.slot)
    ORDER BY v.deliverable_index, v.id
"""


_SLOT_SELECT = (
    f"SELECT s.id, {', '.join('s.' + c for c in SLOT_COLUMNS)}, s.sent_at, s.created_at,"
    " s.updated_at, g.name AS segment_name FROM calendar_slots s"
    " LEFT JOIN segments g ON g.campaign_id = s.campaign_id AND g.id = s.segment_id"
)
_DELIVERABLES = 1 + SLOT_COLUMNS.index("deliverables")  # its place in a _SLOT_SELECT row


class Calendar(Aggregate):
    """Week-plan slots, their content and sends: ``store.calendar``."""

    def save_slots(self, rows: Sequence[SlotRow]) -> list[int]:
        """Insert or update slots (keyed by plan, date, time, activity, format, segment);
        a slot already sent keeps ``sent_at``; unsent slots of the same plan and week that
        ``rows`` no longer holds are removed. Returns the slot ids in order."""
        stamp = now()
        names = ", ".join(SLOT_COLUMNS)
        marks = ", ".join("?" * len(SLOT_COLUMNS))
        updates = ", ".join(f"{c} = excluded.{c}" for c in SLOT_COLUMNS)
        ids: list[int] = []
        with self._lock, write_txn(self._conn) as conn:
            for row in rows:
                values = [
                    dumps(list(row.deliverables)) if c == "deliverables" else getattr(row, c)
                    for c in SLOT_COLUMNS
                ]
                conn.execute(
                    f"INSERT INTO calendar_slots ({names}, created_at, updated_at) "
                    f"VALUES ({marks}, ?, ?) ON CONFLICT (plan_key, date, time, activity, "
                    f"format, segment_id) DO UPDATE SET {updates}, "
                    "updated_at = excluded.updated_at",
                    [*values, stamp, stamp],
                )
                found = conn.execute(
                    "SELECT id FROM calendar_slots WHERE plan_key = ? AND date = ? AND time = ? "
                    "AND activity = ? AND format = ? AND segment_id = ?",
                    [row.plan_key, row.date, row.time, row.activity, row.format, row.segment_id],
                ).fetchone()
                ids.append(int(found[0]))
            for plan_key, week_of in {(r.plan_key, r.week_of) for r in rows}:
                kept = [i for i, r in zip(ids, rows, strict=True) if r.plan_key == plan_key]
                conn.execute(  # slots the plan no longer has, unless already sent
                    "DELETE FROM calendar_slots WHERE plan_key = ? AND week_of = ? AND "
                    f"sent_at IS NULL AND id NOT IN ({','.join('?' * len(kept))})",
                    [plan_key, week_of, *kept],
                )
        return ids

    def slots(self, *, week_of: str | None = None, ids: Iterable[int] | None = None) -> list[Slot]:
        """Slots of a week (or the given ids) in send order, each with ``variants``: the
        newest version of every piece of its content (id, kind, status, content, ...)."""
        where, args = "1 = 1", list[Any]()
        if week_of is not None:
            where, args = "s.week_of = ?", [week_of]
        if ids is not None:
            wanted = [int(i) for i in ids]
            where = f"s.id IN ({','.join('?' * len(wanted)) or 'NULL'})"
            args = list(wanted)
        slots: list[Slot] = []
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(
                f"{_SLOT_SELECT} WHERE {where} ORDER BY s.date, s.time, s.plan_key, s.entry, s.id",
                args,
            ).fetchall()
            for row in rows:
                values = list(row)
                wanted_d = set(loads(values[_DELIVERABLES]) or [])
                values[_DELIVERABLES] = tuple(sorted(wanted_d))
                slot = Slot(*values)
                pieces = conn.execute(
                    _CONTENT_SQL, (slot.campaign_id, slot.segment_id, slot.variant_slot)
                ).fetchall()
                variants = tuple(
                    SlotPiece(p[0], p[1], p[2], p[3], p[4], loads(p[5]), p[6], p[7], p[8], p[9])
                    for p in pieces
                    if p[8] in wanted_d
                )
                slots.append(replace(slot, variants=variants))
        return slots

    def weeks(self) -> list[str]:
        """The Mondays that have slots, oldest first."""
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute("SELECT DISTINCT week_of FROM calendar_slots ORDER BY week_of")
            return [str(r[0]) for r in rows]

    def slot(self, slot_id: int) -> Slot:
        """One slot with its content; NotFoundError when there is none."""
        found = self.slots(ids=[slot_id])
        if not found:
            raise NotFoundError(f"calendar slot {slot_id} not found")
        return found[0]

    def mark_sent(self, slot_id: int, at: str) -> bool:
        """Set ``sent_at`` unless already set; True when this call marked it."""
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                "UPDATE calendar_slots SET sent_at = ?, updated_at = ? "
                "WHERE id = ? AND sent_at IS NULL",
                (at, now(), slot_id),
            )
            return cur.rowcount == 1

    def running_arms(self, variant_ids: Iterable[int]) -> list[RunningArm]:
        """Arms of running experiments that show one of ``variant_ids`` (any version of it)."""
        ids = [int(i) for i in variant_ids]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(
                "SELECT a.id AS arm_id, a.experiment_id, a.name, a.variant_id "
                "FROM arms a JOIN experiments e ON e.id = a.experiment_id "
                "JOIN variants s ON s.id = a.variant_id "
                "WHERE e.status = 'running' AND EXISTS (SELECT 1 FROM variants v WHERE "
                f"v.id IN ({marks}) AND v.job_key = s.job_key AND v.slot = s.slot) "
                "ORDER BY a.id",
                ids,
            ).fetchall()
        return [RunningArm(int(a), int(e), str(n), int(v)) for a, e, n, v in rows]

    def impressions(self, arm_id: int, day: str) -> int:
        """The impressions stored for an arm on a day (0 when none)."""
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute(
                "SELECT impressions FROM metrics WHERE arm_id = ? AND date = ?", (arm_id, day)
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0
