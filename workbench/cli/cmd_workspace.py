"""``workbench init`` and ``workbench demo``."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.panel import Panel
from rich.text import Text

from workbench.cli import common
from workbench.cli.common import catalog, out
from workbench.i18n import Catalog
from workbench.textview import content_text
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
    _samples(catalog(common.wb()), folder)


def _samples(t: Catalog, folder: Path) -> None:
    """One finished piece per kind, so the demo shows what the batch made."""
    workbench = common.wb()
    rows = workbench.store.variants.rows()
    shown: set[str] = set()
    out.print(t("demo.samples"))
    for row in rows:
        if row.kind in shown:
            continue
        shown.add(row.kind)
        title = f"#{row.id} {row.segment} · {t.kind_name(row.kind, row.channel)}"
        out.print(Panel(Text(content_text(row.kind, row.content)), title=title))
    where = shlex.quote(str(folder))  # the folder as the operator gave it, ready to paste
    out.print(t("demo.next", folder=where, id=rows[0].id if rows else 1), markup=False)
