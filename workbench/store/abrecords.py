"""What the store hands out about A/B experiments: typed, frozen records.

``Experiment`` is one row of ``experiments`` with its ``Arm`` rows, each arm carrying the
variant it shows and its metric totals; ``Outcome`` is one archived arm of a decided
experiment (``ab_outcomes``) with the variant and campaign facts the few-shot examples and
the pitfall guide read. The analysis (``workbench.abtest.analysis``) turns an ``Experiment``
into its report; the ``--json`` shapes are built from these records in ``abtest``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """The planning inputs stored with an experiment (its ``data`` column)."""

    mde: float = 0.2
    """Minimum detectable effect the sample size is planned for."""
    mde_relative: bool = True
    """``mde`` is relative to the control's rate (0.2 = +20%), else absolute points."""
    power: float = 0.8
    """Planned statistical power."""

    @classmethod
    def of(cls, data: object) -> PlanSettings:
        """From the stored JSON object (missing or unreadable keys take the defaults)."""
        if not isinstance(data, dict):
            return cls()
        return cls(
            mde=float(data.get("mde", 0.2)),
            mde_relative=bool(data.get("mde_relative", True)),
            power=float(data.get("power", 0.8)),
        )

    def to_json(self) -> dict[str, Any]:
        return {"mde": self.mde, "mde_relative": self.mde_relative, "power": self.power}


@dataclass(frozen=True, slots=True)
class ArmSources:
    """Where an arm's impressions and clicks came from: ``imported`` (a results file),
    ``endpoint`` (the short-link endpoint's unique clicks) or ``assigned`` (its send list)."""

    impressions: str
    clicks: str

    def to_json(self) -> dict[str, str]:
        return {"impressions": self.impressions, "clicks": self.clicks}


@dataclass(frozen=True, slots=True)
class Arm:
    """One arm of an experiment: the variant it shows and its metric totals over all days."""

    arm_id: int
    experiment_id: int
    name: str
    """A, B, C, ... (the control is the first)."""
    weight: float
    """Planned weight; the planned share is weight / sum of the experiment's weights."""
    is_control: bool
    tracking_code: str
    """``<variant uid>.e<experiment id>``."""
    assigned: int | None
    """Users ``ab assign`` put in this arm's send list (None before any assignment)."""
    variant_id: int
    variant_uid: str
    segment: str
    """The variant's audience segment id."""
    kind: str
    channel: str | None
    style: str
    variant_status: str
    """The variant's review status (approved, draft, ...)."""
    content: dict[str, Any] | None
    """The variant's content as stored (a JSON column: each kind has its own keys)."""
    impressions: int = 0
    clicks: int = 0
    conversions: int = 0
    shares: int = 0
    cost: float = 0.0
    revenue: float = 0.0
    days: int = 0
    """Days with imported metrics rows (0: no results imported)."""
    first_date: str | None = None
    last_date: str | None = None
    sources: ArmSources | None = None
    """Set by ``abtest.clicks.with_endpoint_clicks``; None straight from the store."""

    def successes(self, column: str) -> int:
        """The count of one success column: clicks, conversions or shares."""
        value: int = getattr(self, column)
        return int(value)


@dataclass(frozen=True, slots=True)
class Experiment:
    """One experiment with its arms (control first, then by arm id)."""

    id: int
    campaign: str
    segment: str | None
    """None for a hand-picked experiment whose variants span segments."""
    deliverable_index: int | None
    kind: str
    channel: str | None
    name: str
    metric: str
    """click, conversion or share."""
    alpha: float
    status: str
    """running, stopped or decided."""
    source: str
    """generated (``ab create`` per segment x deliverable) or manual (``--variants``)."""
    salt: str
    """Random per experiment: the seed of the deterministic user assignment."""
    winner_arm_id: int | None
    decided_at: str | None
    plan: PlanSettings
    created_at: str
    updated_at: str
    arms: tuple[Arm, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """One archived arm of a decided experiment, with what its variant said and where."""

    id: int
    experiment_id: int
    experiment: str
    """The experiment's name."""
    arm_id: int
    variant_id: int
    variant_uid: str
    campaign_id: str
    segment_id: str | None
    segment_name: str | None
    segment_data: dict[str, Any] | None
    """The segment as stored (a JSON column)."""
    kind: str
    channel: str | None
    role: str
    """winner or loser."""
    metric: str
    impressions: int
    successes: int
    rate: float | None
    lift_abs: float | None
    lift_rel: float | None
    p_value: float | None
    p_value_adjusted: float | None
    decided_at: str
    style: str
    content: object
    """The variant's content as stored (a JSON column; a dict for every kind)."""
    language: str | None
    goal: str | None
    brand: object
    """The campaign's brand as stored: a name or an object with ``name``."""
    product: object
    """The campaign's product as stored (an object with ``name``, ``offer``, ...)."""


@dataclass(frozen=True, slots=True)
class ArchivedArm:
    """One arm's numbers as ``ab promote`` archives them (a row of ``ab_outcomes``)."""

    experiment_id: int
    arm_id: int
    variant_id: int
    campaign_id: str
    segment_id: str | None
    kind: str
    channel: str | None
    role: str
    """winner or loser."""
    metric: str
    impressions: int
    successes: int
    rate: float | None
    lift_abs: float | None
    lift_rel: float | None
    p_value: float | None
    p_value_adjusted: float | None
    data: dict[str, Any]
    """Written as JSON: the arm's report row, the verdict and ``early``."""


@dataclass(frozen=True, slots=True)
class AuditNote:
    """The audit row an experiment action writes with it (``reviews``, append-only)."""

    actor: str
    action: str
    data: dict[str, Any]
    """Written as JSON next to the experiment id."""
    variant_id: int | None = None
    comment: str | None = None
