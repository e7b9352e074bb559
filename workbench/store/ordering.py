"""Variants in brief order: the brief's segment order, then its deliverable order.

The store lists variants by segment id (alphabetical); an operator reads a campaign in the
order they wrote the brief. A campaign's segments are stored in the brief's order when the
brief is first run (their rowid), so that order is read back here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.store.db import read_txn
from workbench.store.variantrecord import Variant


def segment_ranks(store: Any, campaigns: Iterable[str]) -> dict[tuple[str, str], int]:
    """``(campaign, segment) -> position`` in each campaign's brief."""
    wanted = sorted(set(campaigns))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    with store._lock, read_txn(store._conn) as conn:
        found = conn.execute(
            f"SELECT campaign_id, id FROM segments WHERE campaign_id IN ({marks}) ORDER BY rowid",
            wanted,
        ).fetchall()
    ranks: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    for campaign, segment in found:
        ranks[(campaign, segment)] = counts.get(campaign, 0)
        counts[campaign] = ranks[(campaign, segment)] + 1
    return ranks


def in_brief_order(store: Any, rows: list[Variant]) -> list[Variant]:
    """``rows`` sorted by campaign, brief segment order, deliverable order, then style,
    slot and version as the store has them."""
    ranks = segment_ranks(store, (r.campaign for r in rows))
    last = len(ranks)

    def key(row: Variant) -> tuple[Any, ...]:
        campaign = row.campaign
        return (
            campaign,
            ranks.get((campaign, row.segment), last),
            row.segment,
            row.deliverable_index,
            row.style,
            row.slot,
            row.version,
        )

    return sorted(rows, key=key)
