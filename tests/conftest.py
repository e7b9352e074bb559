"""Shared pytest fixtures."""

from __future__ import annotations

import os
import sqlite3
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


def copy_database(template: Path, target: Path) -> Path:
    """``target``: a whole copy of the SQLite database ``template`` (the backup API, so
    what still sits in the template's WAL comes along)."""
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


class DbCopier:
    """The ``copy_db`` fixture: ``copy_db(template, name="workbench.db")`` copies a database
    into the test's ``tmp_path`` and returns the copy's path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, template: Path, name: str = "workbench.db") -> Path:
        return copy_database(template, self.folder / name)


@pytest.fixture
def copy_db(tmp_path: Path) -> DbCopier:
    """Each test's own copy of a database generated once (module or session fixtures)."""
    return DbCopier(tmp_path)


@pytest.fixture(scope="session")
def member_day_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged member-day brief generated once with the offline composer in an en-US
    workspace (read-only: take ``copy_db(member_day_db)``)."""
    from workbench.cli.main import run

    folder = tmp_path_factory.mktemp("member-day")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(folder))
        mp.setenv("WORKBENCH_LANG", "en-US")
        mp.setenv("WORKBENCH_TODAY", "2026-12-01")  # session fixtures come before _isolated
        for name in ("WORKBENCH_DB", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
            mp.delenv(name, raising=False)
        mp.chdir(folder)
        assert run(["init", str(folder)]) == 0
        assert run(["generate", str(folder / "briefs" / "member-day.yaml"), "--offline"]) == 0
    return folder / "workbench.db"
