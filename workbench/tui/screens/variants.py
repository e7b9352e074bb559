"""Variants: a filterable, searchable table with a detail pane; mark two to compare, mark
several to review them at once; import reviewers' decisions from a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.widgets import Footer, Header, Static

from workbench.halfblock import HalfBlockRow, halfblock_cells
from workbench.store.ordering import in_brief_order
from workbench.store.variantrecord import FullVariant, Variant
from workbench.textview import content_text, paste_text
from workbench.tui.context import TuiContext
from workbench.tui.screens.compare import CompareScreen
from workbench.tui.screens.reviewing import ReviewBar, ReviewingScreen
from workbench.tui.widgets.filter_bar import FilterBar
from workbench.tui.widgets.variant_detail import VariantDetail
from workbench.tui.widgets.variant_table import MAX_ROWS, VariantTable

if TYPE_CHECKING:
    from workbench.review.decisions import ImportReport
    from workbench.tracking.links import Link

IMPORT_PROBLEMS_SHOWN = 5


def matches(variant: Variant, filters: dict[str, str], words: list[str], haystack: str) -> bool:
    """The filter bar's choices all hold and every search word is in ``haystack``."""
    if any(str(getattr(variant, name, None)) != value for name, value in filters.items()):
        return False
    return all(word in haystack for word in words)


def search_index(variants: list[Variant]) -> dict[int, str]:
    """``id -> the lower-cased text a search looks in``: content, segment, style, uid, id."""
    return {v.id: _search_text(v) for v in variants}


def _search_text(variant: Variant) -> str:
    text = content_text(variant.kind, variant.content or {})
    fields = (variant.segment, variant.style, variant.uid, str(variant.id))
    return " ".join([text, *(f or "" for f in fields)]).lower()


