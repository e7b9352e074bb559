"""``generate --batch`` and ``workbench batch list|status|collect|cancel``: provider Batch
API runs (about half price, answers within 24 h), resumable and never submitted twice."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from workbench.app import EndpointOverrides, Workbench
from workbench.brief.loader import LoadedBrief
from workbench.cli.common import (
    ENDPOINT,
    DbOption,
    JsonOption,
    catalog,
    endpoint_options,
    err,
    out,
    print_json,
    wb,
)
from workbench.cli.progress import RichObserver
from workbench.generate.batchrun import BatchReport
from workbench.generate.estimate import estimate
from workbench.generate.offpeak import window_end, window_start, zone
from workbench.generate.outcomes import BatchResult, RunOptions
from workbench.generate.runner import BatchRunner
from workbench.i18n import Catalog
from workbench.llm.base import Provider

if TYPE_CHECKING:  # the Batch API client imports openai: not at CLI start-up
    from workbench.llm.batchapi import BatchState

app = typer.Typer(
    help="Provider Batch API runs: list, status, collect, cancel.", no_args_is_help=True
)


class BatchProgress:
    """Submissions as lines, polling as one progress bar, collection as the runner's bar."""

    def __init__(self, t: Catalog) -> None:
        self.t = t
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.runs: list[RichObserver] = []

    def submitted(self, row: dict[str, Any]) -> None:
        err.print(
            self.t(
                "batch.submitted",
                id=row["id"],
                batch_id=row["batch_id"],
                requests=row["requests"],
                file_id=row["input_file_id"],
            ),
            highlight=False,
        )

    def polled(self, states: Sequence[BatchState]) -> None:
        total = sum(s.total for s in states)
        done = sum(s.completed + s.failed for s in states)
        status = ", ".join(sorted({s.status for s in states}))
        if self.progress is None:
            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("[yellow]{task.fields[status]}"),
                console=err,
            )
            self.progress.start()
            self.task = self.progress.add_task(
                self.t("batch.waiting"), total=total or None, status=status
            )
        assert self.task is not None
        self.progress.update(self.task, total=total or None, completed=done, status=status)

    def collecting(self, row: dict[str, Any]) -> None:
        self.stop()
        err.print(
            self.t(
                "batch.collecting",
                id=row["id"],
                status=row["status"],
                completed=row["completed"],
                failed=row["failed"],
            ),
            highlight=False,
        )

    def run_observer(self) -> RichObserver:
        observer = RichObserver(self.t("batch.storing"), self.t)
        self.runs.append(observer)
        return observer

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        self.progress = None
        self.task = None


def run_batch(
    workbench: Workbench,
    loaded: list[LoadedBrief],
    provider: Provider,
    options: RunOptions,
    *,
    wait: bool,
    poll_interval: float | None,
    batch_repairs: bool = False,
) -> tuple[BatchReport, BatchRunner]:
    """``generate --batch``: submit, wait, collect; prints as it goes. Returns the report
    and the runner that stored the answers (its poster step knows what it drew)."""
    t = catalog(workbench)
    watcher = BatchProgress(t)
    run_observer = RichObserver(t("batch.storing"), t)
    generator = workbench.batches(provider, options, watcher, run_observer)
    with run_observer:
        try:
            report = generator.run(
                loaded,
                workbench.prompts,
                options,
                wait=wait,
                poll_interval=poll_interval,
                batch_repairs=batch_repairs,
            )
        finally:
            watcher.stop()
    for failure in run_observer.failures:
        first = (failure.error or "").splitlines()[0] if failure.error else ""
        err.print(f"[red]✗[/] {escape(failure.planned.job.label)}: {escape(first)}")
    err.print(
        t(
            "batch.planned",
            campaign=", ".join(b.brief.campaign.key for b in loaded),
            total=report.planned,
            cached=report.cached,
            waiting=report.waiting,
            new=report.planned - report.cached - report.waiting,
        ),
        highlight=False,
    )
    if report.open:
        err.print(t("batch.open_hint", count=len(report.open), id=report.open[0]))
    runner: BatchRunner = generator.make_runner()
    return report, runner


def merged(results: Sequence[BatchResult]) -> BatchResult:
    """The collection runs of one ``generate --batch`` as one result (for the summary)."""
    outcomes = [o for r in results for o in r.outcomes]
    run_ids = [i for r in results for i in r.run_ids]
    return BatchResult(outcomes, run_ids)


def wait_off_peak(workbench: Workbench, t: Catalog, sleep: Any = time.sleep) -> None:
    """``generate --off-peak``: sleep until the configured window opens; say so."""
    settings = workbench.settings.llm.off_peak
    tz = zone(settings)
    opens = window_start(settings, datetime.now(tz))
    if opens is not None:
        minutes = max(1, round((opens - datetime.now(tz)).total_seconds() / 60))
        err.print(
            t(
                "offpeak.waiting",
                start=settings.start,
                end=settings.end,
                zone=settings.timezone,
                at=f"{opens:%H:%M}",
                minutes=minutes,
            ),
            highlight=False,
        )
        while (left := (opens - datetime.now(tz)).total_seconds()) > 0:
            sleep(min(left, 60.0))
    now = datetime.now(tz)
    err.print(t("offpeak.started", at=f"{now:%H:%M}"), highlight=False)
    err.print(t("offpeak.ends", end=f"{window_end(settings, now):%H:%M}"), highlight=False)


