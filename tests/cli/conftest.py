"""Fixtures for the CLI tests."""

from __future__ import annotations

import pytest
from cli_testkit import Cli

from workbench.cli.main import run


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """``cli("ab", "list", "--json") -> (code, out, err)``; fails on a traceback in stderr."""

    def invoke(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return code, captured.out, captured.err

    return invoke
