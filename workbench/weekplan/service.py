"""Week plans end to end: generate a plan's content, list a week, mark a slot sent.

Content goes through the normal batch runner (cached, resumable, linted, stored with its
generation), one derived brief per plan slot. A slot's status follows its content (the
least advanced status of its pieces) until the owner marks it sent; a send of a variant
that is an arm of a running experiment adds the segment's member count to that arm's
impressions for the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from workbench.errors import InputError, Problem
from workbench.generate.runner import BatchResult, RunObserver, RunOptions
from workbench.llm.base import Provider
from workbench.store.slotrecords import RunningArm, Slot, SlotRow
from workbench.weekplan.expand import Expansion, SlotSpec, expand
from workbench.weekplan.loader import LoadedPlan, load_plan

if TYPE_CHECKING:
    from workbench.app import Workbench
    from workbench.segments import SegmentLibrary

# Least advanced first: a slot is as far along as its least advanced piece.
_ORDER = ("rejected", "changes_requested", "draft", "in_review", "approved")
STATUSES = ("missing", *_ORDER, "sent")


@dataclass
class PlanRun:
    loaded: LoadedPlan
    expansion: Expansion
    batch: BatchResult
    slot_ids: list[int]


@dataclass(frozen=True, slots=True)
class Exposure:
    """A send counted as impressions of a running arm on a day (``count`` None: the
    segment's member count is unknown, nothing was added)."""

    arm: RunningArm
    day: str
    count: int | None


@dataclass
class DoneResult:
    slot: Slot
    newly_sent: bool
    sent_at: str
    exposures: list[Exposure] = field(default_factory=list)


def read_plan(workbench: Workbench, path: Path) -> LoadedPlan:
    return load_plan(path, workbench.segments, workbench.load_brief)


async def run_plan(
    workbench: Workbench,
    loaded: LoadedPlan,
    provider: Provider,
    options: RunOptions,
    observer: RunObserver | None = None,
) -> PlanRun:
    """Generate every slot's content, then store the slots (ids in send order)."""
    expansion = expand(loaded)
    runner = workbench.runner(provider, options, observer)
    batch = await runner.run(expansion.briefs, workbench.prompts)
    rows = [_row(loaded, expansion, spec) for spec in expansion.slots]
    ids = workbench.store.calendar.save_slots(rows)
    return PlanRun(loaded, expansion, batch, ids)


def _row(loaded: LoadedPlan, expansion: Expansion, spec: SlotSpec) -> SlotRow:
    return SlotRow(
        plan_key=expansion.plan_key,
        plan_path=str(loaded.path.resolve()),
        week_of=loaded.plan.week_of.isoformat(),
        entry=spec.entry,
        date=spec.date.isoformat(),
        time=spec.time,
        timezone=loaded.plan.timezone,
        segment_id=spec.segment_id,
        activity=spec.activity,
        format=spec.format,
        owner=spec.owner,
        campaign_id=spec.campaign_id,
        deliverables=tuple(spec.deliverables),
        variant_slot=spec.variant_slot,
        theme=spec.theme,
        brief_path=spec.brief_path,
    )


def slot_status(slot: Slot) -> str:
    """sent, else the least advanced status of its content; missing when a piece is absent."""
    if slot.sent_at:
        return "sent"
    variants = slot.variants
    if len({v.deliverable_index for v in variants}) < len(slot.deliverables):
        return "missing"
    statuses = {str(v.status) for v in variants}
    return next((s for s in _ORDER if s in statuses), "approved")


def slot_json(slot: Slot) -> dict[str, Any]:
    """The public shape of a slot (``calendar plan/show --json``)."""
    return {
        "id": slot.id,
        "date": slot.date,
        "time": slot.time,
        "segment": slot.segment_id,
        "activity": slot.activity,
        "format": slot.format,
        "owner": slot.owner,
        "status": slot_status(slot),
        "variant_ids": [v.id for v in slot.variants],
        "timezone": slot.timezone,
        "campaign": slot.campaign_id,
        "plan": slot.plan_key,
        "theme": slot.theme,
        "sent_at": slot.sent_at,
    }


def parse_week(value: str, flag: str = "--week") -> date:
    """Any date of the week (ISO) -> its Monday."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(Problem(flag, None, value, "expected a date like 2026-03-09")) from None
    return day - timedelta(days=day.weekday())


def week_slots(workbench: Workbench, week: date, *, approved_only: bool = False) -> list[Slot]:
    """Every slot of the week in send order; ``approved_only`` keeps approved (and sent) ones."""
    if not workbench.db_exists():
        return []
    slots = workbench.store.calendar.slots(week_of=week.isoformat())
    if approved_only:
        slots = [s for s in slots if slot_status(s) in ("approved", "sent")]
    return slots


def member_count(library: SegmentLibrary, segment_id: str) -> int | None:
    """The segment's member count when ``segments import`` recorded one in the library."""
    info = library.imported(segment_id)
    return int(info.members) if info is not None else None


def parse_at(value: str | None, slot: Slot, now: datetime | None = None) -> datetime:
    """``--at``: HH:MM on the slot's day, or an ISO date-time (local to the plan's zone
    unless it carries an offset); absent: now."""
    zone = ZoneInfo(slot.timezone)
    if value is None:
        return (now or datetime.now(zone)).astimezone(zone).replace(microsecond=0)
    text = value.strip()
    try:
        if len(text) <= 5 and ":" in text:
            clock = datetime.strptime(text, "%H:%M").time()
            return datetime.combine(date.fromisoformat(slot.date), clock, zone)
        moment = datetime.fromisoformat(text)
    except ValueError:
        message = "expected HH:MM (on the slot's day) or a date-time like 2026-03-11T20:05"
        raise InputError(Problem("--at", None, value, message)) from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def mark_done(
    workbench: Workbench, slot_id: int, at: str | None = None, members: int | None = None
) -> DoneResult:
    """Mark a slot sent; record the send as an exposure of every running arm it shows."""
    store = workbench.store
    slot = store.calendar.slot(slot_id)
    if members is not None and members < 0:
        raise InputError(Problem("--members", None, str(members), "must be 0 or more"))
    moment = parse_at(at, slot)
    stamp = moment.isoformat()
    if not store.calendar.mark_sent(slot_id, stamp):
        slot = store.calendar.slot(slot_id)
        return DoneResult(slot, False, str(slot.sent_at))
    count = members if members is not None else member_count(workbench.segments, slot.segment_id)
    day = moment.date().isoformat()
    exposures: list[Exposure] = []
    for arm in store.calendar.running_arms(v.id for v in slot.variants):
        if count is not None:
            total = store.calendar.impressions(arm.arm_id, day) + count
            store.ab.upsert_metrics(("impressions",), [(arm.arm_id, [(day, total)])])
        exposures.append(Exposure(arm, day, count))
    return DoneResult(store.calendar.slot(slot_id), True, stamp, exposures)
