"""``workbench demo``: the README's quick start, end to end with the offline composer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cli_testkit import Cli


def test_the_demo_builds_a_workspace_and_generates_the_member_day_brief(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "demo-workspace"
    code, _out, err = cli("demo", "--dir", str(folder))
    assert code == 0, err
    with sqlite3.connect(folder / "workbench.db") as conn:
        (variants,) = conn.execute("select count(*) from variants").fetchone()
        (failed,) = conn.execute("select count(*) from jobs where status != 'ok'").fetchone()
    assert variants == 44 and failed == 0  # the README promises 44 variants
    assert list((folder / "output").rglob("*.png"))
