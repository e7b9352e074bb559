"""Ask for a comment: a review reason, a rejection's why, or a ban override's justification."""

from __future__ import annotations

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


class ReasonDialog(ModalScreen[str | None]):
    """Returns the text typed (stripped, never empty), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="reason.cancel", tooltip="tui.tip.cancel"),
    ]

    def __init__(self, ctx: TuiContext, title: str, prompt: str, warning: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.title_text = title
        self.prompt = prompt
        self.warning = warning
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="reason-dialog"):
            yield Static(self.title_text, classes="dialog-title")
            if self.warning:
                yield Static(Text(self.warning, style="bold red"), id="reason-warning")
            yield Input(placeholder=self.prompt, id="reason-input")
            yield Static("", id="reason-error", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.review.ok"), variant="primary", id="reason-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="reason-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _submit(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.query_one("#reason-error", Static).update(
                Text(self.ctx.t("tui.review.reason_needed"), style="red")
            )
            return
        self.dismiss(text)

    @on(Input.Submitted)
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed, "#reason-ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#reason-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
