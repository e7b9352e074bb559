"""Choose the approval step when the workspace has several (``[review] steps``)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext


class StepDialog(ModalScreen[str | None]):
    """Returns the chosen step (``default`` preselected), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="step.cancel", tooltip="tui.tip.cancel"),
    ]

    def __init__(self, ctx: TuiContext, title: str, steps: list[str], default: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.title_text = title
        self.steps = steps
        self.default = default
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="step-dialog"):
            yield Static(self.title_text, classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label(t("tui.review.step"), classes="form-label")
                yield Select(
                    [(s, s) for s in self.steps],
                    value=self.default,
                    allow_blank=False,
                    compact=True,
                    id="step-select",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.review.ok"), variant="primary", id="step-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="step-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#step-ok", Button).focus()

    @on(Button.Pressed, "#step-ok")
    def _ok(self) -> None:
        self.dismiss(str(self.query_one("#step-select", Select).value))

    @on(Button.Pressed, "#step-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
