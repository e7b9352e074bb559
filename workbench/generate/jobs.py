"""Expanding a brief into jobs, and the deterministic key that makes re-runs free.

A job is one LLM call: (segment, deliverable, style, variant slot). Most kinds fill one
variant per call; titles fill all of a deliverable's variants in one call. The key hashes
everything that decides the answer (the brief's content, the job's coordinates, the prompt
template's hash, the provider, model and parameters), so a re-run of an unchanged brief
finds every finished job and makes no LLM call.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypedDict

from workbench.brief.models import Brief
from workbench.errors import InputError, Problem
from workbench.kinds import get_kind
from workbench.llm.base import JobContext

ONLY_FIELDS = ("segment", "kind", "channel", "style", "deliverable")
# Hex digits of a job key (keys written before migration m220_scale_keys had all 64; that
# migration cut every stored one to this prefix, which is what job_key computes).
KEY_HEX = 32


@dataclass(frozen=True)
class Job:
    ctx: JobContext

    @property
    def segment_id(self) -> str:
        return self.ctx.segment.id

    @property
    def channel(self) -> str | None:
        return self.ctx.deliverable.target

    @property
    def framework(self) -> str | None:
        return self.ctx.deliverable.framework

    @property
    def label(self) -> str:
        d = self.ctx.deliverable
        where = self.channel or d.kind
        return (
            f"{self.segment_id} · #{self.ctx.deliverable_index} {d.kind}/{where} · "
            f"{self.ctx.style} · v{self.ctx.variant_index + 1}"
        )


def parse_only(values: Iterable[str], flag: str = "--only") -> dict[str, set[str]]:
    """``segment=new-moms,kind=copy`` (repeatable) -> {"segment": {...}, "kind": {...}}."""
    result: dict[str, set[str]] = {}
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            name, sep, wanted = part.partition("=")
            name = name.strip()
            if not sep or not wanted.strip() or name not in ONLY_FIELDS:
                raise InputError(
                    Problem(
                        flag,
                        None,
                        part,
                        f"expected FIELD=VALUE with FIELD one of {', '.join(ONLY_FIELDS)}",
                    )
                )
            result.setdefault(name, set()).add(wanted.strip())
    return result


def _selected(job_values: Mapping[str, str | None], only: Mapping[str, set[str]]) -> bool:
    return all(job_values.get(name) in wanted for name, wanted in only.items())


def expand_jobs(
    brief: Brief, *, round: int = 1, only: Mapping[str, set[str]] | None = None
) -> Iterator[Job]:
    """Every job of a brief: segments × deliverables × styles × variant slots."""
    only = only or {}
    for segment in brief.resolved_segments():
        for index, deliverable in enumerate(brief.deliverables):
            kind = get_kind(deliverable.kind)
            per_call = max(1, kind.call_size(deliverable))
            channel = deliverable.target
            for style in deliverable.styles:
                values = {
                    "segment": segment.id,
                    "kind": deliverable.kind,
                    "channel": channel,
                    "style": style,
                    "deliverable": str(index),
                }
                if not _selected(values, only):
                    continue
                for first in range(0, deliverable.variants, per_call):
                    count = min(per_call, deliverable.variants - first)
                    yield Job(
                        JobContext(
                            brief=brief,
                            segment=segment,
                            deliverable=deliverable,
                            deliverable_index=index,
                            style=style,
                            variant_index=first,
                            count=count,
                            round=round,
                        )
                    )


class ProviderFingerprint(TypedDict, total=False):
    """What about the provider decides the answer (never the key), part of every job key."""

    provider: str
    """The provider's name (``offline`` or the endpoint's)."""
    model: str
    temperature: float | None
    """The configured temperature; None when the endpoint's default applies."""
    json: str | None
    """The structured-output mode (``json_schema``, ``json_object``, ``none``)."""


def job_key(
    brief_hash: str,
    job: Job,
    template_hash: str,
    provider_fingerprint: ProviderFingerprint,
) -> str:
    """Deterministic key of one job: the first ``KEY_HEX`` hex digits (128 bits) of a
    sha256, stored in several tables and indexes per variant (issue 16: 2 KB per variant)."""
    ctx = job.ctx
    payload = {
        "brief": brief_hash,
        "segment": ctx.segment.id,
        "deliverable": ctx.deliverable_index,
        "style": ctx.style,
        "variant": ctx.variant_index,
        "count": ctx.count,
        "round": ctx.round,
        "template": template_hash,
        "provider": dict(provider_fingerprint),
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:KEY_HEX]
