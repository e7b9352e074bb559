"""``store.tracking``: tracked links (issue 13): hits on ``/s/{code}``, unique clicks per
variant and the visitor salt. Rows come out as the frozen records below (the experiment
audit and the arms' send counts are in ``ablifecycle.py``).

A hit row is ``kind`` ``click`` (counted), ``bot`` (a crawler or link preview: kept, never
counted) or ``orphan`` (an unknown code: kept for the log, never counted). Unique clicks are
distinct ``(visitor, day)`` pairs per variant, a visitor being the salted hash of IP + UA.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.store.aggregate import Aggregate
from workbench.store.db import read_txn, write_txn

HIT_COLUMNS = ("ts", "day", "code", "variant_id", "visitor", "ip_hash", "user_agent", "referer")
_INSERT_HIT = (
    f"INSERT INTO link_hits ({', '.join(HIT_COLUMNS)}, kind)"
    f" VALUES ({', '.join('?' * (len(HIT_COLUMNS) + 1))})"
)


@dataclass(frozen=True, slots=True)
class TrackedVariant:
    """What the redirect endpoint needs to know about the variant behind a code."""

    id: int
    uid: str
    campaign_id: str
    kind: str
    channel: str | None


@dataclass(frozen=True, slots=True)
class LinkStats:
    """One variant's counted clicks (only variants with any hit)."""

    variant_id: int
    uid: str
    campaign: str
    hits: int
    """Counted clicks (bots and link previews excluded)."""
    unique: int
    """Distinct (visitor, day) pairs among the counted clicks."""
    bots: int
    """Hits from crawlers and link previews: kept, never counted."""


@dataclass(frozen=True, slots=True)
class OrphanCode:
    """An unknown code that was asked for."""

    code: str
    hits: int
    last: str
    """When it was last asked for (ISO timestamp)."""


@dataclass(frozen=True, slots=True)
class Click:
    """One counted click with its variant, oldest first in ``store.tracking.clicks``."""

    id: int
    ts: str
    code: str
    visitor: str
    """The salted hash of IP + user agent (neither leaves the workbench)."""
    referer: str | None
    user_agent: str | None
    variant_id: int
    uid: str
    campaign: str
    kind: str
    channel: str | None


class Tracking(Aggregate):
    """Tracked-link hits and their counts: ``store.tracking``."""

    def salt(self) -> str:
        """The visitor salt (hashed with IP + user agent into a visitor id)."""
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute("SELECT value FROM tracking_meta WHERE key = 'visitor_salt'")
            found = row.fetchone()
        return str(found[0]) if found else ""

    def variant(self, uid: str) -> TrackedVariant | None:
        """The variant with this uid, if any."""
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute(
                "SELECT id, uid, campaign_id, kind, channel FROM variants WHERE uid = ?",
                (uid,),
            ).fetchone()
        return None if row is None else TrackedVariant(*row)

    def record_hits(self, hits: Sequence[tuple[Any, ...]]) -> int:
        """Store hits, ``(*HIT_COLUMNS, kind)`` each, in one transaction."""
        if not hits:
            return 0
        with self._lock, write_txn(self._conn) as conn:
            conn.executemany(_INSERT_HIT, hits)
        return len(hits)

    def stats(self, campaign: str | None = None) -> list[LinkStats]:
        """Per variant with hits, in variant order."""
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
            rows = conn.execute(sql, () if campaign is None else (campaign,)).fetchall()
        return [
            LinkStats(int(v), str(u), str(c), int(h or 0), int(q or 0), int(b or 0))
            for v, u, c, h, q, b in rows
        ]

    def counts(self, variant_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
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

    def orphans(self) -> list[OrphanCode]:
        """Unknown codes that were asked for, with how often and when last."""
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(
                "SELECT code, COUNT(*) AS hits, MAX(ts) AS last FROM link_hits"
                " WHERE kind = 'orphan' GROUP BY code ORDER BY hits DESC, code"
            ).fetchall()
        return [OrphanCode(str(c), int(h), str(t)) for c, h, t in rows]

    def clicks(self, campaign: str | None = None) -> Iterator[Click]:
        """Counted clicks, oldest first, with the variant uid and campaign (for export)."""
        where = " AND v.campaign_id = ?" if campaign is not None else ""
        sql = (
            "SELECT h.id, h.ts, h.code, h.visitor, h.referer, h.user_agent, v.id AS variant_id,"
            " v.uid, v.campaign_id AS campaign, v.kind, v.channel FROM link_hits h"
            f" JOIN variants v ON v.id = h.variant_id WHERE h.kind = 'click'{where}"
            " ORDER BY h.id"
        )
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(sql, () if campaign is None else (campaign,)).fetchall()
        yield from (Click(*row) for row in rows)
