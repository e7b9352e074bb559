"""Winners teach the next round; losers become the pitfall guide.

``promote`` marks an experiment's winner and archives every arm's numbers (``ab_outcomes``:
the winner, and each other arm as a loser); ``winners.winner_examples`` turns the winners
into few-shot examples. ``pitfalls`` lists the archived losers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.abtest.analysis import analyze
from workbench.abtest.reports import ArmReport, ExperimentReport
from workbench.errors import InputError, Problem, WorkbenchError
from workbench.store import Store
from workbench.store.abrecords import ArchivedArm, AuditNote


class NoWinnerError(WorkbenchError):
    """``promote`` on an experiment whose verdict is not a winner."""

    exit_code = 1


@dataclass(frozen=True)
class Promotion:
    experiment_id: int
    winner_variant_id: int
    winner_arm: str
    early: bool
    losers: int


def _outcome(report: ExperimentReport, row: ArmReport, role: str) -> ArchivedArm:
    return ArchivedArm(
        experiment_id=report.id,
        arm_id=row.arm_id,
        variant_id=row.variant_id,
        campaign_id=report.campaign,
        segment_id=report.segment,
        kind=report.kind,
        channel=report.channel,
        role=role,
        metric=report.metric,
        impressions=row.impressions,
        successes=row.successes,
        rate=row.rate,
        lift_abs=row.lift_abs,
        lift_rel=row.lift_rel,
        p_value=row.p_value,
        p_value_adjusted=row.p_value_adjusted,
        data={"arm": row.to_json(), "verdict": report.verdict, "early": report.early},
    )


def promote(
    store: Store,
    experiment_id: int,
    metric: str | None = None,
    *,
    force: bool = False,
    reason: str | None = None,
    actor: str = "operator",
) -> Promotion:
    """Mark the winner of a decided experiment and archive the losers with their numbers.

    Raises ``NoWinnerError`` unless the report's verdict is ``winner`` (SRM passed,
    p_adjusted < alpha) and the winning variant is approved; ``force`` with a ``reason``
    promotes an unapproved winner. Every promotion is audited (actor, verdict, approval,
    early, force, reason). Promoting again replaces the earlier archive of that experiment.
    """
    if force and not (reason or "").strip():
        raise InputError(Problem("--reason", None, "", "--force needs --reason (it is audited)"))
    experiment = store.ab.get_experiment(experiment_id)
    report = analyze(experiment, metric)
    winner = report.arm_of_variant(report.winner)
    if report.verdict != "winner" or winner is None:
        raise NoWinnerError(
            f"experiment {experiment_id} has no winner yet (verdict: {report.verdict})"
        )
    rows = report.arms
    status = next(a.variant_status for a in experiment.arms if a.arm_id == winner.arm_id)
    if status != "approved" and not force:
        raise NoWinnerError(
            f"experiment {experiment_id}: winner {winner.arm} (variant"
            f" {winner.variant_id}) is {status}, not approved; approve it first"
            " or give --force --reason R"
        )
    outcomes = [_outcome(report, r, "winner" if r is winner else "loser") for r in rows]
    audit = AuditNote(
        actor=actor,
        action="ab_promote",
        variant_id=winner.variant_id,
        comment=reason.strip() if reason else None,
        data={
            "arm": winner.arm,
            "verdict": report.verdict,
            "variant_status": status,
            "early": bool(report.early),
            "forced": bool(force),
        },
    )
    store.ab.record_outcome(experiment_id, winner.arm_id, outcomes, audit)
    return Promotion(
        experiment_id=experiment_id,
        winner_variant_id=winner.variant_id,
        winner_arm=winner.arm,
        early=bool(report.early),
        losers=len(rows) - 1,
    )


def pitfalls(
    store: Store, campaign: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Archived losing variants with their numbers, newest decision first."""
    rows = store.ab.outcomes("loser", campaign=campaign, kind=kind, any_channel=True)
    return [
        {
            "experiment_id": r.experiment_id,
            "experiment": r.experiment,
            "campaign": r.campaign_id,
            "segment": r.segment_id,
            "kind": r.kind,
            "channel": r.channel,
            "variant_id": r.variant_id,
            "variant_uid": r.variant_uid,
            "style": r.style,
            "metric": r.metric,
            "impressions": r.impressions,
            "successes": r.successes,
            "rate": r.rate,
            "lift_abs": r.lift_abs,
            "lift_rel": r.lift_rel,
            "p_value": r.p_value,
            "p_value_adjusted": r.p_value_adjusted,
            "decided_at": r.decided_at,
            "content": r.content,
        }
        for r in rows
    ]
