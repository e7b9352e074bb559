"""A/B screen dialogs: confirm an action after reading what it will do (create, promote),
and choose the users file and send list for ``assign``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext


class ConfirmDialog(ModalScreen[bool]):
    """Shows ``body`` and returns True only when the operator confirms; ``allowed`` False
    leaves just the way back (the body says why)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "tui.key.cancel", id="ab_confirm.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(
        self, ctx: TuiContext, title: str, body: RenderableType, confirm: str, allowed: bool = True
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.title_text = title
        self.body = body
        self.confirm = confirm
        self.allowed = allowed
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="ab-confirm-dialog"):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(id="ab-confirm-body"):
                yield Static(self.body)
            with Horizontal(classes="dialog-buttons"):
                if self.allowed:
                    yield Button(self.confirm, variant="primary", id="ab-confirm-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="ab-confirm-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ab-confirm-ok" if self.allowed else "#ab-confirm-cancel").focus()

    @on(Button.Pressed, "#ab-confirm-ok")
    def _ok(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#ab-confirm-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)


@dataclass(frozen=True)
class AssignChoice:
    users: Path
    out: Path


class AssignDialog(ModalScreen[AssignChoice | None]):
    """The users CSV (a ``user_id`` column) and where the send list goes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "tui.key.cancel", id="ab_assign.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(self, ctx: TuiContext, experiment_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.experiment_id = experiment_id
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="ab-assign-dialog"):
            yield Static(t("tui.ab.assign_title", id=self.experiment_id), classes="dialog-title")
            yield Input(placeholder=t("tui.ab.assign_users"), id="assign-users")
            yield Input(value=f"ab-{self.experiment_id}-send.csv", id="assign-out")
            yield Static(t("tui.ab.assign_hint"), classes="hint")
            yield Static("", id="assign-error", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.key.assign"), variant="primary", id="assign-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="assign-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#assign-users", Input).focus()

    def _submit(self) -> None:
        users = self.query_one("#assign-users", Input).value.strip()
        out = self.query_one("#assign-out", Input).value.strip()
        base = self.ctx.workbench.workspace
        if not users or not (base / users).expanduser().is_file():
            message = self.ctx.t("tui.ab.assign_no_file", path=users or "-")
            self.query_one("#assign-error", Static).update(Text(message, style="red"))
            return
        if not out:
            return
        self.dismiss(AssignChoice((base / users).expanduser(), (base / out).expanduser()))

    @on(Input.Submitted)
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed, "#assign-ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#assign-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
