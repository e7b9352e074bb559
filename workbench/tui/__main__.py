"""``python -m workbench.tui``: open the TUI without loading the whole CLI (faster start)."""

from __future__ import annotations

import sys

from workbench.app import make_workbench
from workbench.errors import WorkbenchError
from workbench.i18n import Catalog, current_language
from workbench.locations import WORKSPACE_FILE


def main() -> int:
    try:
        workbench = make_workbench()
    except WorkbenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    from workbench.tui.app import WorkbenchApp

    has_settings = (workbench.workspace / WORKSPACE_FILE).is_file()
    language = current_language(workbench.settings.workspace.language if has_settings else None)
    WorkbenchApp(workbench, Catalog(language)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
