"""Frequentist statistics for binomial A/B metrics: intervals, tests, SRM, sample size.

Every function is exact for its definition (no approximations beyond the named method) and
never raises on degenerate data: where a quantity is undefined (no users, zero variance)
it is ``None``. Special functions come from ``scipy.special`` (``ndtr``, ``ndtri``,
``chdtrc``: the functions behind ``scipy.stats.norm`` and ``chi2``, so the values are
identical), which compute tails accurately far beyond double-precision cancellation
(p-values down to 1e-300), where ``1 - erf`` would round to 0. scipy is imported on first
use, so importing this module (e.g. for ``ab assign``) stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.9599639845400545  # the normal 97.5% quantile, -ndtri(0.025) (a test checks it)


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


def rate(successes: int, trials: int) -> float | None:
    return successes / trials if trials > 0 else None


def wilson(successes: int, trials: int, z: float = Z95) -> Interval | None:
    """Wilson score interval for one proportion (no continuity correction)."""
    if trials <= 0:
        return None
    n, x = float(trials), float(successes)
    z2 = z * z
    center = (x + z2 / 2.0) / (n + z2)
    half = z / (n + z2) * math.sqrt(max(x * (n - x) / n, 0.0) + z2 / 4.0)
    return Interval(max(0.0, center - half), min(1.0, center + half))


def newcombe(x1: int, n1: int, x0: int, n0: int, z: float = Z95) -> Interval | None:
    """Newcombe's hybrid score interval (method 10) for ``p1 - p0`` from two Wilson intervals."""
    w1, w0 = wilson(x1, n1, z), wilson(x0, n0, z)
    if w1 is None or w0 is None:
        return None
    p1, p0 = x1 / n1, x0 / n0
    d = p1 - p0
    low = d - math.sqrt((p1 - w1.low) ** 2 + (w0.high - p0) ** 2)
    high = d + math.sqrt((w1.high - p1) ** 2 + (p0 - w0.low) ** 2)
    return Interval(low, high)


def ztest_pooled(x1: int, n1: int, x0: int, n0: int) -> tuple[float, float] | None:
    """Two-sided pooled two-proportion z-test: ``(z, p_value)``.

    ``z**2`` is Pearson's chi-square statistic of the 2x2 table without Yates' correction,
    so the p-value equals ``chi2_contingency(table, correction=False)``. ``None`` when a
    group is empty or the pooled rate is 0 or 1 (the test is undefined: no variance).
    """
    if n1 <= 0 or n0 <= 0:
        return None
    pooled = (x1 + x0) / (n1 + n0)
    var = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n0)
    if var <= 0.0:
        return None
    z = (x1 / n1 - x0 / n0) / math.sqrt(var)
    from scipy.special import ndtr

    return z, float(2.0 * ndtr(-abs(z)))


def expected_counts_min(x1: int, n1: int, x0: int, n0: int) -> float | None:
    """The smallest expected cell count of the 2x2 table (chi-square wants >= 5)."""
    total = n1 + n0
    if n1 <= 0 or n0 <= 0:
        return None
    successes = x1 + x0
    failures = total - successes
    return min(n * s / total for n in (n1, n0) for s in (successes, failures))


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm-Bonferroni step-down adjusted p-values (``None`` entries are left out)."""
    indexed = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    m = len(indexed)
    adjusted: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(indexed):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = running
    return adjusted


def srm_test(observed: Sequence[int], weights: Sequence[float]) -> tuple[float, float] | None:
    """Sample-ratio mismatch: chi-square goodness of fit of ``observed`` vs planned weights.

    Returns ``(statistic, p_value)`` with ``k - 1`` degrees of freedom, or ``None`` when
    there are no users or fewer than two arms with a positive planned share.
    """
    total = sum(observed)
    wsum = sum(weights)
    if total <= 0 or len(observed) < 2 or wsum <= 0:
        return None
    stat = 0.0
    df = -1
    for o, w in zip(observed, weights, strict=True):
        if w <= 0:
            if o > 0:  # users in an arm planned to get none: an infinite mismatch
                return math.inf, 0.0
            continue
        e = total * w / wsum
        stat += (o - e) ** 2 / e
        df += 1
    if df < 1:
        return None
    from scipy.special import chdtrc

    return stat, float(chdtrc(df, stat))


SAMPLE_SIZE_FORMULA = (
    "Evan Miller two-sided: n = (z(1-a/2)*sqrt(2*p*(1-p)) + z(power)*sqrt(p*(1-p)+q*(1-q)))^2"
    " / (q-p)^2, p = baseline, q = p + mde; with K arms a = alpha/(K-1) (Bonferroni over"
    " the K-1 comparisons with control); rounded to the nearest user as his calculator shows"
)


@dataclass(frozen=True, slots=True)
class SampleSize:
    n_per_arm: int
    n_exact: float
    baseline: float
    target: float
    alpha: float
    alpha_per_comparison: float
    power: float
    arms: int
    formula: str = SAMPLE_SIZE_FORMULA


def sample_size(
    baseline: float,
    mde: float,
    *,
    relative: bool = False,
    alpha: float = 0.05,
    power: float = 0.8,
    arms: int = 2,
) -> SampleSize:
    """Users per arm to detect ``mde`` (absolute points, or relative with ``relative``).

    Evan Miller's formula (https://www.evanmiller.org/ab-testing/sample-size.html): the
    null variance uses the baseline for both groups, the alternative variance each group's
    own rate. 20% baseline, +5 points, alpha 0.05, power 0.8 -> 1,030 per arm.
    Raises ``ValueError`` for impossible inputs (the caller maps it to a flag error).
    """
    if not 0.0 < baseline < 1.0:
        raise ValueError("baseline must be between 0 and 1 (exclusive)")
    if not 0.0 < alpha < 1.0:
        raise ValueError("alpha must be between 0 and 1 (exclusive)")
    if not 0.0 < power < 1.0:
        raise ValueError("power must be between 0 and 1 (exclusive)")
    if arms < 2:
        raise ValueError("arms must be at least 2 (control and one variant)")
    delta = baseline * mde if relative else mde
    if delta == 0.0:
        raise ValueError("mde must not be 0")
    target = baseline + delta
    if not 0.0 < target < 1.0:
        raise ValueError(f"baseline + mde = {target:g} is not a rate between 0 and 1")
    from scipy.special import ndtri

    a = alpha / (arms - 1)
    z_a = float(-ndtri(a / 2.0))
    z_b = float(ndtri(power))
    sd1 = math.sqrt(2.0 * baseline * (1.0 - baseline))
    sd2 = math.sqrt(baseline * (1.0 - baseline) + target * (1.0 - target))
    n = (z_a * sd1 + z_b * sd2) ** 2 / (delta * delta)
    return SampleSize(
        n_per_arm=max(1, round(n)),
        n_exact=n,
        baseline=baseline,
        target=target,
        alpha=alpha,
        alpha_per_comparison=a,
        power=power,
        arms=arms,
    )
