"""Store methods for tracked links (issue 13): hits on ``/s/{code}``, unique clicks per
variant, the visitor salt, the experiment audit (stop, promote) and arms' send counts.

A hit row is ``kind`` ``click`` (counted), ``bot`` (a crawler or link preview: kept, never
counted) or ``orphan`` (an unknown code: kept for the log, never counted). Unique clicks are
distinct ``(visitor, day)`` pairs per variant, a visitor being the salted hash of IP + UA.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from workbench.store.db import dumps, now, read_txn, write_txn

HIT_COLUMNS = ("ts", "day", "code", "variant_id", "visitor", "ip_hash", "user_agent", "referer")
_INSERT_HIT = (
    f"INSERT INTO link_hits ({', '.join(HIT_COLUMNS)}, kind)"
    f" VALUES ({', '.join('?' * (len(HIT_COLUMNS) + 1))})"
)


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


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


class TrackingMixin:
    """The tracked-link half of ``Store``."""

    _conn: sqlite3.Connection
    _lock: threading.RLock

    def tracking_salt(self) -> str:
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute("SELECT value FROM tracking_meta WHERE key = 'visitor_salt'")
            found = row.fetchone()
        return str(found[0]) if found else ""

    def tracking_variant(self, uid: str) -> dict[str, Any] | None:
        """``id, uid, campaign_id, kind, channel`` of the variant with this uid, if any."""
        with self._lock, read_txn(self._conn) as conn:
            rows = _rows(
                conn.execute(
                    "SELECT id, uid, campaign_id, kind, channel FROM variants WHERE uid = ?",
                    (uid,),
                )
            )
        return rows[0] if rows else None

    def tracking_record_hits(self, hits: Sequence[tuple[Any, ...]]) -> int:
        """Store hits, ``(*HIT_COLUMNS, kind)`` each, in one transaction."""
        if not hits:
            return 0
        with self._lock, write_txn(self._conn) as conn:
            conn.executemany(_INSERT_HIT, hits)
        return len(hits)

    def tracking_stats(self, campaign: str | None = None) -> list[dict[str, Any]]:
        """Per variant with hits: ``variant_id, uid, campaign, hits, unique, bots``."""
        where = "WHERE v.campaign_id = ?" if campaign is not None else ""
        sql = (
            "SELECT v.id AS variant_id, v.uid, v.campaign_id AS campaign,"
            " SUM(h.kind = 'click') AS hits,"
            " COUNT(DISTINCT CASE WHEN h.kind = 'click' THEN h.visitor || '|' || h.day END)"
            " AS uniq, SUM(h.kind = 'bot') AS bots"
            f" FROM link_hits h JOIN variants v ON v.id = h.variant_id {where}"
            " GROUP BY v.id ORDER BY v.id"
        )
        with self._lock, read_txn(self._conn) as conn:
            rows = _rows(conn.execute(sql, () if campaign is None else (campaign,)))
        for row in rows:
            row["unique"] = int(row.pop("uniq") or 0)
            row["hits"] = int(row["hits"] or 0)
            row["bots"] = int(row["bots"] or 0)
        return rows

    def tracking_counts(self, variant_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """``(hits, unique)`` counted clicks per variant id (only variants that have any)."""
        if not variant_ids:
            return {}
        marks = ",".join("?" * len(variant_ids))
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(
                "SELECT variant_id, COUNT(*), COUNT(DISTINCT visitor || '|' || day) FROM"
                f" link_hits WHERE kind = 'click' AND variant_id IN ({marks}) GROUP BY variant_id",
                list(variant_ids),
            ).fetchall()
        return {int(v): (int(h), int(u)) for v, h, u in rows}

    def tracking_orphans(self) -> list[dict[str, Any]]:
        """Unknown codes that were asked for, with how often and when last."""
        with self._lock, read_txn(self._conn) as conn:
            return _rows(
                conn.execute(
                    "SELECT code, COUNT(*) AS hits, MAX(ts) AS last FROM link_hits"
                    " WHERE kind = 'orphan' GROUP BY code ORDER BY hits DESC, code"
                )
            )

    def tracking_clicks(self, campaign: str | None = None) -> Iterator[dict[str, Any]]:
        """Counted clicks, oldest first, with the variant uid and campaign (for export)."""
        where = " AND v.campaign_id = ?" if campaign is not None else ""
        sql = (
            "SELECT h.id, h.ts, h.code, h.visitor, h.referer, h.user_agent, v.id AS variant_id,"
            " v.uid, v.campaign_id AS campaign, v.kind, v.channel FROM link_hits h"
            f" JOIN variants v ON v.id = h.variant_id WHERE h.kind = 'click'{where}"
            " ORDER BY h.id"
        )
        with self._lock, read_txn(self._conn) as conn:
            rows = _rows(conn.execute(sql, () if campaign is None else (campaign,)))
        yield from rows

    # -- experiment lifecycle (audited in ``reviews``, the append-only audit trail) -----

    def ab_set_status(
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

    def ab_running_overlap(self, variant_ids: Sequence[int]) -> list[tuple[int, str, int]]:
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

    def ab_set_assigned(self, counts: dict[int, int]) -> None:
        """Record how many users each arm's send list has (the arms' exposure)."""
        with self._lock, write_txn(self._conn) as conn:
            conn.executemany(
                "UPDATE arms SET assigned = ? WHERE id = ?",
                [(n, arm_id) for arm_id, n in counts.items()],
            )