class VariantsScreen(ReviewingScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "search",
            "tui.key.search",
            id="variants.search",
            tooltip="tui.tip.search",
            show=False,
        ),
        Binding(
            "space", "mark", "tui.key.mark", id="variants.mark", tooltip="tui.tip.mark", show=False
        ),
        Binding(
            "c", "compare", "tui.key.compare", id="variants.compare", tooltip="tui.tip.compare"
        ),
        Binding(
            "o",
            "open_poster",
            "tui.key.open_poster",
            id="variants.open_poster",
            tooltip="tui.tip.open_poster",
            show=False,
        ),
        Binding(
            "y",
            "copy_text",
            "tui.key.copy_text",
            id="variants.copy_text",
            tooltip="tui.tip.copy_text",
        ),
        Binding(
            "i",
            "import_decisions",
            "tui.key.import_decisions",
            id="variants.import_decisions",
            tooltip="tui.tip.import_decisions",
            show=False,
        ),
        Binding(
            "f5",
            "reload",
            "tui.key.refresh",
            id="variants.refresh",
            tooltip="tui.tip.refresh",
            show=False,
        ),
        Binding("escape", "back", "tui.key.back", id="variants.back", tooltip="tui.tip.back"),
    ]

    def __init__(self, ctx: TuiContext, campaign: str | None) -> None:
        super().__init__(ctx)
        self.campaign = campaign
        self.variants: list[Variant] = []
        self.search: dict[int, str] = {}
        self.poster_path: Path | None = None
        self.select_after: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        title = self.campaign or self.t("tui.variants.all")
        yield Static(title, id="variants-title", classes="screen-title")
        yield FilterBar(self.t, id="variants-filters")
        with Container(id="variants-body"):
            with Vertical(id="variants-left"):
                yield VariantTable(self.t, id="variants-table")
                yield Static("", id="variants-count", classes="hint")
            yield VariantDetail(self.t, id="variants-detail")
        yield ReviewBar(self.t, id="review-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VariantTable).loading = True
        self.reload()

    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="variants", exit_on_error=False)
    def _load(self) -> None:
        store = self.ctx.workbench.store
        # The brief's order (its segments, then its deliverables), as `variants list` prints.
        variants = in_brief_order(store, store.variants.rows(campaign=self.campaign))
        self.app.call_from_thread(self._loaded, variants, search_index(variants))

    def _loaded(self, variants: list[Variant], search: dict[int, str]) -> None:
        self.variants = variants
        self.search = search
        self.query_one(FilterBar).set_choices(variants)
        table = self.query_one(VariantTable)
        table.loading = False
        bar = self.query_one(FilterBar)
        self._apply(bar.filters(), bar.search_text())
        table.focus()

    def on_filter_bar_filters_changed(self, event: FilterBar.FiltersChanged) -> None:
        self._apply(event.filters, event.query)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _apply(self, filters: dict[str, str], query: str) -> None:
        words = query.lower().split()
        search = self.search
        found = [v for v in self.variants if matches(v, filters, words, search.get(v.id, ""))]
        self.app.call_from_thread(self._filtered, found)

    def _filtered(self, found: list[Variant]) -> None:
        table = self.query_one(VariantTable)
        table.show(found)
        if self.select_after is not None and any(v.id == self.select_after for v in table.shown):
            table.move_cursor(row=table.get_row_index(str(self.select_after)))
        self.select_after = None
        count = self.query_one("#variants-count", Static)
        if not found:
            count.update(Text(self.t("variants.none"), style="yellow"))
        elif len(found) > MAX_ROWS:
            count.update(self.t("tui.variants.capped", shown=MAX_ROWS, total=len(found)))
        else:
            count.update(self.t("tui.variants.count", shown=len(found), total=len(self.variants)))
        variant_id = table.current_id()
        if variant_id is not None:
            self._load_detail(variant_id)

    def on_variant_table_variant_highlighted(self, event: VariantTable.VariantHighlighted) -> None:
        self._load_detail(event.variant_id)

    def _load_detail(self, variant_id: int) -> None:
        # the pane's size is read here, on the app's thread, not in the worker
        self._load_detail_in(variant_id, self.query_one(VariantDetail).poster_cells())

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _load_detail_in(self, variant_id: int, cells: tuple[int, int]) -> None:
        from workbench.tracking.attach import clicks_of, links_of

        wb = self.ctx.workbench
        variant = wb.store.variants.get(variant_id)
        link = links_of(wb.store, [variant], wb.settings.tracking.base_url)[0]
        clicks = clicks_of(wb.store, [variant])[0]
        path = self._poster_file(variant)
        poster = halfblock_cells(path, *cells) if path else None
        self.app.call_from_thread(self._detail_loaded, variant, path, poster, link, clicks)

    def _poster_file(self, variant: Variant) -> Path | None:
        for asset in variant.assets or []:
            raw = str(asset.get("path") or "")
            if raw.lower().endswith(".png"):
                path = Path(raw)
                return path if path.is_absolute() else self.ctx.workbench.workspace / path
        return None

    def _detail_loaded(
        self,
        variant: FullVariant,
        path: Path | None,
        poster: list[HalfBlockRow] | None,
        link: Link | None,
        clicks: tuple[int, int],
    ) -> None:
        self.poster_path = path
        self.query_one(VariantDetail).show(variant, poster, link, clicks)

    def current_variant(self) -> Variant | None:
        table = self.query_one(VariantTable)
        current = table.current_id()
        return next((v for v in table.shown if v.id == current), None)

    def targets(self) -> list[Variant]:
        """The marked variants when any are marked, else the current one."""
        marked = self.query_one(VariantTable).marked
        if not marked:
            return super().targets()
        by_id = {v.id: v for v in self.variants}
        return [by_id[i] for i in marked if i in by_id]

    def clear_marks(self) -> None:
        self.query_one(VariantTable).clear_marks()

    def current_campaign(self) -> str | None:
        return self.campaign or super().current_campaign()

    def after_change(self, select_id: int | None) -> None:
        self.select_after = select_id
        self.reload()

    def action_search(self) -> None:
        self.query_one("#filter-search").focus()

    def action_mark(self) -> None:
        self.query_one(VariantTable).toggle_mark()

    def action_compare(self) -> None:
        table = self.query_one(VariantTable)
        pair = list(table.marked)
        current = table.current_id()
        if len(pair) == 1 and current is not None and current not in pair:
            pair.append(current)
        if len(pair) != 2:
            self.notify(self.t("tui.variants.mark_two"), severity="warning")
            return
        self.app.push_screen(CompareScreen(self.ctx, pair[0], pair[1]))

    def action_open_poster(self) -> None:
        if self.poster_path is None:
            self.notify(self.t("tui.variants.no_poster"))
            return
        from workbench.tui.opener import open_file

        path = self.poster_path
        if open_file(path):
            self.notify(self.t("tui.variants.opening", path=path))
        else:  # headless: nothing can show it here, so say where it is
            self.notify(self.t("tui.variants.poster_at", path=path), timeout=15)

    def action_copy_text(self) -> None:
        """The approved text, ready to paste (into 企业微信), to the clipboard via OSC 52."""
        variant = self.current_variant()
        if variant is None:
            self.notify(self.t("tui.review.pick"), severity="warning")
            return
        if variant.status != "approved":
            from workbench.export.rows import status_label

            status = status_label(str(variant.status), self.t.language)
            self.notify(
                self.t("tui.copy.not_approved", id=variant.id, status=status),
                severity="warning",
            )
            return
        text = paste_text(variant)
        self.app.copy_to_clipboard(text)
        self.notify(self.t("tui.copy.done", id=variant.id, chars=len(text)))

    def action_import_decisions(self) -> None:
        from workbench.tui.dialogs.import_decisions import ImportDecisionsDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._import_decisions(path)

        self.app.push_screen(ImportDecisionsDialog(self.ctx), chosen)

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _import_decisions(self, path: Path) -> None:
        report = self.ctx.workbench.import_decisions(path)
        self.app.call_from_thread(self._imported, report)

    def _imported(self, report: ImportReport) -> None:
        t = self.t
        lines = [
            t(
                "tui.review.imported",
                applied=len(report.applied),
                already=len(report.already),
                problems=len(report.problems),
            )
        ]
        lines += [
            t("review.import_problem", row=p["row"], id=p["variant_id"], problem=p["problem"])
            for p in report.problems[:IMPORT_PROBLEMS_SHOWN]
        ]
        if len(report.problems) > IMPORT_PROBLEMS_SHOWN:
            lines.append(t("tui.review.more", count=len(report.problems) - IMPORT_PROBLEMS_SHOWN))
        self.notify(
            "\n".join(lines),
            severity="warning" if report.problems else "information",
            timeout=12 if report.problems else 6,
        )
        self.after_change(None)

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
