"""The whole-column results import: same rows as the careful parser, or none at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from abtest_kit import manual

from workbench.abtest import bulkcsv, importing
from workbench.abtest.bulkcsv import iso_date, parse_results
from workbench.abtest.importing import import_results
from workbench.errors import InputError, NotFoundError
from workbench.store import Store

HEADER = "variant_id,date,impressions,clicks,conversions"


def metrics(store: Store) -> list[tuple[Any, ...]]:
    return store.db.execute(
        "SELECT arm_id, date, impressions, clicks, conversions, shares, cost, revenue"
        " FROM metrics ORDER BY arm_id, date"
    ).fetchall()


def parse(text: str) -> bulkcsv.Parsed | None:
    header, _, body = text.partition("\n")
    names = header.rstrip("\r").split(",")
    return parse_results(body, names, bulkcsv.value_columns(names, "f.csv"))


def careful_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "parse_results", lambda *_args: None)


@pytest.fixture
def twin(db_path: Path, copy_db: Callable[[Path, str], Path]) -> Iterator[Store]:
    """A second copy of the same database, for the careful parser's side."""
    with Store.open(copy_db(db_path, "twin.db")) as s:
        yield s


def both_ways(
    store: Store, twin: Store, path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, Any]:
    seen: list[bool] = []
    real = importing.parse_results

    def spy(*args: Any) -> Any:
        found = real(*args)
        seen.append(found is not None)
        return found

    with monkeypatch.context() as mp:
        mp.setattr(importing, "parse_results", spy)
        fast = import_results(store, path)
    assert seen == [True], "the file should take the whole-column path"
    with monkeypatch.context() as mp:
        careful_only(mp)
        slow = import_results(twin, path)
    assert metrics(store) == metrics(twin)
    return fast, slow


def test_whole_column_path_writes_what_the_careful_parser_writes(
    store: Store, twin: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    experiment = manual(store, 3)
    manual(twin, 3)
    a, b, c = experiment.arms
    rows = [
        "revenue,date,variant_id,shares,impressions,conversions,clicks,cost",
        f"12.5,2026-03-11,{a.variant_id},,1000,20,300,.5",
        f"0, 2026-03-10 ,\t{str(b.variant_uid).upper()},4,1010,26,350, 3.",
        f",2026-03-10,{a.variant_id},1,900,18,290,0.25",
        f"7,2026-03-12,{c.variant_uid},0,5,5,5,",
    ]
    path = tmp_path / "r.csv"
    # A BOM, Windows line ends, padded fields and trailing blank lines.
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(rows) + "\r\n\r\n").encode())
    monkeypatch.setattr(bulkcsv, "_CHUNK_CHARS", 40)  # several chunks
    fast, slow = both_ways(store, twin, path, monkeypatch)
    assert fast == slow
    assert (fast.rows, fast.written, fast.variants, fast.arms, fast.dates) == (4, 4, 3, 3, 3)
    stored = {(r[0], r[1]): r[2:] for r in metrics(store)}
    assert stored[a.arm_id, "2026-03-10"] == (900, 290, 18, 1, 0.25, 0.0)
    assert stored[a.arm_id, "2026-03-11"] == (1000, 300, 20, 0, 0.5, 12.5)
    assert stored[b.arm_id, "2026-03-10"] == (1010, 350, 26, 4, 3.0, 0.0)


