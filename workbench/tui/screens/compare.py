"""Compare two variants side by side, differences marked, metadata differences listed."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from workbench.guards.text import for_display
from workbench.store.variantrecord import Variant
from workbench.textview import content_text
from workbench.tui.context import TuiContext
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.diff_view import diff_pair

FIELDS = ("segment", "kind", "channel", "style", "framework", "status", "model", "version")


class CompareScreen(WorkbenchScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "swap", "tui.key.swap", id="compare.swap", tooltip="tui.tip.swap"),
        Binding("escape", "back", "tui.key.back", id="compare.back", tooltip="tui.tip.back"),
    ]

    def __init__(self, ctx: TuiContext, left_id: int, right_id: int) -> None:
        super().__init__(ctx)
        self.ids = (left_id, right_id)
        self.pair: tuple[Variant, Variant] | None = None
        self.diff: tuple[Text, Text, float] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="compare-title", classes="screen-title")
        with Horizontal(id="compare-body"):
            with VerticalScroll(id="compare-left", classes="compare-pane"):
                yield Static("", id="compare-left-text")
            with VerticalScroll(id="compare-right", classes="compare-pane"):
                yield Static("", id="compare-right-text")
        yield Static("", id="compare-meta")
        yield Footer()

    def on_mount(self) -> None:
        self._load(*self.ids)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self, left_id: int, right_id: int) -> None:
        store = self.ctx.workbench.store
        pair = (store.variants.get(left_id), store.variants.get(right_id))
        self.app.call_from_thread(self._show, pair)

    def _show(self, pair: tuple[Variant, Variant]) -> None:
        self.pair = pair
        left, right = pair
        self.diff = a, b, ratio = diff_pair(
            content_text(left.kind, left.content or {}),
            content_text(right.kind, right.content or {}),
        )
        self.query_one("#compare-left-text", Static).update(a)
        self.query_one("#compare-right-text", Static).update(b)
        self.query_one("#compare-left").border_title = self._label(left)
        self.query_one("#compare-right").border_title = self._label(right)
        self.query_one("#compare-title", Static).update(
            self.t("tui.compare.title", left=left.id, right=right.id, ratio=ratio * 100)
        )
        self.query_one("#compare-meta", Static).update(self._meta(left, right))

    def _label(self, v: Variant) -> str:
        return (
            f"#{v.id} {self.t.kind_name(v.kind)} · {self.t.name('style', v.style)} · v{v.version}"
        )

    def _meta(self, left: Variant, right: Variant) -> Table | Text:
        table = Table.grid(padding=(0, 2))
        for _ in range(3):
            table.add_column()
        differing = [f for f in FIELDS if getattr(left, f) != getattr(right, f)]
        if not differing:
            return Text(self.t("tui.compare.same_meta"), style="dim")
        for name in differing:
            table.add_row(
                Text(name, style="bold"),
                Text(for_display(str(getattr(left, name))), style="red"),
                Text(for_display(str(getattr(right, name))), style="green"),
            )
        return table

    def action_swap(self) -> None:
        if self.pair is not None:
            self.ids = (self.ids[1], self.ids[0])
            self._show((self.pair[1], self.pair[0]))

    def action_back(self) -> None:
        self.app.pop_screen()
