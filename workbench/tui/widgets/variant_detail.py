"""The detail pane: content with lint marks, findings, provenance, versions, poster."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbench.guards.text import for_display
from workbench.halfblock import HalfBlockRow
from workbench.i18n import Catalog
from workbench.store.variantrecord import FullVariant
from workbench.tracking.links import Link
from workbench.tui.widgets.rendering import findings_text, halfblock_text, highlighted_content

POSTER_MIN = 16
POSTER_MAX_COLUMNS = 120
POSTER_MAX_ROWS = 60


def _fmt_latency(ms: float | None) -> str:
    return "-" if ms is None else f"{ms:.0f} ms"


class VariantDetail(VerticalScroll):
    """Shows one variant (as ``store.variants.get`` returns it)."""

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.t = t
        self.variant: FullVariant | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.t("tui.variants.pick"), id="detail-content", classes="detail-section")
        yield Static("", id="detail-findings", classes="detail-section")
        yield Static("", id="detail-poster", classes="detail-section")
        yield Static("", id="detail-provenance", classes="detail-section")
        yield Static("", id="detail-versions", classes="detail-section")

    def poster_cells(self) -> tuple[int, int]:
        """The largest poster preview the pane shows whole: (columns, rows) inside the
        border and padding, one row kept for the section's title line."""
        region = self.scrollable_content_region
        # the text above the poster makes the pane scroll: leave room for its scrollbar
        bar = 0 if self.show_vertical_scrollbar else self.styles.scrollbar_size_vertical
        columns = max(POSTER_MIN, min(region.width - bar, POSTER_MAX_COLUMNS))
        rows = max(POSTER_MIN // 2, min(region.height - 1, POSTER_MAX_ROWS))
        return columns, rows

    def show(
        self,
        variant: FullVariant,
        poster: list[HalfBlockRow] | None,
        link: Link | None = None,
        clicks: tuple[int, int] | None = None,
    ) -> None:
        """Show ``variant`` with its poster preview, tracked link and (hits, unique) clicks."""
        self.variant = variant
        t = self.t
        self.border_title = t("variants.title", id=variant.id, kind=t.kind_name(variant.kind))
        self.query_one("#detail-content", Static).update(highlighted_content(variant))
        findings = variant.lint or []
        section = self.query_one("#detail-findings", Static)
        section.display = bool(findings)
        if findings:
            section.border_title = t("tui.variants.findings", count=len(findings))
            section.update(findings_text(findings))
        poster_box = self.query_one("#detail-poster", Static)
        poster_box.display = bool(poster)
        if poster:
            poster_box.border_title = t("tui.variants.poster")
            poster_box.update(halfblock_text(poster))
        provenance = self.query_one("#detail-provenance", Static)
        provenance.border_title = t("variants.provenance")
        provenance.update(self._provenance(variant, link, clicks))
        versions = self.query_one("#detail-versions", Static)
        versions.border_title = t("tui.variants.versions")
        versions.update(self._versions(variant))
        self.scroll_home(animate=False)

    def _provenance(
        self, v: FullVariant, link: Link | None, clicks: tuple[int, int] | None
    ) -> Table:
        t = self.t
        gen = v.generation or {}
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold")
        table.add_column()
        rows = [
            (t("col.segment"), v.segment),
            (t("col.channel"), t.name("channel", v.channel)),
            (t("col.style"), t.name("style", v.style)),
            (t("tui.variants.framework"), v.framework),
            (t("tui.detail.instruction"), v.instruction),
            (t("col.template"), gen.get("template")),
            (t("tui.variants.model"), _source(v, t)),
            (t("col.tokens"), str(gen.get("tokens") or "-")),
            (t("tui.variants.latency"), _fmt_latency(gen.get("latency_ms"))),
            (t("tui.variants.uid"), v.uid),
            (t("tui.variants.created"), (v.created_at or "").replace("T", " ")[:19]),
        ]
        for name, value in rows:
            if value:
                table.add_row(name, Text(for_display(str(value))))
        if link:
            table.add_row("", t("tui.detail.link", url=link.url, code=link.code))
        if link and clicks:
            table.add_row("", t("tui.detail.clicks", hits=clicks[0], unique=clicks[1]))
        return table

    def _versions(self, v: FullVariant) -> Text:
        text = Text()
        for version in v.versions:
            current = version.id == v.id
            text.append("● " if current else "○ ", style="bold" if current else "dim")
            text.append(f"v{version.version} #{version.id} {version.status}")
            text.append(f"  {version.created_at[:16].replace('T', ' ')}\n", style="dim")
        for entry in v.history:
            text.append(
                for_display(
                    f"  {entry.get('action')} {entry.get('from_status') or ''}→"
                    f"{entry.get('to_status') or ''} {entry.get('actor') or ''}"
                ),
                style="italic",
            )
            if entry.get("comment"):
                text.append(f" “{for_display(str(entry['comment']))}”")
            text.append("\n")
        text.rstrip()
        return text


def _source(v: FullVariant, t: Catalog) -> str:
    """Who wrote it: the model, or the offline composer called what it is (never AI)."""
    if v.provider == "offline":
        return f"{t('offline.label')} · {v.model or ''}"
    return f"{v.provider or ''} · {v.model or ''}"
