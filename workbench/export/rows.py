"""What an export shows per variant: one flat row, the same for every format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.errors import InputError, NotFoundError, Problem
from workbench.export.exportrow import ExportRow
from workbench.i18n import CATALOG, Catalog
from workbench.lint.engine import text_fields, worst
from workbench.review.rowhash import content_hash
from workbench.review.workflow import STATUSES, approvals
from workbench.store import Store
from workbench.store.auditlog import AuditEntry
from workbench.store.findings import Finding, stored_findings
from workbench.store.provenance import Provenance
from workbench.textview import content_text

REVIEW_COLUMNS = ("decision", "comment", "reviewer")
_NO_CALL = Provenance(None, None, None, None, None, None, None)  # no generation on record
COLUMNS = (
    "variant_id",
    "uid",
    "version",
    "hash",
    "segment",
    "kind",
    "channel",
    "style",
    "status",
    "content",
    "findings",
    "approvals",
    *REVIEW_COLUMNS,
)


def finding_line(f: Finding, language: str = "zh-CN") -> str:
    message = (f.message_en if language == "en-US" else f.message_zh) or f.message
    where = f" ({f.field})" if f.field else ""
    tail = f" → {f.suggestion}" if f.suggestion else ""
    return f"[{f.severity}]{where} {message}{tail}"


def approvals_text(rows: Sequence[AuditEntry]) -> str:
    """Who approved which step when: ``legal: 法务小王 2026-03-10 14:02``, one per line."""
    return "\n".join(
        f"{step}: {who} {at[:16].replace('T', ' ')}".rstrip() for step, who, at in approvals(rows)
    )


def status_label(status: str, language: str) -> str:
    """A review status as a zh-CN reader reads it (草稿, 审核中, …); in English, and for
    unknown statuses, the status name itself (draft, in_review, …)."""
    key = f"cal.status.{status}"
    return Catalog(language)(key) if language == "zh-CN" and key in CATALOG else status


def parse_statuses(values: Sequence[str] | None) -> list[str]:
    wanted = [s.strip() for v in values or [] for s in v.split(",") if s.strip()]
    for s in wanted:
        if s not in STATUSES:
            raise InputError(
                Problem("--status", None, "", f"unknown status {s!r}; one of {', '.join(STATUSES)}")
            )
    return wanted


def export_rows(
    store: Store,
    campaign: str,
    statuses: Sequence[str] = (),
    workspace: Path | None = None,
    language: str = "zh-CN",
) -> list[ExportRow]:
    """Newest version of every variant of ``campaign`` (optionally only some statuses)."""
    if not store.reviews.campaign_exists(campaign):
        raise NotFoundError(f"campaign {campaign!r} not found")
    variants = [
        v for v in store.variants.rows(campaign=campaign) if not statuses or v.status in statuses
    ]
    prov = store.reviews.provenance(v.id for v in variants)
    audit = store.reviews.review_rows_of(v.id for v in variants)
    rows: list[ExportRow] = []
    for v in variants:
        p = prov.get(v.id) or _NO_CALL
        findings = stored_findings(v.lint)
        assets = [a.get("path") for a in (v.assets or []) if isinstance(a, dict)]
        assets += p.assets
        files = []
        for a in dict.fromkeys(x for x in assets if x):
            path = Path(a)
            if not path.is_absolute() and workspace is not None:
                path = workspace / path
            if path.is_file():
                files.append(path)
        rows.append(
            ExportRow(
                variant_id=v.id,
                uid=v.uid,
                version=v.version,
                hash=content_hash(v.content),
                segment=v.segment,
                kind=v.kind,
                channel=v.channel or "",
                style=v.style,
                framework=v.framework or "",
                status=v.status,
                content=content_text(v.kind, v.content),
                fields=tuple(text_fields(v.content)),
                findings="\n".join(finding_line(f, language) for f in findings),
                finding_list=tuple(findings),
                approvals=approvals_text(audit.get(v.id, [])),
                worst=worst(findings),
                provider=p.provider or v.provider,
                model=p.model or v.model,
                template=p.template or "",
                template_hash=p.template_hash or "",
                ruleset=findings[0].ruleset if findings else "",
                generated_at=p.generated_at or v.created_at,
                assets=tuple(files),
                raw=v,
            )
        )
    return rows
