"""Fixtures for the TUI tests: workspaces built synchronously, before the app's loop runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_testkit import make_workspace


@pytest.fixture
def generated_ws(tmp_path: Path) -> Path:
    """A workspace whose test brief was generated with the offline composer (14 variants)."""
    return make_workspace(tmp_path / "ws")


@pytest.fixture
def blank_ws(tmp_path: Path) -> Path:
    """A workspace with the test brief and an empty database."""
    return make_workspace(tmp_path / "ws", generate=False)
