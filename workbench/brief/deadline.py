"""A deadline that has passed: ``validate`` warns (exit 0), so an operator does not send copy
that says an offer ends on a day already gone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workbench.brief.models import Brief
from workbench.errors import Problem

_DEADLINE_LINE = re.compile(r"^\s*deadline\s*:", re.MULTILINE)


@dataclass(frozen=True)
class PastDeadline:
    path: str
    line: int | None
    deadline: date
    days: int  # how many days ago

    @property
    def problem(self) -> Problem:
        message = f"{self.deadline.isoformat()} is {self.days} day(s) in the past"
        return Problem(self.path, self.line, "campaign.product.deadline", message)


def past_deadline(brief: Brief, raw: str, path: str, today: date) -> PastDeadline | None:
    """The deadline and its line when ``campaign.product.deadline`` is before ``today``."""
    deadline = brief.campaign.product.deadline
    if deadline is None or deadline >= today:
        return None
    found = _DEADLINE_LINE.search(raw)
    line = raw.count("\n", 0, found.start()) + 1 if found else None
    return PastDeadline(path, line, deadline, (today - deadline).days)
