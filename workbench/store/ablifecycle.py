"""The experiment lifecycle in ``store.ab``: status changes (stop, promote) audited in
``reviews`` (the append-only audit trail), running-arm overlaps and the arms' send counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from workbench.store.aggregate import Aggregate
from workbench.store.db import dumps, now, read_txn, write_txn


def insert_audit(
    conn: sqlite3.Connection,
    experiment_id: int,
    *,
    actor: str,
    action: str,
    to_status: str,
    data: dict[str, Any],
    variant_id: int | None = None,
    comment: str | None = None,
    stamp: str | None = None,
) -> None:
    """One audit row (``reviews``, append-only) for an experiment action, inside the
    caller's write transaction, before the experiment's status changes."""
    row = conn.execute(
        "SELECT campaign_id, status FROM experiments WHERE id = ?", (experiment_id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO reviews (variant_id, campaign_id, actor, action, from_status,"
        " to_status, comment, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            variant_id,
            row[0],
            actor,
            action,
            row[1],
            to_status,
            comment,
            dumps({"experiment": experiment_id, **data}),
            stamp or now(),
        ),
    )


class ExperimentLifecycle(Aggregate):
    """The experiment lifecycle half of ``store.ab`` (the rest is ``ab.AB``)."""

    def set_status(
        self,
        experiment_id: int,
        status: str,
        *,
        actor: str,
        action: str,
        data: dict[str, Any],
        variant_id: int | None = None,
        comment: str | None = None,
    ) -> None:
        """Change an experiment's status and write its audit row, in one transaction."""
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            insert_audit(
                conn,
                experiment_id,
                actor=actor,
                action=action,
                to_status=status,
                data=data,
                variant_id=variant_id,
                comment=comment,
                stamp=stamp,
            )
            conn.execute(
                "UPDATE experiments SET status = ?, updated_at = ? WHERE id = ?",
                (status, stamp, experiment_id),
            )

    def running_overlap(self, variant_ids: Sequence[int]) -> list[tuple[int, str, int]]:
        """``(experiment_id, name, variant_id)`` for each given variant that is an arm of a
        running experiment."""
        if not variant_ids:
            return []
        marks = ",".join("?" * len(variant_ids))
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(
                "SELECT e.id, e.name, a.variant_id FROM arms a JOIN experiments e"
                f" ON e.id = a.experiment_id WHERE e.status = 'running' AND a.variant_id IN"
                f" ({marks}) ORDER BY e.id, a.variant_id",
                list(variant_ids),
            ).fetchall()
        return [(int(e), str(n), int(v)) for e, n, v in rows]

    def set_assigned(self, counts: dict[int, int]) -> None:
        """Record how many users each arm's send list has (the arms' exposure)."""
        with self._lock, write_txn(self._conn) as conn:
            conn.executemany(
                "UPDATE arms SET assigned = ? WHERE id = ?",
                [(n, arm_id) for arm_id, n in counts.items()],
            )
