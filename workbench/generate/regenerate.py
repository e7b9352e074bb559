"""Regenerating one variant in another prompt style or copy framework.

The campaign's stored brief is narrowed to the variant's deliverable with one variant in
the chosen style (and framework; default: the variant's own), and only that (segment,
deliverable) runs through the normal ``BatchRunner`` (``RunOptions(only=...)``). The result
is a NEW variant next to the old one (its own job key, so nothing is overwritten); the old
one keeps its content and status, and an audit row on it names the new variant.

Asking twice for the same style and framework finds the finished job (cached, no model
call) unless a fresh round is asked for, which (as ``generate --fresh``) starts a new round
for the campaign. The narrowed brief is recorded with its run like any brief, so it becomes
the campaign's latest stored brief; its campaign, brand and product facts (what lint reads)
are the original's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from workbench.brief.loader import LoadedBrief, content_hash, load_brief_text
from workbench.brief.models import FRAMEWORKS, STYLES, Brief
from workbench.errors import InputError, NotFoundError, Problem, WorkbenchError
from workbench.generate.runner import BatchResult
from workbench.kinds import get_kind
from workbench.segments import SegmentLibrary
from workbench.store import Store
from workbench.store.reviews import ReviewAction
from workbench.store.variantrecord import FullVariant

REGENERATE_ACTION = "regenerate"


@dataclass(frozen=True)
class RegeneratePlan:
    """What to run: the narrowed brief and the job filter for ``RunOptions(only=...)``."""

    variant: FullVariant
    loaded: LoadedBrief
    only: dict[str, set[str]]
    style: str
    framework: str | None
    instruction: str | None = None


@dataclass(frozen=True)
class Regenerated:
    """What a regeneration made."""

    source_id: int
    """The variant regenerated (it keeps its content and status)."""
    new_ids: list[int]
    """The new variants (for a cached job, those it made before)."""
    cached: bool
    """True when the job had run before in this style: no model call, no audit row."""


class RegenerateFailed(WorkbenchError):
    """The regeneration's model call failed (its error, first line)."""

    def __init__(self, error: str) -> None:
        super().__init__((error.strip().splitlines() or ["the job failed"])[0])


def _problem(field: str, message: str) -> InputError:
    return InputError(Problem("regenerate", None, field, message))


def plan_regenerate(
    store: Store,
    library: SegmentLibrary,
    variant_key: int | str,
    style: str,
    framework: str | None = None,
    instruction: str | None = None,
) -> RegeneratePlan:
    """Plan a regeneration of ``variant_key`` in ``style`` (and ``framework``, copy only),
    with ``instruction``: one line of guidance the prompt carries as a data block."""
    if style not in STYLES:
        raise _problem("style", f"unknown style {style!r}; one of {', '.join(STYLES)}")
    if framework is not None and framework not in FRAMEWORKS:
        raise _problem(
            "framework", f"unknown framework {framework!r}; one of {', '.join(FRAMEWORKS)}"
        )
    variant = store.variants.get(variant_key)
    campaign = str(variant.campaign)
    raw = store.reviews.latest_brief_raw(campaign)
    if raw is None:
        raise NotFoundError(f"campaign {campaign!r} has no stored brief to regenerate from")
    original = load_brief_text(raw, f"{campaign} (stored brief)", library)
    brief = _narrowed(original.brief, variant, style, framework, instruction)
    text = yaml.safe_dump(
        brief.model_dump(mode="json", exclude_none=True), allow_unicode=True, sort_keys=False
    )
    loaded = LoadedBrief(brief, Path(f"{campaign}-regenerate.yaml"), text, content_hash(brief))
    only = {
        "segment": {str(variant.segment)},
        "deliverable": {str(variant.deliverable_index)},
    }
    chosen = brief.deliverables[int(variant.deliverable_index)].instruction
    return RegeneratePlan(variant, loaded, only, style, framework, chosen)


def _narrowed(
    brief: Brief,
    variant: FullVariant,
    style: str,
    framework: str | None,
    instruction: str | None = None,
) -> Brief:
    index = int(variant.deliverable_index)
    if index >= len(brief.deliverables) or brief.deliverables[index].kind != variant.kind:
        raise _problem(
            "deliverable",
            f"the campaign's brief changed: deliverables[{index}] is no longer a "
            f"{variant.kind}; regenerate from the brief editor instead",
        )
    if variant.segment not in {s.id for s in brief.resolved_segments()}:
        raise _problem("segment", f"segment {variant.segment!r} is no longer in the brief")
    old = brief.deliverables[index]
    if framework is not None and not get_kind(old.kind).frameworks:
        raise _problem("framework", f"frameworks apply to copy, not to {old.kind}")
    base = old.model_dump()
    # the deliverable as this variant was generated (an earlier regeneration may have
    # narrowed it), else as the stored brief has it
    generated = ((variant.generation or {}).get("variables") or {}).get("deliverable")
    if isinstance(generated, dict) and generated.get("kind") == old.kind:
        base.update(generated)
    changes = {
        "styles": [style],
        "variants": 1,
        "framework": framework or variant.framework,
        "instruction": instruction,  # none: the earlier run's guidance is not carried over
    }
    try:
        deliverable = type(old).model_validate({**base, **changes})
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "deliverable"
        raise _problem(where, str(problem["msg"])) from None
    deliverables = list(brief.deliverables)
    deliverables[index] = deliverable
    return brief.model_copy(update={"deliverables": deliverables})


def new_variant_ids(store: Store, result: BatchResult) -> list[int]:
    """Variants the run made; for a cached job, the variants it made before."""
    ids: list[int] = []
    cached: set[str] = set()
    for outcome in result.outcomes:
        if outcome.status == "ok":
            ids.extend(outcome.variant_ids)
        elif outcome.status == "cached":
            cached.add(outcome.planned.key)
    if cached:
        campaign = next(iter(result.outcomes)).planned.campaign_id
        ids.extend(int(v.id) for v in store.variants.rows(campaign=campaign) if v.job_key in cached)
    return ids


def record_regenerate(
    store: Store, plan: RegeneratePlan, new_ids: Sequence[int], actor: str
) -> None:
    """An audit row on the source variant naming what it was regenerated as."""
    variant = plan.variant
    note = f"style={plan.style}" + (f" framework={plan.framework}" if plan.framework else "")
    if plan.instruction:
        note += f" instruction={plan.instruction}"
    store.reviews.apply(
        [
            ReviewAction(
                variant_id=int(variant.id),
                campaign_id=str(variant.campaign),
                actor=actor,
                action=REGENERATE_ACTION,
                from_status=str(variant.status),
                comment=f"{note} -> " + ", ".join(f"#{i}" for i in new_ids),
                data={
                    "style": plan.style,
                    "framework": plan.framework,
                    "instruction": plan.instruction,
                    "new_ids": list(new_ids),
                },
            )
        ]
    )
