from __future__ import annotations

import pytest

from workbench.guards.patterns import pattern_problem


@pytest.mark.parametrize(
    "pattern", ["(a+)+$", "(a*)*b", "(a|a)*c", "(a|aa)+$", r"(\w+\s?)*$", "(x+x+)+y", "([a-z]+)*="]
)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None and "exponential" in problem


@pytest.mark.parametrize(
    "pattern",
    ["最好吃的面包坊", r"(?i)best|top\s+\d+", r"\d+元", "(ab|cd)+", "a{1,5}b+", "(?:最|顶)级"],
)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert pattern_problem(pattern) is None


def test_invalid_and_huge_patterns() -> None:
    assert "invalid regular expression" in (pattern_problem("(") or "")
    assert "characters long" in (pattern_problem("a" * 5000) or "")
