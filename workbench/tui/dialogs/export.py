"""Export a campaign for reviewers: choose the format and statuses; shows where it went."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from workbench.export import FORMATS, ExportResult, export_campaign
from workbench.export.rows import status_label
from workbench.review import STATUSES
from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.tui.review_ops import actor
from workbench.tui.widgets.checks import CheckList


class ExportDialog(ModalScreen[ExportResult | None]):
    """Closes after a successful export (the written path stays as a notification) and
    returns it; a failed export keeps it open with the error shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e", "export", "tui.key.export", id="export.run", tooltip="tui.tip.export_run"
        ),
        Binding("escape", "close", "tui.key.close", id="export.close", tooltip="tui.tip.close"),
    ]

    def __init__(self, ctx: TuiContext, campaign: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.campaign = campaign
        self.result: ExportResult | None = None
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(t("tui.export.title", campaign=self.campaign), classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label(t("tui.export.format"), classes="form-label")
                yield Select(
                    [(f, f) for f in FORMATS],
                    value=FORMATS[0],
                    allow_blank=False,
                    compact=True,
                    id="export-format",
                )
            yield Label(t("tui.export.statuses"))
            statuses = ((status_label(s, t.language), s) for s in STATUSES)
            yield CheckList(*statuses, id="export-statuses", compact=True)
            yield Input(placeholder=t("tui.export.out"), id="export-out", compact=True)
            yield Static("", id="export-result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.key.export"), variant="primary", id="export-ok", compact=True)
                yield Button(t("tui.key.close"), id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-format", Select).focus()

    def action_export(self) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        statuses = list(self.query_one(SelectionList).selected)
        raw = self.query_one("#export-out", Input).value.strip()
        out = None
        if raw:
            out = Path(raw).expanduser()
            if not out.is_absolute():
                out = self.ctx.workbench.workspace / out
        self.query_one("#export-result", Static).update(self.ctx.t("tui.export.running"))
        self._export(fmt, statuses, out)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, statuses: list[str], out: Path | None) -> None:
        wb = self.ctx.workbench
        try:
            result = export_campaign(
                wb.store,
                wb.workspace,
                self.campaign,
                fmt,
                actor(self.ctx),
                statuses,
                out,
                self.ctx.t.language,
            )
        except Exception as exc:
            self.app.call_from_thread(self._failed, exc)
            raise
        self.app.call_from_thread(self._done, result)

    def _done(self, result: ExportResult) -> None:
        self.result = result
        message = self.ctx.t("export.done", count=result.count, path=result.path)
        self.app.notify(message, title=self.ctx.t("tui.export.written"), timeout=12)
        self.dismiss(result)

    def _failed(self, error: BaseException) -> None:
        # shown in the dialog, not as a toast: a toast at the bottom right covered the
        # dialog's buttons, and the dialog stays open to show it anyway
        self.query_one("#export-result", Static).update(
            Text(self.ctx.describe_error(error), style="red")
        )

    @on(Button.Pressed, "#export-ok")
    @on(Input.Submitted, "#export-out")
    def _ok(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(self.result)
