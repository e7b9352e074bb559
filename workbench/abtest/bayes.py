"""Bayesian comparison of binomial arms with Beta(1, 1) priors, by numerical integration.

Arm ``i`` has the posterior ``Beta(1 + x_i, 1 + n_i - x_i)``. With independent posteriors

    P(i is best) = integral of f_i(t) * prod_{j != i} F_j(t) dt

and ``P(variant beats control)`` is the two-arm case. The integral is taken over arm i's
own posterior mass (quantiles 1e-15 .. 1 - 1e-15), cut at every other arm's quantiles so
that a narrow CDF step never falls between two nodes, with 24-point Gauss-Legendre on each
piece. Accurate to ~1e-9 from zero users to 10^7 users per arm (the tests check it against
seeded Monte Carlo and Evan Miller's closed form).

Expected loss is exact too, from the identity ``t * f(t; a, b) = a/(a+b) * f(t; a+1, b)``:
``E[p_i * 1{i best}] = mean_i * P(i best | arm i's posterior is Beta(a_i + 1, b_i))``, so
``E[max_j p_j] = sum_i mean_i * P_shifted(i best)`` and the loss of choosing arm ``i`` is
``E[max_j p_j] - mean_i``. Against the control alone, ``E[max(p_c - p_v, 0)]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import betainc, betaln
from scipy.stats import beta as beta_dist

_TAIL = 1e-15
_CUTS = np.array([1e-12, 1e-9, 1e-6, 1e-4, 0.005, 0.05, 0.2, 0.5, 0.8, 0.95, 0.995])
_CUTS = np.concatenate([_CUTS, 1.0 - _CUTS[:7][::-1]])
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(24)
_PIECES = 16  # every arm's own window is also split evenly into this many pieces


@dataclass(frozen=True, slots=True)
class Posterior:
    a: float
    b: float

    @classmethod
    def of(cls, successes: int, trials: int) -> Posterior:
        """Beta(1, 1) prior updated with ``successes`` of ``trials``."""
        failures = max(trials - successes, 0)
        return cls(1.0 + max(successes, 0), 1.0 + failures)

    @property
    def mean(self) -> float:
        return self.a / (self.a + self.b)

    def shifted(self) -> Posterior:
        return Posterior(self.a + 1.0, self.b)


def _window(p: Posterior) -> tuple[float, float]:
    lo, hi = beta_dist.ppf([_TAIL, 1.0 - _TAIL], p.a, p.b)
    return float(lo), float(hi)


def _cuts(p: Posterior) -> np.ndarray:
    return np.asarray(beta_dist.ppf(_CUTS, p.a, p.b), dtype=float)


def _pdf(t: np.ndarray, p: Posterior) -> np.ndarray:
    log = np.full_like(t, -betaln(p.a, p.b))
    with np.errstate(divide="ignore"):  # 0 * log(0) must stay 0 when a or b is 1
        if p.a != 1.0:
            log += (p.a - 1.0) * np.log(t)
        if p.b != 1.0:
            log += (p.b - 1.0) * np.log1p(-t)
    return np.exp(log)


def _nodes(lo: float, hi: float, cuts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    inner = cuts[(cuts > lo) & (cuts < hi)]
    edges = np.unique(np.concatenate([np.linspace(lo, hi, _PIECES + 1), inner]))
    left, right = edges[:-1], edges[1:]
    half = (right - left) / 2.0
    mid = (right + left) / 2.0
    t = (mid[:, None] + half[:, None] * _NODES[None, :]).ravel()
    w = (half[:, None] * _WEIGHTS[None, :]).ravel()
    return t, w


def _prob_best_one(i: int, arms: Sequence[Posterior], cuts: Sequence[np.ndarray]) -> float:
    me = arms[i]
    lo, hi = _window(me)
    if hi <= lo:
        return 0.0
    others = [j for j in range(len(arms)) if j != i]
    all_cuts = np.concatenate([cuts[j] for j in others] + [cuts[i]])
    t, w = _nodes(lo, hi, all_cuts)
    integrand = _pdf(t, me)
    for j in others:
        integrand = integrand * betainc(arms[j].a, arms[j].b, t)
    return float(np.clip(np.sum(integrand * w), 0.0, 1.0))


def prob_best(arms: Sequence[Posterior]) -> list[float]:
    """P(arm i has the highest rate) for every arm; sums to 1 up to integration error."""
    if len(arms) == 1:
        return [1.0]
    cuts = [_cuts(p) for p in arms]
    return [_prob_best_one(i, arms, cuts) for i in range(len(arms))]


def prob_greater(x: Posterior, y: Posterior) -> float:
    """P(X > Y) for independent Beta posteriors."""
    return prob_best([x, y])[0]


def expected_loss_vs(control: Posterior, variant: Posterior) -> float:
    """E[max(p_control - p_variant, 0)]: the rate lost by shipping the variant."""
    gain = control.mean * prob_greater(control.shifted(), variant)
    cost = variant.mean * prob_greater(control, variant.shifted())
    return max(gain - cost, 0.0)


def expected_loss_best(arms: Sequence[Posterior]) -> list[float]:
    """E[max_j p_j - p_i] for every arm: the rate lost by shipping arm i."""
    expected_max = 0.0
    for i, p in enumerate(arms):
        shifted = [q.shifted() if j == i else q for j, q in enumerate(arms)]
        cuts = [_cuts(q) for q in shifted]
        expected_max += p.mean * _prob_best_one(i, shifted, cuts)
    return [max(expected_max - p.mean, 0.0) for p in arms]
