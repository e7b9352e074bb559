"""Lint contexts from a brief: banned and required words, deadline, names that are allowed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml

from workbench.lint.engine import LintContext, Linter
from workbench.lint.rules import load_rules

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.brief.models import Brief


def context_from_brief(brief: Brief, channel: str | None, kind: str | None) -> LintContext:
    c = brief.campaign
    return LintContext(
        channel=channel,
        kind=kind,
        language=c.language,
        banned_words=tuple(c.brand.banned_words),
        must_include=tuple(c.brand.must_include),
        deadline=c.product.deadline,
        allow=(c.brand.name, c.product.name),
        brand=c.brand.name,
    )


def context_from_raw(raw: str | None, channel: str | None, kind: str | None) -> LintContext:
    """The same from a stored brief's YAML, tolerant of anything missing."""
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

    names = tuple(str(n) for n in (brand.get("name"), product.get("name")) if n)
    language = campaign.get("language")
    return LintContext(
        channel=channel,
        kind=kind,
        language=language if language in ("zh-CN", "en-US") else "zh-CN",
        banned_words=words(brand.get("banned_words")),
        must_include=words(brand.get("must_include")),
        deadline=str(product["deadline"]) if product.get("deadline") else None,
        allow=names,
        brand=str(brand["name"]) if brand.get("name") else None,
    )


def generation_check(workspace: Path) -> Callable[[Any, dict[str, Any]], list[dict[str, Any]]]:
    """The runner's content check: lint each variant before it is stored.

    The rules are loaded (and a bad workspace ``compliance.yaml`` reported) when the runner
    is built, before any model call.
    """
    linter = Linter(load_rules(workspace))
    contexts: dict[tuple[int, str | None, str], LintContext] = {}

    def check(planned: Any, content: dict[str, Any]) -> list[dict[str, Any]]:
        job = planned.job
        kind = job.ctx.deliverable.kind
        key = (id(job.ctx.brief), job.channel, kind)
        ctx = contexts.get(key)
        if ctx is None:
            ctx = contexts[key] = context_from_brief(job.ctx.brief, job.channel, kind)
        return linter.lint_content(kind, content, ctx)

    return check
