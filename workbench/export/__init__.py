"""Campaign exports for reviewers: XLSX, CSV, HTML, Markdown and JSONL. Audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.errors import InputError, Problem
from workbench.export.exportrow import ExportRow
from workbench.export.html import write_html
from workbench.export.rows import content_hash, export_rows, parse_statuses, status_label
from workbench.export.text import write_jsonl, write_markdown
from workbench.guards.filenames import safe_name
from workbench.i18n import Catalog
from workbench.locations import output_dir
from workbench.store import Store

FORMATS = ("xlsx", "csv", "html", "md", "jsonl", "pack")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    format: str
    cut_cells: int = 0  # XLSX cells cut to Excel's 32,767 characters (the cell says so)


def export_campaign(
    store: Store,
    workspace: Path,
    campaign: str,
    fmt: str,
    actor: str,
    statuses: Sequence[str] = (),
    out: Path | None = None,
    language: str = "zh-CN",
    base_url: str = "",
) -> ExportResult:
    """Write the export and record it in the audit trail."""
    if fmt not in FORMATS:
        raise InputError(
            Problem("--format", None, "", f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        )
    wanted = parse_statuses(statuses)
    rows = export_rows(store, campaign, wanted, workspace, language)
    rows.sort(key=lambda r: (r.segment or "", r.kind))
    if fmt == "pack":
        return _pack(store, rows, workspace, campaign, actor, out, language, base_url)
    name = f"{safe_name(campaign)}-review.{fmt}"  # a Chinese name stays, made safe
    path = out or output_dir(workspace) / "exports" / name
    if path.is_dir():
        path = path / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Problem(str(path), None, "", exc.strerror or "cannot write")) from None
    t = Catalog(language)
    title = t("export.html.title", campaign=campaign)
    shown = ", ".join(status_label(s, language) for s in wanted)
    subtitle = t("export.html.count", n=len(rows)) + (
        t("export.html.statuses", statuses=shown) if wanted else ""
    )
    cut = 0
    try:
        if fmt == "xlsx":
            from workbench.export.sheets import write_xlsx  # openpyxl and Pillow: on use

            cut = write_xlsx(rows, path, language)
        elif fmt == "csv":
            from workbench.export.sheets import write_csv

            write_csv(rows, path, language)
        elif fmt == "html":
            write_html(rows, path, title, subtitle, language)
        elif fmt == "md":
            write_markdown(rows, path, title, language)
        else:
            write_jsonl(rows, path)
    except OSError as exc:
        raise InputError(Problem(str(path), None, "", exc.strerror or "cannot write")) from None
    store.reviews.log_campaign_action(
        campaign,
        actor,
        "export",
        data={
            "format": fmt,
            "path": str(path),
            "count": len(rows),
            "status": wanted,
            "variant_ids": [r.variant_id for r in rows],
        },
    )
    return ExportResult(path, len(rows), fmt, cut)


def _pack(
    store: Store,
    rows: list[ExportRow],
    workspace: Path,
    campaign: str,
    actor: str,
    out: Path | None,
    language: str,
    base_url: str,
) -> ExportResult:
    """The publish pack (``workbench.export.pack``): a folder, recorded in the audit."""
    from workbench.export.pack import write_pack
    from workbench.store.ordering import segment_ranks
    from workbench.tracking.attach import links_of

    folder = out or output_dir(workspace) / "exports" / f"{safe_name(campaign)}-pack"
    links = links_of(store, [r.raw for r in rows], base_url)
    rows = [replace(r, link=link) for r, link in zip(rows, links, strict=True)]
    ranks = segment_ranks(store, [campaign])  # segments in brief order
    rows = sorted(rows, key=lambda r: (ranks.get((campaign, str(r.segment)), len(ranks)),))
    try:
        count, index = write_pack(rows, folder, campaign, language)
    except OSError as exc:
        raise InputError(Problem(str(folder), None, "", exc.strerror or "cannot write")) from None
    ids = [r.variant_id for r in rows if r.status == "approved"]
    store.reviews.log_campaign_action(
        campaign,
        actor,
        "export",
        data={"format": "pack", "path": str(index), "count": count, "variant_ids": ids},
    )
    return ExportResult(index, count, "pack")


__all__ = ["FORMATS", "ExportResult", "content_hash", "export_campaign"]
