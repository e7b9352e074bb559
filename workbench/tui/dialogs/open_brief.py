"""Choose a brief file: the workspace's briefs listed, or any path typed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.workspace import BRIEFS_DIR

NEW_OPTION = "new-brief"


@dataclass(frozen=True)
class NewBrief:
    """The operator asked for a new brief (``target``: the path they typed, if any)."""

    target: Path | None = None


class OpenBriefDialog(ModalScreen[Path | NewBrief | None]):
    """An existing brief's path, a :class:`NewBrief` request (the form), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "tui.key.cancel", id="open_brief.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(self, ctx: TuiContext) -> None:
        super().__init__()
        self.ctx = ctx
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog"):
            yield Static(t("tui.open_brief.title"), classes="dialog-title")
            yield OptionList(id="brief-files")
            yield Input(placeholder=t("tui.open_brief.placeholder"), id="brief-path")
            yield Static(t("tui.open_brief.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self._list_briefs()

    @work(thread=True, exit_on_error=False)
    def _list_briefs(self) -> None:
        folder = self.ctx.workbench.workspace
        found = sorted((folder / BRIEFS_DIR).glob("*.y*ml")) if folder.is_dir() else []
        found += sorted(p for p in folder.glob("*.y*ml") if p.name != "segments.yaml")
        self.app.call_from_thread(self._show, found, folder)

    def _show(self, found: list[Path], folder: Path) -> None:
        options = self.query_one(OptionList)
        options.loading = False
        options.add_option(Option(self.ctx.t("tui.open_brief.new"), id=NEW_OPTION))
        for path in found:
            options.add_option(Option(str(path.relative_to(folder)), id=str(path)))
        if found:
            options.highlighted = 1
            options.focus()
        else:
            self.query_one(Input).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW_OPTION:
            self.dismiss(NewBrief())
        elif event.option.id:
            self.dismiss(Path(event.option.id))

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.ctx.workbench.workspace / path
        self.dismiss(path if path.exists() else NewBrief(path))

    def action_cancel(self) -> None:
        self.dismiss(None)
