"""One experiment's report: SRM first, Holm with more than two arms, verdicts, edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from abtest_kit import CAMPAIGN, feed, manual

from workbench.abtest import stats
from workbench.abtest.analysis import analyze
from workbench.abtest.experiments import ExperimentOptions, create_from_variants
from workbench.store import Store

ARM_KEYS = {
    "variant_id", "impressions", "clicks", "conversions", "rate", "ci_low", "ci_high",
    "lift_abs", "lift_rel", "lift_ci_low", "lift_ci_high", "p_value", "p_value_adjusted",
    "prob_beat_control", "prob_best",
}  # fmt: skip


def test_two_arm_winner_numbers_and_shape(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    feed(store, experiment, [(1000, 200), (1010, 262)], tmp_path)
    report = analyze(store.ab.get_experiment(experiment.id))
    assert {"srm_p_value", "verdict", "winner"} <= set(report.to_json())
    control, variant = report.arms
    assert set(control.to_json()) >= ARM_KEYS and set(variant.to_json()) >= ARM_KEYS
    assert control.rate == 0.2 and control.lift_abs is None
    test = stats.ztest_pooled(262, 1010, 200, 1000)
    assert test is not None and variant.p_value == pytest.approx(test[1])
    assert variant.p_value_adjusted == variant.p_value  # two arms: no adjustment
    assert variant.lift_rel == pytest.approx((262 / 1010 - 0.2) / 0.2)
    assert variant.prob_beat_control == pytest.approx(variant.prob_best, abs=1e-9)
    assert report.verdict == "winner" and report.winner == variant.variant_id
    # Planned sample (20% relative MDE on a 20% baseline) is not reached: flagged early.
    assert report.early is True and variant.early is True
    assert variant.need_more == report.planned_n_per_arm - 1010


def test_srm_alert_blocks_any_verdict(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    feed(store, experiment, [(1000, 100), (1300, 400)], tmp_path)  # planned 50/50
    report = analyze(store.ab.get_experiment(experiment.id))
    assert report.srm_alert is True and report.srm_p_value < 0.001
    assert report.verdict == "srm" and report.winner is None
    assert report.arms[1].verdict == "srm_blocked"
    assert report.arms[1].p_value < 1e-10  # the numbers are still shown


def test_holm_adjusts_with_more_than_two_arms(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 4)
    feed(store, experiment, [(2000, 200), (2000, 242), (2000, 200), (2000, 150)], tmp_path)
    report = analyze(store.ab.get_experiment(experiment.id))
    raw = [a.p_value for a in report.arms[1:]]
    assert [a.p_value_adjusted for a in report.arms[1:]] == pytest.approx(stats.holm(raw))
    b = report.arms[1]
    assert b.p_value < 0.05 < b.p_value_adjusted  # significant only before adjustment
    assert b.verdict != "winner"
    assert report.arms[3].verdict == "loser"
    assert sum(a.prob_best for a in report.arms) == pytest.approx(1.0, abs=1e-6)
    assert report.verdict == "need_more" and report.winner is None


def test_degenerate_data_never_wins_and_never_crashes(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 3)
    assert analyze(experiment).verdict == "no_data"  # zero users
    for data in ([(50, 0), (50, 0), (50, 0)], [(50, 50), (50, 50), (50, 50)]):
        feed(store, experiment, data, tmp_path)
        report = analyze(store.ab.get_experiment(experiment.id))
        assert report.winner is None
        assert all(a.p_value is None for a in report.arms)
        assert all(a.lift_rel is None for a in report.arms[1:]) == (data[0][1] == 0)
        assert report.arms[1].verdict == "insufficient_data"
    feed(store, experiment, [(6, 1), (5, 0), (7, 3)], tmp_path)
    report = analyze(store.ab.get_experiment(experiment.id))
    assert "small_expected_counts" in report.warnings
    assert report.winner is None


def test_control_wins_when_every_variant_loses(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    feed(store, experiment, [(5000, 1000), (5000, 700)], tmp_path)
    report = analyze(store.ab.get_experiment(experiment.id))
    assert report.verdict == "winner"
    assert report.winner == report.arms[0].variant_id
    assert report.early is False  # 5000 per arm is past the planned sample


def test_other_metric_and_generated_experiments(store: Store, tmp_path: Path) -> None:
    drafts = ExperimentOptions(metric="click", include_drafts=True)
    created = create_from_variants(store, CAMPAIGN, options=drafts).experiments
    assert len(created) == 10 and all(c.created for c in created)  # 2 segments x 5 deliverables
    again = create_from_variants(store, CAMPAIGN, options=drafts).experiments
    assert [c.created for c in again] == [False] * 10
    experiments = store.ab.list_experiments(CAMPAIGN)
    for e in experiments:
        assert e.arms[0].is_control and not any(a.is_control for a in e.arms[1:])
        assert e.metric == "click" and e.alpha == 0.05
        assert len({a.segment for a in e.arms}) == 1
    experiment = experiments[0]
    feed(store, experiment, [(100, 10)] * len(experiment.arms), tmp_path)
    share = analyze(store.ab.get_experiment(experiment.id), "share")
    assert share.metric == "share" and share.arms[0].rate == 0.0
    click = analyze(store.ab.get_experiment(experiment.id))
    assert click.metric == "click" and click.arms[0].rate == 0.1
