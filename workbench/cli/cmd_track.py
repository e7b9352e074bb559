"""``workbench track ...``: the click endpoint, click statistics, PostHog export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from workbench.cli.common import (
    CAMPAIGN_HELP,
    DbOption,
    JsonOption,
    campaign_id,
    catalog,
    out,
    print_json,
    wb,
)

app = typer.Typer(help="Tracked links: the click endpoint, click statistics, exports.")
CampaignOption = Annotated[str | None, typer.Option("--campaign", help=CAMPAIGN_HELP)]


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    access_log: Annotated[
        bool, typer.Option("--access-log/--no-access-log", help="Log every request.")
    ] = True,
    db: DbOption = None,
) -> None:
    """Serve GET /s/{code} (302 to the variant's target, hits stored) and /healthz."""
    from workbench.tracking.server import serve

    workbench = wb(db)
    t = catalog(workbench)
    out.print(t("track.serving", host=host, port=port, db=workbench.db_path))
    serve(workbench.store, host, port, access_log=access_log)


@app.command("stats")
def stats_cmd(
    campaign: CampaignOption = None, json_out: JsonOption = False, db: DbOption = None
) -> None:
    """Clicks per variant: hits and unique clicks (per visitor and day); bots not counted."""
    from workbench.tracking.links import code_for

    workbench = wb(db)
    rows = workbench.store.tracking.stats(campaign_id(workbench, campaign))
    items = [
        {
            "variant_id": r.variant_id,
            "variant_uid": r.uid,
            "campaign": r.campaign,
            "code": code_for(r.uid),
            "hits": r.hits,
            "unique": r.unique,
            "bots": r.bots,
        }
        for r in rows
    ]
    orphans = workbench.store.tracking.orphans()
    if json_out:
        print_json(items)
        return
    t = catalog(workbench)
    if not items:
        out.print(t("track.none"))
    else:
        table = Table("ID", t("track.col.code"), t("track.col.hits"), t("track.col.unique"))
        table.add_column(t("track.col.bots"))
        for i in items:
            table.add_row(
                str(i["variant_id"]),
                str(i["code"]),
                str(i["hits"]),
                str(i["unique"]),
                str(i["bots"]),
            )
        out.print(table)
    if orphans:
        out.print(t("track.orphans", n=len(orphans)))


@app.command("export")
def export_cmd(
    out_path: Annotated[Path, typer.Option("--out", help="JSONL file to write.")],
    campaign: CampaignOption = None,
    db: DbOption = None,
) -> None:
    """Counted clicks as PostHog-shaped JSONL (event link_click, distinct_id, properties)."""
    from workbench.tracking.export import write_posthog

    workbench = wb(db)
    n = write_posthog(workbench.store, out_path, campaign_id(workbench, campaign))
    out.print(catalog(workbench)("track.exported", n=n, path=out_path))
