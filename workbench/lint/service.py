"""Linting and fixing what is stored: variants by id or campaign, with audit rows.

Re-linting a stored variant refreshes ``variants.lint`` and records a ``lint`` action;
fixing creates a new version (the original is kept) and records a ``fix`` action.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace

from workbench.errors import InputError
from workbench.lint.briefcontext import context_from_raw
from workbench.lint.engine import LintContext, Linter
from workbench.lint.fix import apply_fixes_content, llm_fix
from workbench.lint.rules import RuleSet
from workbench.llm.base import Provider
from workbench.locations import workspace_dir
from workbench.segments import LIBRARY_FILE, SegmentLibrary
from workbench.store import GenerationRecord, Store
from workbench.store.findings import Finding
from workbench.store.variantrecord import Variant


@dataclass(frozen=True)
class FixOutcome:
    variant_id: int
    new_id: int | None  # None: nothing could be fixed
    applied: int
    remaining: list[Finding]
    via: str  # offline | the model name


class LintService:
    def __init__(
        self,
        store: Store,
        rules: RuleSet,
        language: str | None = None,
        segments: SegmentLibrary | None = None,
    ) -> None:
        self.store = store
        self.linter = Linter(rules)
        self.language = language
        self._briefs: dict[str, str | None] = {}
        self._segments = segments

    def _library(self) -> SegmentLibrary:
        """Resolves the stored briefs' segment ids (the workspace library unless given)."""
        if self._segments is None:
            try:
                self._segments = SegmentLibrary.load(workspace_dir() / LIBRARY_FILE)
            except InputError:
                self._segments = SegmentLibrary()
        return self._segments

    def context(self, variant: Variant, channel: str | None = None) -> LintContext:
        campaign = variant.campaign
        if campaign not in self._briefs:
            self._briefs[campaign] = self.store.reviews.latest_brief_raw(campaign)
        segment = variant.segment
        ctx = context_from_raw(
            self._briefs[campaign],
            channel or variant.channel,
            variant.kind,
            segment or None,
            self._library(),
            variant.deliverable_index,
        )
        if self.language:
            ctx = replace(ctx, language=self.language)
        return ctx

    def lint(self, variant: Variant, channel: str | None = None) -> list[Finding]:
        """Findings for a variant's current content (nothing stored)."""
        return self.linter.lint_content(
            variant.kind, variant.content, self.context(variant, channel)
        )

    def lint_and_record(self, variant: Variant, actor: str) -> list[Finding]:
        """Lint and store the findings (each names its rule set) on the variant.

        A lint run is not a decision: it adds no audit row (``variants show`` and
        ``variants list --json`` carry the findings); ``actor`` is kept for callers."""
        del actor
        findings = self.lint(variant)
        self.store.reviews.set_lint(variant.id, findings)
        return findings

    def fix(self, variant: Variant, actor: str, provider: Provider | None = None) -> FixOutcome:
        """Repair a variant's findings as a new version (offline, or one model call)."""
        vid = variant.id
        findings = self.lint(variant)
        if not findings:
            return FixOutcome(vid, None, 0, [], "none")
        ctx = self.context(variant)
        if provider is None or provider.name == "offline":
            content, applied = apply_fixes_content(variant.content, findings)
            via, generation_id = "offline", None
        else:
            repaired, response = asyncio.run(
                llm_fix(provider, variant.content, findings, ctx.language)
            )
            assert isinstance(repaired, dict)
            content, applied, via = repaired, len(findings), response.model
            generation_id = self.store.variants.record_generation(
                GenerationRecord(
                    job_key=variant.job_key,
                    run_id=None,
                    campaign_id=variant.campaign,
                    provider=response.provider,
                    model=response.model,
                    template="lint-fix",
                    template_hash="",
                    variables={"findings": len(findings)},
                    messages=[],
                    response_text=response.text,
                    prompt_tokens=response.prompt_tokens,
                    completion_tokens=response.completion_tokens,
                    latency_ms=response.latency_ms,
                    purpose="repair",
                )
            )
        if content == variant.content:
            return FixOutcome(vid, None, 0, findings, via)
        remaining = self.linter.lint_content(variant.kind, content, ctx)
        new_id = self.store.reviews.add_version(
            vid,
            content,
            remaining,
            actor,
            action="fix",
            data={"via": via, "fixed": applied, "ruleset": self.linter.rules.version},
            generation_id=generation_id,
        )
        return FixOutcome(vid, new_id, applied, remaining, via)
