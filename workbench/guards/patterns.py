"""User regular expressions (``compliance.yaml`` patterns) checked for catastrophic
backtracking before they are compiled.

Python's ``re`` backtracks: ``(a+)+$`` against ``"aaaa…!"`` takes exponential time and
cannot be interrupted. Patterns are refused when a repeated group contains another
unbounded repetition, or a repeated alternation whose branches can begin alike (the two
classic shapes), and when they are unreasonably long.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

sre_parse: Any = importlib.import_module("re._parser")  # Python 3.11+: re's own parser

MAX_PATTERN = 1000
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_UNBOUNDED = sre_parse.MAXREPEAT


def _name(op: Any) -> str:
    return str(op).upper()


def _items(sub: Any) -> list[tuple[Any, Any]]:
    return list(sub.data if hasattr(sub, "data") else sub)


def _has_unbounded_repeat(sub: Any) -> bool:
    for op, arg in _items(sub):
        name = _name(op)
        if name in _REPEATS and name != "POSSESSIVE_REPEAT":
            _low, high, body = arg
            if high == _UNBOUNDED or high > 16:
                return True
            if _has_unbounded_repeat(body):
                return True
        elif _children(name, arg) and any(_has_unbounded_repeat(c) for c in _children(name, arg)):
            return True
    return False


def _children(name: str, arg: Any) -> list[Any]:
    if name == "SUBPATTERN":
        return [arg[-1]]
    if name == "BRANCH":
        return list(arg[1])
    if name in ("ATOMIC_GROUP", "ASSERT", "ASSERT_NOT"):
        return [arg[-1]]
    return []


def _first_chars(sub: Any) -> set[str] | None:
    """The literal characters a subpattern can start with, or None if not just literals."""
    items = _items(sub)
    if not items:
        return None
    op, arg = items[0]
    name = _name(op)
    if name == "LITERAL":
        return {chr(arg)}
    if name == "SUBPATTERN":
        return _first_chars(arg[-1])
    return None


def _overlapping_branches(arg: Any) -> bool:
    starts: list[set[str] | None] = [_first_chars(b) for b in arg[1]]
    if any(s is None for s in starts):
        return len(starts) > 1  # a class or a wildcard may begin any branch
    seen: set[str] = set()
    for chars in starts:
        assert chars is not None
        if chars & seen:
            return True
        seen |= chars
    return False


def _catastrophic(sub: Any) -> bool:
    for op, arg in _items(sub):
        name = _name(op)
        if name in _REPEATS and name != "POSSESSIVE_REPEAT":
            _low, high, body = arg
            unbounded = high == _UNBOUNDED or high > 16
            if unbounded and _has_unbounded_repeat(body):
                return True
            if unbounded and any(
                _name(o) == "BRANCH" and _overlapping_branches(a) for o, a in _flatten_groups(body)
            ):
                return True
            if _catastrophic(body):
                return True
        else:
            if any(_catastrophic(c) for c in _children(name, arg)):
                return True
    return False


def _flatten_groups(sub: Any) -> list[tuple[Any, Any]]:
    out: list[tuple[Any, Any]] = []
    for op, arg in _items(sub):
        if _name(op) == "SUBPATTERN":
            out.extend(_flatten_groups(arg[-1]))
        else:
            out.append((op, arg))
    return out


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is refused (invalid, too long, catastrophic), or None."""
    if len(pattern) > MAX_PATTERN:
        return f"pattern is {len(pattern)} characters long (at most {MAX_PATTERN})"
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"invalid regular expression: {exc}"
    if _catastrophic(parsed):
        return (
            "pattern nests repetitions (like (a+)+ or (a|a)*) that can take exponential "
            "time; rewrite it without the nested repeat"
        )
    return None
