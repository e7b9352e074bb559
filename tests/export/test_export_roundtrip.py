"""Exports (every format), formula injection, and decisions coming back from XLSX and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from helpers_review import CAMPAIGN, generated_workspace, open_store
from openpyxl import load_workbook
from PIL import Image

from workbench.export import export_campaign
from workbench.export.safety import neutralise
from workbench.lint import stored_findings
from workbench.review.decisions import import_decisions
from workbench.store import Store


@pytest.mark.parametrize(
    "value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "＝HYPERLINK()"]
)
def test_formula_triggers_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value


def test_plain_values_are_untouched() -> None:
    assert neutralise("会员日满199减50") == "会员日满199减50"
    assert neutralise(5) == 5


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Store]:
    folder = generated_workspace(tmp_path, monkeypatch)
    return folder, open_store(folder)


def _poison(store: Store) -> int:
    """Give one variant a formula-looking body and a ban finding, and a poster asset."""
    v = store.variants.rows(campaign=CAMPAIGN, channel="community")[0]
    new_id = store.reviews.add_version(
        v.id,
        {**v.content, "body": '=HYPERLINK("http://x")全网最好'},
        stored_findings(
            [
                {
                    "rule": "term",
                    "term": "最好",
                    "category": "absolute",
                    "severity": "ban",
                    "field": "body",
                    "start": 22,
                    "end": 24,
                    "message": "m",
                    "message_zh": "禁用",
                    "message_en": "ban",
                    "suggestion": "优质",
                    "fix": "优质",
                    "ruleset": "r",
                }
            ]
        ),
        "mia",
    )
    poster = store.variants.rows(campaign=CAMPAIGN, kind="poster")[0]
    path = store.path.parent / "p.png"
    Image.new("RGB", (300, 400), "#e84a5f").save(path)
    store.assets.save(poster.id, str(path), "0" * 64, path.stat().st_size)
    return new_id


def test_xlsx_has_sheets_per_kind_findings_posters_and_safe_cells(ws: tuple[Path, Store]) -> None:
    folder, store = ws
    poisoned = _poison(store)
    result = export_campaign(
        store, folder, CAMPAIGN, "xlsx", "mia", out=folder / "r.xlsx", language="en-US"
    )
    book = load_workbook(result.path, rich_text=True)
    assert {"copy", "title", "poster", "video_script", "provenance"} <= set(book.sheetnames)
    sheet = book["copy"]
    header = [c.value for c in sheet[1]]
    for column in ("variant_id", "decision", "comment", "reviewer", "segment", "findings"):
        assert column in header
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == poisoned)
    cells = dict(zip(header, row, strict=False))
    assert str(cells["content"].value).startswith("'=HYPERLINK")
    assert cells["findings"].fill.fgColor.rgb.endswith("FFC7CE")
    assert cells["decision"].value in (None, "")
    posters = store.variants.rows(campaign=CAMPAIGN, kind="poster")
    assert len(book["poster"]._images) == len(posters)  # every poster embedded once
    audit = store.reviews.audit_trail(campaign=CAMPAIGN)
    assert audit[-1]["action"] == "export" and audit[-1]["data"]["format"] == "xlsx"


@pytest.mark.parametrize("fmt", ["csv", "html", "md", "jsonl"])
def test_other_formats(ws: tuple[Path, Store], fmt: str) -> None:
    folder, store = ws
    _poison(store)
    result = export_campaign(store, folder, CAMPAIGN, fmt, "mia", out=folder / f"r.{fmt}")
    data = result.path.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        assert "'=HYPERLINK" in data.decode("utf-8-sig")
    elif fmt == "html":
        text = data.decode()
        assert '<mark class="ban"' in text and "data:image/jpeg;base64," in text
        assert "http://" not in text.replace("HYPERLINK(&quot;http://x", "")
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in data.decode().splitlines()]
        assert len(lines) == result.count and {"variant_id", "hash", "findings"} <= set(lines[0])
    else:
        assert data.decode().startswith(f"# {CAMPAIGN}")


def _fill_csv(path: Path, decisions: dict[int, tuple[str, str, str]]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if int(row["variant_id"]) in decisions:
            row["decision"], row["comment"], row["reviewer"] = decisions[int(row["variant_id"])]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_csv_round_trip_applies_once_and_reports_problems(ws: tuple[Path, Store]) -> None:
    folder, store = ws
    ids = [v.id for v in store.variants.rows(campaign=CAMPAIGN, kind="title")[:5]]
    path = folder / "r.csv"
    export_campaign(store, folder, CAMPAIGN, "csv", "mia", out=path, language="en-US")
    _fill_csv(
        path,
        {
            ids[0]: ("通过", "", "王经理"),
            ids[1]: ("驳回", "太夸张", ""),
            ids[2]: ("修改", "换个角度", "legal-li"),
            ids[3]: ("maybe", "", ""),
            ids[4]: ("approve", "", ""),
        },
    )
    edited = {**store.variants.get(ids[4]).content, "text": "改过了"}
    store.reviews.add_version(ids[4], edited, [], "x")
    before_problems = len(store.reviews.audit_trail(campaign=CAMPAIGN))
    report = import_decisions(store, path, "operator", ["review"])
    assert report.applied == []  # all or nothing: two bad rows, nothing written
    problems = {p["variant_id"]: p["problem"] for p in report.problems}
    assert "unknown decision" in problems[str(ids[3])]
    assert "stale" in problems[str(ids[4])]
    assert [store.variants.get(i).status for i in ids[:3]] == ["draft"] * 3
    trail = store.reviews.audit_trail(campaign=CAMPAIGN)
    after_problems = [r["action"] for r in trail[before_problems:]]
    assert after_problems == ["import"]  # the attempt itself is logged, no decision
    _fill_csv(path, {ids[3]: ("", "", ""), ids[4]: ("", "", "")})  # the reviewer fixes them
    report = import_decisions(store, path, "operator", ["review"])
    assert report.problems == []
    assert [(a["variant_id"], a["to"]) for a in report.applied] == [
        (str(ids[0]), "approved"),
        (str(ids[1]), "rejected"),
        (str(ids[2]), "changes_requested"),
    ]
    trail = store.reviews.audit_trail(variant_id=ids[0])
    assert trail[-1]["actor"] == "王经理" and trail[-1]["data"]["source"] == "import"
    assert store.reviews.audit_trail(variant_id=ids[1])[-1]["actor"] == "operator"
    before = len(store.reviews.audit_trail(campaign=CAMPAIGN))
    again = import_decisions(store, path, "operator", ["review"])
    assert again.applied == [] and len(again.already) == 3
    statuses = [store.variants.get(i).status for i in ids[:3]]
    assert statuses == ["approved", "rejected", "changes_requested"]
    after = [r["action"] for r in store.reviews.audit_trail(campaign=CAMPAIGN)[before:]]
    assert after == ["import"]  # only the import itself is logged the second time


def test_xlsx_round_trip_with_unknown_and_edited_ids(ws: tuple[Path, Store]) -> None:
    folder, store = ws
    path = folder / "r.xlsx"
    export_campaign(store, folder, CAMPAIGN, "xlsx", "mia", out=path, language="en-US")
    book = load_workbook(path)
    sheet = book["title"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in ("variant_id", "uid", "decision", "comment")}
    sheet.cell(2, col["decision"], "approved")
    sheet.cell(2, col["comment"], "可以")
    sheet.cell(3, col["variant_id"], 99999)
    sheet.cell(3, col["decision"], "approve")
    other = sheet.cell(5, col["variant_id"]).value
    sheet.cell(4, col["variant_id"], other)  # an id typed over: its uid no longer matches
    sheet.cell(4, col["decision"], "reject")
    sheet.cell(4, col["comment"], "no")
    book.save(path)
    approved_id = sheet.cell(2, col["variant_id"]).value
    report = import_decisions(store, path, "reviewer-x", ["review"])
    assert report.applied == []  # all or nothing
    problems = sorted(p["problem"].split(":")[0] for p in report.problems)
    assert problems == ["edited id", "unknown variant id"]
    assert store.variants.get(approved_id).status == "draft"
    book = load_workbook(path)  # a saved book cannot be saved again (its images are closed)
    for row in (3, 4):  # the reviewer clears the two bad rows
        book["title"].cell(row, col["decision"]).value = None
        book["title"].cell(row, col["comment"]).value = None
    book.save(path)
    assert [
        a["variant_id"] for a in import_decisions(store, path, "reviewer-x", ["review"]).applied
    ] == [str(approved_id)]
    assert store.variants.get(approved_id).status == "approved"
    assert import_decisions(store, path, "reviewer-x", ["review"]).applied == []
