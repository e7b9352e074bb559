"""Variant and campaign reads (``store.variants``). Variants as records
(``store/variantrecord.py``), the rest plain dicts, JSON columns decoded.

The variant JSON (``Variant.to_json``) is a stable public contract (``list``/``show
--json``, exports): id, uid, campaign, segment, kind, channel, style, framework, status,
provider, model, content, version, parent_id, round, deliverable_index, slot, job_key,
generation_id, lint, created_at, updated_at, assets (rendered posters: path, width,
height, sha256, template, qr_url, preset, size, id, created_at). New keys may be added;
none of these is renamed or removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.assets import assets_by_variant
from workbench.store.batch import BatchReads
from workbench.store.db import dict_rows, loads, read_txn
from workbench.store.promptparts import unpack
from workbench.store.runs import SUPERSEDED
from workbench.store.variantrecord import FullVariant, Variant

_VARIANT_COLUMNS = """
    v.id, v.uid, v.campaign_id AS campaign, v.segment_id AS segment, v.kind, v.channel,
    v.style, v.framework, v.status, v.provider, v.model, v.content, v.version, v.parent_id,
    v.round, v.deliverable_index, v.slot, v.job_key, v.generation_id, v.lint,
    v.created_at, v.updated_at
"""
# The newest version of each (job_key, slot) chain; served by the unique index.
_LATEST = """NOT EXISTS (SELECT 1 FROM variants n
    WHERE n.job_key = v.job_key AND n.slot = v.slot AND n.version > v.version)"""
_VARIANT_ORDER = "v.campaign_id, v.segment_id, v.deliverable_index, v.style, v.slot, v.version"
_FILTERS = {
    "campaign": "v.campaign_id",
    "segment": "v.segment_id",
    "kind": "v.kind",
    "status": "v.status",
    "channel": "v.channel",
    "style": "v.style",
}
_GENERATION_COLUMNS = """
    id, provider, model, template, template_hash, variables, messages, response_text,
    prompt_tokens, completion_tokens, latency_ms, error, attempt, purpose, created_at,
    messages_parts, variables_parts
