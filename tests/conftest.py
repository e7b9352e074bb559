"""Shared pytest fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.testing import FakeLLMServer

TERMINAL_ENV = (
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
)
NEUTRAL_TERM = "xterm-256color"


def _neutral_terminal() -> None:
    """Clear the caller's terminal settings before any test module or folder conftest imports
    the CLI: its consoles (``out``, ``err``) fix their width and colour from COLUMNS, NO_COLOR
    and TERM when they are made, at import (tests/test_hermetic.py checks)."""
    for name in TERMINAL_ENV:
        os.environ.pop(name, None)
    os.environ["TERM"] = NEUTRAL_TERM


_neutral_terminal()  # this root conftest is imported before every other test file


@pytest.fixture
def fake_llm() -> Iterator[FakeLLMServer]:
    """A fake OpenAI-compatible server on 127.0.0.1 (free port); ``.base_url`` ends in /v1."""
    with FakeLLMServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in a temp workspace, in English, on a pinned date, with no endpoint or
    key configured."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.setenv("WORKBENCH_LANG", "en-US")
    # dates in copy carry the year when the deadline is not this year: pin "today" so that
    # outputs and snapshots do not change on New Year's Day (tests that need another day
    # set it themselves)
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-01")
    for name in ("WORKBENCH_DB", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    # the caller's terminal settings must not reach rich or textual (snapshots, wrapping)
    for name in TERMINAL_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", NEUTRAL_TERM)
    monkeypatch.chdir(home)


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An initialised workspace (``workbench init``), current and pointed to by WORKBENCH_HOME."""
    from workbench.cli.main import run

    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    return folder
