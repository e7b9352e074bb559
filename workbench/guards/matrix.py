"""The job-matrix ceiling: a brief may not expand into more jobs than a run can hold.

segments x deliverables x styles x variants grows fast: 8,000 segments of a 400 KB brief
are millions of jobs, planned in memory and sent to a paid endpoint. Briefs are refused at
validate (and before generate) above ``generate.max_jobs`` with the count and its factors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from workbench.errors import InputError, Problem

DEFAULT_MAX_JOBS = 50_000


class _Matrix(Protocol):
    @property
    def path(self) -> object: ...

    def job_count(self) -> int: ...


def matrix_problems(briefs: Iterable[_Matrix], ceiling: int) -> list[Problem]:
    """A problem for every brief above ``ceiling`` jobs, and for all of them together."""
    problems: list[Problem] = []
    total = 0
    for brief in briefs:
        count = brief.job_count()
        total += count
        if count > ceiling:
            problems.append(
                Problem(
                    str(brief.path),
                    None,
                    "deliverables",
                    f"expands into {count:,} jobs, above the ceiling of {ceiling:,} "
                    "(generate.max_jobs in workbench.toml); split the brief or raise it",
                )
            )
    if not problems and total > ceiling:
        problems.append(
            Problem(
                "briefs",
                None,
                "",
                f"together expand into {total:,} jobs, above the ceiling of {ceiling:,} "
                "(generate.max_jobs in workbench.toml); run them separately",
            )
        )
    return problems


def check_matrix(briefs: Iterable[_Matrix], ceiling: int = DEFAULT_MAX_JOBS) -> None:
    """Raise one ``InputError`` for matrices above ``ceiling``, QR links that cannot fit
    and numbers that are not finite (``price: .inf``)."""
    from workbench.guards.numbers import infinite_problems
    from workbench.guards.qrfit import qr_problems

    listed = list(briefs)
    problems = [p for brief in listed for p in infinite_problems(brief) + qr_problems(brief)]
    problems += matrix_problems(listed, ceiling)
    if problems:
        raise InputError(problems)
