"""The help dialog: every binding of the screen underneath and of the app, with its tooltip."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from workbench.tui.bindings import active_bindings, localize_bindings
from workbench.tui.context import TuiContext


def _keys(binding: Binding) -> str:
    return " / ".join(
        k.replace("ctrl+", "^").replace("question_mark", "?").replace("escape", "esc")
        for k in binding.key.split(",")
    )


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "tui.key.close", id="help.close", tooltip="tui.tip.close"),
    ]

    def __init__(self, ctx: TuiContext, under: Screen[object]) -> None:
        super().__init__()
        self.ctx = ctx
        self.under = under
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog wide-dialog"):
            yield Static(t("tui.help.title"), classes="dialog-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(t("tui.help.footer"), classes="hint")

    def on_mount(self) -> None:
        t = self.ctx.t
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns(t("tui.help.key"), t("tui.help.action"), t("tui.help.what"))
        for binding in active_bindings(self.under) + active_bindings(self.app):
            table.add_row(_keys(binding), binding.description, binding.tooltip)
        table.add_row("^p", t("tui.help.palette"), t("tui.help.palette_tip"))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
