"""The operations both faces call on ``Workbench``: lint, review, edit, import decisions,
regenerate, run options, prompt preview and dry run.

The CLI and the TUI parse their input, call one of these and show the result; they never
build ``LintService`` or ``RunOptions`` themselves. ``Workbench`` (``workbench.app``) mixes
this class in; the attributes it relies on are declared below for the type checker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import InputError, Problem
from workbench.generate.dryrun import DryRunRow, dry_run, plan_one
from workbench.generate.outcomes import PlannedJob, RunOptions
from workbench.generate.regenerate import (
    Regenerated,
    RegenerateFailed,
    new_variant_ids,
    plan_regenerate,
    record_regenerate,
)
from workbench.kinds import get_kind
from workbench.lint import load_rules
from workbench.lint.service import LintService
from workbench.review import (
    ReviewRequest,
    ReviewResult,
    StepPolicy,
    approved_steps,
    edit,
    review,
)

if TYPE_CHECKING:
    from workbench.app import EndpointOverrides
    from workbench.brief.loader import LoadedBrief
    from workbench.generate.runner import BatchRunner, RunObserver
    from workbench.llm.base import Provider
    from workbench.prompting import PromptLibrary
    from workbench.review.decisions import ImportReport
    from workbench.segments import SegmentLibrary
    from workbench.settings import Settings
    from workbench.store import Store


class Operations:
    """Mixed into ``Workbench``; every method is one call a face makes."""

    if TYPE_CHECKING:
        workspace: Path
        settings: Settings

        @property
        def store(self) -> Store: ...
        @property
        def segments(self) -> SegmentLibrary: ...
        @property
        def prompts(self) -> PromptLibrary: ...
        def db_exists(self) -> bool: ...
        def provider(self, overrides: EndpointOverrides | None = None) -> Provider: ...
        def runner(
            self,
            provider: Provider,
            options: RunOptions,
            observer: RunObserver | None = None,
        ) -> BatchRunner: ...

    def actor(self, reviewer: str | None = None) -> str:
        """Who acts in the audit trail: ``reviewer``, else the workspace's reviewer."""
        return reviewer or self.settings.workspace.reviewer

    def lint(self, language: str | None = None) -> LintService:
        """A lint service over the store with the workspace's rules (briefs read afresh)."""
        return LintService(self.store, load_rules(self.workspace), language)

    def review(
        self,
        variant_ids: Sequence[int | str],
        action: str,
        *,
        reviewer: str | None = None,
        step: str | None = None,
        reason: str | None = None,
    ) -> list[ReviewResult]:
        """One workflow action on the variants (all or none); raises ``ReviewError``."""
        request = ReviewRequest(action=action, actor=self.actor(reviewer), step=step, reason=reason)
        steps = self.settings.review.steps
        policy = self.step_policy()
        return review(self.store, list(variant_ids), request, steps, self.lint().lint, policy)

    def step_policy(self) -> StepPolicy:
        """Who may approve which step (``[review]`` in workbench.toml)."""
        settings = self.settings.review
        return StepPolicy(settings.reviewers, settings.allow_same_reviewer)

    def next_step(self, variant_id: int) -> str:
        """The variant's next step to approve (the first step when every one is done)."""
        steps = self.settings.review.steps
        done = approved_steps(self.store.reviews.review_rows(variant_id))
        return next((s for s in steps if s not in done), steps[0])

    def edit(
        self,
        variant_id: int | str,
        content: Any,
        *,
        reviewer: str | None = None,
        comment: str | None = None,
        label: str = "content",
    ) -> int:
        """Store ``content`` as a new version of the variant (re-linted); its new id.

        A poster's new version is drawn at once and the old version's files are marked
        superseded; a poster that cannot be drawn raises ``PosterFailed`` naming the saved
        version (the version is kept)."""
        new_id = edit(
            self.store,
            variant_id,
            content,
            self.actor(reviewer),
            self.lint().lint,
            comment=comment,
            label=label,
        )
        new = self.store.variants.get(new_id)
        if get_kind(new.kind).renders_image and new.parent_id is not None:
            from workbench.poster.batch import PosterFailed
            from workbench.poster.edited import rerender_edited

            base_url = self.settings.tracking.base_url
            try:
                rerender_edited(
                    self.store, int(new.parent_id), new_id, workspace=self.workspace,
                    base_url=base_url,
                )  # fmt: skip
            except PosterFailed as exc:
                raise PosterFailed(f"variant {new_id} saved; {exc}") from None
        return new_id

    def import_decisions(self, path: Path, reviewer: str | None = None) -> ImportReport:
        """Apply the decisions and comments reviewers wrote in a filled-in export."""
        from workbench.review.decisions import import_decisions  # loads the XLSX reader

        steps, actor, policy = self.settings.review.steps, self.actor(reviewer), self.step_policy()
        return import_decisions(self.store, path, actor, steps, self.lint().lint, policy)

    def run_options(self, **overrides: Any) -> RunOptions:
        """Batch options: the workspace's ``[generate]`` settings, then ``overrides``
        (a ``None`` value keeps the setting). Bad concurrency or rpm is an ``InputError``."""
        given = {k: v for k, v in overrides.items() if v is not None}
        settings = self.settings.generate
        values: dict[str, Any] = {"concurrency": settings.concurrency, "rpm": settings.rpm}
        values.update(given)
        if values["concurrency"] < 1:
            problem = "must be at least 1"
            raise InputError(Problem("--concurrency", None, str(values["concurrency"]), problem))
        if values["rpm"] < 0:
            problem = "must be 0 (no cap) or more"
            raise InputError(Problem("--rpm", None, str(values["rpm"]), problem))
        return RunOptions(**values)

    def regenerate(
        self,
        variant_id: int | str,
        style: str,
        framework: str | None = None,
        *,
        fresh: bool = False,
        overrides: EndpointOverrides | None = None,
        reviewer: str | None = None,
        instruction: str | None = None,
    ) -> Regenerated:
        """Run the variant's one (segment, deliverable) job in another style/framework (and
        with ``instruction``, one line of guidance in the prompt): a new variant next to
        the old one, with an audit row on the old one naming it."""
        store = self.store
        plan = plan_regenerate(store, self.segments, variant_id, style, framework, instruction)
        options = self.run_options(only=plan.only, fresh=fresh)
        runner = self.runner(self.provider(overrides), options)
        result = asyncio.run(runner.run([plan.loaded], self.prompts))
        failed = [o for o in result.outcomes if o.status == "failed"]
        if failed:
            raise RegenerateFailed(failed[0].error or "the job failed")
        new_ids = new_variant_ids(store, result)
        cached = all(o.status == "cached" for o in result.outcomes)
        if not cached:
            record_regenerate(store, plan, new_ids, self.actor(reviewer))
        return Regenerated(int(plan.variant.id), new_ids, cached)

    def preview_prompt(
        self,
        loaded: LoadedBrief,
        *,
        segment: str,
        deliverable: int,
        style: str,
        variant: int = 1,
        overrides: EndpointOverrides | None = None,
    ) -> PlannedJob:
        """The job ``generate`` would send for one variant, planned the same way (its
        ``prompt`` holds the exact messages); nothing is called or written."""
        provider = self.provider(overrides)
        return plan_one(
            loaded,
            self.prompts,
            provider,
            segment=segment,
            deliverable=deliverable,
            style=style,
            variant=variant,
        )

    def dry_run(
        self,
        loaded: list[LoadedBrief],
        provider: Provider,
        only: Mapping[str, set[str]] | None = None,
    ) -> list[DryRunRow]:
        """The jobs the briefs would run, per cell, and how many the store already has."""
        store = self.store if self.db_exists() else None
        return dry_run(loaded, self.prompts, provider, store, only)
