"""``workbench prompts list`` and ``workbench prompts render``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from workbench.app import EndpointOverrides
from workbench.cli.common import (
    ENDPOINT,
    DbOption,
    JsonOption,
    catalog,
    endpoint_options,
    out,
    print_json,
    wb,
)

app = typer.Typer(help="Prompt templates: list them, render the exact messages of a job.")


@app.command("list")
def list_templates(json_out: JsonOption = False, db: DbOption = None) -> None:
    """List prompt templates (packaged, or overridden by the workspace's prompts/)."""
    workbench = wb(db)
    infos = workbench.prompts.templates()
    if json_out:
        print_json(
            [
                {"name": i.name, "origin": i.origin, "path": str(i.path), "sha256": i.sha256}
                for i in infos
            ]
        )
        return
    t = catalog(workbench)
    table = Table(t("col.template"), t("col.origin"), "sha256")
    for i in infos:
        table.add_row(i.name, t.name("origin", i.origin), i.sha256[:12])
    out.print(table)


@app.command("render")
@endpoint_options()
def render(
    brief: Annotated[Path, typer.Argument(help="Brief YAML file.")],
    segment: Annotated[str, typer.Option("--segment", help="Segment id.")],
    deliverable: Annotated[
        int, typer.Option("--deliverable", help="Deliverable index, as in deliverables[N].")
    ],
    style: Annotated[str, typer.Option("--style", help="Prompt style.")],
    variant: Annotated[int, typer.Option("--variant", help="Variant slot, from 1.")] = 1,
    json_out: JsonOption = False,
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Show exactly the messages that would be sent for one job."""
    workbench = wb(db)
    planned = workbench.preview_prompt(
        workbench.load_brief(brief),
        segment=segment,
        deliverable=deliverable,
        style=style,
        variant=variant,
        overrides=endpoint,
    )
    rendered = planned.prompt
    if json_out:
        print_json(
            {
                "template": rendered.template,
                "template_hash": rendered.template_hash,
                "style": rendered.style,
                "notes": rendered.notes,
                "messages": rendered.messages,
            }
        )
        return
    out.print(f"[bold]{rendered.template}[/] sha256 {rendered.template_hash[:12]}")
    for note in rendered.notes:
        out.print(f"[yellow]{note}[/]")
    for message in rendered.messages:
        out.print(Panel(Text(message["content"]), title=message["role"], title_align="left"))
