"""A small generated workspace for the hardening tests (imported by module name)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.cli.main import run
from workbench.store import Store

CAMPAIGN = "guards-2026-03"


def small_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, titles: int = 4) -> Path:
    """``workbench init`` + offline ``generate`` of a brief with title variants only."""
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    brief = yaml.safe_load((folder / "briefs" / "member-day.yaml").read_text(encoding="utf-8"))
    brief["campaign"]["id"] = CAMPAIGN
    brief["segments"] = brief["segments"][:1]
    brief["deliverables"] = [{"kind": "title", "channel": "xiaohongshu", "variants": titles}]
    brief.pop("experiment", None)
    path = folder / "briefs" / "guards.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    assert run(["generate", "briefs/guards.yaml"]) == 0
    return folder


def open_store(folder: Path) -> Store:
    return Store.open(folder / "workbench.db")
