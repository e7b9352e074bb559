"""Choose a results file for A/B: a daily results CSV, an event log or a QR scan log."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext

IMPORT_KINDS = ("results", "events", "scans")


@dataclass(frozen=True)
class ImportChoice:
    kind: str  # results | events | scans
    path: Path


def guess_kind(path: str) -> str:
    return "events" if path.lower().endswith(".jsonl") else "results"


class ImportResultsDialog(ModalScreen[ImportChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "tui.key.cancel", id="ab_import.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(self, ctx: TuiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.kind_chosen = False
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="import-dialog"):
            yield Static(t("tui.ab.import_title"), classes="dialog-title")
            yield Input(placeholder=t("tui.ab.import_path"), id="import-path")
            with Horizontal(classes="form-row"):
                yield Label(t("tui.ab.import_kind"), classes="form-label")
                yield Select(
                    [(t(f"tui.ab.kind.{k}"), k) for k in IMPORT_KINDS],
                    value="results",
                    allow_blank=False,
                    compact=True,
                    id="import-kind",
                )
            yield Static(t("tui.ab.import_hint"), classes="hint")
            yield Static("", id="import-error", classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.key.import"), variant="primary", id="import-ok", compact=True)
                yield Button(t("tui.key.cancel"), id="import-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Select.Changed, "#import-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if self.query_one("#import-kind", Select).has_focus:
            self.kind_chosen = True

    @on(Input.Changed, "#import-path")
    def _path_changed(self, event: Input.Changed) -> None:
        if not self.kind_chosen:
            self.query_one("#import-kind", Select).value = guess_kind(event.value.strip())

    def _submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self.query_one("#import-error", Static).update(self.ctx.t("tui.ab.import_no_path"))
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.ctx.workbench.workspace / path
        kind = str(self.query_one("#import-kind", Select).value)
        self.dismiss(ImportChoice(kind, path))

    @on(Input.Submitted)
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed, "#import-ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
