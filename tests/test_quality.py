"""The tree stays ruff- and mypy-clean, and the core never imports the faces.

(click is not checked: sqlite-utils imports it on its own.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in the test environment (pip install -e '.[test]')")
    return str(path)


def test_ruff_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "workbench", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_clean() -> None:
    result = subprocess.run(
        [_tool("mypy"), "--no-incremental", "--cache-dir=/dev/null"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_does_not_import_textual_or_typer() -> None:
    code = (
        "import sys, workbench.app, workbench.generate.runner, workbench.llm.factory, "
        "workbench.store, workbench.prompting, workbench.brief.loader\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer'))\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""
