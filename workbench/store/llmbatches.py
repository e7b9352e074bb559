"""Provider Batch API runs in the store: what went out in which file, and where it stands.

A shard's row and its job keys are written (status ``submitting``) before the file is
uploaded; the provider's file id and batch id follow as soon as the provider names them,
each in its own short transaction. A process killed at any point leaves a row a re-run can
pick up: ``submitting`` without a batch id is looked for on the provider (by the shard tag
in the batch's metadata) before anything is sent again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.errors import NotFoundError
from workbench.store.aggregate import Aggregate
from workbench.store.db import dumps, loads, now, read_txn, write_txn

OPEN_STATUSES = (
    "submitting",
    "validating",
    "in_progress",
    "finalizing",
    "cancelling",
)
"""A batch in one of these still owns its jobs: they are not submitted again."""
DONE_STATUSES = ("completed", "failed", "expired", "cancelled")
"""The provider is finished with the batch; its answers (if any) can be collected."""
_IN_CHUNK = 500
_COLUMNS = (
    "id, campaign_id, brief_id, run_id, shard, purpose, base_url, model, plan, status, "
    "input_file_id, batch_id, output_file_id, error_file_id, requests, completed, failed, "
    "error, created_at, updated_at, collected_at"
)
_UPDATABLE = frozenset(
    {
        "status",
        "input_file_id",
        "batch_id",
        "output_file_id",
        "error_file_id",
        "completed",
        "failed",
        "error",
        "run_id",
    }
)


def _row(cursor: sqlite3.Cursor, values: Sequence[Any]) -> dict[str, Any]:
    names = [d[0] for d in cursor.description]
    row = dict(zip(names, values, strict=True))
    row["plan"] = loads(row["plan"])
    return row


class LLMBatches(Aggregate):
    """Batch API bookkeeping: ``store.llm_batches``."""

    def add(
        self,
        *,
        campaign_id: str,
        brief_id: int | None,
        run_id: int | None,
        shard: int,
        base_url: str,
        model: str,
        plan: Mapping[str, Any],
        job_keys: Sequence[str],
        purpose: str = "generate",
    ) -> int:
        """Record one shard about to be submitted, with its job keys; returns its local id."""
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                "INSERT INTO llm_batches (campaign_id, brief_id, run_id, shard, purpose, "
                "base_url, model, plan, status, requests, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitting', ?, ?, ?)",
                (
                    campaign_id,
                    brief_id,
                    run_id,
                    shard,
                    purpose,
                    base_url,
                    model,
                    dumps(dict(plan)),
                    len(job_keys),
                    stamp,
                    stamp,
                ),
            )
            local = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT OR IGNORE INTO llm_batch_jobs (batch, job_key) VALUES (?, ?)",
                [(local, key) for key in job_keys],
            )
        return local

    def update(self, local_id: int, **fields: Any) -> None:
        """Set provider ids, status and counts of one batch row."""
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"not a batch column: {', '.join(sorted(unknown))}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                f"UPDATE llm_batches SET {assignments}, updated_at = ? WHERE id = ?",
                (*fields.values(), now(), local_id),
            )
        if cur.rowcount == 0:
            raise NotFoundError(f"batch {local_id} not found")

    def mark_collected(self, local_id: int) -> None:
        """Close a batch: its answers are stored (the jobs table now says how each job
        ended), so its job-key list is dropped (64 bytes and an index entry per job)."""
        with self._lock, write_txn(self._conn) as conn:
            conn.execute(
                "UPDATE llm_batches SET collected_at = ?, updated_at = ? WHERE id = ?",
                (now(), now(), local_id),
            )
            conn.execute("DELETE FROM llm_batch_jobs WHERE batch = ?", (local_id,))

    def rows(
        self, campaign_id: str | None = None, *, uncollected: bool = False
    ) -> list[dict[str, Any]]:
        """Batch rows, oldest first; ``uncollected``: those whose answers are not stored yet."""
        where: list[str] = []
        params: list[Any] = []
        if campaign_id is not None:
            where.append("campaign_id = ?")
            params.append(campaign_id)
        if uncollected:
            where.append("collected_at IS NULL")
        sql = f"SELECT {_COLUMNS} FROM llm_batches"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        with self._lock, read_txn(self._conn) as conn:
            cursor = conn.execute(sql, params)
            return [_row(cursor, values) for values in cursor.fetchall()]

    def get(self, ident: int | str) -> dict[str, Any]:
        """One batch by local id or provider batch id."""
        text = str(ident)
        with self._lock, read_txn(self._conn) as conn:
            cursor = conn.execute(
                f"SELECT {_COLUMNS} FROM llm_batches WHERE batch_id = ? "
                "OR (id = ? AND ? GLOB '[0-9]*')",
                (text, int(text) if text.isdigit() else -1, text),
            )
            found = cursor.fetchone()
            if found is None:
                raise NotFoundError(f"batch {text!r} not found (see `workbench batch list`)")
            return _row(cursor, found)

    def job_keys(self, local_id: int) -> list[str]:
        """The job keys that went out in one batch."""
        with self._lock, read_txn(self._conn) as conn:
            return [
                key
                for (key,) in conn.execute(
                    "SELECT job_key FROM llm_batch_jobs WHERE batch = ?", (local_id,)
                )
            ]

    def open_keys(self, keys: Iterable[str]) -> dict[str, int]:
        """``job key -> local batch id`` for keys sent in a batch not yet collected."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, int] = {}
        with self._lock, read_txn(self._conn) as conn:
            for start in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[start : start + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, local in conn.execute(
                    "SELECT j.job_key, j.batch FROM llm_batch_jobs j "
                    "JOIN llm_batches b ON b.id = j.batch "
                    f"WHERE b.collected_at IS NULL AND j.job_key IN ({marks})",
                    chunk,
                ):
                    found[key] = int(local)
        return found

    def brief(self, brief_id: int) -> tuple[str, str]:
        """``(raw YAML, path)`` of a stored brief (a batch is collected from what it was
        planned from, even when the file has changed or moved since)."""
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute(
                "SELECT raw, path FROM briefs WHERE id = ?", (brief_id,)
            ).fetchone()
        if found is None:
            raise NotFoundError(f"brief {brief_id} not found")
        return str(found[0]), str(found[1])
