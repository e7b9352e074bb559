"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the core never imports
the faces or their libraries, the faces never touch SQL, Pillow, HTTP or LLM clients, and the
packages keep their layers. Run by hand: ``.venv/bin/lint-imports``."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _contracts() -> list[dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def test_the_contracts_cover_faces_libraries_and_layers() -> None:
    contracts = {str(c["id"]): c for c in _contracts()}
    assert len(contracts) >= 3
    assert set(contracts["core-not-faces"]["protected_modules"]) == {
        "workbench.cli",
        "workbench.tui",
    }
    assert {"textual", "typer", "rich"} <= set(contracts["face-libraries"]["protected_modules"])
    faces = contracts["faces-thin"]
    assert {"sqlite3", "PIL", "openai", "httpx"} <= set(faces["forbidden_modules"])
    layers = [str(layer) for layer in contracts["layers"]["layers"]]
    assert layers[1:3] == ["workbench.cli", "workbench.tui"]
    assert any("workbench.store" in layer for layer in layers[-3:])


def test_lint_imports_keeps_every_contract() -> None:
    tool = Path(sys.executable).parent / "lint-imports"
    if not tool.exists():
        pytest.fail("lint-imports is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [str(tool), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in result.stdout
