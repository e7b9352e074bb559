"""Edit a variant's content in a text area (YAML); saving makes a new version."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.tui.review_ops import editable_text, save_edit


class EditDialog(ModalScreen[int | None]):
    """Returns the new version's id, or None when cancelled. Problems keep it open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "tui.key.save_version", id="edit.save", tooltip="tui.tip.save_version"
        ),
        Binding(
            "escape",
            "cancel",
            "tui.key.cancel",
            id="edit.cancel",
            tooltip="tui.tip.cancel",
            priority=True,
        ),
    ]

    def __init__(self, ctx: TuiContext, variant: dict[str, Any]) -> None:
        super().__init__()
        self.ctx = ctx
        self.variant = variant
        self.saving = False
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        v = self.variant
        with Vertical(classes="dialog wide-dialog", id="edit-dialog"):
            yield Static(
                t("tui.edit.title", id=v["id"], version=v.get("version") or 1),
                classes="dialog-title",
            )
            yield TextArea.code_editor(
                editable_text(v.get("content") or {}), language="yaml", id="edit-text"
            )
            yield Input(placeholder=t("tui.edit.comment"), id="edit-comment", compact=True)
            yield Static(t("tui.edit.hint"), id="edit-status", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("tui.key.save_version"), variant="primary", id="edit-save", compact=True
                )
                yield Button(t("tui.key.cancel"), id="edit-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        comment = self.query_one("#edit-comment", Input).value.strip() or None
        self._save(self.query_one(TextArea).text, comment)

    @work(thread=True, exclusive=True, group="edit", exit_on_error=False)
    def _save(self, text: str, comment: str | None) -> None:
        try:
            new_id = save_edit(self.ctx, int(self.variant["id"]), text, comment)
        except Exception as exc:
            self.app.call_from_thread(self._failed, exc)
            raise
        self.app.call_from_thread(self.dismiss, new_id)

    def _failed(self, error: BaseException) -> None:
        self.notify(
            self.ctx.describe_error(error),
            title=self.ctx.t("tui.error.title"),
            severity="error",
            timeout=8,
        )
        self.saving = False
        self.query_one("#edit-status", Static).update(
            Text(self.ctx.describe_error(error), style="red")
        )

    @on(Button.Pressed, "#edit-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
