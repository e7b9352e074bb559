"""Review import hardening: all or nothing, long fields, encodings, broken and bomb XLSX."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from helpers_guards import CAMPAIGN, open_store, small_workspace

from workbench.cli.main import run
from workbench.errors import InputError
from workbench.export import export_campaign
from workbench.review.decisions import import_decisions


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    folder = small_workspace(tmp_path, monkeypatch)
    path = folder / "review.csv"
    with open_store(folder) as store:
        export_campaign(store, folder, CAMPAIGN, "csv", "mia", out=path, language="en-US")
    return folder, path


def test_one_bad_row_writes_nothing_and_the_fixed_file_applies(
    exported: tuple[Path, Path],
) -> None:
    folder, path = exported
    rows = _rows(path)
    rows[0].update(decision="approve", comment="好")
    rows[1].update(decision="reject", comment="太长")
    rows[2].update(decision="maybe")
    _write(path, rows)
    with open_store(folder) as store:
        before = [v.status for v in store.variants.rows(campaign=CAMPAIGN)]
        report = import_decisions(store, path, "operator", ["review"])
        assert report.applied == [] and [p["row"] for p in report.problems] == [4]
        assert [v.status for v in store.variants.rows(campaign=CAMPAIGN)] == before
        rows[2].update(decision="")
        _write(path, rows)
        report = import_decisions(store, path, "operator", ["review"])
        assert [a["to"] for a in report.applied] == ["approved", "rejected"]


def test_cli_says_nothing_was_applied(
    exported: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _folder, path = exported
    rows = _rows(path)
    rows[0].update(decision="approve")
    rows[1].update(variant_id="99999", decision="approve")
    _write(path, rows)
    assert run(["review", "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Applied 0 decisions" in out and "nothing was applied" in out


def test_two_rows_on_one_variant_plan_against_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = small_workspace(tmp_path, monkeypatch)
    toml = folder / "workbench.toml"
    text = toml.read_text(encoding="utf-8").replace(
        'steps = ["review"]', 'steps = ["marketing", "legal"]'
    )
    toml.write_text(text, encoding="utf-8")
    with open_store(folder) as store:
        vid = store.variants.rows(campaign=CAMPAIGN)[0].id
        path = folder / "two.csv"
        path.write_text(
            f"variant_id,decision,comment,reviewer\n{vid},approve,,mkt\n{vid},approve,,legal\n",
            encoding="utf-8",
        )
        report = import_decisions(store, path, "op", ["marketing", "legal"])
        assert report.problems == []
        assert [a["to"] for a in report.applied] == ["in_review", "approved"]
        assert store.variants.get(vid).status == "approved"


def test_a_variant_longer_than_the_csv_default_field_limit_round_trips(
    exported: tuple[Path, Path],
) -> None:
    folder, path = exported
    rows = _rows(path)
    rows[0].update(decision="approve", comment="长" * 200_000)  # > csv's 131,072 default
    _write(path, rows)
    with open_store(folder) as store:
        report = import_decisions(store, path, "operator", ["review"])
    assert report.problems == [] and len(report.applied) == 1


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_excel_encodings_are_detected(exported: tuple[Path, Path], encoding: str) -> None:
    folder, path = exported
    rows = _rows(path)
    rows[0].update(decision="通过", comment="可以发")
    _write(path, rows, encoding)
    with open_store(folder) as store:
        report = import_decisions(store, path, "operator", ["review"])
        assert report.problems == [] and [a["action"] for a in report.applied] == ["approve"]
        trail = store.reviews.audit_trail(variant_id=int(rows[0]["variant_id"]))
        assert trail[-1]["comment"] == "可以发"


def test_control_characters_in_cells_are_dropped(exported: tuple[Path, Path]) -> None:
    folder, path = exported
    rows = _rows(path)
    rows[0].update(decision="reject", comment="改\x1b[2J一下\x9b")
    _write(path, rows)
    with open_store(folder) as store:
        import_decisions(store, path, "operator", ["review"])
        trail = store.reviews.audit_trail(variant_id=int(rows[0]["variant_id"]))
        assert trail[-1]["comment"] == "改[2J一下"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not an XLSX file (not a ZIP archive"),
        (b"PK\x03\x04\x14\x00\x00\x00", "not an XLSX file (not a ZIP archive"),
    ],
)
def test_broken_xlsx_is_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        import_decisions(None, path, "op", ["review"])  # type: ignore[arg-type]
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_xlsx_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", b" " * 60_000_000)
    with pytest.raises(InputError, match="zip bomb"):
        import_decisions(None, path, "op", ["review"])  # type: ignore[arg-type]


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    with pytest.raises(InputError, match="not a regular file"):
        import_decisions(None, path, "op", ["review"])  # type: ignore[arg-type]
