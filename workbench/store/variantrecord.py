"""One stored variant as the store hands it out: a frozen record, JSON in one place.

``store.variants.rows`` returns :class:`Variant` rows (with their poster assets);
``store.variants.get`` returns a :class:`FullVariant`, the same fields plus the call that
wrote it, the version chain and the review history. Nothing mutates a record: a changed
status or content is a new record (``dataclasses.replace``).

:meth:`Variant.to_json` is the one builder of the public variant JSON (``variants list`` /
``show --json``, the JSONL export): the keys in the order they have always had (the
columns, then ``assets``; for a detail ``generation``, ``calls``, ``versions``, ``assets``,
``history``, ``instruction``). ``content``, ``lint`` and the detail's generation, calls and
history stay JSON objects: they are the database's JSON columns and the model's answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Self

from workbench.store.findings import Finding, stored_findings

JsonRow = dict[str, Any]
"""A decoded JSON object from a JSON column (content, lint items, a generation row)."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One version of one generated piece of content, with its place in the brief."""

    id: int
    """Row id (a new version of the same slot gets a new id)."""
    uid: str
    """Short stable id, 10 hex characters (``variant_uid``)."""
    campaign: str
    """The campaign id."""
    segment: str
    """The audience segment id it was written for."""
    kind: str
    """The content kind: ``copy``, ``title``, ``poster``, ``video_script``, ..."""
    channel: str | None
    """Its channel or platform (``sms``, ``xiaohongshu``, ...); None for channel-free kinds."""
    style: str
    """The prompt style that wrote it."""
    framework: str | None
    """The copywriting framework asked for (``aida``, ...), if any."""
    status: str
    """Review status: ``draft``, ``in_review``, ``approved``, ``rejected``, ..."""
    provider: str
    """Who wrote it: ``offline`` or the endpoint's provider name (``human`` for an edit)."""
    model: str
    """The model that wrote it."""
    content: JsonRow
    """The kind's payload as stored (the model's parsed answer, or the operator's edit)."""
    version: int
    """1 for the generated text, 2, 3, ... for each edit or regeneration of the slot."""
    parent_id: int | None
    """The version this one was made from; None for version 1."""
    round: int
    """The generation round (1, or higher after a regeneration round)."""
    deliverable_index: int
    """Which deliverable of the brief (0-based)."""
    slot: int
    """Its variant index within the deliverable and job."""
    job_key: str
    """The job that produced the slot (shared by every version of it)."""
    generation_id: int | None
    """The LLM call that wrote this version; None for a hand edit."""
    lint: list[JsonRow] | None
    """Stored lint findings as JSON (``Finding.to_json`` items); None: never linted."""
    created_at: str
    """When this version was stored (ISO 8601, UTC)."""
    updated_at: str
    """When its status last changed."""
    assets: tuple[JsonRow, ...] | None = None
    """Rendered files (posters): path, sha256, size, template, width, height, qr_url,
    preset, created_at, superseded_by, id. None when not read (the versions of a detail)."""

    @classmethod
    def from_row(cls, row: Mapping[str, Any], **extra: Any) -> Self:
        """A record from a decoded ``variants`` row (``content`` and ``lint`` parsed);
        ``extra`` gives the fields that are not columns (``assets``, a detail's)."""
        values = {name: row[name] for name in _COLUMNS}
        if "assets" in row and "assets" not in extra:
            extra["assets"] = tuple(row["assets"])
        return cls(**values, **extra)

    @property
    def findings(self) -> list[Finding]:
        """The stored lint findings as records (empty when never linted)."""
        return stored_findings(self.lint)

    def columns_json(self) -> JsonRow:
        """The stored columns, in the variant JSON's key order."""
        return {name: getattr(self, name) for name in _COLUMNS}

    def to_json(self) -> JsonRow:
        """The public variant JSON object (``variants list --json`` item)."""
        out = self.columns_json()
        if self.assets is not None:
            out["assets"] = list(self.assets)
        return out


@dataclass(frozen=True, slots=True)
class FullVariant(Variant):
    """A variant with what ``variants show`` prints beside it."""

    generation: JsonRow | None = None
    """The call behind this version (an edit traces to the chain's last call): provider,
    model, template, template_hash, variables, messages, response_text, tokens, ...; None
    when no call is on record."""
    calls: tuple[JsonRow, ...] = ()
    """Every call of the job: id, attempt, purpose, error, tokens, latency_ms, created_at."""
    versions: tuple[Variant, ...] = ()
    """The whole version chain of the slot, oldest first (this one included)."""
    history: tuple[JsonRow, ...] = ()
    """Review rows of the chain: actor, action, from/to status, comment, data, created_at."""
    instruction: str | None = None
    """The operator's guidance it was regenerated with; None: generated as planned."""

    def to_json(self) -> JsonRow:
        """The public ``variants show --json`` object."""
        out = self.columns_json()
        out["generation"] = self.generation
        out["calls"] = list(self.calls)
        out["versions"] = [v.to_json() for v in self.versions]
        out["assets"] = list(self.assets or ())
        out["history"] = list(self.history)
        out["instruction"] = self.instruction
        return out


_COLUMNS = tuple(f.name for f in fields(Variant) if f.name != "assets")


def variants_json(variants: Sequence[Variant]) -> list[JsonRow]:
    """The JSON list of many variants."""
    return [v.to_json() for v in variants]
