"""Generate: the job matrix with live status, the running job's streamed text, failures,
cancel and re-run failed. The batch runs in a worker thread with its own event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, ProgressBar, Static

from workbench.brief.loader import LoadedBrief
from workbench.generate.jobs import expand_jobs
from workbench.generate.runner import BatchResult, Outcome, PlannedJob
from workbench.guards.text import for_display
from workbench.tui.context import TuiContext
from workbench.tui.observer import RunNotice, StreamBuffers, TuiObserver
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.streamtext import readable
from workbench.tui.widgets.failure_table import FailureTable, job_label
from workbench.tui.widgets.job_matrix import Cell, JobMatrix

STREAM_REFRESH = 0.1  # seconds between repaints of the streamed text


def _cell(job: PlannedJob) -> Cell:
    return (job.job.ctx.segment.id, job.job.ctx.deliverable_index)


class GenerateScreen(WorkbenchScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "cancel_run",
            "tui.key.cancel_run",
            id="generate.cancel",
            tooltip="tui.tip.cancel_run",
        ),
        Binding(
            "f",
            "rerun_failed",
            "tui.key.rerun_failed",
            id="generate.rerun_failed",
            tooltip="tui.tip.rerun_failed",
        ),
        Binding(
            "v",
            "variants",
            "tui.key.variants",
            id="generate.variants",
            tooltip="tui.tip.campaign_variants",
        ),
        Binding("escape", "back", "tui.key.back", id="generate.back", tooltip="tui.tip.back"),
    ]

    class JobStarted(Message):
        def __init__(self, job: PlannedJob) -> None:
            super().__init__()
            self.job = job

    class JobFinished(Message):
        def __init__(self, outcome: Outcome) -> None:
            super().__init__()
            self.outcome = outcome

    class RunPlanned(Message):
        def __init__(self, totals: dict[Cell, int], provider: str, model: str) -> None:
            super().__init__()
            self.totals = totals
            self.provider = provider
            self.model = model

    class RunEnded(Message):
        """The batch is over: ``result`` is None when it was cancelled."""

        def __init__(self, result: BatchResult | None, seconds: float) -> None:
            super().__init__()
            self.result = result
            self.seconds = seconds

    def __init__(self, ctx: TuiContext, loaded: LoadedBrief) -> None:
        super().__init__(ctx)
        self.loaded = loaded
        self.campaign_id = loaded.brief.campaign.key
        self.buffers = StreamBuffers()
        self.running_jobs: dict[str, PlannedJob] = {}
        self.watched: PlannedJob | None = None
        self.running = False
        self.last_result: BatchResult | None = None
        self._cancel: Callable[[], object] | None = None
        self._cancel_lock = threading.Lock()
        self._shown = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.loaded.brief.campaign.name, id="generate-title", classes="screen-title")
        with Horizontal(id="generate-status"):
            yield ProgressBar(id="generate-progress", show_eta=False)
            yield Static("", id="generate-counts")
        with Container(id="generate-body"):
            yield JobMatrix(id="generate-matrix")
            with VerticalScroll(id="generate-stream-box"):
                yield Static("", id="generate-stream")
        yield FailureTable(self.t, id="generate-failures")
        yield Footer()

    def on_mount(self) -> None:
        brief = self.loaded.brief
        segments = [(s.id, s.name or s.id) for s in brief.resolved_segments()]
        deliverables = [
            f"#{i} {self.t.name('kind', d.kind)}" for i, d in enumerate(brief.deliverables)
        ]
        self.query_one(JobMatrix).layout_matrix(segments, deliverables, self.t("col.segment"))
        self.query_one("#generate-stream-box").border_title = self.t("tui.generate.stream")
        self.query_one(FailureTable).border_title = self.t("tui.generate.failures")
        self.query_one(FailureTable).display = False
        self.set_interval(STREAM_REFRESH, self._paint_stream)
        self.start_run({})

    # -- running -------------------------------------------------------------------------

    def start_run(self, only: Mapping[str, set[str]]) -> None:
        if self.running:
            return
        self.running = True
        self.query_one("#generate-counts", Static).update(self.t("tui.generate.starting"))
        self._run(dict(only))

    @work(thread=True, exclusive=True, group="run", exit_on_error=False)
    def _run(self, only: dict[str, set[str]]) -> None:
        import time

        started = time.perf_counter()
        try:
            self._run_batch(only, started)
        finally:
            with self._cancel_lock:
                self._cancel = None

    def _run_batch(self, only: dict[str, set[str]], started: float) -> None:
        import time

        wb = self.ctx.workbench
        try:
            provider = wb.provider(self.ctx.overrides)
            totals: dict[Cell, int] = {}
            for job in expand_jobs(self.loaded.brief, only=only):
                cell = (job.ctx.segment.id, job.ctx.deliverable_index)
                totals[cell] = totals.get(cell, 0) + 1
            self.post_message(self.RunPlanned(totals, provider.name, provider.model))
            options = wb.run_options(only=only)
            observer = TuiObserver(
                self.post_message, self.buffers, self.JobStarted, self.JobFinished
            )
            runner = wb.runner(provider, options, observer)
        except BaseException:
            self.post_message(self.RunEnded(None, 0.0))
            raise
        loop = asyncio.new_event_loop()
        result: BatchResult | None = None
        try:
            task = loop.create_task(runner.run([self.loaded], wb.prompts))
            with self._cancel_lock:
                self._cancel = lambda: loop.call_soon_threadsafe(task.cancel)
            result = loop.run_until_complete(task)
        except asyncio.CancelledError:
            result = None
        finally:
            loop.close()
            self.post_message(self.RunEnded(result, time.perf_counter() - started))

    def cancel(self) -> bool:
        with self._cancel_lock:
            cancel = self._cancel
        if cancel is None:
            return False
        cancel()
        return True

    # -- runner events -------------------------------------------------------------------

    def on_generate_screen_run_planned(self, event: RunPlanned) -> None:
        self.query_one(JobMatrix).reset(event.totals)
        bar = self.query_one(ProgressBar)
        bar.update(total=sum(event.totals.values()), progress=0)
        label = self.t("offline.label") if event.provider == "offline" else event.model
        title = f"{self.loaded.brief.campaign.name} · {self.t('col.provider')}: {label}"
        self.query_one("#generate-title", Static).update(title)
        self._update_counts()

    def on_generate_screen_job_started(self, event: JobStarted) -> None:
        self.running_jobs[event.job.key] = event.job
        self.query_one(JobMatrix).started(_cell(event.job))
        if self.watched is None:
            self.watched = event.job
        self._update_counts()

    def on_generate_screen_job_finished(self, event: JobFinished) -> None:
        outcome = event.outcome
        key = outcome.planned.key
        was_running = self.running_jobs.pop(key, None) is not None
        self.query_one(JobMatrix).finished(_cell(outcome.planned), outcome.status, was_running)
        self.query_one(ProgressBar).advance(1)
        failures = self.query_one(FailureTable)
        if outcome.status == "failed":
            failures.add_failure(outcome)
            failures.display = True
        else:
            failures.resolve(key)
        if self.watched is not None and self.watched.key == key:
            self._paint_stream()
            self.watched = next(iter(self.running_jobs.values()), None)
        self.buffers.drop(key)
        self._update_counts()

    def on_generate_screen_run_ended(self, event: RunEnded) -> None:
        self.running = False
        self.running_jobs.clear()
        self.watched = None
        counts = self.query_one("#generate-counts", Static)
        if event.result is None:
            counts.update(Text(self.t("tui.generate.stopped"), style="yellow"))
            self.notify(self.t("tui.generate.stopped"), severity="warning")
            return
        self.last_result = event.result
        done = {
            s: sum(1 for o in event.result.outcomes if o.status == s)
            for s in ("ok", "failed", "cached")
        }
        message = self.t("generate.done", seconds=event.seconds, **done)
        if event.result.stopped:
            message += " · " + event.result.stopped
        counts.update(Text(message, style="red" if done["failed"] else "green"))
        self.notify(message, severity="warning" if done["failed"] else "information")

    def on_run_notice(self, event: RunNotice) -> None:
        self.notify(self.t(event.key, **event.values), severity="warning")

    def on_failure_table_failure_highlighted(self, event: FailureTable.FailureHighlighted) -> None:
        if self.running:
            return
        job = event.outcome.planned.job
        self._show_stream(job.label, Text(for_display(event.outcome.error or ""), style="red"))

    def _update_counts(self) -> None:
        if not self.running:
            return
        state = self.query_one(JobMatrix).totals()
        self.query_one("#generate-counts", Static).update(
            self.t(
                "tui.generate.counts",
                done=state.done,
                total=state.total,
                running=state.running,
                failed=state.failed,
            )
        )

    def _paint_stream(self) -> None:
        job = self.watched
        if job is None:
            return
        colon = "：" if self.t.language == "zh-CN" else ": "
        shown = readable(self.buffers.get(job.key), self._field_label, colon)
        self._show_stream(job_label(self.t, job.job), Text(for_display(shown)))

    def _field_label(self, name: str) -> str:
        """A content field's name as the export labels it (正文, 行动号召); others as given."""
        return self.t.get(f"export.field.{name}", name)

    def _show_stream(self, label: str, body: Text) -> None:
        key = label + body.plain
        if key == self._shown:
            return
        self._shown = key
        box = self.query_one("#generate-stream-box", VerticalScroll)
        box.border_title = label
        self.query_one("#generate-stream", Static).update(body)
        box.scroll_end(animate=False)

    # -- actions -------------------------------------------------------------------------

    def action_cancel_run(self) -> None:
        if not self.cancel():
            self.notify(self.t("tui.generate.not_running"))

    def action_rerun_failed(self) -> None:
        if self.running:
            self.notify(self.t("tui.generate.busy"), severity="warning")
            return
        failed = list(self.query_one(FailureTable).failures.values())
        if not failed:
            self.notify(self.t("tui.generate.no_failures"))
            return
        only = {
            "segment": {o.planned.job.ctx.segment.id for o in failed},
            "deliverable": {str(o.planned.job.ctx.deliverable_index) for o in failed},
        }
        self.start_run(only)

    def action_variants(self) -> None:
        self.app.push_screen(VariantsScreen(self.ctx, self.campaign_id))

    def action_back(self) -> None:
        if self.running:
            self.notify(self.t("tui.generate.cancel_first"), severity="warning")
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.cancel()
