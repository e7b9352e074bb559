"""A workspace with one tracked campaign (community copy, posters with QR), generated
offline once per session and copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tracking_kit import BASE_URL, make_workspace

from workbench.cli.main import run


@pytest.fixture(scope="session")
def tracked_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_workspace(tmp_path_factory.mktemp("tracked") / "ws", BASE_URL)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(folder))
        mp.chdir(folder)
        assert run(["generate", str(folder / "tea.yaml"), "--offline"]) == 0
    return folder


@pytest.fixture
def tracked(tracked_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ws"
    shutil.copytree(tracked_template, folder)
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    return folder