"""


def _decode(row: dict[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    for column in columns:
        row[column] = loads(row[column])
    return row


def _variant(row: dict[str, Any]) -> Variant:
    return Variant.from_row(_decode(row, ("content", "lint")))


def _generation(row: dict[str, Any], conn: sqlite3.Connection) -> dict[str, Any]:
    _decode(row, ("variables", "messages"))
    messages, variables = unpack(conn, row.pop("messages_parts"), row.pop("variables_parts"))
    if messages is not None:  # issue 16: stored as content-addressed prompt parts
        row["messages"] = messages
    if variables is not None:
        row["variables"] = variables
    row["tokens"] = (row["prompt_tokens"] or 0) + (row["completion_tokens"] or 0)
    return row


class VariantReads(BatchReads):
    """Variant and campaign reads: the read half of ``store.variants``."""

    def rows(
        self,
        campaign: str | None = None,
        segment: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        channel: str | None = None,
        style: str | None = None,
        limit: int | None = None,
        latest_only: bool = True,
    ) -> list[Variant]:
        """Variants matching every given filter, grouped by campaign, segment, deliverable."""
        given = {
            "campaign": campaign,
            "segment": segment,
            "kind": kind,
            "status": status,
            "channel": channel,
            "style": style,
        }
        where = [f"{_FILTERS[name]} = ?" for name, value in given.items() if value is not None]
        params: list[Any] = [value for value in given.values() if value is not None]
        if latest_only:
            where.append(_LATEST)
        sql = f"SELECT {_VARIANT_COLUMNS} FROM variants v"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_VARIANT_ORDER}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._lock, read_txn(self._conn) as conn:
            rows = dict_rows(conn.execute(sql, params))
            # every row's rendered files, whatever its kind (only posters render any)
            assets = assets_by_variant(conn, [row["id"] for row in rows])
        for row in rows:
            row["assets"] = assets.get(row["id"], [])
        return [_variant(row) for row in rows]

    def get(self, id_or_uid: int | str) -> FullVariant:
        """One variant with its generation, version chain, assets and audit history.

        A string is looked up as a uid first, then (if all digits) as an id.
        """
        with self._lock, read_txn(self._conn) as conn:
            row = self._find_variant(conn, id_or_uid)
            if row is None:
                raise NotFoundError(f"variant {id_or_uid!r} not found")
            versions = dict_rows(
                conn.execute(
                    f"SELECT {_VARIANT_COLUMNS} FROM variants v "
                    "WHERE v.job_key = ? AND v.slot = ? ORDER BY v.version",
                    (row["job_key"], row["slot"]),
                )
            )
            gen_id = row["generation_id"]
            if gen_id is None:  # an edit without its own call: trace to the last call
                earlier = [
                    v["generation_id"]
                    for v in versions
                    if v["version"] <= row["version"] and v["generation_id"] is not None
                ]
                gen_id = earlier[-1] if earlier else None
            generation = None
            if gen_id is not None:
                found = dict_rows(
                    conn.execute(
                        f"SELECT {_GENERATION_COLUMNS} FROM generations WHERE id = ?", (gen_id,)
                    )
                )
                generation = _generation(found[0], conn) if found else None
            calls = dict_rows(
                conn.execute(
                    "SELECT id, attempt, purpose, error, prompt_tokens, completion_tokens, "
                    "latency_ms, created_at FROM generations WHERE job_key = ? ORDER BY id",
                    (row["job_key"],),
                )
            )
            assets = assets_by_variant(conn, [row["id"]]).get(row["id"], [])
            chain_ids = [v["id"] for v in versions]
            marks = ",".join("?" * len(chain_ids))
            history = dict_rows(
                conn.execute(
                    "SELECT id, variant_id, actor, action, from_status, to_status, comment, "
                    f"data, created_at FROM reviews WHERE variant_id IN ({marks}) ORDER BY id",
                    chain_ids,
                )
            )
        # the operator's guidance the variant was regenerated with (none: generated as planned)
        variables = (generation or {}).get("variables") or {}
        return FullVariant.from_row(
            _decode(row, ("content", "lint")),
            assets=tuple(assets),
            generation=generation,
            calls=tuple(calls),
            versions=tuple(_variant(v) for v in versions),
            history=tuple(_decode(h, ("data",)) for h in history),
            instruction=(variables.get("deliverable") or {}).get("instruction"),
        )

    @staticmethod
    def _find_variant(conn: sqlite3.Connection, id_or_uid: int | str) -> dict[str, Any] | None:
        sql = f"SELECT {_VARIANT_COLUMNS} FROM variants v WHERE "
        if isinstance(id_or_uid, str):
            found = dict_rows(conn.execute(sql + "v.uid = ?", (id_or_uid.strip().lower(),)))
            if found or not id_or_uid.strip().isdigit():
                return found[0] if found else None
            id_or_uid = int(id_or_uid)
        found = dict_rows(conn.execute(sql + "v.id = ?", (id_or_uid,)))
        return found[0] if found else None

    def campaigns(self) -> list[dict[str, Any]]:
        """Every campaign with variant counts (latest versions) by status and kind,
        job counts, segment and run counts, and the last run's start time."""
        with self._lock, read_txn(self._conn) as conn:
            campaigns = dict_rows(
                conn.execute(
                    "SELECT c.*, "
                    "(SELECT COUNT(*) FROM segments s WHERE s.campaign_id = c.id) AS segments, "
                    "(SELECT COUNT(*) FROM runs r WHERE r.campaign_id = c.id) AS runs, "
                    "(SELECT MAX(started_at) FROM runs r WHERE r.campaign_id = c.id) "
                    "AS last_run_at FROM campaigns c ORDER BY c.updated_at DESC, c.id"
                )
            )
            variant_counts = conn.execute(
                "SELECT v.campaign_id, v.status, v.kind, COUNT(*) FROM variants v "
                f"WHERE {_LATEST} GROUP BY v.campaign_id, v.status, v.kind"
            ).fetchall()
            job_counts = conn.execute(  # a failed job retried under a newer key is not counted
                "SELECT campaign_id, status, COUNT(*) FROM jobs j "
                f"WHERE j.status != 'failed' OR NOT {SUPERSEDED} GROUP BY campaign_id, status"
            ).fetchall()
        by_id: dict[str, dict[str, Any]] = {}
        for campaign in campaigns:
            _decode(campaign, ("brand", "product"))
            campaign.update(variants=0, by_status={}, by_kind={}, jobs={"ok": 0, "failed": 0})
            by_id[campaign["id"]] = campaign
        for campaign_id, status, kind, count in variant_counts:
            c = by_id.get(campaign_id)
            if c is not None:
                c["variants"] += count
                c["by_status"][status] = c["by_status"].get(status, 0) + count
                c["by_kind"][kind] = c["by_kind"].get(kind, 0) + count
        for campaign_id, status, count in job_counts:
            if campaign_id in by_id:
                by_id[campaign_id]["jobs"][status] = count
        return campaigns
