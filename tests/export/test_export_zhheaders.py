"""Review exports from a zh-CN workspace: Chinese headers and statuses, imported back as
they are or with English, padded or GBK-saved headers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers_review import CAMPAIGN, generated_workspace, open_store
from openpyxl import load_workbook

from workbench.export import export_campaign
from workbench.guards.headers import column_key
from workbench.review.decisions import import_decisions
from workbench.store import Store

ZH = ["变体ID", "UID", "版本", "校验码", "人群", "类型", "渠道", "风格", "状态", "内容"]


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Store]:
    folder = generated_workspace(tmp_path, monkeypatch)
    return folder, open_store(folder)


def _read(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline="")))


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


def test_zh_csv_headers_and_statuses(ws: tuple[Path, Store]) -> None:
    folder, store = ws
    path = folder / "r.csv"
    export_campaign(store, folder, CAMPAIGN, "csv", "mia", out=path, language="zh-CN")
    header, *rows = _read(path)
    assert header[: len(ZH)] == ZH
    assert header[-6:] == ["合规提示", "审核记录", "审核决定", "审核意见", "审核人", "海报"]
    assert {row[header.index("状态")] for row in rows} == {"草稿"}
    english = folder / "e.csv"
    export_campaign(store, folder, CAMPAIGN, "csv", "mia", out=english, language="en-US")
    assert _read(english)[0][:2] == ["variant_id", "uid"]
    assert {row[8] for row in _read(english)[1:]} == {"draft"}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
@pytest.mark.parametrize("padded", [False, True])
def test_a_filled_in_chinese_sheet_imports(
    ws: tuple[Path, Store], encoding: str, padded: bool
) -> None:
    folder, store = ws
    path = folder / "r.csv"
    export_campaign(store, folder, CAMPAIGN, "csv", "mia", out=path, language="zh-CN")
    header, *rows = _read(path)
    col = {name: header.index(name) for name in ("变体ID", "审核决定", "审核意见", "审核人")}
    rows[0][col["审核决定"]], rows[0][col["审核人"]] = "通过", "法务小王"
    rows[1][col["审核决定"]], rows[1][col["审核意见"]] = "驳回", "太夸张"
    if padded:
        header = [f" {name}  " for name in header]
    _write(path, [header, *rows], encoding)
    report = import_decisions(store, path, "operator", ["review"])
    assert report.problems == []
    first, second = int(rows[0][col["变体ID"]]), int(rows[1][col["变体ID"]])
    assert [(a["variant_id"], a["to"]) for a in report.applied] == [
        (str(first), "approved"),
        (str(second), "rejected"),
    ]
    assert store.reviews.audit_trail(variant_id=first)[-1]["actor"] == "法务小王"


def test_a_chinese_xlsx_imports(ws: tuple[Path, Store]) -> None:
    folder, store = ws
    path = folder / "r.xlsx"
    export_campaign(store, folder, CAMPAIGN, "xlsx", "mia", out=path, language="zh-CN")
    book = load_workbook(path)
    sheet = book["title"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["变体ID", "UID"] and "审核决定" in header
    assert [c.value for c in book["provenance"][1]][:2] == ["变体ID", "类型"]
    sheet.cell(2, header.index("审核决定") + 1, "修改")
    sheet.cell(2, header.index("审核意见") + 1, "换个角度")
    vid = sheet.cell(2, 1).value
    book.save(path)
    report = import_decisions(store, path, "operator", ["review"])
    assert [(a["variant_id"], a["to"]) for a in report.applied] == [(str(vid), "changes_requested")]


def test_header_keys_in_either_language() -> None:
    assert column_key(" 变体ID ") == column_key("\ufeffVariant_ID") == "variant_id"
    assert column_key("审核意见\u3000") == column_key("comment") == "comment"
    assert column_key("曝光") == "impressions" and column_key("收入") == "revenue"
    assert column_key("Something Else ") == "something else"
