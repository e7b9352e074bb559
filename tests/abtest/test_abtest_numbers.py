"""One way to write A/B numbers (CLI, TUI, chart)."""

from __future__ import annotations

from workbench.abtest.numbers import lift_points, p_text, pct, span


def test_rates_intervals_p_values_and_lifts() -> None:
    assert pct(0.125) == "12.5%" and pct(0.125, 2) == "12.50%" and pct(None) == "-"
    assert span(0.1, 0.15) == "10.0~15.0" and span(None, 0.2) == ""
    assert p_text(0.00001) == "<0.0001" and p_text(0.03125) == "0.0312" and p_text(None) == "-"
    assert lift_points(0.025, 0.2) == "+2.5pt +20.0%"
    assert lift_points(-0.01, -0.05, rel_digits=0) == "-1.0pt -5%"
    assert lift_points(0.0) == "+0.0pt"
    assert lift_points(-0.0125, digits=2) == "-1.25pt"  # ab pitfalls
