"""What the store hands out about week plans: calendar slots and the content they send.

``SlotRow`` is what a plan run saves (one per day x slot x segment); ``Slot`` is a stored
slot with the newest version of each piece of its content (``SlotPiece``), read fresh from
the variants so review edits and approvals show at once; ``RunningArm`` is an arm of a
running experiment that a slot's send feeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class SlotRow:
    """One slot as a plan run saves it (the ``calendar_slots`` columns it writes)."""

    plan_key: str
    """The plan file's stable key (its slots are replaced when it is planned again)."""
    plan_path: str
    week_of: str
    """The Monday of the slot's week (YYYY-MM-DD)."""
    entry: int
    """Index of the slot in the plan file."""
    date: str
    time: str
    """HH:MM local time in ``timezone``."""
    timezone: str
    segment_id: str
    activity: str
    format: str
    owner: str
    """Who sends it (a group owner)."""
    campaign_id: str
    deliverables: tuple[int, ...]
    """The campaign's deliverable indexes this slot sends."""
    variant_slot: int
    """Which variant of each deliverable the slot takes."""
    theme: str | None
    brief_path: str | None


@dataclass(frozen=True, slots=True)
class SlotPiece:
    """The newest version of one piece of a slot's content."""

    id: int
    uid: str
    kind: str
    channel: str | None
    status: str
    """The variant's review status."""
    content: dict[str, Any] | None
    """As stored (a JSON column: each kind has its own keys)."""
    provider: str
    model: str
    deliverable_index: int
    version: int


@dataclass(frozen=True, slots=True)
class Slot:
    """A stored slot with its content pieces (in deliverable order)."""

    id: int
    plan_key: str
    plan_path: str
    week_of: str
    entry: int
    date: str
    time: str
    timezone: str
    segment_id: str
    activity: str
    format: str
    owner: str
    campaign_id: str
    deliverables: tuple[int, ...]
    """Sorted deliverable indexes."""
    variant_slot: int
    theme: str | None
    brief_path: str | None
    sent_at: str | None
    """When ``calendar done`` marked it sent (ISO with the plan's offset), else None."""
    created_at: str
    updated_at: str
    segment_name: str | None
    variants: tuple[SlotPiece, ...] = ()


@dataclass(frozen=True, slots=True)
class RunningArm:
    """An arm of a running experiment that shows one of a slot's variants."""

    arm_id: int
    experiment_id: int
    name: str
    variant_id: int
