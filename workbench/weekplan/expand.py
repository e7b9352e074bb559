"""A plan -> one derived brief per plan slot, and one calendar slot per day x slot x segment.

Each plan slot becomes its own campaign (``<plan>-<n>-<activity>``) whose deliverables fit
the slot's format, with one variant per day: day ``k`` of the slot takes variant slot ``k``,
so every day gets its own piece and a re-run finds every finished job in the store.
Brief slots keep the brief's campaign, product and the settings of its matching
deliverables (poster template and size, video platform and length, copy framework);
theme slots get a ``theme_post`` deliverable written for the plan's brand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import yaml

from workbench.brief.loader import LoadedBrief, content_hash
from workbench.brief.models import (
    Brief,
    Campaign,
    CopyDeliverable,
    Deliverable,
    PosterDeliverable,
    Product,
    ThemePostDeliverable,
    VideoScriptDeliverable,
    slugify,
)
from workbench.weekplan.loader import LoadedPlan
from workbench.weekplan.model import DAYS, PlanSlot


@dataclass(frozen=True)
class SlotSpec:
    """One send: a day of a plan slot for one segment."""

    entry: int  # index of the plan slot
    date: date
    time: str
    segment_id: str
    activity: str
    format: str
    owner: str
    campaign_id: str
    deliverables: tuple[int, ...]  # deliverable indexes of the derived brief
    variant_slot: int  # the variant slot of this day in each deliverable
    theme: str | None
    brief_path: str | None


@dataclass
class Expansion:
    plan_key: str
    briefs: list[LoadedBrief]  # one per plan slot, in plan order
    slots: list[SlotSpec]

    def jobs(self) -> int:
        return sum(b.job_count() for b in self.briefs)


def plan_key(loaded: LoadedPlan) -> str:
    """The plan's id in the store: its file name, slugged (e.g. ``week-2026-03-09``)."""
    return slugify(loaded.path.stem)[:40]


def expand(loaded: LoadedPlan) -> Expansion:
    plan = loaded.plan
    key = plan_key(loaded)
    segments = plan.resolved_segments()
    briefs: list[LoadedBrief] = []
    slots: list[SlotSpec] = []
    for entry, slot in enumerate(plan.slots):
        campaign_id = f"{key}-{entry + 1}-{slot.activity}"
        source = loaded.briefs.get(entry)
        deliverables = _deliverables(slot, source.brief if source else None)
        brief = _brief(loaded, slot, source, campaign_id, deliverables)
        raw = yaml.safe_dump(
            brief.model_dump(mode="json", exclude_none=True), allow_unicode=True, sort_keys=False
        )
        path = source.path if source else loaded.path
        briefs.append(LoadedBrief(brief, path, raw, content_hash(brief)))
        for position, day in enumerate(slot.days):
            for segment in segments:
                slots.append(
                    SlotSpec(
                        entry=entry,
                        date=plan.week_of + timedelta(days=DAYS.index(day)),
                        time=slot.time,
                        segment_id=segment.id,
                        activity=slot.activity,
                        format=slot.format,
                        owner=slot.owner or plan.owner,
                        campaign_id=campaign_id,
                        deliverables=tuple(range(len(deliverables))),
                        variant_slot=position,
                        theme=slot.theme,
                        brief_path=str(source.path) if source else None,
                    )
                )
    slots.sort(key=lambda s: (s.date, s.time, s.entry))  # stable: segments in plan order
    return Expansion(key, briefs, slots)


def _brief(
    loaded: LoadedPlan,
    slot: PlanSlot,
    source: LoadedBrief | None,
    campaign_id: str,
    deliverables: list[Deliverable],
) -> Brief:
    segments: list[Any] = list(loaded.plan.resolved_segments())
    if source is not None:
        campaign = source.brief.campaign.model_copy(
            update={"id": campaign_id, "name": f"{source.brief.campaign.name} · {slot.activity}"}
        )
        return source.brief.model_copy(
            update={"campaign": campaign, "segments": segments, "deliverables": deliverables}
        )
    theme = slot.theme or ""
    campaign = Campaign.model_validate(
        {
            "id": campaign_id,
            "name": theme[:80],
            "goal": "activate",
            "language": loaded.language,
            "brand": loaded.brand,
            "product": Product.model_validate({"name": theme[:60]}),
        }
    )
    return Brief.model_validate(
        {"campaign": campaign, "segments": segments, "deliverables": deliverables}
    )


def _deliverables(slot: PlanSlot, brief: Brief | None) -> list[Deliverable]:
    """What the slot's format needs, one variant per day of the slot."""
    days = len(slot.days)
    if brief is None:
        return [
            ThemePostDeliverable.model_validate(
                {"kind": "theme_post", "theme": slot.theme, "format": slot.format, "variants": days}
            )
        ]
    copy = _like(
        brief,
        "copy",
        days,
        CopyDeliverable.model_validate({"kind": "copy", "channel": "community"}),
        "community",
    )
    if slot.format == "image_text":
        return [copy]
    if slot.format == "poster_copy":
        return [
            _like(brief, "poster", days, PosterDeliverable.model_validate({"kind": "poster"})),
            copy,
        ]
    return [
        _like(
            brief,
            "video_script",
            days,
            VideoScriptDeliverable.model_validate({"kind": "video_script"}),
        )
    ]


def _like(
    brief: Brief, kind: str, days: int, default: Deliverable, target: str | None = None
) -> Deliverable:
    """The brief's first deliverable of ``kind`` (on ``target`` when given), one style,
    ``days`` variants; else ``default``."""
    for d in brief.deliverables:
        if d.kind == kind and (target is None or d.target == target):
            size = getattr(d, "size", None)
            one = d.model_copy(update={"variants": days, "styles": [d.styles[0]]})
            if isinstance(size, list) and size and isinstance(size[0], list):
                one = one.model_copy(update={"size": size[0]})  # one poster size per slot
            return one
    return default.model_copy(update={"variants": days})
