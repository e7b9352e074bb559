"""``store.variants``: every write the pipeline makes. Each method is one short ``BEGIN
IMMEDIATE`` transaction.

The hot path (``complete_job``) uses prepared SQL with ``executemany`` and no schema
introspection, so storing a job costs a fraction of a millisecond. A kill at any moment
leaves either the whole job (generation, variants, job row, audit rows) or none of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.guards.stored import stored_answer, stored_content, stored_error
from workbench.store.db import dumps, now, read_txn, write_txn
from workbench.store.findings import findings_json
from workbench.store.promptparts import pack_messages, pack_variables
from workbench.store.queries import VariantReads
from workbench.store.records import (
    PURPOSES,
    GenerationRecord,
    JobRecord,
    VariantRecord,
    variant_uid,
)

GENERATE_ACTOR = "workbench"
_IN_CHUNK = 500  # well under SQLite's host-parameter limit

_UPSERT_CAMPAIGN = """
INSERT INTO campaigns (id, name, goal, language, brand, product, current_round,
                       created_at, updated_at)
VALUES (:id, :name, :goal, :language, :brand, :product, 1, :now, :now)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, goal = excluded.goal, language = excluded.language,
    brand = excluded.brand, product = excluded.product, updated_at = excluded.updated_at
"""
_UPSERT_SEGMENT = """
INSERT INTO segments (campaign_id, id, name, data, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (campaign_id, id) DO UPDATE SET
    name = excluded.name, data = excluded.data, updated_at = excluded.updated_at
"""
_INSERT_GENERATION = """
INSERT INTO generations (job_key, run_id, campaign_id, provider, model, template,
    template_hash, variables, messages, response_text, prompt_tokens, completion_tokens,
    latency_ms, error, attempt, purpose, created_at, finish_reason, tokens_estimated,
    messages_parts, variables_parts)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
# A racing duplicate of (job_key, slot, version) is dropped; any other conflict (a uid
# collision) fails the whole transaction loudly instead of silently losing a variant.
_INSERT_VARIANT = """
INSERT INTO variants (uid, job_key, slot, campaign_id, segment_id,
    deliverable_index, kind, channel, style, framework, provider, model, generation_id,
    content, status, version, parent_id, round, lint, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, NULL, ?, ?, ?, ?)
ON CONFLICT (job_key, slot, version) DO NOTHING
"""
_UPSERT_JOB_OK = """
INSERT INTO jobs (key, campaign_id, run_id, segment_id, deliverable_index, kind, channel,
    style, framework, variant_index, count, round, status, attempts, error, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', 1, NULL, ?)
ON CONFLICT (key) DO UPDATE SET
    run_id = excluded.run_id, status = 'ok', attempts = jobs.attempts + 1, error = NULL,
    updated_at = excluded.updated_at
"""
_UPSERT_JOB_FAILED = """
INSERT INTO jobs (key, campaign_id, run_id, segment_id, deliverable_index, kind, channel,
    style, framework, variant_index, count, round, status, attempts, error, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'failed', 1, ?, ?)
ON CONFLICT (key) DO UPDATE SET
    run_id = excluded.run_id, status = 'failed', attempts = jobs.attempts + 1,
    error = excluded.error, updated_at = excluded.updated_at
WHERE jobs.status != 'ok'
"""
# Exactly the rows this call inserted carry this call's generation id.
_AUDIT_GENERATED = """
INSERT INTO reviews (variant_id, campaign_id, actor, action, from_status, to_status,
    comment, data, created_at)
SELECT id, campaign_id, ?, 'generate', NULL, status, NULL,
       json_object('run_id', ?, 'generation_id', generation_id), ?
FROM variants WHERE generation_id = ? ORDER BY slot
"""
_JOB_STATUS = "SELECT status FROM jobs WHERE key = ?"
_JOB_VARIANT_IDS = "SELECT id FROM variants WHERE job_key = ? AND version = 1 ORDER BY slot"


def _generation_row(
    conn: sqlite3.Connection, gen: GenerationRecord, created_at: str
) -> tuple[Any, ...]:
    """The generation's row; its messages and variables go in as prompt parts (issue 16:
    content-addressed, written once per distinct piece, not once per call)."""
    if gen.purpose not in PURPOSES:
        raise ValueError(f"generation purpose must be one of {PURPOSES}, not {gen.purpose!r}")
    messages_parts = pack_messages(conn, gen.messages)
    return (
        gen.job_key,
        gen.run_id,
        gen.campaign_id,
        gen.provider,
        gen.model,
        gen.template,
        gen.template_hash,
        None,  # variables: in variables_parts
        None if messages_parts is not None else dumps(gen.messages),
        stored_answer(gen.response_text),
        gen.prompt_tokens,
        gen.completion_tokens,
        gen.latency_ms,
        None if gen.error is None else stored_error(gen.error),
        gen.attempt,
        gen.purpose,
        created_at,
        gen.finish_reason,
        1 if gen.tokens_estimated else None,
        messages_parts,
        pack_variables(conn, gen.variables),
    )


def _job_row(job: JobRecord) -> tuple[Any, ...]:
    return (
        job.key,
        job.campaign_id,
        job.run_id,
        job.segment_id,
        job.deliverable_index,
        job.kind,
        job.channel,
        job.style,
        job.framework,
        job.variant_index,
        job.count,
        job.round,
    )


class Variants(VariantReads):
    """Briefs, jobs, generations and variants: ``store.variants`` (the writes here, the
    reads in ``VariantReads``)."""

    def save_brief(
        self,
        campaign: Mapping[str, Any],
        segments: Sequence[Mapping[str, Any]],
        raw: str,
        sha256: str,
        path: str,
    ) -> int:
        """Upsert the campaign (keeping its round) and segments; record the brief once.

        Returns the brief id: a new one, or the existing one when this campaign has already
        seen a brief with this sha256.
        """
        stamp = now()
        row = {
            "id": campaign["id"],
            "name": campaign.get("name") or campaign["id"],
            "goal": campaign.get("goal"),
            "language": campaign.get("language"),
            "brand": dumps(campaign["brand"]) if campaign.get("brand") is not None else None,
            "product": (
                dumps(campaign["product"]) if campaign.get("product") is not None else None
            ),
            "now": stamp,
        }
        segment_rows = [
            (row["id"], s["id"], s.get("name") or s["id"], dumps(dict(s)), stamp) for s in segments
        ]
        with self._lock, write_txn(self._conn) as conn:
            conn.execute(_UPSERT_CAMPAIGN, row)
            conn.executemany(_UPSERT_SEGMENT, segment_rows)
            conn.execute(
                "INSERT INTO briefs (campaign_id, path, raw, sha256, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, sha256) DO NOTHING",
                (row["id"], path, raw, sha256, stamp),
            )
            found = conn.execute(
                "SELECT id FROM briefs WHERE campaign_id = ? AND sha256 = ?", (row["id"], sha256)
            ).fetchone()
        return int(found[0])

    def job_status(self, keys: Sequence[str]) -> dict[str, str]:
        """``key -> 'ok' | 'failed'`` for the keys the store knows (unknown keys are absent)."""
        result: dict[str, str] = {}
        keys = list(dict.fromkeys(keys))
        with self._lock, read_txn(self._conn) as conn:
            for start in range(0, len(keys), _IN_CHUNK):
                chunk = keys[start : start + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, status in conn.execute(
                    f"SELECT key, status FROM jobs WHERE key IN ({marks})", chunk
                ):
                    result[key] = status
        return result

    def record_generation(self, gen: GenerationRecord) -> int:
        """Store one LLM call on its own (a failed attempt, or one that needed repair)."""
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(_INSERT_GENERATION, _generation_row(conn, gen, now()))
        return int(cur.lastrowid or 0)

    def complete_job(
        self, job: JobRecord, gen: GenerationRecord, variants: Sequence[VariantRecord]
    ) -> list[int]:
        """Store a finished job in ONE transaction; returns the ids of its variants by slot.

        Inserts the generation, the variants (a racing duplicate is dropped), the job row
        (status ok) and one ``generate`` audit row per new variant. A job that is already
        ok is left untouched and its existing variant ids are returned.
        """
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            done = conn.execute(_JOB_STATUS, (job.key,)).fetchone()
            if done is None or done[0] != "ok":
                row = _generation_row(conn, gen, stamp)
                gen_id = conn.execute(_INSERT_GENERATION, row).lastrowid
                conn.executemany(
                    _INSERT_VARIANT,
                    [
                        (
                            variant_uid(job.key, v.slot),
                            job.key,
                            v.slot,
                            job.campaign_id,
                            v.segment_id,
                            v.deliverable_index,
                            v.kind,
                            v.channel,
                            v.style,
                            v.framework,
                            v.provider,
                            v.model,
                            gen_id,
                            dumps(stored_content(v.content)),
                            v.round,
                            None if v.lint is None else dumps(findings_json(v.lint)),
                            stamp,
                            stamp,
                        )
                        for v in variants
                    ],
                )
                conn.execute(_UPSERT_JOB_OK, (*_job_row(job), stamp))
                conn.execute(_AUDIT_GENERATED, (GENERATE_ACTOR, job.run_id, stamp, gen_id))
            ids = [row[0] for row in conn.execute(_JOB_VARIANT_IDS, (job.key,))]
        return ids

    def fail_job(self, job: JobRecord, gen: GenerationRecord | None, error: str) -> None:
        """Mark a job failed (attempts + 1) unless it is already ok; store ``gen`` if given."""
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            if gen is not None:
                conn.execute(_INSERT_GENERATION, _generation_row(conn, gen, stamp))
            conn.execute(_UPSERT_JOB_FAILED, (*_job_row(job), stored_error(error), stamp))
