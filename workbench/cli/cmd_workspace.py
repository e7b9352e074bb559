"""``workbench init`` and ``workbench demo``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workbench.cli import common
from workbench.cli.common import catalog, out
from workbench.workspace import BRIEFS_DIR, init_workspace

DEMO_DIR = "demo-workspace"
DEMO_BRIEF = "member-day.yaml"


def init(
    folder: Annotated[Path, typer.Argument(help="Workspace folder.")] = Path("."),
) -> None:
    """Create a workspace: workbench.toml, segments.yaml, example briefs."""
    result = init_workspace(folder)
    t = catalog()
    out.print(t("init.created", path=result.workspace))
    for path in result.created:
        out.print(t("init.file_created", path=path.relative_to(result.workspace)))
    for path in result.kept:
        out.print(t("init.file_kept", path=path.relative_to(result.workspace)))
    out.print(f"  db: {result.db}")
    out.print(t("init.next", brief=Path(BRIEFS_DIR) / DEMO_BRIEF))


def demo(
    folder: Annotated[
        Path, typer.Option("--dir", help="Where to create the demo workspace.")
    ] = Path(DEMO_DIR),
) -> None:
    """Create a demo workspace and run an example brief with the offline composer."""
    from workbench.cli.cmd_generate import generate

    result = init_workspace(folder)
    t = catalog()
    out.print(t("demo.workspace", path=result.workspace))
    common.STATE.close()
    common.STATE = common.State(db=common.STATE.db, workspace=result.workspace)
    generate(briefs=[result.workspace / BRIEFS_DIR / DEMO_BRIEF], offline=True)
