"""Property test: random bytes, random text and deep nesting fed to every reader of outside
data end in a clean result or in one-line errors naming the file, and write nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.abtest.importing import import_events, import_results, import_scans
from workbench.brief.loader import load_brief
from workbench.errors import WorkbenchError
from workbench.lint.rules import load_rules
from workbench.review.decisions import import_decisions
from workbench.segments import SegmentLibrary
from workbench.settings import Settings
from workbench.store import Store

EXAMPLES = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TABLES = ("reviews", "variants", "campaigns", "ab_events", "metrics", "experiments")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("db") / "wb.db") as opened:
        yield opened


def _counts(store: Store) -> dict[str, int]:
    conn = store._conn
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _readers(store: Store) -> dict[str, tuple[str, Callable[[Path], object]]]:
    """name -> (file name, call reading it)."""
    library = SegmentLibrary.packaged()
    return {
        "brief": ("brief.yaml", lambda p: load_brief(p, library)),
        "settings": ("workbench.toml", Settings.load),
        "segments": ("segments.yaml", SegmentLibrary.load),
        "compliance": ("compliance.yaml", lambda p: load_rules(p.parent)),
        "review csv": ("decisions.csv", lambda p: import_decisions(store, p, "op", ["review"])),
        "review xlsx": ("decisions.xlsx", lambda p: import_decisions(store, p, "op", ["review"])),
        "ab results": ("results.csv", lambda p: import_results(store, p)),
        "ab events": ("events.jsonl", lambda p: import_events(store, p)),
        "ab scans": ("scans.csv", lambda p: import_scans(store, p)),
    }


def _feed(store: Store, folder: Path, name: str, data: bytes) -> None:
    file_name, read = _readers(store)[name]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_bytes(data)
    before_files = sorted(p.name for p in folder.iterdir())
    before_rows = _counts(store)
    try:
        read(path)
    except WorkbenchError as exc:
        lines = str(exc).splitlines()
        assert lines, name
        for line in lines:
            assert line.startswith((str(path), str(folder), "workbench.toml")), (name, line)
            assert "Traceback" not in line
    assert sorted(p.name for p in folder.iterdir()) == before_files, name
    after = _counts(store)
    assert after == before_rows or (
        # a review import logs the attempt itself (no decision) when it found a campaign
        name.startswith("review") and after["reviews"] >= before_rows["reviews"]
    ), name


READERS = [
    "brief",
    "settings",
    "segments",
    "compliance",
    "review csv",
    "review xlsx",
    "ab results",
    "ab events",
    "ab scans",
]


@pytest.mark.parametrize("name", READERS)
@EXAMPLES
@given(data=st.binary(max_size=1500))
def test_random_bytes(store: Store, tmp_path: Path, name: str, data: bytes) -> None:
    _feed(store, tmp_path / "bytes", name, data)


@pytest.mark.parametrize("name", READERS)
@EXAMPLES
@given(text=st.text(max_size=800))
def test_random_unicode(store: Store, tmp_path: Path, name: str, text: str) -> None:
    _feed(store, tmp_path / "text", name, text.encode("utf-8", "surrogatepass"))


def _deep(kind: str, depth: int) -> str:
    if kind == "flow":
        return "campaign: " + "[" * depth + "]" * depth + "\n"
    if kind == "block":
        return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n"
    if kind == "json":
        return '{"a":' * depth + "1" + "}" * depth + "\n"
    if kind == "toml":
        return "a = " + "[" * depth + "]" * depth + "\n"
    return "variant_id,decision,comment\n" + ("[" * depth) + ",approve,x\n"


@pytest.mark.parametrize("name", READERS)
@EXAMPLES
@given(
    kind=st.sampled_from(["flow", "block", "json", "toml", "csv"]),
    depth=st.integers(min_value=60, max_value=4000),
)
def test_deep_nesting(store: Store, tmp_path: Path, name: str, kind: str, depth: int) -> None:
    _feed(store, tmp_path / "deep", name, _deep(kind, depth).encode())


@pytest.mark.parametrize("name", ["review xlsx"])
@EXAMPLES
@given(
    members=st.lists(
        st.tuples(
            st.sampled_from(
                ["[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml", "a/b.xml"]
            ),
            st.binary(max_size=500),
        ),
        unique_by=lambda m: m[0],
    )
)
def test_random_zip_archives(
    store: Store, tmp_path: Path, name: str, members: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path / "zip"
    folder.mkdir(exist_ok=True)
    path = folder / "built.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members:
            archive.writestr(member, data)
    _feed(store, tmp_path / "zip2", name, path.read_bytes())


def test_a_deeply_nested_model_answer_is_a_value_error() -> None:
    from workbench.llm.jsonparse import extract_json

    with pytest.raises(ValueError, match="nested too deeply"):
        extract_json('{"a":' * 5000 + "1" + "}" * 5000)
