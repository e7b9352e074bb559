"""The report of one experiment as typed records: ``ExperimentReport`` with an
``ArmReport`` per arm (control first). ``workbench.abtest.analysis.analyze`` makes them; the
CLI table, the TUI report, the PNG chart and ``ab promote`` read them; ``to_json`` is the
one place they become the ``ab report --json`` shape (its keys and their order are public).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.store.abrecords import ArmSources


@dataclass(frozen=True, slots=True)
class ArmReport:
    """One arm's numbers, comparison with the control and verdict."""

    arm: str
    """The arm's name (A, B, ...)."""
    arm_id: int
    variant_id: int
    variant_uid: str
    style: str
    control: bool
    planned_share: float
    observed_share: float | None
    """This arm's share of all users (None with no users)."""
    impressions: int
    """Users who saw this arm."""
    clicks: int
    conversions: int
    shares: int
    cost: float
    revenue: float
    successes: int
    """The count of the report's metric (clicks, conversions or shares)."""
    rate: float | None
    """successes / impressions; None without users or with invalid counts."""
    ci_low: float | None
    """Wilson 95% interval of ``rate``."""
    ci_high: float | None
    lift_abs: float | None = None
    """rate - the control's rate (None for the control)."""
    lift_rel: float | None = None
    """lift_abs / the control's rate."""
    lift_ci_low: float | None = None
    """Newcombe 95% interval of ``lift_abs``."""
    lift_ci_high: float | None = None
    z: float | None = None
    p_value: float | None = None
    """Pooled two-proportion z-test against the control."""
    p_value_adjusted: float | None = None
    """Holm-adjusted with more than one challenger, else ``p_value``."""
    prob_beat_control: float | None = None
    prob_best: float | None = None
    expected_loss: float | None = None
    expected_loss_vs_control: float | None = None
    need_more: int | None = None
    """Users still needed for the planned sample (None: no plan, e.g. a 0% control)."""
    early: bool = False
    """A winner before its planned sample is reached."""
    warnings: tuple[str, ...] = ()
    verdict: str = "insufficient_data"
    """control, winner, loser, need_more, no_difference, insufficient_data, srm_blocked."""
    sources: ArmSources | None = None
    """Where impressions and clicks came from; None (and no JSON key) when the experiment
    did not go through ``clicks.with_endpoint_clicks``."""

    def to_json(self) -> dict[str, Any]:
        """The ``ab report --json`` shape of one arm (keys in their public order)."""
        out: dict[str, Any] = {
            "arm": self.arm,
            "arm_id": self.arm_id,
            "variant_id": self.variant_id,
            "variant_uid": self.variant_uid,
            "style": self.style,
            "control": self.control,
            "planned_share": self.planned_share,
            "observed_share": self.observed_share,
            "impressions": self.impressions,
            "clicks": self.clicks,
            "conversions": self.conversions,
            "shares": self.shares,
            "cost": self.cost,
            "revenue": self.revenue,
            "successes": self.successes,
            "rate": self.rate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "lift_abs": self.lift_abs,
            "lift_rel": self.lift_rel,
            "lift_ci_low": self.lift_ci_low,
            "lift_ci_high": self.lift_ci_high,
            "z": self.z,
            "p_value": self.p_value,
            "p_value_adjusted": self.p_value_adjusted,
            "prob_beat_control": self.prob_beat_control,
            "prob_best": self.prob_best,
            "expected_loss": self.expected_loss,
            "expected_loss_vs_control": self.expected_loss_vs_control,
            "need_more": self.need_more,
            "early": self.early,
            "warnings": list(self.warnings),
            "verdict": self.verdict,
        }
        if self.sources is not None:
            out["sources"] = self.sources.to_json()
        return out


@dataclass(frozen=True, slots=True)
class ExperimentReport:
    """SRM check, sample plan and verdict of one experiment for one metric."""

    id: int
    name: str
    campaign: str
    segment: str | None
    deliverable_index: int | None
    kind: str
    channel: str | None
    metric: str
    alpha: float
    status: str
    users: int
    """All arms' impressions."""
    srm_statistic: float | None
    srm_p_value: float | None
    """Chi-square test of the observed split against the planned weights."""
    srm_alert: bool
    """srm_p_value < 0.001: the split is broken, no verdict on the arms."""
    planned_n_per_arm: int | None
    sample_size_formula: str
    verdict: str = "no_data"
    """no_data, invalid_data, srm, winner, need_more, no_difference."""
    winner: int | None = None
    """The winning variant's id."""
    winner_arm: str | None = None
    early: bool = False
    warnings: tuple[str, ...] = ()
    arms: tuple[ArmReport, ...] = ()

    def arm_of_variant(self, variant_id: int | None) -> ArmReport | None:
        return next((a for a in self.arms if a.variant_id == variant_id), None)

    def to_json(self) -> dict[str, Any]:
        """The ``ab report --json`` shape (keys in their public order; the CLI adds
        ``chart``)."""
        return {
            "id": self.id,
            "name": self.name,
            "campaign": self.campaign,
            "segment": self.segment,
            "deliverable_index": self.deliverable_index,
            "kind": self.kind,
            "channel": self.channel,
            "metric": self.metric,
            "alpha": self.alpha,
            "status": self.status,
            "users": self.users,
            "srm_statistic": self.srm_statistic,
            "srm_p_value": self.srm_p_value,
            "srm_alert": self.srm_alert,
            "planned_n_per_arm": self.planned_n_per_arm,
            "sample_size_formula": self.sample_size_formula,
            "verdict": self.verdict,
            "winner": self.winner,
            "winner_arm": self.winner_arm,
            "early": self.early,
            "warnings": list(self.warnings),
            "arms": [a.to_json() for a in self.arms],
        }
