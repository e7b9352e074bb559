"""The report of one experiment: SRM first, then per-arm statistics and a verdict.

``analyze(experiment)`` takes an ``Experiment`` from ``store.ab.list_experiments`` and
returns an ``ExperimentReport`` (``abtest.reports``; its ``to_json`` is the
``ab report --json`` shape, stable keys): ``srm_p_value``, ``verdict``, ``winner`` (variant
id or null) and per arm ``variant_id``, ``impressions``, ``clicks``, ``conversions``,
``rate``, ``ci_low``, ``ci_high``, ``lift_abs``, ``lift_rel``, ``lift_ci_low``,
``lift_ci_high``, ``p_value``, ``p_value_adjusted``, ``prob_beat_control``, ``prob_best``.

Experiment verdicts: ``no_data``, ``invalid_data`` (more successes than users), ``srm``
(sample-ratio mismatch, p < 0.001: no verdict on the arms), ``winner``, ``need_more``,
``no_difference``. Arm verdicts: ``control``, ``winner``, ``loser``, ``need_more``,
``no_difference``, ``insufficient_data``, ``srm_blocked``. A winner needs p_adjusted < alpha
strictly; it is flagged ``early`` while its planned sample is not reached.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.abtest import bayes, stats
from workbench.abtest.experiments import METRICS, SUCCESS_COLUMN, planned_shares
from workbench.abtest.reports import ArmReport, ExperimentReport
from workbench.store.abrecords import Arm, Experiment

SRM_ALPHA = 0.001
MIN_EXPECTED = 5.0


@dataclass(frozen=True)
class Plan:
    n_per_arm: int | None
    baseline: float | None


def _plan(experiment: Experiment, control_rate: float | None, arms: int) -> Plan:
    settings = experiment.plan
    if control_rate is None or not 0.0 < control_rate < 1.0:
        return Plan(None, control_rate)
    try:
        size = stats.sample_size(
            control_rate,
            float(settings.mde),
            relative=bool(settings.mde_relative),
            alpha=float(experiment.alpha),
            power=float(settings.power),
            arms=arms,
        )
    except ValueError:  # e.g. the target rate would exceed 1
        return Plan(None, control_rate)
    return Plan(size.n_per_arm, control_rate)


def _arm_base(arm: Arm, share: float, total: int, column: str) -> ArmReport:
    n = int(arm.impressions)
    x = arm.successes(column)
    interval = stats.wilson(x, n) if 0 <= x <= n else None
    return ArmReport(
        arm=arm.name,
        arm_id=arm.arm_id,
        variant_id=arm.variant_id,
        variant_uid=arm.variant_uid,
        style=arm.style,
        control=bool(arm.is_control),
        planned_share=share,
        observed_share=n / total if total else None,
        impressions=n,
        clicks=int(arm.clicks),
        conversions=int(arm.conversions),
        shares=int(arm.shares),
        cost=float(arm.cost),
        revenue=float(arm.revenue),
        successes=x,
        rate=stats.rate(x, n) if interval else None,
        ci_low=interval.low if interval else None,
        ci_high=interval.high if interval else None,
        verdict="control" if arm.is_control else "insufficient_data",
        sources=arm.sources,
    )


def _compare(row: ArmReport, control: ArmReport) -> ArmReport:
    x1, n1 = row.successes, row.impressions
    x0, n0 = control.successes, control.impressions
    if row.rate is None or control.rate is None:
        return row
    lift_abs = row.rate - control.rate
    row = replace(
        row, lift_abs=lift_abs, lift_rel=lift_abs / control.rate if control.rate > 0 else None
    )
    interval = stats.newcombe(x1, n1, x0, n0)
    if interval is not None:
        row = replace(row, lift_ci_low=interval.low, lift_ci_high=interval.high)
    test = stats.ztest_pooled(x1, n1, x0, n0)
    if test is not None:
        row = replace(row, z=test[0], p_value=test[1])
    smallest = stats.expected_counts_min(x1, n1, x0, n0)
    if smallest is not None and smallest < MIN_EXPECTED:
        row = replace(row, warnings=(*row.warnings, "small_expected_counts"))
    return row


def _bayes(rows: list[ArmReport]) -> list[ArmReport]:
    valid = [r for r in rows if r.rate is not None or r.impressions == 0]
    if len(valid) != len(rows):
        return rows
    posteriors = [bayes.Posterior.of(r.successes, r.impressions) for r in rows]
    found = bayes.compare(posteriors)  # rows[0] is the control
    out: list[ArmReport] = []
    for i, row in enumerate(rows):
        row = replace(row, prob_best=found.prob_best[i], expected_loss=found.expected_loss[i])
        if i:
            row = replace(
                row,
                prob_beat_control=found.prob_beat_control[i],
                expected_loss_vs_control=found.expected_loss_vs_control[i],
            )
        out.append(row)
    return out


def analyze(experiment: Experiment, metric: str | None = None) -> ExperimentReport:
    """Statistics and verdict of one experiment for ``metric`` (default: its own)."""
    metric = metric or experiment.metric
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    column = SUCCESS_COLUMN[metric]
    arms = experiment.arms
    shares = planned_shares(arms)
    total = sum(int(a.impressions) for a in arms)
    rows = [_arm_base(a, s, total, column) for a, s in zip(arms, shares, strict=True)]
    control = rows[0]
    rows = [control, *(_compare(row, control) for row in rows[1:])]
    if len(rows) > 2:
        adjusted = stats.holm([r.p_value for r in rows[1:]])
    else:
        adjusted = [r.p_value for r in rows[1:]]
    rows = [
        control,
        *(replace(r, p_value_adjusted=p) for r, p in zip(rows[1:], adjusted, strict=True)),
    ]
    rows = _bayes(rows)
    srm = stats.srm_test([r.impressions for r in rows], [float(a.weight) for a in arms])
    plan = _plan(experiment, rows[0].rate, len(rows))
    if plan.n_per_arm is not None:
        rows = [replace(r, need_more=max(plan.n_per_arm - r.impressions, 0)) for r in rows]
    report = ExperimentReport(
        id=experiment.id,
        name=experiment.name,
        campaign=experiment.campaign,
        segment=experiment.segment,
        deliverable_index=experiment.deliverable_index,
        kind=experiment.kind,
        channel=experiment.channel,
        metric=metric,
        alpha=float(experiment.alpha),
        status=experiment.status,
        users=total,
        srm_statistic=srm[0] if srm else None,
        srm_p_value=srm[1] if srm else None,
        srm_alert=bool(srm and srm[1] < SRM_ALPHA),
        planned_n_per_arm=plan.n_per_arm,
        sample_size_formula=stats.SAMPLE_SIZE_FORMULA,
        warnings=tuple(sorted({w for r in rows for w in r.warnings})),
        arms=tuple(rows),
    )
    return _verdict(report)


def _arm_verdict(row: ArmReport, alpha: float) -> ArmReport:
    p = row.p_value_adjusted
    if p is None:
        verdict = "insufficient_data"
    elif p < alpha:
        verdict = "winner" if (row.lift_abs or 0.0) > 0 else "loser"
    elif row.need_more is None or row.need_more > 0:
        verdict = "need_more"
    else:
        verdict = "no_difference"
    early = bool(verdict == "winner" and (row.need_more or 0) > 0)
    return replace(row, verdict=verdict, early=early)


def _verdict(report: ExperimentReport) -> ExperimentReport:
    rows = list(report.arms)
    if report.users == 0:
        return report
    if any(not 0 <= r.successes <= r.impressions for r in rows):
        return replace(
            report,
            verdict="invalid_data",
            warnings=(*report.warnings, "successes_exceed_impressions"),
        )
    if report.srm_alert:
        blocked = [rows[0], *(replace(r, verdict="srm_blocked") for r in rows[1:])]
        return replace(report, verdict="srm", arms=tuple(blocked))
    rows = [rows[0], *(_arm_verdict(r, report.alpha) for r in rows[1:])]
    winners = [r for r in rows[1:] if r.verdict == "winner"]
    best: ArmReport | None
    if winners:
        best = max(winners, key=lambda r: (r.rate or 0.0, -r.arm_id))
    elif all(r.verdict == "loser" for r in rows[1:]):
        best = rows[0] = replace(rows[0], early=any((r.need_more or 0) > 0 for r in rows))
    else:
        best = None
    report = replace(report, arms=tuple(rows))
    if best is not None:
        return replace(
            report, verdict="winner", winner=best.variant_id, winner_arm=best.arm, early=best.early
        )
    if any(r.verdict in ("need_more", "insufficient_data") for r in rows[1:]):
        return replace(report, verdict="need_more")
    return replace(report, verdict="no_difference")
