"""The one place that decides where files live.

Workspace: ``WORKBENCH_HOME`` if set, else the nearest folder at or above the current
directory holding a ``workbench.toml``, else the current directory.
Database: an explicit ``--db`` path, else ``WORKBENCH_DB``, else ``<workspace>/workbench.db``.
Packaged resources (``prompts/``, ``templates/``, ``assets/``) live inside the installed
package, or at the repository's top level in a source checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

WORKSPACE_FILE = "workbench.toml"
DB_FILE = "workbench.db"
_PACKAGE_DIR = Path(__file__).resolve().parent


def workspace_dir(start: Path | None = None) -> Path:
    """The workspace folder (it need not have been initialised)."""
    home = os.environ.get("WORKBENCH_HOME")
    if home:
        return Path(home).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / WORKSPACE_FILE).is_file():
            return folder
    return here


def db_path(explicit: str | os.PathLike[str] | None = None, workspace: Path | None = None) -> Path:
    """Resolve the database path: flag, then ``WORKBENCH_DB``, then the workspace's."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("WORKBENCH_DB")
    if env:
        return Path(env).expanduser().resolve()
    return (workspace or workspace_dir()) / DB_FILE


def resource_dir(name: str) -> Path:
    """A packaged resource folder: ``prompts``, ``templates`` or ``assets``."""
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def output_dir(workspace: Path | None = None) -> Path:
    """Where rendered files (posters, exports) go inside the workspace."""
    return (workspace or workspace_dir()) / "output"
