"""``workbench prompts list`` and ``workbench prompts render``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from workbench.cli.common import (
    BaseUrlOption,
    DbOption,
    JsonOption,
    KeyEnvOption,
    ModelOption,
    OfflineOption,
    PresetOption,
    catalog,
    out,
    overrides,
    print_json,
    wb,
)
from workbench.errors import InputError, Problem
from workbench.generate.jobs import expand_jobs
from workbench.generate.runner import provider_json_mode
from workbench.kinds import get_kind

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
        table.add_row(i.name, i.origin, i.sha256[:12])
    out.print(table)


@app.command("render")
def render(
    brief: Annotated[Path, typer.Argument(help="Brief YAML file.")],
    segment: Annotated[str, typer.Option("--segment", help="Segment id.")],
    deliverable: Annotated[
        int, typer.Option("--deliverable", help="Deliverable index, as in deliverables[N].")
    ],
    style: Annotated[str, typer.Option("--style", help="Prompt style.")],
    variant: Annotated[int, typer.Option("--variant", help="Variant slot, from 1.")] = 1,
    json_out: JsonOption = False,
    preset: PresetOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    api_key_env: KeyEnvOption = None,
    offline: OfflineOption = False,
    db: DbOption = None,
) -> None:
    """Show exactly the messages that would be sent for one job."""
    workbench = wb(db)
    loaded = workbench.load_brief(brief)
    b = loaded.brief
    where = str(brief)
    ids = [s.id for s in b.resolved_segments()]
    if segment not in ids:
        raise InputError(Problem("--segment", None, segment, f"not in the brief: {', '.join(ids)}"))
    if not 0 <= deliverable < len(b.deliverables):
        raise InputError(
            Problem(
                "--deliverable",
                None,
                str(deliverable),
                f"{where} has deliverables 0 to {len(b.deliverables) - 1}",
            )
        )
    styles = b.deliverables[deliverable].styles
    if style not in styles:
        raise InputError(
            Problem("--style", None, style, f"deliverables[{deliverable}] uses {', '.join(styles)}")
        )
    only: dict[str, set[str]] = {
        "segment": {segment},
        "deliverable": {str(deliverable)},
        "style": {style},
    }
    jobs = [
        j
        for j in expand_jobs(b, only=only)
        if j.ctx.variant_index <= variant - 1 < j.ctx.variant_index + j.ctx.count
    ]
    if not jobs:
        d = b.deliverables[deliverable]
        raise InputError(Problem("--variant", None, str(variant), f"must be 1 to {d.variants}"))
    job = jobs[0]
    provider = workbench.provider(overrides(preset, base_url, model, api_key_env, offline))
    kind = get_kind(job.ctx.deliverable.kind)
    schema = kind.json_schema(job.ctx.deliverable, job.ctx.count)
    rendered = workbench.prompts.render(
        job.ctx, json_schema=schema, json_mode=provider_json_mode(provider)
    )
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
