"""``workbench tui``: open the operator's terminal UI on the workspace."""

from __future__ import annotations

from workbench.cli.common import (
    BaseUrlOption,
    DbOption,
    KeyEnvOption,
    ModelOption,
    OfflineOption,
    PresetOption,
    catalog,
    overrides,
    wb,
)
from workbench.i18n import Catalog


def tui(
    preset: PresetOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    api_key_env: KeyEnvOption = None,
    offline: OfflineOption = False,
    db: DbOption = None,
) -> None:
    """Open the terminal UI: campaigns, briefs, generation, variants, compare."""
    from workbench.tui.app import WorkbenchApp  # textual loads only for this command

    workbench = wb(db)
    t = Catalog(catalog(workbench).language)  # the TUI's own markup, not Rich's escaping
    app = WorkbenchApp(workbench, t, overrides(preset, base_url, model, api_key_env, offline))
    app.run()
