"""``workbench jobs --failed``: the jobs of the last run (or ``--run N``), failed ones only
with ``--failed``, with their attempts and the error each ended on."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from workbench.cli.common import (
    DbOption,
    JsonOption,
    campaign_id,
    catalog,
    err,
    out,
    print_json,
    wb,
)
from workbench.errors import NotFoundError
from workbench.i18n import Catalog


def status_word(t: Catalog, status: str) -> str:
    """A job or run status in the catalog's language (``ok`` -> 成功); JSON keeps the raw."""
    return t.get(f"jobs.status.{status}", status)


def jobs(
    failed: Annotated[
        bool, typer.Option("--failed", help="Only the jobs that failed in that run.")
    ] = False,
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="The last run of this campaign.")
    ] = None,
    run_id: Annotated[
        int | None, typer.Option("--run", help="This run instead of the last.")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List the jobs of the last run; --failed: the failed ones, with their errors."""
    workbench = wb(db)
    t = catalog(workbench)
    store = workbench.store
    campaign = campaign_id(workbench, campaign)
    run = run_id if run_id is not None else store.runs.last_id(campaign)
    if run is None:
        if campaign is not None:
            raise NotFoundError(f"campaign {campaign!r} has no runs")
        out.print(t("jobs.no_runs"))
        return
    info = store.runs.get(run)
    rows = store.runs.jobs(run, status="failed" if failed else None)
    if json_out:
        print_json({"run": run, "campaign": info["campaign_id"], "jobs": rows})
        return
    if failed and not rows:
        out.print(t("jobs.none_failed", run=run))
        return
    what = t("jobs.failed_word") if failed else t("jobs.all_word")
    title = t(
        "jobs.title",
        run=run,
        campaign=info["campaign_id"],
        status=status_word(t, str(info["status"])),
        count=len(rows),
        what=what,
    )
    table = Table(
        t("col.segment"),
        t("col.deliverable"),
        t("col.style"),
        t("col.job"),
        t("col.attempts"),
        t("col.error") if failed else t("col.status"),
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    for row in rows:
        where = f"#{row['deliverable_index']} {t.kind_name(row['kind'], row['channel'])}"
        slot = f"v{row['variant_index']}" + (f"+{row['count']}" if row["count"] > 1 else "")
        last = (row["error"] or "").splitlines()[0] if failed else status_word(t, row["status"])
        table.add_row(
            escape(row["segment_id"]),
            where,
            t.name("style", row["style"]),
            slot,
            str(row["attempts"]),
            escape(last),
        )
    out.print(table)
    if failed:
        err.print(t("jobs.rerun"))
