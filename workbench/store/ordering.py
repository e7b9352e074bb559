"""Variants in brief order: the brief's segment order, then its deliverable order.

The store lists variants by segment id (alphabetical); an operator reads a campaign in the
order they wrote the brief. A campaign's segments are stored in the brief's order when the
brief is first run (their rowid), so that order is read back here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.store.db import read_txn


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


def in_brief_order(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (variant dicts) sorted by campaign, brief segment order, deliverable order,
    then style, slot and version as the store has them."""
    ranks = segment_ranks(store, (str(r["campaign"]) for r in rows))
    last = len(ranks)

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        campaign = str(row["campaign"])
        return (
            campaign,
            ranks.get((campaign, str(row["segment"])), last),
            str(row["segment"]),
            row.get("deliverable_index") or 0,
            str(row.get("style") or ""),
            row.get("slot") or 0,
            row.get("version") or 0,
        )

    return sorted(rows, key=key)