def test_reimport_changes_nothing_not_even_updated_at(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    experiment = manual(store, 2)
    a, b = experiment.arms
    path = tmp_path / "r.csv"
    path.write_text(
        f"{HEADER}\n{a.variant_id},2026-03-10,100,10,5\n{b.variant_id},2026-03-10,90,9,4\n"
    )
    stamps = "SELECT arm_id, date, updated_at FROM metrics ORDER BY arm_id"
    import_results(store, path)
    before = store.db.execute(stamps).fetchall()
    import_results(store, path)
    careful_only(monkeypatch)
    import_results(store, path)
    assert store.db.execute(stamps).fetchall() == before


@pytest.mark.parametrize(
    "body",
    [
        '"{v}",2026-03-10,100,10,5',  # quotes
        "{v},2026-03-10,1 00,10,5",  # a space inside a field
        "{v},2026-03-10,100,10,5\n  \n{v},2026-03-11,100,10,5",  # a line of spaces
        "{v},2026-03-10,100,10,5\n\n{v},2026-03-11,100,10,5",  # a blank line in between
        "{v},2026-03-10,100,10,5\r{v},2026-03-11,100,10,5",  # old Mac line ends
        "{v},2026-03-10,100,10\n5,{v},2026-03-11,100,10,5",  # fields split across lines
        "{v},2026-03-10,100,10,5,1",  # a field too many
        "{v},2026-W10-2,100,10,5",  # an ISO week date
        "{v},2026-02-30,100,10,5",  # no such day
        "{v},2026-03-10,-0,0,0",  # a sign
        "{v},2026-03-10,+5,1,1",
        "{v},2026-03-10,,1,1",  # an empty count
        "{v},2026-03-10,99999999999999999999,1,1",  # beyond 64 bits
        "{v},2026-03-10,100,101,5",  # more clicks than impressions
        "{v},2026-03-10,100,10,5\n{V},2026-03-10,100,10,5",  # the same variant and day
        ",2026-03-10,100,10,5",  # no variant
        "",  # no rows
    ],
)
def test_anything_unusual_is_left_to_the_careful_parser(body: str) -> None:
    text = f"{HEADER}\n" + body.format(v="1a2b3c4d5e", V="1A2B3C4D5E") + "\n"
    assert parse(text) is None


@pytest.mark.parametrize("money", ["1e3", "inf", "nan", "1_0", "9" * 400, "-1", "1.2.3"])
def test_money_only_as_plain_decimals(money: str) -> None:
    assert parse(f"{HEADER},cost\n7,2026-03-10,100,10,5,{money}\n") is None
    assert parse(f"{HEADER},cost\n7,2026-03-10,100,10,5,12.50\n") is not None


def test_repeats_across_chunks_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulkcsv, "_CHUNK_CHARS", 10)
    rows = [f"{v},2026-03-{d:02},100,10,5" for d in range(1, 20) for v in (7, 8)]
    assert parse(HEADER + "\n" + "\n".join(rows)) is not None
    assert parse(HEADER + "\n" + "\n".join([*rows, "8,2026-03-01,1,1,1"])) is None


def test_groups_are_sorted_by_date_within_each_variant() -> None:
    parsed = parse(f"{HEADER}\nAB,2026-03-02,5,1,1\n7,2026-03-03,6,2,2\nab,2026-03-01,4,0,0\n")
    assert parsed is not None
    assert (parsed.rows, parsed.dates) == (3, 3)
    assert list(parsed.of("ab")) == [("2026-03-01", 4, 0, 0), ("2026-03-02", 5, 1, 1)]
    assert list(parsed.of("7")) == [("2026-03-03", 6, 2, 2)]


def test_bad_files_still_name_their_lines(store: Store, tmp_path: Path) -> None:
    v = manual(store, 2).arms[0].variant_id
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\n{v},2026-03-10,100,10,5\n{v},2026-W10-2,100,10,5\n")
    with pytest.raises(InputError, match=r"bad\.csv:3: date: '2026-W10-2' is not a date"):
        import_results(store, path)
    path.write_bytes(f"{HEADER}\n{v},2026-03-10,100,10,5\n".encode() + b"\xff\n")
    with pytest.raises(InputError, match=r"bad\.csv:3: not UTF-8 text"):
        import_results(store, path)
    assert metrics(store) == []


def test_iso_date_is_year_month_day_only() -> None:
    for text in ("2026-03-10", "2026/03/10", "2026/3/10", "2026年3月10日"):
        assert iso_date(text) == date(2026, 3, 10)
    for text in ("2026-W10-2", "20260310", "10/03/2026", "2026-02-30", "2026-03-10T00"):
        assert iso_date(text) is None


def test_unknown_arm_writes_nothing_and_keys_stay_enforced(store: Store) -> None:
    arm = manual(store, 2).arms[0].arm_id
    rows = [("2026-03-10", 100, 10, 5)]
    with pytest.raises(NotFoundError):
        store.ab.upsert_metrics(
            ["impressions", "clicks", "conversions"], [(arm, rows), (999_999, rows)]
        )
    assert metrics(store) == []
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO metrics (arm_id, date, impressions, clicks, conversions, shares)"
            " VALUES (999999, '2026-03-10', 1, 0, 0, 0)"
        )
