"""The command palette provider: the main actions and every campaign by name."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


class WorkbenchCommands(Provider):
    """Actions: campaigns, variants, open brief, help, quit; plus "open campaign X"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._campaigns: list[dict[str, Any]] = []

    @property
    def _wapp(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    async def startup(self) -> None:
        store = self._wapp.ctx.workbench.store
        self._campaigns = await asyncio.to_thread(store.variants.campaigns)

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self._wapp
        t = app.ctx.t
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (t("tui.cmd.campaigns"), t("tui.tip.campaigns"), app.action_campaigns),
            (t("tui.cmd.variants"), t("tui.tip.all_variants"), app.action_variants),
            (t("tui.cmd.open_brief"), t("tui.tip.open_brief"), app.action_open_brief),
            (t("tui.cmd.ab"), t("tui.tip.ab"), app.action_ab),
            (t("tui.cmd.week"), t("tui.tip.week"), app.action_week),
            (
                t("tui.cmd.import_decisions"),
                t("tui.tip.import_decisions"),
                app.action_import_decisions,
            ),
            (t("tui.cmd.help"), t("tui.tip.help"), app.action_help),
            (t("tui.cmd.quit"), t("tui.tip.quit"), app.exit),
        ]
        for c in self._campaigns:
            name = str(c.get("name") or c["id"])
            commands.append(
                (
                    t("tui.cmd.open_campaign", name=name),
                    t("tui.cmd.open_campaign_help", id=c["id"], variants=c.get("variants", 0)),
                    partial(app.action_variants, str(c["id"])),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
