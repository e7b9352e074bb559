"""Nesting depth and integer bounds for data read from outside.

Deeply nested YAML or JSON makes recursive code (pydantic, PyYAML's constructor, json)
raise ``RecursionError``; integers at or above 2**63 do not fit an SQLite INTEGER and break
every later query that reads them. Both are refused where the data enters.
"""

from __future__ import annotations

from typing import Any

from workbench.errors import InputError, Problem

MAX_DEPTH = 64
INT_MAX = 2**63 - 1
INT_MIN = -(2**63)


def depth_of(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests lists and mappings, counted up to ``limit + 1``.

    Iterative, so that it cannot itself run out of stack.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, dict | list | tuple):
            continue
        if id(item) in seen:  # YAML aliases share objects
            continue
        seen.add(id(item))
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_depth(value: Any, label: str, line: int | None = None, limit: int = MAX_DEPTH) -> None:
    """Raise ``InputError`` when ``value`` nests deeper than ``limit``."""
    if depth_of(value, limit) > limit:
        message = f"nested more than {limit} levels deep; flatten the data"
        raise InputError(Problem(label, line, "", message))


def int_problem(value: int, low: int = INT_MIN, high: int = INT_MAX) -> str | None:
    """Why ``value`` is out of ``[low, high]``, or None."""
    if value < low:
        return f"{value} is below the minimum {low}"
    if value > high:
        shown = str(value) if len(str(value)) <= 24 else f"a {len(str(value))}-digit number"
        return f"{shown} is above the maximum {high}"
    return None


def bounded_int(
    text: str, label: str, line: int | None, field: str, low: int = 0, high: int = INT_MAX
) -> int:
    """Parse a plain ASCII integer (``²`` and other digit-like characters refused) in bounds."""
    stripped = text.strip()
    body = stripped[1:] if stripped[:1] in "+-" else stripped
    if not body or len(body) > 40 or not (body.isascii() and body.isdigit()):
        raise InputError(Problem(label, line, field, f"expected a whole number, got {text!r}"))
    value = int(stripped)
    problem = int_problem(value, low, high)
    if problem is not None:
        raise InputError(Problem(label, line, field, problem))
    return value


MAX_EXPANDED = 1_000_000


def expanded_size(value: Any, cap: int = MAX_EXPANDED) -> int:
    """How many values ``value`` holds once shared objects (YAML aliases) are expanded.

    Memoised per object, so a "billion laughs" document is measured without expanding it.
    Call after :func:`check_depth` (the recursion is as deep as the data).
    """
    memo: dict[int, int] = {}

    def size(item: Any) -> int:
        if not isinstance(item, dict | list | tuple):
            return 1
        known = memo.get(id(item))
        if known is not None:
            return known
        children = item.values() if isinstance(item, dict) else item
        total = 1
        for child in children:
            total += size(child)
            if total > cap:
                break
        memo[id(item)] = total
        return total

    return size(value)


def check_data(value: Any, label: str, line: int | None = None) -> None:
    """Depth and alias-expansion limits for parsed outside data."""
    check_depth(value, label, line)
    count = expanded_size(value)
    if count > MAX_EXPANDED:
        message = f"expands to more than {MAX_EXPANDED:,} values (YAML aliases?); refused"
        raise InputError(Problem(label, line, "", message))
