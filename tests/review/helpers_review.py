"""A generated workspace for the review and export tests (imported by module name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import run
from workbench.store import Store
from workbench.store.variantrecord import Variant

CAMPAIGN = "member-day-2026-03"


def generated_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: list[str] | None = None
) -> Path:
    """``workbench init`` + offline ``generate`` of the member-day brief; returns the folder."""
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    if steps:
        toml = folder / "workbench.toml"
        text = toml.read_text(encoding="utf-8")
        wanted = "steps = [" + ", ".join(f'"{s}"' for s in steps) + "]"
        if 'steps = ["review"]' in text:
            text = text.replace('steps = ["review"]', wanted, 1)
        else:
            text += f"\n[review]\n{wanted}\n"
        toml.write_text(text, encoding="utf-8")
    assert run(["generate", "briefs/member-day.yaml"]) == 0
    return folder


def open_store(folder: Path) -> Store:
    return Store.open(folder / "workbench.db")


def first(store: Store, **filters: Any) -> Variant:
    return store.variants.rows(campaign=CAMPAIGN, **filters)[0]


def variant_record(**fields: Any) -> Variant:
    """A stored ``Variant`` for unit tests that need no database: a draft offline copy unless
    ``fields`` say otherwise (``kind``, ``channel``, ``content``, ``status``...)."""
    defaults: dict[str, Any] = {
        "id": 1,
        "uid": "0123456789",
        "campaign": "c",
        "segment": "s",
        "kind": "copy",
        "channel": "community",
        "style": "direct",
        "framework": None,
        "status": "draft",
        "provider": "offline",
        "model": "offline",
        "content": {},
        "version": 1,
        "parent_id": None,
        "round": 1,
        "deliverable_index": 0,
        "slot": 0,
        "job_key": "k",
        "generation_id": None,
        "lint": None,
        "created_at": "2026-12-01T00:00:00Z",
        "updated_at": "2026-12-01T00:00:00Z",
    }
    return Variant(**{**defaults, **fields})
