"""A Rich progress bar that watches a batch run (on stderr, so stdout stays clean)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from workbench.cli.common import err
from workbench.generate.runner import Outcome, PlannedJob


class RichObserver:
    wants_tokens = False

    def __init__(self, label: str, translate: Callable[..., str] | None = None) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} ✗"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("[yellow]{task.fields[note]}"),
            console=err,
            transient=False,
        )
        self.label = label
        self.task: TaskID | None = None
        self.failures: list[Outcome] = []
        self.notices: list[str] = []
        self._translate = translate

    def __enter__(self) -> RichObserver:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def planned(self, campaign_id: str, total: int) -> None:
        self.task = self.progress.add_task(
            f"{self.label} {campaign_id}", total=total, failed=0, note=""
        )

    def job_started(self, job: PlannedJob) -> None:
        return None

    def token(self, job: PlannedJob, text: str) -> None:
        return None

    def job_finished(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            self.failures.append(outcome)
        if self.task is not None:
            self.progress.update(self.task, advance=1, failed=len(self.failures))

    def notice(self, key: str, values: Mapping[str, str | int]) -> None:
        """Shown at the end of the progress line (AIMD concurrency, a format fallback)."""
        text = self._translate(key, **values) if self._translate else f"{key} {dict(values)}"
        self.notices.append(text)
        if self.task is not None:
            self.progress.update(self.task, note=text)
