"""A non-editable install carries prompts/, templates/ and assets/ inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_prompts_templates_and_assets(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(tmp_path.glob("workbench-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "workbench/prompts/styles/hybrid.j2",
        "workbench/templates/briefs/member-day.yaml",
        "workbench/templates/segments.yaml",
        "workbench/templates/workbench.toml",
        "workbench/assets/README.md",
        "workbench/cli/main.py",
    ):
        assert expected in names, expected
    assert not any(n.endswith((".db", ".pyc")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "workbench = workbench.cli.main:run" in zipfile.ZipFile(wheel).read(entry).decode()
