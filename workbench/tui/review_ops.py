"""The core calls behind the TUI's review actions (run inside workers, never on the UI loop).

Everything here goes through the same core API as ``workbench review``, ``workbench export``
and ``workbench generate``: the workflow in ``workbench.review``, lint in
``workbench.lint.service``, exports in ``workbench.export`` and regeneration in
``workbench.generate.regenerate``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from workbench.brief.yamldoc import parse
from workbench.errors import InputError, WorkbenchError
from workbench.generate.runner import RunOptions
from workbench.lint import load_rules
from workbench.lint.service import LintService
from workbench.review import ReviewRequest, ReviewResult, edit, review
from workbench.tui.context import TuiContext

if TYPE_CHECKING:
    from workbench.review.decisions import ImportReport

DERIVED_KEYS = ("length", "sms_length", "sms_segments", "repairs")


@dataclass(frozen=True)
class Regenerated:
    source_id: int
    new_ids: list[int]
    cached: bool


def actor(ctx: TuiContext) -> str:
    return ctx.workbench.settings.workspace.reviewer


def lint_service(ctx: TuiContext) -> LintService:
    return LintService(ctx.workbench.store, load_rules(ctx.workbench.workspace))


def apply_review(
    ctx: TuiContext,
    variant_ids: Sequence[int],
    action: str,
    reason: str | None = None,
    step: str | None = None,
) -> list[ReviewResult]:
    """One workflow action on the variants (all or none); raises ``ReviewError``."""
    wb = ctx.workbench
    request = ReviewRequest(action=action, actor=actor(ctx), step=step, reason=reason)
    return review(
        wb.store, list(variant_ids), request, wb.settings.review.steps, lint_service(ctx).lint
    )


def next_step(ctx: TuiContext, variant_id: int) -> str:
    """The variant's next step to approve (the first step when every one is done)."""
    from workbench.review.workflow import approved_steps

    steps = ctx.workbench.settings.review.steps
    done = approved_steps(ctx.workbench.store.review_rows(variant_id))
    return next((s for s in steps if s not in done), steps[0])


def import_review(ctx: TuiContext, path: Path) -> ImportReport:
    """Apply the decisions reviewers wrote in a filled-in export (as ``review import``)."""
    from workbench.review.decisions import import_decisions

    wb = ctx.workbench
    return import_decisions(
        wb.store, path, actor(ctx), wb.settings.review.steps, lint_service(ctx).lint
    )


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text as YAML literal blocks (``|``), so the editor shows it as written."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def editable_text(content: dict[str, Any]) -> str:
    """The content as YAML for the editor, without the counts the core recomputes."""
    shown = {k: v for k, v in content.items() if k not in DERIVED_KEYS}
    return yaml.dump(shown, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=1000)


def save_edit(ctx: TuiContext, variant_id: int, text: str, comment: str | None = None) -> int:
    """Parse the edited YAML and store it as a new version; returns the new variant's id."""
    label = f"variant {variant_id}"
    doc = parse(text, label)
    if doc.problems:
        raise InputError(doc.problems)
    return edit(
        ctx.workbench.store,
        variant_id,
        doc.data,
        actor(ctx),
        lint_service(ctx).lint,
        comment=comment,
        label=label,
    )


def regenerate(
    ctx: TuiContext, variant_id: int, style: str, framework: str | None, fresh: bool
) -> Regenerated:
    """Run the one (segment, deliverable) job in another style/framework: a new variant."""
    from workbench.generate.regenerate import new_variant_ids, plan_regenerate, record_regenerate

    wb = ctx.workbench
    plan = plan_regenerate(wb.store, wb.segments, variant_id, style, framework)
    provider = wb.provider(ctx.overrides)
    settings = wb.settings.generate
    options = RunOptions(
        concurrency=settings.concurrency, rpm=settings.rpm, only=plan.only, fresh=fresh
    )
    result = asyncio.run(wb.runner(provider, options).run([plan.loaded], wb.prompts))
    failed = [o for o in result.outcomes if o.status == "failed"]
    if failed:
        raise RegenerateFailed(failed[0].error or "the job failed")
    new_ids = new_variant_ids(wb.store, result)
    cached = all(o.status == "cached" for o in result.outcomes)
    if not cached:
        record_regenerate(wb.store, plan, new_ids, actor(ctx))
    return Regenerated(variant_id, new_ids, cached)


class RegenerateFailed(WorkbenchError):
    """The regeneration's model call failed (its error, first line)."""

    def __init__(self, error: str) -> None:
        super().__init__((error.strip().splitlines() or ["the job failed"])[0])
