"""Frequentist statistics against published values and independent implementations."""

from __future__ import annotations

import math

import pytest

from workbench.abtest import stats

CASES = [  # (x1, n1, x0, n0): variant vs control
    (262, 1010, 200, 1000),
    (0, 100, 0, 120),  # nobody converted
    (100, 100, 100, 100),  # everybody converted
    (0, 50, 7, 60),  # a zero-conversion arm
    (50, 50, 45, 60),  # a 100% arm
    (2_010_000, 10_000_000, 2_000_000, 10_000_000),  # 10^7 users per arm
    (3, 9, 1, 11),  # tiny counts
]


def test_wilson_published_and_edges() -> None:
    # Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 -> 0.2553 to 0.3662.
    ci = stats.wilson(81, 263)
    assert ci is not None
    assert ci.low == pytest.approx(0.2553, abs=5e-5)
    assert ci.high == pytest.approx(0.3662, abs=5e-5)
    zero = stats.wilson(0, 10)
    assert zero is not None and zero.low == 0.0 and zero.high == pytest.approx(0.2775, abs=5e-5)
    full = stats.wilson(10, 10)
    assert full is not None and full.high == 1.0 and full.low == pytest.approx(0.7225, abs=5e-5)
    assert stats.wilson(0, 0) is None


def test_newcombe_published_example() -> None:
    # Newcombe (1998) Table II, method 10 (hybrid score): 56/70 - 48/80 -> +0.0524 to +0.3339.
    ci = stats.newcombe(56, 70, 48, 80)
    assert ci is not None
    assert ci.low == pytest.approx(0.0524, abs=5e-5)
    assert ci.high == pytest.approx(0.3339, abs=5e-5)
    # 9/10 - 3/10 -> 0.1705 to 0.8090 (same table).
    ci = stats.newcombe(9, 10, 3, 10)
    assert ci is not None
    assert (ci.low, ci.high) == (pytest.approx(0.1705, abs=5e-5), pytest.approx(0.8090, abs=5e-5))
    assert stats.newcombe(1, 10, 0, 0) is None


@pytest.mark.parametrize("x1,n1,x0,n0", CASES)
def test_against_statsmodels(x1: int, n1: int, x0: int, n0: int) -> None:
    proportion = pytest.importorskip("statsmodels.stats.proportion")
    for x, n in ((x1, n1), (x0, n0)):
        low, high = proportion.proportion_confint(x, n, alpha=0.05, method="wilson")
        ours = stats.wilson(x, n)
        assert ours is not None
        assert ours.low == pytest.approx(low, abs=1e-12)
        assert ours.high == pytest.approx(high, abs=1e-12)
    low, high = proportion.confint_proportions_2indep(
        x1, n1, x0, n0, method="newcomb", compare="diff", alpha=0.05
    )
    ours_diff = stats.newcombe(x1, n1, x0, n0)
    assert ours_diff is not None
    assert ours_diff.low == pytest.approx(low, abs=1e-9)
    assert ours_diff.high == pytest.approx(high, abs=1e-9)
    test = stats.ztest_pooled(x1, n1, x0, n0)
    if (x1 + x0) in (0, n1 + n0):
        assert test is None  # no variance: the test is undefined, never a winner
        return
    z, p = proportion.proportions_ztest([x1, x0], [n1, n0])
    assert test is not None
    assert test[0] == pytest.approx(z, rel=1e-9)
    assert test[1] == pytest.approx(p, rel=1e-9, abs=1e-300)


@pytest.mark.parametrize("x1,n1,x0,n0", [c for c in CASES if 0 < c[0] + c[2] < c[1] + c[3]])
def test_ztest_equals_pearson_chi_square_without_yates(x1: int, n1: int, x0: int, n0: int) -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    table = [[x1, n1 - x1], [x0, n0 - x0]]
    chi2, p, _, _ = scipy_stats.chi2_contingency(table, correction=False)
    test = stats.ztest_pooled(x1, n1, x0, n0)
    assert test is not None
    assert test[0] ** 2 == pytest.approx(chi2, rel=1e-9)
    assert test[1] == pytest.approx(p, rel=1e-8)


def test_ztest_hand_computed() -> None:
    # 200/1000 vs 262/1010: pooled 462/2010; z = 0.0594059.../sqrt(p(1-p)(1/1010+1/1000)).
    pooled = 462 / 2010
    z = (262 / 1010 - 0.2) / math.sqrt(pooled * (1 - pooled) * (1 / 1010 + 1 / 1000))
    test = stats.ztest_pooled(262, 1010, 200, 1000)
    assert test is not None
    assert test[0] == pytest.approx(z, rel=1e-12)
    assert test[1] == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), rel=1e-12)


