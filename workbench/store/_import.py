"""Import sqlite-utils without the data-science stack.

sqlite-utils imports pandas and numpy at import time whenever they are installed, only to
map their scalar types to column types. The workbench never stores pandas or numpy values,
and pandas alone adds about a quarter of a second to every start of the CLI and the TUI
(it is installed next to the test tools). So sqlite-utils is imported once with both
hidden; they stay importable for anyone who needs them afterwards.
"""

from __future__ import annotations

import sys

_HIDDEN = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
