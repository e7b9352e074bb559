"""A time and output budget for rendering templates written by users.

Workspace prompt templates are code: nested loops, ``10**(10**10)`` or ``'x' * 10**9`` can
hang the process (a huge integer power even ignores Ctrl-C) or exhaust memory. The prompt
sandbox calls :func:`tick` on every call and loop step and :func:`check_size` on every
value it builds, and refuses powers and repetitions whose result would be huge; an overrun
raises :class:`BudgetExceeded`, which the caller reports as one line.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, overload

from jinja2.exceptions import SecurityError

RENDER_SECONDS = 10.0
MAX_OUTPUT = 2_000_000  # characters of one rendered value or message
MAX_EXPONENT_BITS = 4096  # bits of an integer power's result


class BudgetExceeded(SecurityError):
    """A render ran out of time or built a value larger than the budget allows."""


@dataclass
class Budget:
    deadline: float
    seconds: float
    max_output: int


_CURRENT: ContextVar[Budget | None] = ContextVar("workbench_render_budget", default=None)


@contextmanager
def render_budget(seconds: float | None = None, max_output: int | None = None) -> Iterator[Budget]:
    """Run the ``with`` block under a budget (nested blocks keep the outer one)."""
    outer = _CURRENT.get()
    if outer is not None:
        yield outer
        return
    seconds = RENDER_SECONDS if seconds is None else seconds
    limit = MAX_OUTPUT if max_output is None else max_output
    budget = Budget(time.monotonic() + seconds, seconds, limit)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def tick() -> None:
    """Raise :class:`BudgetExceeded` once the current render is past its deadline."""
    budget = _CURRENT.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise BudgetExceeded(f"rendering took longer than {budget.seconds:g} s; stopped")


def max_output() -> int:
    budget = _CURRENT.get()
    return budget.max_output if budget is not None else MAX_OUTPUT


def check_size(value: object) -> None:
    """Raise when a string or list built by a template is larger than the output budget."""
    if isinstance(value, str | list | tuple | bytes) and len(value) > max_output():
        raise BudgetExceeded(
            f"a value of {len(value):,} items exceeds the {max_output():,} output budget"
        )


def checked_power(left: Any, right: Any) -> Any:
    """``left ** right``, refused when an integer result would exceed the bit budget."""
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        bits = right * abs(left).bit_length()
        if bits > MAX_EXPONENT_BITS:
            raise BudgetExceeded(f"the power {left}**{right} is too large to compute")
    return left**right


def checked_repeat(left: Any, right: Any) -> Any:
    """``left * right``, refused when repeating a string or list would exceed the budget."""
    for seq, count in ((left, right), (right, left)):
        if not (isinstance(seq, str | list | tuple) and isinstance(count, int)):
            continue
        if len(seq) * count > max_output():
            raise BudgetExceeded(
                f"repeating {len(seq):,} items {count:,} times exceeds the output budget"
            )
    return left * right


class CountedRange(Sequence[int]):
    """A ``range`` that checks the deadline every 256 steps while it is iterated."""

    def __init__(self, items: range) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        return self.items[index]

    def __iter__(self) -> Iterator[int]:
        for index, value in enumerate(self.items):
            if not index & 0xFF:
                tick()
            yield value

    def __repr__(self) -> str:
        return repr(self.items)


def counted(items: range) -> CountedRange:
    """``items`` as a :class:`CountedRange`."""
    return CountedRange(items)
