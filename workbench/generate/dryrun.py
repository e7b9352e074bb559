"""Looking before sending: one job's exact prompt, and the jobs a batch would run.

Both go through the ``Planner`` that ``BatchRunner`` uses, so what ``prompts render`` and
``generate --dry-run`` show is what ``generate`` sends (same template, schema, JSON mode).
Nothing here calls a model or writes to the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workbench.brief.loader import LoadedBrief
from workbench.errors import InputError, NotFoundError, Problem
from workbench.generate.jobs import expand_jobs
from workbench.generate.outcomes import PlannedJob
from workbench.generate.planning import Planner, plan_jobs
from workbench.llm.base import Provider
from workbench.prompting import PromptLibrary
from workbench.store import Store


@dataclass(frozen=True)
class DryRunRow:
    """The jobs of one (segment, deliverable, style) cell of a brief."""

    campaign: str
    """The campaign key."""
    segment: str
    """The segment id."""
    deliverable_index: int
    """Index into the brief's ``deliverables``."""
    kind: str
    """The deliverable's content kind."""
    style: str
    """The prompt style."""
    jobs: int
    """Jobs planned for the cell."""
    cached: int
    """Of those, jobs the store already finished (a run would skip them)."""


def plan_one(
    loaded: LoadedBrief,
    library: PromptLibrary,
    provider: Provider,
    *,
    segment: str,
    deliverable: int,
    style: str,
    variant: int = 1,
) -> PlannedJob:
    """The planned job (rendered prompt, schema, key) that makes ``variant`` of one cell."""
    b = loaded.brief
    ids = [s.id for s in b.resolved_segments()]
    if segment not in ids:
        raise InputError(Problem("--segment", None, segment, f"not in the brief: {', '.join(ids)}"))
    if not 0 <= deliverable < len(b.deliverables):
        raise InputError(
            Problem(
                "--deliverable",
                None,
                str(deliverable),
                f"{loaded.path} has deliverables 0 to {len(b.deliverables) - 1}",
            )
        )
    styles = b.deliverables[deliverable].styles
    if style not in styles:
        raise InputError(
            Problem("--style", None, style, f"deliverables[{deliverable}] uses {', '.join(styles)}")
        )
    only: dict[str, set[str]] = {
        "segment": {segment},
        "deliverable": {str(deliverable)},
        "style": {style},
    }
    jobs = [
        j
        for j in expand_jobs(b, only=only)
        if j.ctx.variant_index <= variant - 1 < j.ctx.variant_index + j.ctx.count
    ]
    if not jobs:
        d = b.deliverables[deliverable]
        raise InputError(Problem("--variant", None, str(variant), f"must be 1 to {d.variants}"))
    return Planner(loaded, library, provider).plan(jobs[0])


def dry_run(
    loaded: list[LoadedBrief],
    library: PromptLibrary,
    provider: Provider,
    store: Store | None,
    only: Mapping[str, set[str]] | None = None,
) -> list[DryRunRow]:
    """One row per (campaign, segment, deliverable, style), in plan order."""
    rows: list[DryRunRow] = []
    for brief in loaded:
        cid = brief.brief.campaign.key
        planned = plan_jobs(brief, library, provider, round=_round(store, cid), only=only)
        states = store.variants.job_status([p.key for p in planned]) if store else {}
        groups: dict[tuple[str, int, str], list[int]] = {}
        for p in planned:
            ctx = p.job.ctx
            g = groups.setdefault((ctx.segment.id, ctx.deliverable_index, ctx.style), [0, 0])
            g[0] += 1
            g[1] += states.get(p.key) == "ok"
        for (segment, index, style), (jobs, cached) in groups.items():
            kind = brief.brief.deliverables[index].kind
            rows.append(DryRunRow(cid, segment, index, kind, style, jobs, cached))
    return rows


def _round(store: Store | None, campaign_id: str) -> int:
    if store is None:
        return 1
    try:
        return store.runs.current_round(campaign_id)
    except NotFoundError:
        return 1
