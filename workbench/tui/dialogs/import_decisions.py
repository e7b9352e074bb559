"""Ask for a filled-in review export (XLSX or CSV) whose decisions to import."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext


class ImportDecisionsDialog(ModalScreen[Path | None]):
    """Returns the file's path (relative paths resolved in the workspace), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "tui.key.cancel",
            id="review_import.cancel",
            tooltip="tui.tip.cancel",
        ),
    ]

    def __init__(self, ctx: TuiContext) -> None:
        super().__init__()
        self.ctx = ctx
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="decisions-dialog"):
            yield Static(t("tui.review.import_title"), classes="dialog-title")
            yield Input(placeholder=t("tui.ab.import_path"), id="decisions-path")
            yield Static(t("tui.review.import_hint"), classes="hint")
            yield Static("", id="decisions-error", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.review.ok"), variant="primary", id="decisions-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="decisions-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self.query_one("#decisions-error", Static).update(
                Text(self.ctx.t("tui.ab.import_no_path"), style="red")
            )
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.ctx.workbench.workspace / path
        self.dismiss(path)

    @on(Input.Submitted)
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed, "#decisions-ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#decisions-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
