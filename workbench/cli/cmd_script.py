"""``workbench script export``: subtitles, shooting sheets, run sheets, teleprompter text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from workbench.cli.common import DbOption, campaign_id, catalog, err, out, wb
from workbench.errors import InputError, NotFoundError, Problem
from workbench.fsio import atomic_write_bytes, atomic_write_text
from workbench.scripts import FORMATS, export_campaign, export_variant

app = typer.Typer(help="Video and live-stream scripts: export subtitles and sheets.")


@app.command("export")
def export(
    variant: Annotated[
        str | None, typer.Argument(help="Variant id or uid (or use --campaign).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "md",
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out", help="File to write (a folder with --campaign); text formats print without."
        ),
    ] = None,
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="Export every script of this campaign.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="With --campaign: only this status.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a script as SRT, Markdown, CSV, XLSX or teleprompter text."""
    if (variant is None) == (campaign is None):
        raise InputError(
            Problem("script export", None, "VARIANT", "give a variant id or --campaign, not both")
        )
    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    t = catalog(workbench)
    if campaign is not None:
        if out_path is None:
            raise InputError(Problem("--out", None, "", "a campaign export needs --out FOLDER"))
        campaign = str(campaign_id(workbench, campaign))
        result = export_campaign(workbench.store, campaign, fmt, out_path, status=status)
        for path in result.written:
            out.print(str(path), soft_wrap=True)
        for reason in result.skipped:
            err.print(t("script.skipped", reason=reason))
        out.print(t("script.exported", count=len(result.written), folder=str(out_path)))
        return
    assert variant is not None
    key: int | str = int(variant) if variant.isdigit() else variant
    exported = export_variant(workbench.store.variants.get(key), fmt)
    if out_path is None:
        if isinstance(exported.data, bytes):
            raise InputError(Problem("--out", None, "", f"{fmt} is binary; give --out FILE"))
        sys.stdout.write(exported.data)
        sys.stdout.flush()
        return
    if isinstance(exported.data, bytes):
        atomic_write_bytes(out_path, exported.data)
    else:
        atomic_write_text(out_path, exported.data, newline="")
    out.print(str(out_path), soft_wrap=True)
