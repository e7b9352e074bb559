"""``workbench variants list`` and ``workbench variants show``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.panel import Panel
from rich.table import Column, Table
from rich.text import Text

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
from workbench.errors import NotFoundError
from workbench.export.rows import status_label
from workbench.lint import stored_findings
from workbench.store.ordering import in_brief_order
from workbench.store.variantrecord import FullVariant, Variant
from workbench.textview import content_text, preview

app = typer.Typer(help="Browse generated variants.")

Filter = Annotated[str | None, typer.Option()]


@app.command("list")
def list_variants(
    campaign: Annotated[str | None, typer.Option("--campaign", help=CAMPAIGN_HELP)] = None,
    segment: Annotated[str | None, typer.Option("--segment", help="Segment id.")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="copy, title, poster, video_script.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="draft, approved, ...")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="Channel or platform.")] = None,
    style: Annotated[str | None, typer.Option("--style", help="Prompt style.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N rows.")] = None,
    full: Annotated[
        bool, typer.Option("--full", help="The whole content of each variant, wrapped.")
    ] = False,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List variants (newest version of each) in brief order, filtered."""
    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    rows = workbench.store.variants.rows(
        campaign=campaign_id(workbench, campaign),
        segment=segment,
        kind=kind,
        status=status,
        channel=channel,
        style=style,
        limit=limit if json_out else None,
    )
    if json_out:
        from workbench.tracking.attach import with_links

        print_json(with_links(workbench.store, rows, workbench.settings.tracking.base_url))
        return
    rows = in_brief_order(workbench.store, rows)[:limit]
    t = catalog(workbench)
    if not rows:
        out.print(t("variants.none"))
        return
    table = Table(
        t("col.id"),
        Column(t("col.segment"), overflow="fold", max_width=16),
        Column(f"{t('col.kind')} / {t('col.style')}", overflow="fold", max_width=18),
        t("col.status"),
        Column(t("col.content"), ratio=1, overflow="fold"),
        box=box.SIMPLE_HEAD,
        expand=True,
        caption=_sources(rows, t),
    )
    for r in rows:
        kind = t.kind_name(r.kind, r.channel)
        text = content_text(r.kind, r.content) if full else preview(r.kind, r.content, 60)
        table.add_row(
            str(r.id),
            Text(r.segment),
            Text(f"{kind}\n{t.name('style', r.style)}"),
            status_label(r.status, t.language),
            Text(text),
        )
    out.print(table)


def _sources(rows: list[Variant], t: Any) -> str:
    """Who made these rows: model names, with the offline composer called what it is."""
    names = sorted({f"{r.provider}/{r.model}" for r in rows})
    label = ", ".join(t("offline.label") if name.startswith("offline/") else name for name in names)
    return f"{t('col.provider')}: {label} · {len(rows)}"


@app.command("show")
def show(
    variant: Annotated[str, typer.Argument(help="Variant id or uid.")],
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show one variant: content, provenance, prompt and version chain."""
    workbench = wb(db)
    if not workbench.db_exists():
        raise NotFoundError(f"{workbench.db_path}: no database yet (run workbench generate)")
    key = variant.strip()  # the store tries it as a uid, then (all digits) as an id
    row = workbench.store.variants.get(key)
    if json_out:
        from workbench.tracking.attach import with_links

        print_json(with_links(workbench.store, [row], workbench.settings.tracking.base_url)[0])
        return
    _print_variant(row, catalog(workbench))


def _print_variant(row: FullVariant, t: Any) -> None:
    title = t("variants.title", id=row.id, kind=row.kind)
    out.print(
        Panel(
            Text(content_text(row.kind, row.content)),
            title=title,
            subtitle=f"{row.segment} · {row.channel or '-'} · {row.status}",
        )
    )
    gen = row.generation or {}
    source = row.provider + (f" ({t('offline.label')})" if row.provider == "offline" else "")
    facts = [
        ("uid", row.uid),
        ("campaign", row.campaign),
        ("style", row.style),
        ("framework", row.framework or "-"),
        ("provider", source),
        ("model", row.model),
        ("template", f"{gen.get('template')} {str(gen.get('template_hash') or '')[:12]}"),
        ("tokens", _tokens(gen)),
        ("latency", f"{gen.get('latency_ms') or 0:.0f} ms"),
        ("version", f"v{row.version}"),
    ]
    table = Table(show_header=False, box=None, title=t("variants.provenance"), title_justify="left")
    for name, value in facts:
        table.add_row(name, Text(str(value)))
    out.print(table)
    if repairs := row.content.get("repairs"):
        out.print(Text(t("variants.repairs"), style="bold"))
        for repair in repairs:
            out.print(Text(f"  · {repair}"))
    _print_review(row, t)
    for message in gen.get("messages") or []:
        out.print(
            Panel(
                Text(message["content"]),
                title=f"{t('variants.prompt')} · {message['role']}",
                title_align="left",
                border_style="dim",
            )
        )


def _tokens(gen: dict[str, Any]) -> str:
    prompt, completion = gen.get("prompt_tokens"), gen.get("completion_tokens")
    if prompt is None and completion is None:
        return "-"
    return f"{prompt or 0} + {completion or 0}"


_SEVERITY_STYLE = {"ban": "bold red", "limit": "red", "caution": "yellow", "evidence": "cyan"}


def _print_review(row: FullVariant, t: Any) -> None:
    """Lint findings and the version chain (issue 5)."""
    english = t.language == "en-US"
    findings = stored_findings(row.lint)
    if findings:
        out.print(Text(t("variants.findings"), style="bold"))
        for f in findings:
            line = Text("  ")
            line.append(f.severity, style=_SEVERITY_STYLE.get(f.severity, "dim"))
            message = f.message_en if english else f.message_zh
            line.append(f" {f.field or ''}[{f.start}:{f.end}] {message}")
            if f.suggestion:
                line.append(f" → {f.suggestion}", style="green")
            out.print(line)
    versions = row.versions
    if len(versions) > 1:
        out.print(Text(t("variants.versions"), style="bold"))
        for v in versions:
            mark = "▶" if v.id == row.id else " "
            parent = f" ← #{v.parent_id}" if v.parent_id else ""
            out.print(Text(f" {mark} v{v.version} #{v.id} {v.status}{parent}"))
