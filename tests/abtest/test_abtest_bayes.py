"""Bayesian P(beat control), P(best) and expected loss against exact and Monte Carlo values."""

from __future__ import annotations

import math

import pytest

from workbench.abtest.bayes import (
    Posterior,
    expected_loss_best,
    expected_loss_vs,
    prob_best,
    prob_greater,
)


def evan_miller_prob_b_beats_a(xa: int, na: int, xb: int, nb: int) -> float:
    """Closed form (evanmiller.org/bayesian-ab-testing.html) with integer posteriors."""
    a_a, b_a, a_b, b_b = 1 + xa, 1 + na - xa, 1 + xb, 1 + nb - xb

    def log_beta(a: float, b: float) -> float:
        return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)

    total = 0.0
    for i in range(a_b):
        total += math.exp(
            log_beta(a_a + i, b_b + b_a)
            - math.log(b_b + i)
            - log_beta(1 + i, b_b)
            - log_beta(a_a, b_a)
        )
    return total


@pytest.mark.parametrize(
    "xa,na,xb,nb",
    [
        (10, 100, 15, 100),
        (0, 100, 0, 100),
        (100, 100, 99, 100),
        (0, 0, 0, 0),
        (200, 1000, 262, 1010),
        (3, 9, 1, 11),
    ],
)
def test_prob_beat_control_matches_closed_form(xa: int, na: int, xb: int, nb: int) -> None:
    exact = evan_miller_prob_b_beats_a(xa, na, xb, nb)
    ours = prob_greater(Posterior.of(xb, nb), Posterior.of(xa, na))
    assert ours == pytest.approx(exact, abs=1e-9)


def monte_carlo(arms: list[Posterior], draws: int = 1_000_000) -> tuple[list[float], list[float]]:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(20260310)
    samples = np.stack([rng.beta(p.a, p.b, draws) for p in arms])
    best = samples.argmax(axis=0)
    top = samples.max(axis=0)
    return (
        [float((best == i).mean()) for i in range(len(arms))],
        [float((top - samples[i]).mean()) for i in range(len(arms))],
    )


@pytest.mark.parametrize(
    "data",
    [
        [(20, 1000), (25, 1000), (30, 1000), (22, 1000), (18, 1000)],  # five arms
        [(2_000_000, 10_000_000), (2_001_500, 10_000_000)],  # 10^7 users per arm
        [(0, 10_000_000), (5, 10_000_000)],  # zero conversions at scale
        [(10_000_000, 10_000_000), (9_999_997, 10_000_000)],  # 100% conversion
    ],
)
def test_prob_best_and_loss_match_monte_carlo(data: list[tuple[int, int]]) -> None:
    arms = [Posterior.of(x, n) for x, n in data]
    best = prob_best(arms)
    loss = expected_loss_best(arms)
    mc_best, mc_loss = monte_carlo(arms)
    assert sum(best) == pytest.approx(1.0, abs=1e-6)
    for ours, ref in zip(best, mc_best, strict=True):
        assert ours == pytest.approx(ref, abs=3e-3)  # MC standard error <= 5e-4
    for ours, ref in zip(loss, mc_loss, strict=True):
        assert ours == pytest.approx(ref, rel=0.02, abs=1e-9)


def test_expected_loss_vs_control_two_arms() -> None:
    control, variant = Posterior.of(10, 100), Posterior.of(15, 100)
    # Two arms: the loss of shipping the variant vs control is its loss vs the best.
    assert expected_loss_vs(control, variant) == pytest.approx(
        expected_loss_best([control, variant])[1], rel=1e-9
    )
    _, mc_loss = monte_carlo([control, variant])
    assert expected_loss_vs(control, variant) == pytest.approx(mc_loss[1], rel=0.02)


def test_symmetric_and_degenerate() -> None:
    same = [Posterior.of(0, 0), Posterior.of(0, 0), Posterior.of(0, 0)]
    assert prob_best(same) == pytest.approx([1 / 3] * 3, abs=1e-9)
    assert prob_best([Posterior.of(5, 10)]) == [1.0]
