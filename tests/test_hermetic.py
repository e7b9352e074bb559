"""The suite is hermetic: the caller's terminal settings (NO_COLOR, COLUMNS, TERM) do not
reach the consoles the CLI makes at import time, nor the tests (tests/conftest.py clears them
before any test file is imported and again for every test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = {"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb", "FORCE_COLOR": "1"}


def test_import_time_consoles_follow_the_test_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workbench.cli.common import err, out

    assert not any(name in os.environ for name in ("NO_COLOR", "COLUMNS", "FORCE_COLOR"))
    assert os.environ["TERM"] != "dumb"
    for console in (out, err):
        assert not console.no_color
        monkeypatch.setenv("COLUMNS", "123")  # a width fixed at import would ignore this
        assert console.width == 123
        monkeypatch.setenv("COLUMNS", "80")
        assert console.width == 80


def test_a_hostile_caller_environment_changes_nothing() -> None:
    here = Path(__file__).relative_to(ROOT)
    inner = f"{here}::test_import_time_consoles_follow_the_test_environment"
    helptext = "tests/cli/test_cli_helptext.py::test_help_in_a_chinese_workspace"
    pytest_args = ["-q", "-o", "addopts=", "-p", "no:randomly", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *pytest_args, inner, helptext],
        cwd=ROOT,
        env={**os.environ, **HOSTILE},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout
