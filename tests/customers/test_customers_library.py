"""The library after imports: operator entries kept byte for byte, operator additions to
imported entries kept, conflicts refused, ``segments list``, and briefs naming imported ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from customers_testkit import AS_OF, expect, make_orders, write_export

from workbench.brief.models import Segment
from workbench.cli.main import run
from workbench.segments import SegmentLibrary

ORDERS = make_orders()


def _import(capsys: pytest.CaptureFixture[str], ws: Path, *extra: str) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "taobao", "gbk")
    capsys.readouterr()
    code = run(["segments", "import", str(export), "--as-of", AS_OF.isoformat(), *extra])
    assert code == 0, capsys.readouterr().err


def test_first_import_keeps_the_file_and_appends(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (ws / "segments.yaml").read_text(encoding="utf-8")
    _import(capsys, ws)
    after = (ws / "segments.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    library = SegmentLibrary.load(ws / "segments.yaml")
    assert library.ids()[:6] == ["new-moms", "dormant-vip", "price-hunters", "office-workers",
                                 "silver-family", "students"]  # fmt: skip
    assert library.ids()[6:] == list(expect(ORDERS).rfm)
    retain = library.get("important-retain")
    assert retain is not None and retain.name == "重要挽留客户"
    assert retain.rfm is not None and retain.rfm.model_dump() == {
        "recency": "low", "frequency": "low", "monetary": "high"
    }  # fmt: skip
    assert "挽留" in retain.description  # the method's recommended action
    if "address_as" in Segment.model_fields:
        assert getattr(retain, "address_as", None) == "大家"


def test_reimport_replaces_imports_and_keeps_operator_edits(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(capsys, ws)
    path = ws / "segments.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    name: 重要挽留客户\n", "    name: 重要挽留客户\n    tone: 真诚、不催促\n"
    )
    text += "\n  # my own segment, after the imports\n  - id: vip-moms\n    name: 高端宝妈\n"
    path.write_text(text, encoding="utf-8")
    _import(capsys, ws, "--threshold", "median")
    _import(capsys, ws, "--model", "lifecycle")
    final = path.read_text(encoding="utf-8")
    assert "  # my own segment, after the imports\n  - id: vip-moms\n    name: 高端宝妈\n" in final
    data = yaml.safe_load(final)
    ids = [s["id"] for s in data["segments"]]
    assert ids.count("important-retain") == 1 and ids.count("dormant") == 1
    assert final.count("# workbench segments import (rfm)") == 1
    library = SegmentLibrary.load(path)
    retain = library.get("important-retain")
    assert retain is not None and retain.tone == "真诚、不催促"
    info = library.imported("important-retain")
    assert info is not None and info.threshold == "median"
    assert info.members == len(expect(ORDERS, "median").rfm["important-retain"])
    assert library.imported("vip-moms") is None and library.imported("new-moms") is None


def test_hand_written_id_is_not_overwritten(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = ws / "segments.yaml"
    path.write_text("segments:\n  - id: dormant\n    name: 我的沉睡\n", encoding="utf-8")
    before = path.read_bytes()
    export = write_export(ws / "orders.csv", ORDERS, "generic")
    capsys.readouterr()
    assert run(["segments", "import", str(export), "--model", "lifecycle"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        f"{path}: segments: 'dormant' is already a hand-written segment in the library; "
        "rename that entry"
    )
    assert path.read_bytes() == before


def test_flow_style_and_missing_library(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = ws / "segments.yaml"
    path.write_text("# mine\nsegments: [{id: a, name: 甲}]\n", encoding="utf-8")
    _import(capsys, ws)
    library = SegmentLibrary.load(path)
    assert library.ids()[0] == "a" and "general-retain" in library
    assert path.read_text(encoding="utf-8").startswith("# mine\n")
    path.unlink()
    _import(capsys, ws)
    assert len(SegmentLibrary.load(path)) == 8


def test_segments_list(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _import(capsys, ws)
    capsys.readouterr()
    assert run(["segments", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["new-moms"]["source"] == "hand-written" and rows["new-moms"]["members"] is None
    retain = rows["important-retain"]
    assert retain["source"] == "imported" and retain["file"] == "orders.csv"
    assert retain["members"] == len(expect(ORDERS).rfm["important-retain"])
    assert retain["as_of"] == AS_OF.isoformat()
    assert run(["segments", "list"]) == 0
    table = capsys.readouterr().out
    assert "hand-written" in table and "imported rfm" in table
    assert AS_OF.isoformat() in table


BRIEF = """\
campaign:
  name: 老客召回
  brand: {name: 小鹿母婴}
  product:
    name: 有机婴儿米粉
    price: 89
    selling_points: [有机认证, 高铁配方]
    offer: 会员日满199减50
segments:
  - important-retain
  - general-develop
deliverables:
  - kind: copy
    channel: community
    variants: 2
"""


def _generate_recall(ws: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    _import(capsys, ws)
    brief = ws / "briefs" / "recall.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    capsys.readouterr()
    assert run(["validate", str(brief)]) == 0
    assert run(["generate", str(brief), "--offline"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert run(["variants", "list", "--json"]) == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def test_brief_with_imported_ids_validates_and_generates(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _generate_recall(ws, capsys)
    assert {r["segment"] for r in rows} == {"important-retain", "general-develop"}
    assert len(rows) == 4 and all(r["content"] for r in rows)


def test_customers_never_read_the_imported_segment_names(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for row in _generate_recall(ws, capsys):
        body = json.dumps(row["content"], ensure_ascii=False)
        # Segment names are the operator's labels; a customer never reads them.
        assert "挽留" not in body and "客户" not in body and "一般" not in body
