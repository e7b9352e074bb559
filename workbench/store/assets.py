"""``store.assets``: rendered files (posters) of variants, and where a variant's brief came
from."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.aggregate import Aggregate
from workbench.store.db import dict_rows, now, read_txn, write_txn

ASSET_COLUMNS = (
    "id, variant_id, path, sha256, size, template, width, height, qr_url, preset, created_at, "
    "superseded_by"
)
_PUBLIC = (
    "id",
    "path",
    "sha256",
    "size",
    "template",
    "width",
    "height",
    "qr_url",
    "preset",
    "created_at",
    "superseded_by",
)


@dataclass(frozen=True, slots=True)
class BriefSource:
    """A stored brief, as a variant or a run was planned from it."""

    path: str | None
    """Where the brief file was when it was stored (None: not recorded)."""
    raw: str
    """The brief's YAML text as stored (the file may have changed or moved since)."""


def assets_by_variant(
    conn: sqlite3.Connection, variant_ids: Iterable[int]
) -> dict[int, list[dict[str, Any]]]:
    """Assets of many variants in one query (ids passed as one JSON array)."""
    ids = sorted({int(i) for i in variant_ids})
    found: dict[int, list[dict[str, Any]]] = {}
    if not ids:
        return found
    rows = dict_rows(
        conn.execute(
            f"SELECT {ASSET_COLUMNS} FROM assets WHERE variant_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY variant_id, id",
            (json.dumps(ids),),
        )
    )
    for row in rows:
        found.setdefault(row["variant_id"], []).append({k: row[k] for k in _PUBLIC})
    return found


class Assets(Aggregate):
    """Poster assets: record, list, and the brief behind a variant: ``store.assets``."""

    def save(
        self,
        variant_id: int,
        path: str,
        sha256: str,
        size: int,
        template: str | None = None,
        width: int | None = None,
        height: int | None = None,
        qr_url: str | None = None,
        preset: str | None = None,
    ) -> int:
        """Record a rendered file, replacing an earlier record of the same variant and path."""
        with self._lock, write_txn(self._conn) as conn:
            conn.execute("DELETE FROM assets WHERE variant_id = ? AND path = ?", (variant_id, path))
            cur = conn.execute(
                "INSERT INTO assets (variant_id, path, sha256, size, template, width, height, "
                "qr_url, preset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (variant_id, path, sha256, size, template, width, height, qr_url, preset, now()),
            )
        return int(cur.lastrowid or 0)

    def supersede(self, variant_id: int, by: int) -> int:
        """Mark ``variant_id``'s rendered files as superseded by version ``by``; how many."""
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                "UPDATE assets SET superseded_by = ? "
                "WHERE variant_id = ? AND superseded_by IS NULL",
                (by, variant_id),
            )
        return cur.rowcount

    def by_variant(self, variant_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        """``variant id -> its assets`` (superseded ones too), oldest first."""
        with self._lock, read_txn(self._conn) as conn:
            return assets_by_variant(conn, variant_ids)

    def unrendered_posters(self, job_keys: Iterable[str]) -> list[int]:
        """Newest poster variants of these jobs that have no asset yet (a resumed run)."""
        with self._lock, read_txn(self._conn) as conn:
            return [
                vid
                for (vid,) in conn.execute(
                    "SELECT v.id FROM variants v WHERE v.kind = 'poster' AND v.job_key IN "
                    "(SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM variants n "
                    "WHERE n.job_key = v.job_key AND n.slot = v.slot AND n.version > v.version) "
                    "AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.variant_id = v.id) "
                    "ORDER BY v.id",
                    (json.dumps(sorted(set(job_keys))),),
                )
            ]

    def brief_source(self, variant_id: int | None = None, run_id: int | None = None) -> BriefSource:
        """The stored brief that made a variant (through its generation's run) or a run;
        else the campaign's newest brief."""
        with self._lock, read_txn(self._conn) as conn:
            if run_id is None and variant_id is not None:
                found = conn.execute(
                    "SELECT g.run_id FROM variants v JOIN generations g ON g.job_key = v.job_key "
                    "WHERE v.id = ? AND g.run_id IS NOT NULL ORDER BY g.id DESC LIMIT 1",
                    (variant_id,),
                ).fetchone()
                run_id = found[0] if found else None
            row = None
            if run_id is not None:
                row = conn.execute(
                    "SELECT b.path, b.raw FROM runs r JOIN briefs b ON b.id = r.brief_id "
                    "WHERE r.id = ?",
                    (run_id,),
                ).fetchone()
            if row is None and variant_id is not None:
                row = conn.execute(
                    "SELECT b.path, b.raw FROM briefs b JOIN variants v ON v.campaign_id = "
                    "b.campaign_id WHERE v.id = ? ORDER BY b.id DESC LIMIT 1",
                    (variant_id,),
                ).fetchone()
        if row is None:
            raise NotFoundError(f"no brief recorded for variant {variant_id} / run {run_id}")
        return BriefSource(None if row[0] is None else str(row[0]), str(row[1]))
