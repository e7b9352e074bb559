"""What every screen is handed: the core, the string catalog and the endpoint flags.

Passed explicitly to screens and widgets (no module-level singleton read deep inside them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.app import App
from textual.widget import Widget

from workbench.app import EndpointOverrides, Workbench
from workbench.errors import WorkbenchError
from workbench.errortexts import localize_error
from workbench.i18n import Catalog


@dataclass
class TuiContext:
    workbench: Workbench
    t: Catalog
    overrides: EndpointOverrides = field(default_factory=EndpointOverrides)

    def describe_error(self, error: BaseException) -> str:
        """One line (or a few for input problems) for a notification, never a traceback."""
        if isinstance(error, WorkbenchError):
            return localize_error(error, self.t.language)
        detail = " ".join(str(error).split()) or error.__class__.__name__
        return self.t("tui.error.unexpected", kind=error.__class__.__name__, detail=detail)

    def report_error(self, where: App[Any] | Widget, error: BaseException) -> None:
        """The one way this face shows an error: a notification on ``where`` (the app, a
        screen or a dialog), never a traceback."""
        where.notify(
            self.describe_error(error),
            title=self.t("tui.error.title"),
            severity="error",
            timeout=8,
        )