def test_holm_against_statsmodels_and_by_hand() -> None:
    p = [0.01, 0.04, 0.03, 0.005]
    # By hand: sorted 0.005*4=0.02, 0.01*3=0.03, 0.03*2=0.06, 0.04*1=0.04 -> max-cumulative 0.06.
    assert stats.holm(p) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    multitest = pytest.importorskip("statsmodels.stats.multitest")
    for values in ([0.01, 0.04, 0.03, 0.005], [0.2, 0.001, 0.9, 0.049, 0.5], [1e-12, 0.7]):
        expected = multitest.multipletests(values, method="holm")[1]
        assert stats.holm(values) == pytest.approx(list(expected))
    assert stats.holm([None, 0.01, 0.02]) == [None, pytest.approx(0.02), pytest.approx(0.02)]


def test_srm_against_scipy_and_alert_threshold() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    observed = [5000, 5200, 4700]
    expected = scipy_stats.chisquare(observed, [14900 / 3] * 3)
    result = stats.srm_test(observed, [1, 1, 1])
    assert result is not None
    assert result[0] == pytest.approx(expected.statistic)
    assert result[1] == pytest.approx(expected.pvalue)
    assert result[1] < 0.001  # a real mismatch
    weighted = stats.srm_test([2000, 1000], [2, 1])
    assert weighted is not None and weighted[0] == pytest.approx(0.0)
    assert stats.srm_test([0, 0], [1, 1]) is None


def test_sample_size_matches_evan_miller() -> None:
    # evanmiller.org/ab-testing/sample-size.html: 20% baseline, +5 points absolute,
    # alpha 0.05 two-sided, power 0.8 -> 1,030 per arm.
    result = stats.sample_size(0.2, 0.05)
    assert result.n_per_arm == 1030
    assert result.n_exact == pytest.approx(1030.219, abs=1e-3)
    assert "Evan Miller" in result.formula
    relative = stats.sample_size(0.2, 0.25, relative=True)
    assert relative.n_per_arm == 1030 and relative.target == pytest.approx(0.25)
    # More arms: Bonferroni over 2 comparisons needs more users per arm.
    three = stats.sample_size(0.2, 0.05, arms=3)
    assert three.alpha_per_comparison == pytest.approx(0.025)
    assert three.n_per_arm > 1030
    # Hand-computed with alpha/2 = 0.0125: z = 2.241403, sd1 = 0.565685, sd2 = 0.589491.
    z_a, z_b = 2.2414027276049473, 0.8416212335729143
    n = (z_a * math.sqrt(0.32) + z_b * math.sqrt(0.3475)) ** 2 / 0.0025
    assert three.n_exact == pytest.approx(n, rel=1e-9)
    for bad in (dict(baseline=0.0, mde=0.05), dict(baseline=0.98, mde=0.05)):
        with pytest.raises(ValueError):
            stats.sample_size(**bad)  # type: ignore[arg-type]


def test_special_functions_match_scipy_stats() -> None:
    """stats uses scipy.special (cheap to import); the values equal scipy.stats' exactly."""
    scipy_stats = pytest.importorskip("scipy.stats")
    assert float(scipy_stats.norm.isf(0.025)) == stats.Z95
    for x1, n1, x0, n0 in CASES:
        test = stats.ztest_pooled(x1, n1, x0, n0)
        if test is not None:
            assert test[1] == float(2.0 * scipy_stats.norm.sf(abs(test[0])))
    srm = stats.srm_test([5100, 4900, 5050], [1.0, 1.0, 1.0])
    assert srm is not None and srm[1] == float(scipy_stats.chi2.sf(srm[0], 2))
    size = stats.sample_size(0.2, 0.05, arms=3)
    z_a = float(scipy_stats.norm.isf(size.alpha_per_comparison / 2.0))
    z_b = float(scipy_stats.norm.ppf(0.8))
    sd1 = math.sqrt(2.0 * 0.2 * 0.8)
    sd2 = math.sqrt(0.2 * 0.8 + 0.25 * 0.75)
    assert size.n_exact == (z_a * sd1 + z_b * sd2) ** 2 / (0.05 * 0.05)
