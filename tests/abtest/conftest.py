"""Fixtures for the A/B tests: a database with offline-generated variants, copied per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbench.store import Store

CAMPAIGN = "member-day-2026-03"


@pytest.fixture
def db_path(member_day_db: Path, copy_db: Callable[[Path], Path]) -> Path:
    """This test's copy of the offline-generated member-day database (tests/conftest.py)."""
    return copy_db(member_day_db)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as s:
        yield s