def print_estimate(
    workbench: Workbench,
    loaded: list[LoadedBrief],
    provider: Provider,
    filters: dict[str, set[str]],
    t: Catalog,
) -> None:
    """``generate --dry-run``: tokens of the jobs still to make and, with ``[llm.prices]``,
    their cost at the interactive and the batch price."""
    sampler = workbench.provider(EndpointOverrides(offline=True))
    found = estimate(
        loaded,
        workbench.prompts,
        provider,
        sampler,
        workbench.store if workbench.db_exists() else None,
        filters,
    )
    err.print(
        t(
            "estimate.tokens",
            jobs=found.jobs,
            input=f"{found.input_tokens:,}",
            output=f"{found.output_tokens:,}",
        ),
        highlight=False,
    )
    prices = workbench.settings.llm.prices
    if prices is None:
        err.print(t("estimate.no_prices"), highlight=False)
        return
    full, batch = found.cost(prices)
    err.print(
        t(
            "estimate.cost",
            interactive=_money(full),
            batch=_money(batch),
            currency=escape(prices.currency),
        ),
        highlight=False,
    )


def _money(amount: float) -> str:
    """Two decimals, four below 1 (a small test brief costs fractions of a cent)."""
    return f"{amount:,.2f}" if amount >= 1 else f"{amount:.4f}"


def _stamp(value: str | None) -> str:
    """``MM-DD HH:MM`` of a stored UTC timestamp."""
    return value[5:16].replace("T", " ") if value else "-"


def _row_json(row: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "id",
        "campaign_id",
        "batch_id",
        "status",
        "requests",
        "completed",
        "failed",
        "input_file_id",
        "output_file_id",
        "error_file_id",
        "error",
        "base_url",
        "model",
        "created_at",
        "updated_at",
        "collected_at",
    )
    return {k: row[k] for k in keep}


@app.command("list")
def list_batches(
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="Only this campaign's batches.")
    ] = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only batches not collected yet.")
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List Batch API runs: provider id, status, requests, collected."""
    workbench = wb(db)
    t = catalog(workbench)
    rows = workbench.store.llm_batches.rows(campaign, uncollected=open_only)
    if json_out:
        print_json({"batches": [_row_json(r) for r in rows]})
        return
    if not rows:
        out.print(t("batch.none"))
        return
    table = Table(
        t("col.id"),
        t("col.campaign"),
        t("batch.col.provider_id"),
        t("col.status"),
        t("batch.col.done"),
        t("col.failed"),
        t("batch.col.created"),
        t("batch.col.collected"),
        box=box.SIMPLE_HEAD,
    )
    table.columns[2].overflow = "fold"
    table.columns[6].no_wrap = True
    for r in rows:
        table.add_row(
            str(r["id"]),
            escape(r["campaign_id"]),
            escape(r["batch_id"] or "-"),
            r["status"],
            f"{r['completed']}/{r['requests']}",
            f"[red]{r['failed']}[/]" if r["failed"] else "0",
            _stamp(r["created_at"]),
            "✓" if r["collected_at"] else "-",
        )
    out.print(table)


@app.command("status")
@endpoint_options(offline=False)
def status(
    batch: Annotated[str, typer.Argument(help="Batch: local id or the provider's batch id.")],
    endpoint: EndpointOverrides = ENDPOINT,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Ask the provider where one batch stands (and store it)."""
    workbench = wb(db)
    provider = workbench.provider(endpoint)
    generator = workbench.batches(provider, workbench.run_options())
    row = workbench.store.llm_batches.get(batch)
    generator.reconcile(row["campaign_id"])
    generator.refresh(row["id"])
    row = workbench.store.llm_batches.get(row["id"])
    if json_out:
        print_json(_row_json(row))
        return
    for name, value in _row_json(row).items():
        out.print(f"{name:15} {escape(str(value if value is not None else '-'))}")


@app.command("collect")
@endpoint_options(offline=False)
def collect(
    batch: Annotated[str, typer.Argument(help="Batch: local id or the provider's batch id.")],
    wait: Annotated[
        bool, typer.Option("--wait", help="Poll until the provider is done, then collect.")
    ] = False,
    poll_interval: Annotated[
        float | None,
        typer.Option("--poll-interval", min=0.01, help="Seconds between status requests."),
    ] = None,
    results: Annotated[
        list[Path] | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Read the answers from this batch output file (e.g. vllm run-batch's), "
            "not the provider.",
        ),
    ] = None,
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Store a finished batch's answers (parse, lint, repair round, store)."""
    started = time.perf_counter()
    workbench = wb(db)
    t = catalog(workbench)
    provider = workbench.provider(endpoint)
    watcher = BatchProgress(t)
    run_observer = RichObserver(t("batch.storing"), t)
    generator = workbench.batches(provider, workbench.run_options(), watcher, run_observer)
    with run_observer:
        try:
            result = generator.collect_stored(
                batch,
                workbench.prompts,
                workbench.stored_brief,
                wait=wait,
                poll_interval=poll_interval,
                results=results or (),
            )
        finally:
            watcher.stop()
    from workbench.cli.cmd_generate import finish_summary

    finish_summary(workbench, generator.make_runner(), result, t, started=started)


@app.command("cancel")
@endpoint_options(offline=False)
def cancel(
    batch: Annotated[str, typer.Argument(help="Batch: local id or the provider's batch id.")],
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Ask the provider to cancel an open batch (collect it afterwards for what finished)."""
    workbench = wb(db)
    t = catalog(workbench)
    provider = workbench.provider(endpoint)
    row = workbench.batches(provider, workbench.run_options()).cancel(batch)
    out.print(t("batch.cancel_sent", id=row["id"], batch_id=row["batch_id"], status=row["status"]))
