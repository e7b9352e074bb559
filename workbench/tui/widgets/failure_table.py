"""Failed jobs with their errors; highlighting one shows the whole error."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from workbench.generate.jobs import Job
from workbench.generate.runner import Outcome
from workbench.guards.text import for_display
from workbench.i18n import Catalog


def job_label(t: Catalog, job: Job) -> str:
    """``new-moms · #1 文案·短信 · 特定指令 · v2``: a job as the operator reads it."""
    ctx = job.ctx
    kind = t.kind_name(ctx.deliverable.kind, job.channel)
    return (
        f"{job.segment_id} · #{ctx.deliverable_index} {kind} · "
        f"{t.name('style', ctx.style)} · v{ctx.variant_index + 1}"
    )


class FailureTable(DataTable[Any]):
    class FailureHighlighted(Message):
        def __init__(self, outcome: Outcome) -> None:
            super().__init__()
            self.outcome = outcome

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.t = t
        self.failures: dict[str, Outcome] = {}

    def on_mount(self) -> None:
        self.add_column(self.t("tui.col.job"), key="job")
        self.add_column(self.t("tui.col.error"), key="error")

    def add_failure(self, outcome: Outcome) -> None:
        key = outcome.planned.key
        first = (outcome.error or "").strip().splitlines()
        message = Text(for_display(first[0]) if first else "-", style="red")
        if key in self.failures:
            self.update_cell(key, "error", message)
        else:
            self.add_row(job_label(self.t, outcome.planned.job), message, key=key)
        self.failures[key] = outcome

    def resolve(self, key: str) -> None:
        """The job succeeded on a re-run: drop its row."""
        if key in self.failures:
            del self.failures[key]
            self.remove_row(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None and key in self.failures:
            self.post_message(self.FailureHighlighted(self.failures[key]))
