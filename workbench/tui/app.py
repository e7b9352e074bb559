"""``WorkbenchApp``: the Textual application. Small on purpose: it owns the context, the
stylesheet, the global bindings and the error boundary; screens do the work."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from workbench.app import EndpointOverrides, Workbench
from workbench.i18n import Catalog
from workbench.tui.bindings import localize_bindings
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.context import TuiContext
from workbench.tui.dialogs.help import HelpDialog
from workbench.tui.dialogs.new_brief import NewBriefDialog
from workbench.tui.dialogs.open_brief import NewBrief, OpenBriefDialog
from workbench.tui.screens.ab import ABScreen
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.campaigns import CampaignsScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.screens.week import WeekScreen

SYSTEM_COMMANDS = {  # Textual's SystemCommand titles -> catalog keys (help: KEY.help)
    "Theme": "tui.sys.theme",
    "Quit": "tui.sys.quit",
    "Keys": "tui.sys.keys",
    "Minimize": "tui.sys.minimize",
    "Maximize": "tui.sys.maximize",
    "Screenshot": "tui.sys.screenshot",
}


class WorkbenchApp(App[None]):
    CSS_PATH = "workbench.tcss"
    TITLE = "workbench"
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Textual declares it without ClassVar)
        (0, "-narrow"),
        (110, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 (as above)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "tui.key.help", id="app.help", tooltip="tui.tip.help"),
        Binding(
            "ctrl+o",
            "open_brief",
            "tui.key.open_brief",
            id="app.open_brief",
            tooltip="tui.tip.open_brief",
            show=False,
        ),
        Binding(
            "f2",
            "campaigns",
            "tui.key.campaigns",
            id="app.campaigns",
            tooltip="tui.tip.campaigns",
            show=False,
        ),
        Binding(
            "f3",
            "variants",
            "tui.key.variants",
            id="app.variants",
            tooltip="tui.tip.variants",
            show=False,
        ),
        Binding("f4", "ab", "tui.key.ab", id="app.ab", tooltip="tui.tip.ab", show=False),
        Binding(
            "ctrl+q",
            "quit",
            "tui.key.quit",
            id="app.quit",
            tooltip="tui.tip.quit",
            priority=True,
            show=False,
        ),
    ]

    def __init__(
        self, workbench: Workbench, t: Catalog, overrides: EndpointOverrides | None = None
    ) -> None:
        super().__init__()
        self.ctx = TuiContext(workbench, t, overrides or EndpointOverrides())
        localize_bindings(self, t)
        self.sub_title = workbench.workspace.name

    def on_mount(self) -> None:
        self.push_screen(CampaignsScreen(self.ctx))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's built-in palette commands, named in the workspace's language."""
        t = self.ctx.t
        for command in super().get_system_commands(screen):
            key = SYSTEM_COMMANDS.get(command.title)
            if key is None:
                yield command
                continue
            hiding = key == "tui.sys.keys" and bool(screen.query("HelpPanel"))
            help_key = f"{key}.help.hide" if hiding else f"{key}.help"
            yield SystemCommand(t(key), t(help_key), command.callback, command.discover)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = self.ctx.t("tui.palette.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def report_error(self, error: BaseException) -> None:
        """Errors of app-level workers (``TuiContext.report_error``)."""
        self.ctx.report_error(self, error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            self.screen.dismiss()
            return
        self.push_screen(HelpDialog(self.ctx, self.screen))

    def action_open_brief(self) -> None:
        def opened(path: Path | NewBrief | None) -> None:
            if isinstance(path, NewBrief):
                self.action_new_brief(path.target)
            elif path is not None:
                self.push_screen(BriefScreen(self.ctx, path))

        self.push_screen(OpenBriefDialog(self.ctx), opened)

    def action_new_brief(self, target: Path | None = None) -> None:
        """The new-brief form; the brief it writes opens in the editor."""

        def created(path: Path | None) -> None:
            if path is not None:
                self.push_screen(BriefScreen(self.ctx, path))

        self.push_screen(NewBriefDialog(self.ctx, target), created)

    def action_campaigns(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, CampaignsScreen):
            self.screen.refresh_campaigns()

    def action_variants(self, campaign: str | None = None) -> None:
        self.push_screen(VariantsScreen(self.ctx, campaign))

    def action_import_decisions(self) -> None:
        """Import review decisions from the variants screen (opened first when elsewhere)."""
        screen = self.screen
        if not isinstance(screen, VariantsScreen):
            screen = VariantsScreen(self.ctx, getattr(self.screen, "campaign", None))
            self.push_screen(screen)
        screen.action_import_decisions()

    def action_ab(self, campaign: str | None = None) -> None:
        """A/B tests of ``campaign`` (default: the campaign the current screen shows)."""
        if campaign is None:
            campaign = getattr(self.screen, "campaign", None)
        self.push_screen(ABScreen(self.ctx, campaign))

    def action_week(self) -> None:
        """The week plan: slots of the newest planned week as cards by day (issue 15)."""
        self.push_screen(WeekScreen(self.ctx))

    def on_unmount(self) -> None:
        self.ctx.workbench.close()
