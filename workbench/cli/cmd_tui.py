"""``workbench tui``: open the operator's terminal UI on the workspace."""

from __future__ import annotations

from workbench.app import EndpointOverrides
from workbench.cli.common import (
    ENDPOINT,
    DbOption,
    catalog,
    endpoint_options,
    wb,
)
from workbench.i18n import Catalog


@endpoint_options()
def tui(
    endpoint: EndpointOverrides = ENDPOINT,
    db: DbOption = None,
) -> None:
    """Open the terminal UI: campaigns, briefs, generation, variants, compare."""
    from workbench.tui.app import WorkbenchApp  # textual loads only for this command

    workbench = wb(db)
    t = Catalog(catalog(workbench).language)  # the TUI's own markup, not Rich's escaping
    app = WorkbenchApp(workbench, t, endpoint)
    app.run()
