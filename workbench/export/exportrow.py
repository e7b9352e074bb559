"""One variant as every review export shows it (``export_rows`` builds them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.store.findings import Finding
from workbench.store.variantrecord import Variant

if TYPE_CHECKING:
    from workbench.tracking.links import Link


@dataclass(frozen=True, slots=True)
class ExportRow:
    """The newest version of one variant, flattened into the cells of a review export.

    The column names of the sheets (``rows.COLUMNS``, ``sheets.PROVENANCE``) are field
    names: :meth:`cell` reads one by name."""

    variant_id: int
    """The variant's row id (what the decisions import matches)."""
    uid: str
    """Its short stable id."""
    version: int
    """1 for the generated text, higher after edits and regenerations."""
    hash: str
    """The content hash the decisions import compares (``review.rowhash``)."""
    segment: str
    """The audience segment id."""
    kind: str
    """The content kind."""
    channel: str
    """Its channel or platform; "" for channel-free kinds."""
    style: str
    """The prompt style that wrote it."""
    framework: str
    """The copywriting framework; "" when none was asked for."""
    status: str
    """The review status (``draft``, ``approved``, ...)."""
    content: str
    """The whole piece as text (``textview.content_text``)."""
    fields: tuple[tuple[str, str], ...]
    """``(path, text)`` of every public text field, in order (the HTML cards)."""
    findings: str
    """The lint findings, one line each, in the export's language."""
    finding_list: tuple[Finding, ...]
    """The stored lint findings as records."""
    approvals: str
    """Who approved which step when, one per line."""
    worst: str | None
    """The most serious finding's severity; None without findings."""
    provider: str
    """Who wrote it (the call on record, else the variant's provider)."""
    model: str
    """The model that wrote it."""
    template: str
    """The prompt template's name; "" without a call on record."""
    template_hash: str
    """The template's content hash; "" without a call on record."""
    ruleset: str
    """The compliance ruleset the findings came from; "" without findings."""
    generated_at: str
    """When the call was made (else when the variant was stored)."""
    assets: tuple[Path, ...]
    """Its rendered files that exist (posters), newest first."""
    raw: Variant
    """The stored variant itself (the JSONL export writes its content and lint)."""
    decision: str = ""
    """Empty review columns the reviewer fills in (``REVIEW_COLUMNS``)."""
    comment: str = ""
    reviewer: str = ""
    link: Link | None = None
    """Its tracked link (the publish pack); None elsewhere or without a landing URL."""

    def cell(self, name: str) -> object:
        """The value of the column ``name`` (a field name)."""
        return getattr(self, name)
