"""``workbench export CAMPAIGN --format xlsx|csv|html|md|jsonl [--status ...] [--out PATH]``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import CAMPAIGN_HELP, DbOption, campaign_id, catalog, out, wb
from workbench.errors import NotFoundError


def export(
    campaign: Annotated[str, typer.Argument(help=CAMPAIGN_HELP)],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="xlsx, csv, html, md, jsonl or pack.")
    ] = "xlsx",
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="Only these statuses (repeat or comma-separate)."),
    ] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="File (or folder) to write.")
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="Who exports (for the audit trail).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a campaign's variants for review (the export is recorded in the audit)."""
    from workbench.export import export_campaign  # openpyxl: only when exporting

    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    t = catalog(workbench)
    result = export_campaign(
        workbench.store,
        workbench.workspace,
        str(campaign_id(workbench, campaign)),
        fmt.lower(),
        reviewer or workbench.settings.workspace.reviewer,
        status or [],
        out_path,
        t.language,
        workbench.settings.tracking.base_url,
    )
    out.print(t("export.done", count=result.count, path=result.path), highlight=False)
    if result.cut_cells:
        out.print(t("guard.export_cut", count=result.cut_cells), highlight=False)
