"""How A/B numbers are written: the same rates, intervals, p-values and lifts in the CLI,
the TUI and the PNG chart. Rates and lifts are fractions (0.125 is 12.5%)."""

from __future__ import annotations


def pct(value: float | None, digits: int = 1) -> str:
    """``12.5%``; ``-`` for no value."""
    return "-" if value is None else f"{value * 100:.{digits}f}%"


def span(low: float | None, high: float | None) -> str:
    """An interval in percent points, ``10.2~14.8``; empty when either end is missing."""
    if low is None or high is None:
        return ""
    return f"{low * 100:.1f}~{high * 100:.1f}"


def p_text(value: float | None) -> str:
    """A p-value with four decimals, ``<0.0001`` below that; ``-`` for none."""
    if value is None:
        return "-"
    return "<0.0001" if value < 1e-4 else f"{value:.4f}"


def lift_points(
    lift_abs: float, lift_rel: float | None = None, rel_digits: int = 1, digits: int = 1
) -> str:
    """An absolute lift in percentage points, then the relative lift: ``+2.5pt +20.0%``."""
    rel = "" if lift_rel is None else f" {lift_rel * 100:+.{rel_digits}f}%"
    return f"{lift_abs * 100:+.{digits}f}pt{rel}"
