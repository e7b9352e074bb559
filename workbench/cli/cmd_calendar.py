"""``workbench calendar``: the weekly community content plan (plan, show, export, done)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.table import Table

from workbench.app import EndpointOverrides
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
from workbench.errors import InputError, Problem
from workbench.i18n import Catalog
from workbench.weekplan import service
from workbench.weekplan.export import FORMATS, export_week
from workbench.weekplan.sheet import day_label

if TYPE_CHECKING:
    from workbench.store.slotrecords import Slot

TABLE_FIELDS = ("id", "date", "time", "segment", "activity", "format", "owner", "status")

app = typer.Typer(
    help="The weekly community content plan: slots -> content -> 群SOP sheet and ICS.",
    no_args_is_help=True,
)

WeekOption = Annotated[
    str, typer.Option("--week", help="Any date of the week (ISO), e.g. 2026-03-09.")
]


@app.command("plan")
@endpoint_options()
def plan(
    plan_file: Annotated[Path, typer.Argument(help="Plan YAML file.", metavar="PLAN.yaml")],
    json_out: JsonOption = False,
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", "-c", help="Jobs in flight at once.")
    ] = None,
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Expand a plan into slots (day x slot x segment) and generate their content."""
    workbench = wb(db)
    t = catalog(workbench)
    loaded = service.read_plan(workbench, plan_file)
    options = workbench.run_options(concurrency=concurrency)
    provider = workbench.provider(endpoint)
    if provider.name == "offline":
        err.print(f"[yellow]{t('offline.notice')}[/]")
    else:
        err.print(t("provider.using", provider=provider.name, model=provider.model))
    with RichObserver(t("generate.progress")) as observer:
        run = asyncio.run(service.run_plan(workbench, loaded, provider, options, observer))
    for failure in observer.failures:
        first = (failure.error or "").splitlines()[0] if failure.error else ""
        err.print(f"[red]✗[/] {failure.planned.job.label}: {first}", highlight=False)
    slots = workbench.store.calendar.slots(ids=run.slot_ids)
    failed = run.batch.failed
    if json_out:
        print_json([service.slot_json(s) for s in slots])
    else:
        err.print(t("cal.planned", plan=plan_file, slots=len(slots), jobs=run.expansion.jobs()))
        _table(slots, t)
        week = loaded.plan.week_of.isoformat()
        out.print(t("cal.saved", count=len(slots), week=week))
    if failed:
        err.print(t("cal.failed", count=failed))
        raise typer.Exit(1)


@app.command("show")
def show(week: WeekOption, json_out: JsonOption = False, db: DbOption = None) -> None:
    """The slots of a week with their status."""
    workbench = wb(db)
    t = catalog(workbench)
    monday = service.parse_week(week)
    slots = service.week_slots(workbench, monday)
    if json_out:
        print_json([service.slot_json(s) for s in slots])
        return
    if not slots:
        out.print(t("cal.empty", week=monday.isoformat()))
        return
    out.print(t("cal.week_title", week=monday.isoformat(), count=len(slots)))
    _table(slots, t)


@app.command("export")
def export(
    week: WeekOption,
    fmt: Annotated[str, typer.Option("--format", help="xlsx, csv, ics or md.")] = "xlsx",
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file.")] = None,
    approved_only: Annotated[
        bool, typer.Option("--approved-only", help="Only approved (or sent) slots.")
    ] = False,
    db: DbOption = None,
) -> None:
    """The 群SOP task sheet (xlsx, csv, md) or an ICS calendar of a week."""
    if fmt not in FORMATS:
        raise InputError(Problem("--format", None, fmt, f"must be one of: {', '.join(FORMATS)}"))
    workbench = wb(db)
    t = catalog(workbench)
    monday = service.parse_week(week)
    path = out_path or Path(f"calendar-{monday.isoformat()}.{fmt}")
    count = export_week(workbench, monday, fmt, path, t, approved_only=approved_only)
    out.print(t("cal.exported", count=count, path=path))


@app.command("done")
def done(
    slot: Annotated[int, typer.Argument(help="Slot id (calendar show).", metavar="SLOT")],
    at: Annotated[
        str | None,
        typer.Option("--at", help="When it was sent: HH:MM on the slot's day, or a date-time."),
    ] = None,
    members: Annotated[
        int | None,
        typer.Option("--members", help="People reached (default: the segment's member count)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Mark a slot sent; a running experiment's arm gets the send as exposure."""
    workbench = wb(db)
    t = catalog(workbench)
    result = service.mark_done(workbench, slot, at, members)
    if not result.newly_sent:
        out.print(t("cal.already", id=slot, at=result.sent_at))
        return
    out.print(t("cal.done", id=slot, at=result.sent_at))
    for e in result.exposures:
        key = "cal.exposure" if e.count is not None else "cal.exposure_unknown"
        out.print(t(key, experiment=e.arm.experiment_id, arm=e.arm.name, day=e.day,
                    count=e.count))  # fmt: skip


def _table(slots: list[Slot], t: Catalog) -> None:
    table = Table(
        *(t(f"cal.col.{name}") for name in TABLE_FIELDS),
        box=box.SIMPLE_HEAD,
    )
    for s in slots:
        table.add_row(
            str(s.id),
            day_label(s.date, t)[5:],  # 03-09 周一: the year is in the title
            s.time,
            s.segment_name or s.segment_id,
            t(f"cal.activity.{s.activity}"),
            t(f"cal.format.{s.format}"),
            s.owner,
            t(f"cal.status.{service.slot_status(s)}"),
        )
    out.print(table)
