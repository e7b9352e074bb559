"""``workbench poster templates`` and ``workbench poster render``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from workbench.app import Workbench
from workbench.cli.common import DbOption, JsonOption, catalog, err, out, print_json, wb
from workbench.errors import NotFoundError
from workbench.generate.runner import BatchResult, BatchRunner
from workbench.i18n import Catalog
from workbench.locations import output_dir
from workbench.poster.step import PosterStep

app = typer.Typer(help="Poster templates and rendering.")


@app.command("templates")
def templates(
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="Contact sheet PNG (default: output/poster-templates.png)."),
    ] = None,
    no_sheet: Annotated[bool, typer.Option("--no-sheet", help="Only list the templates.")] = False,
    json_out: JsonOption = False,
) -> None:
    """List the poster templates and write a contact sheet of them with sample copy."""
    from workbench.poster.contact import write_contact_sheet
    from workbench.poster.templates import load_library

    workbench = wb()
    t = catalog(workbench)
    language = t.language
    library = load_library()
    rows: list[dict[str, Any]] = [
        {
            "name": tpl.name,
            "title": tpl.text(tpl.title, language),
            "description": tpl.text(tpl.description, language),
            "layouts": sorted(tpl.layouts),
            "source": tpl.source,
        }
        for tpl in library.values()
    ]
    sheet = None
    if not no_sheet:
        target = out_path or output_dir(workbench.workspace) / "poster-templates.png"
        sheet = str(write_contact_sheet(target, "zh-CN" if language == "zh-CN" else "en-US"))
    if json_out:
        print_json({"templates": rows, "contact_sheet": sheet})
        return
    table = Table(
        t("col.template"),
        t("col.title"),
        t("col.layouts"),
        t("col.description"),
        box=box.SIMPLE_HEAD,
    )
    for row in rows:
        table.add_row(row["name"], row["title"], ", ".join(row["layouts"]), row["description"])
    out.print(table)
    if sheet:
        out.print(t("poster.sheet", path=sheet))


@app.command("render")
def render(
    variant_id: Annotated[str, typer.Argument(help="Variant id or uid.")],
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="Template (default: the brief's).")
    ] = None,
    size: Annotated[
        list[str] | None,
        typer.Option(
            "--size", "-s", help="Preset or WxH; repeat or comma-separate (default: the brief's)."
        ),
    ] = None,
    qr: Annotated[
        bool | None, typer.Option("--qr/--no-qr", help="QR code (default: the brief's).")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Render (again) one poster variant and record the files as its assets."""
    from workbench.poster.service import render_variant

    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    files = render_variant(
        workbench.store,
        variant_id,
        workspace=workbench.workspace,
        template=template,
        sizes=size,
        qr=qr,
        base_url=workbench.settings.tracking.base_url,
    )
    if json_out:
        print_json([f.__dict__ for f in files])
        return
    t = catalog(workbench)
    for f in files:
        out.print(t("poster.rendered", path=f.path, width=f.width, height=f.height), soft_wrap=True)
        if f.qr_url:
            out.print(t("poster.qr", url=f.qr_url))
        for note in f.notes:
            err.print(f"[yellow]{note}[/]")


def print_batch_posters(workbench: Workbench, runner: BatchRunner, result: BatchResult) -> int:
    """After ``generate``: where the batch's posters are, and any that could not be drawn
    (returns how many could not: each is a failure of the run)."""
    t: Catalog = catalog(workbench)
    failed = 0
    for step in runner.after_batch:
        if not isinstance(step, PosterStep):
            continue
        failed += len(step.problems)
        for problem in step.problems:
            err.print(f"[red]✗[/] {problem}", highlight=False)
        if not step.rendered:
            continue
        folders = sorted({str(Path(p).parent) for p in step.rendered})
        out.print(t("poster.batch", count=len(step.rendered), folders=len(folders)))
        shown = step.rendered if len(step.rendered) <= 12 else folders
        for path in shown:
            out.print(f"  {path}", soft_wrap=True)
    return failed
