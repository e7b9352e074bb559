from __future__ import annotations

import pytest

from workbench.errors import InputError
from workbench.guards.limits import (
    INT_MAX,
    bounded_int,
    check_data,
    check_depth,
    depth_of,
    expanded_size,
)


def nest(levels: int) -> object:
    value: object = "leaf"
    for _ in range(levels):
        value = [value]
    return value


def test_depth_is_measured_without_recursion() -> None:
    assert depth_of({"a": [1, {"b": 2}]}) == 3
    assert depth_of(nest(100_000), limit=64) == 65  # stops counting past the limit
    check_depth(nest(64), "x.yaml")
    with pytest.raises(InputError, match=r"x\.yaml: nested more than 64 levels deep"):
        check_depth(nest(65), "x.yaml")


def test_shared_objects_are_measured_as_expanded_without_expanding() -> None:
    level: object = ["x"] * 10
    for _ in range(8):
        level = [level] * 10  # 10**9 leaves, "billion laughs"
    assert expanded_size(level) > 1_000_000
    with pytest.raises(InputError, match="expands to more than 1,000,000 values"):
        check_data(level, "laugh.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("²", "expected a whole number"),
        ("１２", "expected a whole number"),
        ("1e3", "expected a whole number"),
        (str(2**63), "above the maximum"),
        ("9" * 5000, "expected a whole number"),
        ("-1", "below the minimum 0"),
    ],
)
def test_bounded_int_refuses_digit_lookalikes_and_overflows(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        bounded_int(text, "events.csv", 3, "count")


def test_bounded_int_accepts_the_edges() -> None:
    assert bounded_int(str(INT_MAX), "f", 1, "n") == INT_MAX
    assert bounded_int(" 42 ", "f", 1, "n") == 42
