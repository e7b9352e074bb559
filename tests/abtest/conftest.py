"""Fixtures for the A/B tests: a database with offline-generated variants, copied per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.store import Store

CAMPAIGN = "member-day-2026-03"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged member-day brief generated once with the offline composer."""
    folder = tmp_path_factory.mktemp("ab-template")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(folder))
        mp.setenv("WORKBENCH_LANG", "en-US")
        mp.chdir(folder)
        assert run(["init", str(folder)]) == 0
        assert run(["generate", str(folder / "briefs" / "member-day.yaml"), "--offline"]) == 0
    return folder / "workbench.db"


def copy_db(template: Path, target: Path) -> Path:
    src = sqlite3.connect(template)
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    return copy_db(template_db, tmp_path / "workbench.db")


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as s:
        yield s
