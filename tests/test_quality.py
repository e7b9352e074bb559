"""The tree stays ruff- and mypy-clean, and the core never imports the faces.

(click is not checked: sqlite-utils imports it on its own.)
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
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


def test_mypy_checks_the_tests_and_every_test_folder() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert {"workbench", "tests", "bench"} <= set(config["files"])
    folders = {str(d.relative_to(ROOT)) for d in (ROOT / "tests").iterdir() if any(d.glob("*.py"))}
    missing = folders - set(config["mypy_path"])
    assert not missing, f"add to [tool.mypy] mypy_path in pyproject.toml: {sorted(missing)}"
    assert config["disallow_untyped_defs"] and config["warn_unused_ignores"]


def test_test_files_import_kits_without_editing_sys_path() -> None:
    """Kits that other folders' tests import are on pytest's ``pythonpath`` (pyproject.toml),
    a test's own folder is on ``sys.path`` already: no test module edits it (a child-process
    script written by a test may, indented inside its string)."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "tests").rglob("*.py"))
        if any(line.startswith("sys.path.") for line in p.read_text("utf-8").splitlines())
    ]
    assert not offenders, f"import the kit by name (pytest pythonpath): {offenders}"


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
