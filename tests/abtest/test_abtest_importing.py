"""Results in: CSV upserts, bad rows, event logs and QR scan logs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from abtest_kit import manual, results_csv

from workbench.abtest.importing import import_events, import_results, import_scans
from workbench.errors import InputError
from workbench.store import Store


def metrics(store: Store) -> list[tuple]:
    return store.db.execute(
        "SELECT arm_id, date, impressions, clicks, conversions, shares, cost, revenue"
        " FROM metrics ORDER BY arm_id, date"
    ).fetchall()


def test_import_is_an_idempotent_upsert(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    a, b = experiment.arms
    header = "date,variant_id,impressions,clicks,conversions,shares,revenue"
    path = results_csv(
        tmp_path / "r.csv",
        [
            ("2026-03-10", a.variant_id, 1000, 300, 200, 10, 99.5),
            ("2026-03-10", b.variant_uid, 1010, 350, 262, 40, 120),
            ("2026-03-11", a.variant_id, 500, 100, 50, 5, 0),
        ],
        header=header,
    )
    summary = import_results(store, path)
    assert (summary.rows, summary.written, summary.variants, summary.dates) == (3, 3, 2, 2)
    before = metrics(store)
    import_results(store, path)
    assert metrics(store) == before
    total = store.ab.get_experiment(experiment.id).arms[0]
    assert (total.impressions, total.conversions, total.revenue) == (1500, 250, 99.5)
    # A correction for one day replaces that day only; columns it leaves out are kept.
    fix = results_csv(tmp_path / "fix.csv", [(a.variant_id, "2026-03-11", 600, 120, 60)])
    import_results(store, fix)
    total = store.ab.get_experiment(experiment.id).arms[0]
    assert (total.impressions, total.conversions, total.shares) == (1600, 260, 15)


def test_bad_rows_are_reported_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    a = experiment.arms[0]
    v = a.variant_id
    path = results_csv(
        tmp_path / "bad.csv",
        [
            (v, "2026-03-10", 100, 10, 5),
            (v, "2026-W11-3", 100, 10, 5),
            (v, "2026-03-12", 100, 101, 5),
            (v, "2026-03-13", -1, 0, 0),
            ("ffffffffff", "2026-03-14", 10, 1, 1),
            (v, "2026-03-10", 100, 10, 5),
            (v, "2026-03-15", 100, 10),
        ],
    )
    with pytest.raises(InputError) as info:
        import_results(store, path)
    assert str(info.value).splitlines() == [
        f"{path}:3: date: '2026-W11-3' is not a date (YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日)",
        f"{path}:4: clicks: 101 exceeds impressions 100",
        f"{path}:5: impressions: '-1' is not a whole number >= 0",
        f"{path}:7: date: variant {v} on 2026-03-10 repeats line 2",
        f"{path}:8: has 4 fields, the header has 5",
    ]
    assert metrics(store) == []
    unknown = results_csv(tmp_path / "u.csv", [("ffffffffff", "2026-03-14", 10, 1, 1)])
    with pytest.raises(InputError, match=r"u.csv:2: variant_id: 'ffffffffff' is not a variant"):
        import_results(store, unknown)
    header = results_csv(
        tmp_path / "h.csv", [], header="variant,date,impressions,clicks,conversions"
    )
    with pytest.raises(InputError, match=r"h.csv:1: variant_id: missing column"):
        import_results(store, header)
    assert metrics(store) == []


def test_events_aggregate_distinct_users_per_day(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    a, b = experiment.arms
    events = [
        {
            "user_id": "u1",
            "variant_id": a.variant_id,
            "event": "impression",
            "ts": "2026-03-10T09:00:00+08:00",
        },
        {
            "user_id": "u1",
            "variant_id": a.variant_id,
            "event": "click",
            "ts": "2026-03-10T09:01:00+08:00",
        },
        {
            "user_id": "u1",
            "variant_id": a.variant_id,
            "event": "click",
            "ts": "2026-03-10T09:02:00+08:00",
        },
        {
            "user_id": "u1",
            "variant_id": a.variant_id,
            "event": "conversion",
            "ts": "2026-03-10T10:00:00+08:00",
        },
        {
            "user_id": "u2",
            "variant_id": a.variant_id,
            "event": "impression",
            "ts": "2026-03-10T11:00:00+08:00",
        },
        {
            "user_id": 3,
            "variant_id": b.variant_uid,
            "event": "share",
            "ts": "2026-03-11T08:00:00Z",
        },
    ]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in events) + "\n")
    first = import_events(store, path)
    assert first.rows == 6 and first.written == 5  # the repeated click is one event
    again = import_events(store, path)
    assert again.written == 0
    rows = {(r[0], r[1]): r[2:6] for r in metrics(store)}
    assert rows[(a.arm_id, "2026-03-10")] == (2, 1, 1, 0)
    assert rows[(b.arm_id, "2026-03-11")] == (1, 0, 0, 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(events[0])
        + "\n"
        + '{"user_id": "u9", "variant_id": 1, "event": "like", "ts": "2026-03-10"}\n'
        + "not json\n"
        + '{"user_id": "u9", "variant_id": 1, "event": "click", "ts": "yesterday"}\n'
    )
    with pytest.raises(InputError) as info:
        import_events(store, bad)
    lines = str(info.value).splitlines()
    assert lines[0] == f"{bad}:2: event: 'like' must be one of impression, click, conversion, share"
    assert lines[1].startswith(f"{bad}:3: not JSON")
    assert lines[2] == f"{bad}:4: ts: 'yesterday' is not an ISO date-time"


def test_scan_log_maps_utm_content_to_the_variant(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    a, b = experiment.arms
    reach = results_csv(
        tmp_path / "reach.csv",
        [(a.variant_id, "2026-03-10", 500, 0, 0), (b.variant_id, "2026-03-10", 500, 0, 0)],
    )
    import_results(store, reach)
    log = tmp_path / "scans.csv"
    log.write_text(
        "ts,url,user_id\n"
        f"2026-03-10T12:00:00,https://example.com/m/rice?utm_source=poster&utm_content={a.variant_uid},o1\n"
        f"2026-03-10T12:05:00,https://example.com/m/rice?utm_content={a.variant_uid},o2\n"
        f"2026-03-10T12:06:00,https://example.com/m/rice?utm_content={a.variant_uid},o2\n"
        f"2026-03-10T13:00:00,https://example.com/m/rice?utm_content={b.variant_uid},\n"
    )
    summary = import_scans(store, log)
    assert summary.rows == 4 and summary.variants == 2
    import_scans(store, log)  # idempotent
    rows = {r[0]: r[2:4] for r in metrics(store)}
    assert rows[a.arm_id] == (500, 2)  # reach kept from the CSV; two distinct scanners
    assert rows[b.arm_id] == (500, 1)
    jsonl = tmp_path / "scans.jsonl"
    jsonl.write_text(json.dumps({"ts": "2026-03-10T14:00:00", "utm_content": "nope"}) + "\n")
    with pytest.raises(InputError, match=r"scans.jsonl:1: variant_id: 'nope' is not a variant"):
        import_scans(store, jsonl)


def test_arm_totals_carry_each_arms_first_and_last_day(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 2)
    a, b = experiment.arms
    assert (a.first_date, a.last_date, a.days) == (None, None, 0)  # no results yet
    path = results_csv(
        tmp_path / "days.csv",
        [
            (a.variant_id, "2026-03-12", 100, 10, 5),
            (a.variant_id, "2026-03-09", 100, 10, 5),
            (b.variant_id, "2026-03-11", 100, 10, 5),
            (a.variant_id, "2026-03-10", 100, 10, 5),
        ],
    )
    import_results(store, path)
    arms = {arm.arm_id: arm for arm in store.ab.get_experiment(experiment.id).arms}
    first = arms[a.arm_id]
    assert (first.first_date, first.last_date, first.days) == (
        "2026-03-09",
        "2026-03-12",
        3,
    )
    second = arms[b.arm_id]
    assert (second.first_date, second.last_date, second.days) == (
        "2026-03-11",
        "2026-03-11",
        1,
    )
