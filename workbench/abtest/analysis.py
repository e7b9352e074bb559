"""The report of one experiment: SRM first, then per-arm statistics and a verdict.

``analyze(experiment)`` takes a dict from ``Store.ab_list_experiments`` and returns the
``ab report --json`` shape (stable keys): ``srm_p_value``, ``verdict``, ``winner`` (variant
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

from dataclasses import dataclass
from typing import Any

from workbench.abtest import bayes, stats
from workbench.abtest.experiments import METRICS, SUCCESS_COLUMN, planned_shares

SRM_ALPHA = 0.001
MIN_EXPECTED = 5.0


@dataclass(frozen=True)
class Plan:
    n_per_arm: int | None
    baseline: float | None


def _plan(experiment: dict[str, Any], control_rate: float | None, arms: int) -> Plan:
    data = experiment.get("data") or {}
    if control_rate is None or not 0.0 < control_rate < 1.0:
        return Plan(None, control_rate)
    try:
        size = stats.sample_size(
            control_rate,
            float(data.get("mde", 0.2)),
            relative=bool(data.get("mde_relative", True)),
            alpha=float(experiment["alpha"]),
            power=float(data.get("power", 0.8)),
            arms=arms,
        )
    except ValueError:  # e.g. the target rate would exceed 1
        return Plan(None, control_rate)
    return Plan(size.n_per_arm, control_rate)


def _arm_base(arm: dict[str, Any], share: float, total: int, column: str) -> dict[str, Any]:
    n = int(arm["impressions"])
    x = int(arm[column])
    interval = stats.wilson(x, n) if 0 <= x <= n else None
    return {
        "arm": arm["name"],
        "arm_id": arm["arm_id"],
        "variant_id": arm["variant_id"],
        "variant_uid": arm["variant_uid"],
        "style": arm["style"],
        "control": bool(arm["is_control"]),
        "planned_share": share,
        "observed_share": n / total if total else None,
        "impressions": n,
        "clicks": int(arm["clicks"]),
        "conversions": int(arm["conversions"]),
        "shares": int(arm["shares"]),
        "cost": float(arm["cost"]),
        "revenue": float(arm["revenue"]),
        "successes": x,
        "rate": stats.rate(x, n) if interval else None,
        "ci_low": interval.low if interval else None,
        "ci_high": interval.high if interval else None,
        "lift_abs": None,
        "lift_rel": None,
        "lift_ci_low": None,
        "lift_ci_high": None,
        "z": None,
        "p_value": None,
        "p_value_adjusted": None,
        "prob_beat_control": None,
        "prob_best": None,
        "expected_loss": None,
        "expected_loss_vs_control": None,
        "need_more": None,
        "early": False,
        "warnings": [],
        "verdict": "control" if arm["is_control"] else "insufficient_data",
    }


def _compare(row: dict[str, Any], control: dict[str, Any]) -> None:
    x1, n1 = row["successes"], row["impressions"]
    x0, n0 = control["successes"], control["impressions"]
    if row["rate"] is None or control["rate"] is None:
        return
    row["lift_abs"] = row["rate"] - control["rate"]
    row["lift_rel"] = row["lift_abs"] / control["rate"] if control["rate"] > 0 else None
    interval = stats.newcombe(x1, n1, x0, n0)
    if interval is not None:
        row["lift_ci_low"], row["lift_ci_high"] = interval.low, interval.high
    test = stats.ztest_pooled(x1, n1, x0, n0)
    if test is not None:
        row["z"], row["p_value"] = test
    smallest = stats.expected_counts_min(x1, n1, x0, n0)
    if smallest is not None and smallest < MIN_EXPECTED:
        row["warnings"].append("small_expected_counts")


def _bayes(rows: list[dict[str, Any]]) -> None:
    valid = [r for r in rows if r["rate"] is not None or r["impressions"] == 0]
    if len(valid) != len(rows):
        return
    posteriors = [bayes.Posterior.of(r["successes"], r["impressions"]) for r in rows]
    found = bayes.compare(posteriors)  # rows[0] is the control
    for i, row in enumerate(rows):
        row["prob_best"] = found.prob_best[i]
        row["expected_loss"] = found.expected_loss[i]
        if i:
            row["prob_beat_control"] = found.prob_beat_control[i]
            row["expected_loss_vs_control"] = found.expected_loss_vs_control[i]


def analyze(experiment: dict[str, Any], metric: str | None = None) -> dict[str, Any]:
    """Statistics and verdict of one experiment for ``metric`` (default: its own)."""
    metric = metric or experiment["metric"]
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    column = SUCCESS_COLUMN[metric]
    arms = experiment["arms"]
    shares = planned_shares(arms)
    total = sum(int(a["impressions"]) for a in arms)
    rows = [_arm_base(a, s, total, column) for a, s in zip(arms, shares, strict=True)]
    control = rows[0]
    for row in rows[1:]:
        _compare(row, control)
    if len(rows) > 2:
        adjusted = stats.holm([r["p_value"] for r in rows[1:]])
        for row, p in zip(rows[1:], adjusted, strict=True):
            row["p_value_adjusted"] = p
    else:
        for row in rows[1:]:
            row["p_value_adjusted"] = row["p_value"]
    _bayes(rows)
    srm = stats.srm_test([r["impressions"] for r in rows], [float(a["weight"]) for a in arms])
    plan = _plan(experiment, control["rate"], len(rows))
    for row in rows:
        if plan.n_per_arm is not None:
            row["need_more"] = max(plan.n_per_arm - row["impressions"], 0)
    report: dict[str, Any] = {
        "id": experiment["id"],
        "name": experiment["name"],
        "campaign": experiment["campaign"],
        "segment": experiment["segment"],
        "deliverable_index": experiment["deliverable_index"],
        "kind": experiment["kind"],
        "channel": experiment["channel"],
        "metric": metric,
        "alpha": float(experiment["alpha"]),
        "status": experiment["status"],
        "users": total,
        "srm_statistic": srm[0] if srm else None,
        "srm_p_value": srm[1] if srm else None,
        "srm_alert": bool(srm and srm[1] < SRM_ALPHA),
        "planned_n_per_arm": plan.n_per_arm,
        "sample_size_formula": stats.SAMPLE_SIZE_FORMULA,
        "verdict": "no_data",
        "winner": None,
        "winner_arm": None,
        "early": False,
        "warnings": sorted({w for r in rows for w in r["warnings"]}),
        "arms": rows,
    }
    _verdict(report, rows)
    return report


def _verdict(report: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    alpha = report["alpha"]
    if report["users"] == 0:
        return
    if any(not 0 <= r["successes"] <= r["impressions"] for r in rows):
        report["verdict"] = "invalid_data"
        report["warnings"].append("successes_exceed_impressions")
        return
    if report["srm_alert"]:
        report["verdict"] = "srm"
        for row in rows[1:]:
            row["verdict"] = "srm_blocked"
        return
    for row in rows[1:]:
        p = row["p_value_adjusted"]
        if p is None:
            row["verdict"] = "insufficient_data"
        elif p < alpha:
            row["verdict"] = "winner" if row["lift_abs"] > 0 else "loser"
        elif row["need_more"] is None or row["need_more"] > 0:
            row["verdict"] = "need_more"
        else:
            row["verdict"] = "no_difference"
        row["early"] = bool(row["verdict"] == "winner" and (row["need_more"] or 0) > 0)
    winners = [r for r in rows[1:] if r["verdict"] == "winner"]
    if winners:
        best = max(winners, key=lambda r: (r["rate"], -r["arm_id"]))
    elif all(r["verdict"] == "loser" for r in rows[1:]):
        best = rows[0]
        best["early"] = any((r["need_more"] or 0) > 0 for r in rows)
    else:
        best = None
    if best is not None:
        report.update(
            verdict="winner", winner=best["variant_id"], winner_arm=best["arm"], early=best["early"]
        )
    elif any(r["verdict"] in ("need_more", "insufficient_data") for r in rows[1:]):
        report["verdict"] = "need_more"
    else:
        report["verdict"] = "no_difference"
