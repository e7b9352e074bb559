"""Batch reads for imports: many variants and their newest versions at once (their audit
rows: ``store.reviews.review_rows_of``).

``store.variants.get`` loads a variant's generation, version chain and assets (what ``variants
show`` needs); an import of thousands of rows needs only the variant itself, so these read
the variant columns of many ids in a few queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from workbench.store.aggregate import Aggregate
from workbench.store.db import loads, read_txn
from workbench.store.variantrecord import Variant

_CHUNK = 500
_COLUMNS = """
    v.id, v.uid, v.campaign_id AS campaign, v.segment_id AS segment, v.kind, v.channel,
    v.style, v.framework, v.status, v.provider, v.model, v.content, v.version, v.parent_id,
    v.round, v.deliverable_index, v.slot, v.job_key, v.generation_id, v.lint,
    v.created_at, v.updated_at
"""


def select_in_chunks(
    conn: sqlite3.Connection, sql: str, ids: list[int]
) -> Iterator[dict[str, Any]]:
    """Rows of ``sql`` (holding ``{marks}`` for the id placeholders), ids in chunks."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        cursor = conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))


class BatchReads(Aggregate):
    """Reads of many variants at once: the base of ``store.variants``."""

    def by_id(self, variant_ids: Iterable[int]) -> dict[int, Variant]:
        """``id -> variant`` (content and lint decoded; no generation or assets)."""
        ids = sorted({int(i) for i in variant_ids})
        sql = f"SELECT {_COLUMNS} FROM variants v WHERE v.id IN ({{marks}})"
        out: dict[int, Variant] = {}
        with self._lock, read_txn(self._conn) as conn:
            for row in select_in_chunks(conn, sql, ids):
                row["content"], row["lint"] = loads(row["content"]), loads(row["lint"])
                out[int(row["id"])] = Variant.from_row(row)
        return out

    def newest_of(self, variant_ids: Iterable[int]) -> dict[int, int]:
        """``id -> id of the newest version in its chain`` for many ids."""
        ids = sorted({int(i) for i in variant_ids})
        sql = (
            "SELECT v.id, (SELECT n.id FROM variants n WHERE n.job_key = v.job_key "
            "AND n.slot = v.slot ORDER BY n.version DESC LIMIT 1) AS newest "
            "FROM variants v WHERE v.id IN ({marks})"
        )
        with self._lock, read_txn(self._conn) as conn:
            return {int(r["id"]): int(r["newest"]) for r in select_in_chunks(conn, sql, ids)}
