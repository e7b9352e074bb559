"""Exports with hostile content: control characters, huge cells, raw HTML, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_guards import CAMPAIGN, open_store, small_workspace
from openpyxl import load_workbook

from workbench.cli.main import run
from workbench.errors import WorkbenchError
from workbench.export import export_campaign

HOSTILE = "标题\x1b[31m红\x0b字 <script>alert(1)</script> & \x9b2J"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return small_workspace(tmp_path, monkeypatch)


def _poison(folder: Path, text: str) -> int:
    """Write ``text`` into a variant's content behind the store's back (an old database)."""
    with open_store(folder) as store:
        vid = int(store.variants.rows(campaign=CAMPAIGN)[0].id)
        store._conn.execute("DROP TRIGGER variants_content_frozen")  # direct SQL can
        store._conn.execute(
            "UPDATE variants SET content = json_set(content, '$.text', ?) WHERE id = ?",
            (text, vid),
        )
    return vid


def test_xlsx_export_survives_control_characters(folder: Path) -> None:
    vid = _poison(folder, HOSTILE)
    path = folder / "r.xlsx"
    with open_store(folder) as store:
        export_campaign(store, folder, CAMPAIGN, "xlsx", "mia", out=path, language="en-US")
    sheet = load_workbook(path)["title"]
    ids = [c.value for c in sheet["A"]]
    row = ids.index(vid) + 1
    header = [c.value for c in sheet[1]]
    content = sheet.cell(row, header.index("content") + 1).value
    assert "红字" in content and "\x1b" not in content and "\x9b" not in content


def test_cells_over_excels_limit_are_cut_and_say_so(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _poison(folder, "长" * 40_000)
    path = folder / "r.xlsx"
    assert run(["export", CAMPAIGN, "--out", str(path)]) == 0
    assert "1 cells were longer than Excel's 32,767 characters" in capsys.readouterr().out
    sheet = load_workbook(path)["title"]
    cells = [c.value or "" for c in sheet["J"]] + [c.value or "" for row in sheet for c in row]
    cut = [v for v in cells if isinstance(v, str) and "cut at 32,767 characters" in v]
    assert cut and all(len(v) <= 32_767 for v in cut)


def test_markdown_escapes_raw_html(folder: Path) -> None:
    _poison(folder, HOSTILE)
    path = folder / "r.md"
    with open_store(folder) as store:
        export_campaign(store, folder, CAMPAIGN, "md", "mia", out=path)
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in text
    assert "\x1b" not in text


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "md", "html", "xlsx"])
def test_a_failed_export_keeps_the_previous_file(
    folder: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / f"r.{fmt}"
    with open_store(folder) as store:
        export_campaign(store, folder, CAMPAIGN, fmt, "mia", out=path)
        good = path.read_bytes()

        def full_disk(*_args: object, **_kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("os.fsync", full_disk)
        with pytest.raises(WorkbenchError, match="cannot write: No space left on device"):
            export_campaign(store, folder, CAMPAIGN, fmt, "mia", out=path)
    assert path.read_bytes() == good
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".r.")) == []
