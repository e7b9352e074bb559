"""``store.reviews``: review reads and writes: status changes with their audit rows, new
versions, lint results, campaign-level audit entries (export, import) and the audit trail.

The ``reviews`` table is append-only (migration ``m020_review_audit`` adds triggers that
abort any UPDATE or DELETE); every method here only inserts into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.errors import NotFoundError, WorkbenchError
from workbench.guards.stored import stored_content
from workbench.store.aggregate import Aggregate
from workbench.store.auditlog import AUDIT_COLUMNS, AuditEntry
from workbench.store.batch import select_in_chunks
from workbench.store.db import dict_rows, dumps, loads, now, read_txn, write_txn
from workbench.store.findings import Finding, findings_json
from workbench.store.provenance import Provenance
from workbench.store.records import variant_uid

_INSERT_REVIEW = """
INSERT INTO reviews (variant_id, campaign_id, actor, action, from_status, to_status,
    comment, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_AUDIT_COLUMNS = AUDIT_COLUMNS


def _entry(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry.from_row({**row, "data": loads(row["data"])})


class ConflictError(WorkbenchError):
    """The variant changed while the action was being prepared (another reviewer)."""

    exit_code = 6


@dataclass(frozen=True)
class ReviewAction:
    """One audited action on one variant; ``to_status`` None leaves the status alone."""

    variant_id: int
    campaign_id: str
    actor: str
    action: str
    from_status: str | None
    to_status: str | None = None
    comment: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


class Reviews(Aggregate):
    """Review workflow storage and the audit trail: ``store.reviews``."""

    def apply(self, actions: Sequence[ReviewAction]) -> list[int]:
        """Record every action (and its status change) in ONE transaction; returns audit ids.

        A status change only applies if the variant still has ``from_status``; otherwise
        nothing is written and ``ConflictError`` is raised.
        """
        stamp = now()
        ids: list[int] = []
        with self._lock, write_txn(self._conn) as conn:
            for a in actions:
                if a.to_status is not None and a.to_status != a.from_status:
                    cur = conn.execute(
                        "UPDATE variants SET status = ?, updated_at = ? "
                        "WHERE id = ? AND status = ?",
                        (a.to_status, stamp, a.variant_id, a.from_status),
                    )
                    if cur.rowcount != 1:
                        raise ConflictError(
                            f"variant {a.variant_id} changed meanwhile (no longer "
                            f"{a.from_status}); nothing was applied, try again"
                        )
                to_status = a.to_status if a.to_status is not None else a.from_status
                cur = conn.execute(
                    _INSERT_REVIEW,
                    (
                        a.variant_id,
                        a.campaign_id,
                        a.actor,
                        a.action,
                        a.from_status,
                        to_status,
                        a.comment,
                        dumps(a.data) if a.data else None,
                        stamp,
                    ),
                )
                ids.append(int(cur.lastrowid or 0))
        return ids

    def log_campaign_action(
        self,
        campaign_id: str,
        actor: str,
        action: str,
        comment: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> int:
        """An audit entry about a campaign as a whole (export, import); no variant."""
        with self._lock, write_txn(self._conn) as conn:
            cur = conn.execute(
                _INSERT_REVIEW,
                (None, campaign_id, actor, action, None, None, comment, dumps(data or {}), now()),
            )
        return int(cur.lastrowid or 0)

    def add_version(
        self,
        parent_id: int,
        content: dict[str, Any],
        lint: Sequence[Finding] | None,
        actor: str,
        action: str = "edit",
        comment: str | None = None,
        data: dict[str, Any] | None = None,
        generation_id: int | None = None,
    ) -> int:
        """A new version of ``parent_id``'s chain (status draft, parent link); returns its id.

        Only the newest version of a chain can be edited. The parent keeps its content and
        status; the audit row (``action``) sits on the new version.
        """
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            found = dict_rows(conn.execute("SELECT * FROM variants WHERE id = ?", (parent_id,)))
            if not found:
                raise NotFoundError(f"variant {parent_id} not found")
            p = found[0]
            newest = conn.execute(
                "SELECT MAX(version) FROM variants WHERE job_key = ? AND slot = ?",
                (p["job_key"], p["slot"]),
            ).fetchone()[0]
            if newest != p["version"]:
                raise ConflictError(
                    f"variant {parent_id} is version {p['version']} of {newest}; "
                    "edit the newest version"
                )
            version = int(newest) + 1
            cur = conn.execute(
                "INSERT INTO variants (uid, job_key, slot, campaign_id, segment_id, "
                "deliverable_index, kind, channel, style, framework, provider, model, "
                "generation_id, content, status, version, parent_id, round, lint, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, "
                "?, ?, ?)",
                (
                    variant_uid(p["job_key"], p["slot"], version),
                    p["job_key"],
                    p["slot"],
                    p["campaign_id"],
                    p["segment_id"],
                    p["deliverable_index"],
                    p["kind"],
                    p["channel"],
                    p["style"],
                    p["framework"],
                    p["provider"],
                    p["model"],
                    generation_id,
                    dumps(stored_content(content)),
                    version,
                    parent_id,
                    p["round"],
                    None if lint is None else dumps(findings_json(lint)),
                    stamp,
                    stamp,
                ),
            )
            new_id = int(cur.lastrowid or 0)
            conn.execute(
                _INSERT_REVIEW,
                (
                    new_id,
                    p["campaign_id"],
                    actor,
                    action,
                    p["status"],
                    "draft",
                    comment,
                    dumps({"parent_id": parent_id, "version": version, **(data or {})}),
                    stamp,
                ),
            )
        return new_id

    def set_lint(self, variant_id: int, findings: Sequence[Finding]) -> None:
        """Store fresh lint findings on a variant (the content is unchanged)."""
        stored = dumps(findings_json(findings))
        with self._lock, write_txn(self._conn) as conn:
            conn.execute("UPDATE variants SET lint = ? WHERE id = ?", (stored, variant_id))

    def latest_brief_raw(self, campaign_id: str) -> str | None:
        """The raw YAML of the campaign's most recent brief, if any."""
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute(
                "SELECT raw FROM briefs WHERE campaign_id = ? ORDER BY id DESC LIMIT 1",
                (campaign_id,),
            ).fetchone()
        return None if found is None else str(found[0])

    def campaign_exists(self, campaign_id: str) -> bool:
        """Whether the store knows this campaign."""
        with self._lock, read_txn(self._conn) as conn:
            found = conn.execute("SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,))
            return found.fetchone() is not None

    def audit_trail(
        self, variant_id: int | None = None, campaign: str | None = None
    ) -> list[AuditEntry]:
        """Audit entries, oldest first: a variant's whole version chain, or a campaign's."""
        with self._lock, read_txn(self._conn) as conn:
            if variant_id is not None:
                found = conn.execute(
                    "SELECT job_key, slot FROM variants WHERE id = ?", (variant_id,)
                ).fetchone()
                if found is None:
                    raise NotFoundError(f"variant {variant_id} not found")
                rows = dict_rows(
                    conn.execute(
                        f"SELECT {_AUDIT_COLUMNS} FROM reviews r JOIN variants v "
                        "ON v.id = r.variant_id WHERE v.job_key = ? AND v.slot = ? ORDER BY r.id",
                        tuple(found),
                    )
                )
            else:
                rows = dict_rows(
                    conn.execute(
                        f"SELECT {_AUDIT_COLUMNS} FROM reviews r WHERE r.campaign_id = ? "
                        "ORDER BY r.id",
                        (campaign,),
                    )
                )
        return [_entry(row) for row in rows]

    def review_rows(self, variant_id: int) -> list[AuditEntry]:
        """Audit rows of exactly this variant (this version), oldest first."""
        with self._lock, read_txn(self._conn) as conn:
            rows = dict_rows(
                conn.execute(
                    f"SELECT {_AUDIT_COLUMNS} FROM reviews r WHERE r.variant_id = ? ORDER BY r.id",
                    (variant_id,),
                )
            )
        return [_entry(row) for row in rows]

    def review_rows_of(self, variant_ids: Iterable[int]) -> dict[int, list[AuditEntry]]:
        """``id -> audit rows of exactly that version``, oldest first, for many ids."""
        ids = sorted({int(i) for i in variant_ids})
        where = "WHERE r.variant_id IN ({marks}) ORDER BY r.id"
        sql = f"SELECT {AUDIT_COLUMNS} FROM reviews r {where}"
        out: dict[int, list[AuditEntry]] = {i: [] for i in ids}
        with self._lock, read_txn(self._conn) as conn:
            for row in select_in_chunks(conn, sql, ids):
                row["data"] = loads(row["data"])
                out[int(row["variant_id"])].append(AuditEntry.from_row(row))
        return out

    def newest_versions(self, variant_ids: Iterable[int]) -> dict[int, int]:
        """``id -> id of the newest version in its chain`` for the given ids."""
        ids = list(dict.fromkeys(variant_ids))
        out: dict[int, int] = {}
        with self._lock, read_txn(self._conn) as conn:
            for vid in ids:
                found = conn.execute(
                    "SELECT n.id FROM variants v JOIN variants n ON n.job_key = v.job_key "
                    "AND n.slot = v.slot WHERE v.id = ? ORDER BY n.version DESC LIMIT 1",
                    (vid,),
                ).fetchone()
                if found is not None:
                    out[vid] = int(found[0])
        return out

    def provenance(self, variant_ids: Iterable[int]) -> dict[int, Provenance]:
        """Per variant: template, template hash, model, provider and the assets' files."""
        ids = list(dict.fromkeys(variant_ids))
        calls: dict[int, Provenance] = {}
        files: dict[int, list[str]] = {}
        with self._lock, read_txn(self._conn) as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for vid, *call in conn.execute(
                    "SELECT v.id, g.template, g.template_hash, g.provider, g.model, "
                    "g.prompt_tokens, g.completion_tokens, g.created_at AS generated_at "
                    "FROM variants v LEFT JOIN generations g ON g.id = COALESCE("
                    "v.generation_id, (SELECT o.generation_id FROM variants o WHERE "
                    "o.job_key = v.job_key AND o.slot = v.slot AND o.version = 1)) "
                    f"WHERE v.id IN ({marks})",
                    chunk,
                ):
                    calls[vid], files[vid] = Provenance(*call), []
                for vid, path in conn.execute(
                    "SELECT variant_id, path FROM assets "
                    f"WHERE variant_id IN ({marks}) ORDER BY id",
                    chunk,
                ):
                    if vid in files:
                        files[vid].append(path)
        return {vid: replace(p, assets=tuple(files[vid])) for vid, p in calls.items()}
