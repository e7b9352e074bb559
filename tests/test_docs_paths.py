"""The developer docs cannot rot: every file they name exists, every name they place in a
file is in it, the import contracts and layers they describe are ``pyproject.toml``'s, and
the store aggregates they list are the ones ``Store`` has."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from workbench.store import Store
from workbench.store.aggregate import Aggregate

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("docs/ARCHITECTURE.md", "CONTRIBUTING.md")
# A doc may name a module relative to the package or the TUI (`store/queries.py`, `screens/`).
BASES = (ROOT, ROOT / "workbench", ROOT / "workbench" / "tui")
# Files of a workspace (made by `workbench init`), not of this repository.
WORKSPACE_FILES = frozenset({"workbench.toml", "workbench.db", "segments.yaml"})
_TICKED = re.compile(r"`([^`\n]+)`")
_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)*/?")
_FILE_SUFFIXES = (".py", ".md", ".toml", ".j2", ".tcss", ".json", ".yaml")
# "`NAME` in `path`" and "`NAME` (`path`)": NAME must be written in that file.
_PLACED = re.compile(r"`([A-Za-z_][\w.]*)(?:\(\))?`(?: in |\s?\()`([\w./-]+\.py)`")


def _looks_like_path(token: str) -> bool:
    if not _PATH.fullmatch(token) or token.startswith(("-", ".")) or token in WORKSPACE_FILES:
        return False
    return "/" in token or token.endswith(_FILE_SUFFIXES)


def _resolve(token: str) -> Path | None:
    for base in BASES:
        if (base / token).exists():
            return base / token
    if "/" not in token:  # a bare file name: somewhere in the package or the tests
        found = [p for top in ("workbench", "tests", "bench") for p in (ROOT / top).rglob(token)]
        if found:
            return found[0]
    return None


def _doc_text(doc: str) -> str:
    # Placeholders such as `workbench/kinds/<kind>.py` name a pattern, not a file.
    return (ROOT / doc).read_text(encoding="utf-8")


def _named_paths(doc: str) -> list[str]:
    tokens = {t for t in _TICKED.findall(_doc_text(doc)) if "<" not in t and "*" not in t}
    return sorted(t for t in tokens if _looks_like_path(t))


@pytest.mark.parametrize("doc", DOCS)
def test_every_file_a_doc_names_exists(doc: str) -> None:
    paths = _named_paths(doc)
    assert len(paths) > 20 if doc.startswith("docs/") else paths  # the scan finds them
    missing = [p for p in paths if _resolve(p) is None]
    assert not missing, f"{doc} names files that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_every_name_a_doc_places_in_a_file_is_there(doc: str) -> None:
    placed = _PLACED.findall(" ".join(_doc_text(doc).split()))
    if doc.startswith("docs/"):
        assert len(placed) > 10  # the recipes place CHANNELS, KINDS, STYLES, ... in files
    wrong = []
    for name, token in placed:
        path = _resolve(token)
        symbol = name.rsplit(".", 1)[-1]
        if path is None or not re.search(rf"\b{re.escape(symbol)}\b", path.read_text("utf-8")):
            wrong.append(f"{name} in {token}")
    assert not wrong, f"{doc} places names in files that lack them: {wrong}"


def test_the_store_aggregates_the_architecture_lists_are_the_stores(tmp_path: Path) -> None:
    text = " ".join(_doc_text("docs/ARCHITECTURE.md").split())
    listed = re.search(r"Aggregates of `Store`: (.*?)\.(?: |$)", text)
    assert listed is not None, "docs/ARCHITECTURE.md lists the store aggregates"
    named = set(re.findall(r"`store\.(\w+)`", listed.group(1)))
    with Store.open(tmp_path / "workbench.db") as store:
        actual = {k for k, v in vars(store).items() if isinstance(v, Aggregate)}
    assert actual and named == actual


def _contracts() -> list[dict[str, object]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = data["tool"]["importlinter"]["contracts"]
    return contracts


def test_the_contracts_and_layers_the_architecture_describes_are_pyprojects() -> None:
    text = " ".join(_doc_text("docs/ARCHITECTURE.md").split())
    contracts = _contracts()
    ids = [str(c["id"]) for c in contracts]
    described = re.search(r"check this: (.*?) \(`__main__", text)
    assert described is not None
    assert re.findall(r"`([\w-]+)`", described.group(1)) == ids
    words = {3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven"}
    assert f"{words[len(ids)]} import-linter contracts" in text
    (layered,) = [c for c in contracts if c["type"] == "layers"]
    layers = layered["layers"]
    assert isinstance(layers, list)
    ours = [
        {name.strip(" ()").removeprefix("workbench.") for name in str(layer).split(" : ")}
        for layer in layers
    ]
    found = re.search(r"`(__main__ > [^`]+)`", text)
    assert found is not None
    doc = [{name.strip() for name in layer.split(",")} for layer in found.group(1).split(">")]
    assert doc == ours
