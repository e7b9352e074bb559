"""A/B results as Chinese spreadsheets write them: 中文表头, padded headers, 2026/3/10, GBK."""

from __future__ import annotations

from pathlib import Path

import pytest
from abtest_kit import manual

from workbench.abtest.importing import import_results
from workbench.errors import InputError
from workbench.store import Store


def _metrics(store: Store) -> list[tuple]:
    return store.db.execute(
        "SELECT arm_id, date, impressions, clicks, conversions, shares, cost, revenue"
        " FROM metrics ORDER BY arm_id, date"
    ).fetchall()


@pytest.mark.parametrize("careful", [False, True])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030"])
def test_chinese_headers_dates_and_encodings(
    store: Store, tmp_path: Path, encoding: str, careful: bool
) -> None:
    a, b = manual(store, 2).arms
    header = " 变体ID , 日期 ,曝光, 点击 ,转化,分享,花费,收入"
    if careful:
        header = '"变体ID",日期,曝光,点击,转化,分享,花费,收入'  # a quote: the row-by-row reader
    rows = [
        f"{a.variant_id},2026/3/10,1000,300,200,10,50.5,99.5",
        f"{b.variant_id},2026/03/10,1010,350,262,40,50,120",
        f"{a.variant_id},2026年3月11日,500,100,50,5,0,0",
    ]
    path = tmp_path / "结果.csv"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    summary = import_results(store, path)
    assert (summary.rows, summary.variants, summary.dates) == (3, 2, 2)
    stored = _metrics(store)
    assert [row[1] for row in stored] == ["2026-03-10", "2026-03-11", "2026-03-10"]
    assert stored[0][2:] == (1000, 300, 200, 10, 50.5, 99.5)
    import_results(store, path)  # the same file again changes nothing
    assert _metrics(store) == stored


def test_the_same_day_written_two_ways_is_a_repeat(store: Store, tmp_path: Path) -> None:
    a, _b = manual(store, 2).arms
    path = tmp_path / "r.csv"
    path.write_text(
        f"变体ID,日期,曝光,点击,转化\n{a.variant_id},2026-03-10,10,1,1\n"
        f"{a.variant_id},2026/3/10,10,1,1\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"r\.csv:3: date: .* repeats line 2"):
        import_results(store, path)
    assert _metrics(store) == []


def test_day_first_dates_are_refused(store: Store, tmp_path: Path) -> None:
    a, _b = manual(store, 2).arms
    path = tmp_path / "r.csv"
    path.write_text(f"变体ID,日期,曝光,点击,转化\n{a.variant_id},10/03/2026,10,1,1\n")
    with pytest.raises(InputError, match=r"r\.csv:2: date: '10/03/2026' is not a date"):
        import_results(store, path)
