"""The base of every workbench screen: context, translated bindings, header and footer."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext


class WorkbenchScreen(Screen[Any]):
    """A screen with the context and its bindings in the workspace language."""

    def __init__(self, ctx: TuiContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.t = ctx.t
        localize_bindings(self, ctx.t)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this screen failed: its error as a notification (worker state
        messages do not bubble, so the app's handler never sees screen workers)."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    def report_error(self, error: BaseException) -> None:
        self.ctx.report_error(self, error)
