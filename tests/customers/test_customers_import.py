"""Importing order exports: counts, thresholds and member files against an independent
computation (``customers_testkit.expect``), for every layout, encoding and reader path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from customers_testkit import AS_OF, expect, make_orders, read_members, write_export

from workbench.abtest.assign import read_users
from workbench.cli.main import run
from workbench.segments import SegmentLibrary

ORDERS = make_orders()


def _import(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    code = run(["segments", "import", *args, "--as-of", AS_OF.isoformat(), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data: dict[str, object] = json.loads(captured.out)
    return data


@pytest.mark.parametrize(
    ("layout", "encoding", "remark"),
    [
        ("taobao", "gbk", ""),  # fast path, GBK
        ("taobao", "gb18030", "备注,含逗号"),  # csv-module path (quoted comma)
        ("youzan", "utf-8-sig", ""),
        ("youzan", "utf-8", "第一行\n第二行"),  # quoted line break
        ("generic", "utf-8", ""),
    ],
)
def test_rfm_matches_independent_computation(
    ws: Path, capsys: pytest.CaptureFixture[str], layout: str, encoding: str, remark: str
) -> None:
    export = write_export(ws / "orders.csv", ORDERS, layout, encoding, remark)
    data = _import(capsys, str(export), "--members", "members")
    want = expect(ORDERS)
    assert set(data) == {
        "as_of", "customers", "orders_used", "skipped", "thresholds", "segments"
    }  # fmt: skip
    assert data["as_of"] == AS_OF.isoformat()
    assert data["customers"] == len(want.customers)
    assert data["orders_used"] == want.orders_used
    assert data["skipped"] == {"unpaid": want.unpaid, "refunded": want.refunded}
    assert data["thresholds"] == want.thresholds
    segments = data["segments"]
    assert isinstance(segments, list)
    assert [s["id"] for s in segments] == list(want.rfm)
    assert {s["id"]: s["members"] for s in segments} == {k: len(v) for k, v in want.rfm.items()}
    assert sum(len(v) for v in want.rfm.values()) == len(want.customers)
    for segment_id, ids in want.rfm.items():
        rows = read_members(ws / "members" / f"{segment_id}.csv")
        assert set(rows) == ids
        assert rows == {c: want.customers[c] for c in ids}
    library = SegmentLibrary.load(ws / "segments.yaml")
    info = library.imported("important-retain")
    assert info is not None and info.members == len(want.rfm["important-retain"])
    assert info.as_of == AS_OF and info.model == "rfm" and info.source == "orders.csv"


def test_the_generated_export_has_every_kind_of_order() -> None:
    assert any(o.paid_at is None for o in ORDERS)
    assert any(o.paid_at is not None and o.refund == o.amount for o in ORDERS)
    assert any(o.paid_at is not None and 0 < o.refund < o.amount for o in ORDERS)
    want = expect(ORDERS)
    assert all(want.rfm.values()) or sum(map(len, want.rfm.values())) == len(want.customers)


def test_median_threshold(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "generic")
    data = _import(capsys, str(export), "--threshold", "median", "--members", "m")
    want = expect(ORDERS, "median")
    assert data["thresholds"] == want.thresholds
    assert {s["id"]: s["members"] for s in data["segments"]} == {  # type: ignore[attr-defined]
        k: len(v) for k, v in want.rfm.items()
    }
    for segment_id, ids in want.rfm.items():
        assert set(read_members(ws / "m" / f"{segment_id}.csv")) == ids


def test_lifecycle(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "taobao", "gbk")
    data = _import(capsys, str(export), "--model", "lifecycle", "--members", "m")
    want = expect(ORDERS)
    got = {s["id"]: s["members"] for s in data["segments"]}  # type: ignore[attr-defined]
    assert got == {k: len(v) for k, v in want.lifecycle.items()}
    assert all(want.lifecycle.values())
    for segment_id, ids in want.lifecycle.items():
        assert set(read_members(ws / "m" / f"{segment_id}.csv")) == ids
    library = SegmentLibrary.load(ws / "segments.yaml")
    dormant = library.get("dormant")
    assert dormant is not None and dormant.lifecycle == "dormant"
    info = library.imported("dormant")
    assert info is not None and info.days is not None and info.days.churned == 180


def test_lifecycle_day_options(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "generic")
    data = _import(
        capsys, str(export), "--model", "lifecycle", "--new-days", "0",
        "--dormant-days", "30", "--churned-days", "60",
    )  # fmt: skip
    want = expect(ORDERS)
    firsts: dict[str, date] = {}
    for o in ORDERS:
        if o.paid_at is not None and o.refund < o.amount:
            d = o.paid_at.date()
            firsts[o.customer] = min(d, firsts.get(o.customer, d))
    new = {c for c, d in firsts.items() if d == AS_OF}
    churned = {c for c, v in want.customers.items() if c not in new and v[0] > 60}
    dormant = {c for c, v in want.customers.items() if c not in new | churned and v[0] > 30}
    got = {s["id"]: s["members"] for s in data["segments"]}  # type: ignore[attr-defined]
    assert got["new"] == len(new)
    assert got["churned"] == len(churned) and got["dormant"] == len(dormant)
    assert got["active"] == len(want.customers) - len(new) - len(churned) - len(dormant)


def test_xlsx(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["订单号", "买家手机号", "实付金额", "买家付款时间 ", "退款金额"])
    for o in ORDERS:
        # Numbers and datetimes as real cells, as a spreadsheet export has them.
        sheet.append(
            [int(o.order_id), int(o.customer), float(o.amount), o.paid_at, float(o.refund)]
        )
    book.save(ws / "orders.xlsx")
    data = _import(capsys, str(ws / "orders.xlsx"), "--members", "m")
    want = expect(ORDERS)
    assert data["customers"] == len(want.customers)
    assert data["orders_used"] == want.orders_used
    assert data["thresholds"] == want.thresholds
    for segment_id, ids in want.rfm.items():
        assert read_members(ws / "m" / f"{segment_id}.csv") == {c: want.customers[c] for c in ids}


def test_columns_option(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_export(ws / "orders.csv", ORDERS, "generic")
    text = path.read_text(encoding="utf-8").replace(
        "order_id,备注,customer_id,amount,paid_at,refund", "单号,备注,客户,付款,时间,退"
    )
    path.write_text(text, encoding="utf-8")
    data = _import(
        capsys,
        str(path),
        "--columns",
        "customer=客户,paid_at=时间,amount=付款,refund=退,order=单号",
    )
    assert data["orders_used"] == expect(ORDERS).orders_used


def test_member_files_feed_ab_assign(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "taobao", "gbk")
    _import(capsys, str(export), "--members", "members")
    want = expect(ORDERS)
    users = read_users(ws / "members" / "important-value.csv")
    assert sorted(users) == sorted(want.rfm["important-value"])


def test_join_adds_external_userid(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(ws / "orders.csv", ORDERS, "youzan", "utf-8")
    want = expect(ORDERS)
    known = sorted(want.customers)[::2]
    lines = ["客户名称,手机号,external_userid"]
    lines += [f"客户{i},+86 {c[:3]}-{c[3:7]}-{c[7:]},wmEXT{i}" for i, c in enumerate(known)]
    (ws / "contacts.csv").write_text("\n".join(lines) + "\n", encoding="gbk")
    capsys.readouterr()
    code = run(
        ["segments", "import", str(export), "--as-of", AS_OF.isoformat(), "--members", "m",
         "--join", "contacts.csv", "--on", "phone"]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"matched {len(known)} of {len(want.customers)}" in captured.out
    import csv

    mapping = {c: f"wmEXT{i}" for i, c in enumerate(known)}
    for segment_id in want.rfm:
        with (ws / "m" / f"{segment_id}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                assert row["external_userid"] == mapping.get(row["user_id"], "")


def test_member_files_quote_ids_that_need_it(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws / "orders.csv").write_text(
        'order_id,customer_id,paid_at,amount,refund\n1,"王,小明",2026-06-01,12.30,0\n'
        '2,plain,2026-06-02,5,0\n3,"say ""hi""",2026-06-03,7.05,0.05\n',
        encoding="utf-8",
    )
    _import(capsys, "orders.csv", "--model", "lifecycle", "--members", "m")
    rows = read_members(ws / "m" / "new.csv")
    assert rows["王,小明"][1:] == (1, Decimal("12.30"), date(2026, 6, 1))
    assert rows['say "hi"'][1:] == (1, Decimal("7.00"), date(2026, 6, 3))
    assert read_users(ws / "m" / "new.csv") == ["plain", 'say "hi"', "王,小明"]
