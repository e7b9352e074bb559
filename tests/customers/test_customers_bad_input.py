"""Bad order exports: one line per problem, exit 2, nothing written; untrustworthy rows are
reported and left out of the counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from customers_testkit import AS_OF

from workbench.cli.main import run

HEADER = "订单编号,买家会员名 ,买家实际支付金额,订单付款时间 ,退款金额"


def _write(ws: Path, *rows: str, header: str = HEADER, encoding: str = "utf-8") -> Path:
    path = ws / "orders.csv"
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode(encoding))
    return path


def _run(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(
        ["segments", "import", str(path), "--as-of", AS_OF.isoformat(), "--members", "m", *extra]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _nothing_written(ws: Path, before: bytes) -> None:
    assert (ws / "segments.yaml").read_bytes() == before
    assert not (ws / "m").exists()


def test_missing_column_names_file_column_and_headers(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (ws / "segments.yaml").read_bytes()
    path = _write(ws, "1,a,10,2026-06-01,0", header="订单编号,买家会员名 ,订单付款时间 ,退款金额,x")
    code, _, err = _run(capsys, path)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:1: 买家实际支付金额: missing column")
    assert "found headers: 订单编号, 买家会员名, 订单付款时间, 退款金额, x" in lines[0]
    _nothing_written(ws, before)


def test_unknown_layout_lists_what_it_looked_for(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(ws, "1,2,3", header="a,b,c")
    code, _, err = _run(capsys, path)
    assert code == 2
    assert err.strip() == (
        f"{path}:1: customer: missing column for customer (looked for 买家会员名 / 买家手机号 / "
        "买家昵称 / customer_id; or pass --columns customer=HEADER); found headers: a, b, c"
    )


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("2,b,10.00,2026-13-01 10:00:00,0", "订单付款时间", "'2026-13-01 10:00:00' is not a date"),
        ("2,b,10.00,yesterday,0", "订单付款时间", "'yesterday' is not a date"),
        ("2,b,ten,2026-06-01,0", "买家实际支付金额", "'ten' is not an amount"),
        ("2,b,,2026-06-01,0", "买家实际支付金额", "is empty"),
        ("2,b,10.00,2026-06-01,1O", "退款金额", "'1O' is not an amount"),
        ("2,,10.00,2026-06-01,0", "买家会员名", "is empty on a paid order"),
    ],
)
def test_unparseable_value_is_file_line_column(
    ws: Path, capsys: pytest.CaptureFixture[str], row: str, column: str, message: str
) -> None:
    before = (ws / "segments.yaml").read_bytes()
    path = _write(ws, "1,a,10.00,2026-06-01 09:00:00,0", row, encoding="gbk")
    code, _, err = _run(capsys, path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"{path}:3: {column}: ")
    assert message in err
    _nothing_written(ws, before)


def test_bad_flags(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(ws, "1,a,10.00,2026-06-01,0")
    for extra, start in (
        (("--model", "abc"), "--model: abc: must be rfm or lifecycle"),
        (("--threshold", "mode"), "--threshold: mode: must be mean or median"),
        (("--columns", "buyer=x"), "--columns: buyer: unknown field"),
        (("--columns", "customer=nope"), f"{path}:1: nope: --columns customer=nope"),
    ):
        code, _, err = _run(capsys, path, *extra)
        assert code == 2, extra
        assert err.startswith(start), err
        assert len(err.strip().splitlines()) == 1
    capsys.readouterr()
    assert run(["segments", "import", str(path), "--as-of", "June 1"]) == 2
    assert "--as-of: June 1: must be a date, YYYY-MM-DD" in capsys.readouterr().err


def test_missing_file(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, ws / "nope.csv")
    assert code == 2
    assert err.strip() == f"{ws / 'nope.csv'}: no such file"


def test_untrustworthy_rows_are_reported_not_counted(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        ws,
        "1,a,100.00,2026-06-01 09:00:00,0",  # counted: a 100
        "2,a,50.00,2026-06-02 09:00:00,20.00",  # partly refunded: a +30
        "3,b,80.00,2026-06-03 09:00:00,90.00",  # refund > payment
        "4,b,-5.00,2026-06-03 09:00:00,0",  # negative
        "5,c,60.00,2026-07-05 09:00:00,0",  # after as-of
        "1,c,70.00,2026-06-04 09:00:00,0",  # repeated order id
        "6,d,0.00,2026-06-04 09:00:00,0",  # zero payment
        "7,d,40.00,,0",  # unpaid
        "8,e,40.00,2026-06-05 10:00:00,40.00",  # fully refunded
        "9,f,10.00,2026-06-20,0",  # counted: f 10
    )
    code, out, err = _run(capsys, path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["customers"] == 2
    assert data["orders_used"] == 3
    assert data["skipped"] == {"unpaid": 1, "refunded": 1}
    assert data["thresholds"]["monetary"] == 70.0  # (130 + 10) / 2
    warnings = err.strip().splitlines()
    assert (
        f"warning: {path}:4: 退款金额: refund 90.00 is more than the payment 80.00: not counted"
        in warnings
    )
    assert f"warning: {path}:5: 买家实际支付金额: negative amount -5.00: not counted" in warnings
    assert any(w.startswith(f"warning: {path}:6: 订单付款时间: 2026-07-05") for w in warnings)
    assert f"warning: {path}:7: 订单编号: order 1 repeats line 2: not counted" in warnings
    assert f"warning: {path}:8: 买家实际支付金额: paid 0: not counted" in warnings
    assert warnings[-1] == (
        "Reported and not counted: 1 repeated order ids, 1 negative amounts, "
        "1 payments after the as-of date, 1 refunds larger than the payment, 1 zero payments"
    )


def test_empty_and_header_only(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws / "empty.csv").write_bytes(b"")
    code, _, err = _run(capsys, ws / "empty.csv")
    assert code == 2 and "empty file" in err
    path = _write(ws)
    code, out, err = _run(capsys, path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["customers"] == 0
    assert all(s["members"] == 0 for s in data["segments"])
