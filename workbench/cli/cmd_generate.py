"""``workbench generate``: run briefs as a batch and print a summary table."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from workbench.app import EndpointOverrides, Workbench
from workbench.brief.loader import LoadedBrief
from workbench.cli.cmd_batch import merged, print_estimate, run_batch, wait_off_peak
from workbench.cli.cmd_poster import print_batch_posters
from workbench.cli.common import (
    ENDPOINT,
    DbOption,
    catalog,
    endpoint_options,
    err,
    out,
    wb,
)
from workbench.cli.progress import RichObserver
from workbench.errors import ConfigError
from workbench.generate.jobs import parse_only
from workbench.generate.runner import BatchResult, BatchRunner
from workbench.i18n import Catalog
from workbench.llm.base import Provider


@endpoint_options()
def generate(
    briefs: Annotated[list[Path], typer.Argument(help="Brief YAML files.")],
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", "-c", help="Jobs in flight at once.")
    ] = None,
    rpm: Annotated[int | None, typer.Option("--rpm", help="Requests per minute cap.")] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Filter jobs: segment=ID,kind=K,channel=C,style=S."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the jobs; call nothing, write nothing.")
    ] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Start a new round: make new variants.")
    ] = False,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch", help="Send the jobs through the provider's Batch API (about half price)."
        ),
    ] = False,
    poll_interval: Annotated[
        float | None,
        typer.Option(
            "--poll-interval", min=0.01, help="Seconds between Batch API status requests."
        ),
    ] = None,
    no_wait: Annotated[
        bool,
        typer.Option("--no-wait", help="Submit the batch and return; collect it later."),
    ] = False,
    batch_repairs: Annotated[
        bool,
        typer.Option(
            "--batch-repairs",
            help="With --batch: send the repair round as a second batch, not interactively.",
        ),
    ] = False,
    off_peak: Annotated[
        bool,
        typer.Option("--off-peak", help="Wait for the configured off-peak hours, then run."),
    ] = False,
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Generate every variant of the briefs; re-runs skip finished jobs."""
    workbench = wb(db)
    t = catalog(workbench)
    options = workbench.run_options(concurrency=concurrency, rpm=rpm, fresh=fresh)
    filters = parse_only(only or [])
    options.only = filters
    loaded = workbench.load_briefs(briefs)
    provider = workbench.provider(endpoint)
    _announce_provider(provider, t)
    use_batch = batch or workbench.settings.llm.mode == "batch"
    if use_batch and not batch and provider.name == "offline":
        err.print(t("batch.offline_mode"), highlight=False)
        use_batch = False
    if batch_repairs and not use_batch:
        raise ConfigError(
            "--batch-repairs: the repair round goes out as a second Batch API batch; "
            'use it with --batch (or [llm] mode = "batch")'
        )
    if dry_run:
        _dry_run(workbench, loaded, provider, filters, t)
        print_estimate(workbench, loaded, provider, filters, t)
        return
    if off_peak:
        wait_off_peak(workbench, t)
    started = time.perf_counter()
    cached = 0  # batch runs: jobs already done when the batch was planned
    if use_batch:
        report, runner = run_batch(
            workbench,
            loaded,
            provider,
            options,
            wait=not no_wait,
            poll_interval=poll_interval,
            batch_repairs=batch_repairs,
        )
        result = merged(report.results)
        cached = report.cached
        if report.open and not report.results:
            return  # --no-wait: submitted; nothing collected yet
    else:
        with RichObserver(t("generate.progress"), t) as observer:
            runner = workbench.runner(provider, options, observer)
            result = asyncio.run(runner.run(loaded, workbench.prompts))
        for failure in observer.failures:
            first = (failure.error or "").splitlines()[0] if failure.error else ""
            err.print(f"[red]✗[/] {failure.planned.job.label}: {first}", highlight=False)
    finish_summary(workbench, runner, result, t, started, cached=cached)


def finish_summary(
    workbench: Workbench,
    runner: BatchRunner,
    result: BatchResult,
    t: Catalog,
    started: float | None,
    cached: int = 0,
) -> None:
    """The summary tables, posters, totals and next steps after a run (exit 1 on failures)."""
    started = time.perf_counter() if started is None else started
    _summary(result, t)
    for campaign, (round_, count) in sorted(runner.new_rounds.items()):
        out.print(t("generate.new_round", campaign=campaign, round=round_, count=count))
    if workbench.store.runs.interrupted:  # runs a killed process left "running"
        err.print(t("guard.interrupted", count=len(workbench.store.runs.interrupted)))
    posters_failed = print_batch_posters(workbench, runner, result)
    counts = {
        s: sum(1 for o in result.outcomes if o.status == s) for s in ("ok", "failed", "cached")
    }
    counts["failed"] += posters_failed  # a poster that could not be drawn is a failure
    counts["cached"] += cached  # batch runs: jobs already done when the batch was planned
    out.print(t("generate.done", seconds=time.perf_counter() - started, **counts))
    if result.stopped:
        err.print(
            t("generate.unreachable", since=result.stopped_since, count=result.not_started),
            highlight=False,
        )
        raise typer.Exit(1)
    out.print(t("generate.where", db=workbench.db_path))
    campaigns = sorted({o.planned.campaign_id for o in result.outcomes})
    for campaign in campaigns:
        out.print(t("generate.next", campaign=campaign))
    if result.failed or posters_failed:
        err.print(t("generate.failed_hint"))
        raise typer.Exit(1)


def _announce_provider(provider: Provider, t: Catalog) -> None:
    if provider.name == "offline":
        err.print(f"[yellow]{t('offline.notice')}[/]")
    else:
        err.print(t("provider.using", provider=provider.name, model=provider.model))


def _summary(result: BatchResult, t: Catalog) -> None:
    """One table per campaign: segment × deliverable with ok, failed, cached, tokens."""
    rows = result.summary()
    for campaign in sorted({r["campaign"] for r in rows}):
        table = Table(
            t("col.segment"),
            t("col.deliverable"),
            t("col.ok"),
            t("col.failed"),
            t("col.cached"),
            t("col.variants"),
            t("col.tokens"),
            title=campaign,
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        for row in (r for r in rows if r["campaign"] == campaign):
            where = f"#{row['deliverable']} {t.kind_name(row['kind'], row['channel'])}"
            table.add_row(
                row["segment"],
                where,
                str(row["ok"]),
                f"[red]{row['failed']}[/]" if row["failed"] else "0",
                str(row["cached"]),
                str(row["variants"]),
                str(row["tokens"]) if row["tokens"] else "-",
            )
        out.print(table)


def _dry_run(
    workbench: Workbench,
    loaded: list[LoadedBrief],
    provider: Provider,
    filters: dict[str, set[str]],
    t: Catalog,
) -> None:
    err.print(t("generate.dry_run"))
    table = Table(
        t("col.campaign"),
        t("col.segment"),
        t("col.deliverable"),
        t("col.style"),
        t("col.jobs"),
        t("col.cached"),
    )
    for r in workbench.dry_run(loaded, provider, filters):
        where = f"#{r.deliverable_index} {r.kind}"
        table.add_row(r.campaign, r.segment, where, r.style, str(r.jobs), str(r.cached))
    out.print(table)
