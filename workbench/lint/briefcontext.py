"""Lint contexts from a brief: banned and required words, deadline, names that are allowed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import JsonValue

from workbench.brief.audience import address_for, operator_labels
from workbench.lint.claims import NO_DIVERSION
from workbench.lint.engine import LintContext, Linter
from workbench.lint.facts import facts_from_brief
from workbench.lint.guardraw import raw_facts, raw_limit, raw_segment, raw_value
from workbench.lint.rules import load_rules
from workbench.store.findings import Finding

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.brief.models import Brief, Segment
    from workbench.segments import SegmentLibrary


def context_from_brief(
    brief: Brief,
    channel: str | None,
    kind: str | None,
    segment: Segment | None = None,
    deliverable: Any = None,
) -> LintContext:
    """A lint context from a validated brief; with ``segment``, its labels are ``internal``.

    Without a segment (a file linted with ``--brief``), every segment's labels count.
    """
    c = brief.campaign
    segments = [segment] if segment is not None else brief.resolved_segments()
    labels = tuple(label for s in segments for label in operator_labels(s))
    addresses = tuple(address_for(s, c.language) for s in segments)
    return LintContext(
        channel=channel,
        kind=kind,
        language=c.language,
        banned_words=tuple(c.brand.banned_words),
        must_include=tuple(c.brand.must_include),
        deadline=c.product.deadline,
        allow=(c.brand.name, c.product.name, c.product.short_name, *addresses),
        brand=c.brand.name,
        facts=facts_from_brief(brief, segment),
        labels=tuple(sorted(set(labels), key=len, reverse=True)),
        address=address_for(segment, c.language) if segment is not None else "",
        category=c.product.category,
        sms_parts=getattr(deliverable, "sms_parts", None),
        max_chars=getattr(deliverable, "max_chars", None),
        no_diversion=diversion_platforms(channel, getattr(deliverable, "size", None)),
        qr_requested=bool(getattr(deliverable, "qr", False)),
    )


def diversion_platforms(channel: str | None, size: Any = None) -> tuple[str, ...]:
    """抖音 / 小红书 when the piece is for them: its channel, or a poster's size presets."""
    names = [channel] if channel else []
    sizes = size if isinstance(size, list) and not all(isinstance(v, int) for v in size) else [size]
    names += [str(v) for v in sizes if isinstance(v, str)]
    return tuple(sorted({n for n in names if n in NO_DIVERSION}))


def context_from_raw(
    raw: str | None,
    channel: str | None,
    kind: str | None,
    segment_id: str | None = None,
    library: SegmentLibrary | None = None,
    deliverable_index: int | None = None,
) -> LintContext:
    """The same from a stored brief's YAML, tolerant of anything missing.

    ``segment_id`` names the variant's segment: an inline segment of the brief, else one in
    ``library``.
    """
    data: Any = None
    if raw:
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError:
            data = None
    campaign = data.get("campaign") if isinstance(data, dict) else None
    if not isinstance(campaign, dict):
        return LintContext(channel=channel, kind=kind)
    brand: dict[str, Any] = campaign["brand"] if isinstance(campaign.get("brand"), dict) else {}
    product: dict[str, Any] = (
        campaign["product"] if isinstance(campaign.get("product"), dict) else {}
    )

    def words(value: Any) -> tuple[str, ...]:
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    names = tuple(
        str(n) for n in (brand.get("name"), product.get("name"), product.get("short_name")) if n
    )
    language = campaign.get("language")
    lang = language if language in ("zh-CN", "en-US") else "zh-CN"
    segment = raw_segment(data, segment_id, library)
    address = address_for(segment, lang) if segment is not None else ""
    return LintContext(
        channel=channel,
        kind=kind,
        language=language if language in ("zh-CN", "en-US") else "zh-CN",
        banned_words=words(brand.get("banned_words")),
        must_include=words(brand.get("must_include")),
        deadline=str(product["deadline"]) if product.get("deadline") else None,
        allow=names + ((address,) if address else ()),
        brand=str(brand["name"]) if brand.get("name") else None,
        facts=raw_facts(data, segment),
        labels=operator_labels(segment) if segment is not None else (),
        address=address,
        category=str(product["category"]) if product.get("category") else None,
        sms_parts=raw_limit(data, deliverable_index, "sms_parts"),
        max_chars=raw_limit(data, deliverable_index, "max_chars"),
        no_diversion=diversion_platforms(channel, raw_value(data, deliverable_index, "size")),
        qr_requested=raw_value(data, deliverable_index, "qr") is True,
    )


def generation_check(workspace: Path) -> Callable[[Any, dict[str, JsonValue]], list[Finding]]:
    """The runner's content check: lint each variant before it is stored.

    The rules are loaded (and a bad workspace ``compliance.yaml`` reported) when the runner
    is built, before any model call.
    """
    linter = Linter(load_rules(workspace))
    contexts: dict[tuple[int, str | None, str, str, int], LintContext] = {}

    def check(planned: Any, content: dict[str, JsonValue]) -> list[Finding]:
        job = planned.job
        kind = job.ctx.deliverable.kind
        key = (id(job.ctx.brief), job.channel, kind, job.ctx.segment.id, job.ctx.deliverable_index)
        ctx = contexts.get(key)
        if ctx is None:
            ctx = contexts[key] = context_from_brief(
                job.ctx.brief, job.channel, kind, job.ctx.segment, job.ctx.deliverable
            )
        return linter.lint_content(kind, content, ctx)

    return check
