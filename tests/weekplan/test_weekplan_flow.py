"""The shipped week plan offline, end to end: plan, show, export (ICS, XLSX, CSV, MD), done."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbench.app import make_workbench
from workbench.cli.main import run
from workbench.store.ab import ArmSpec
from workbench.store.abrecords import PlanSettings

PLAN = "week-2026-03-09.yaml"
KEYS = {"id", "date", "time", "segment", "activity", "format", "owner", "status", "variant_ids"}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def planned(ws: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, err = cli(capsys, "calendar", "plan", PLAN, "--json")
    assert code == 0, err
    return list(json.loads(out))


def variant_count(ws: Path) -> int:
    with sqlite3.connect(ws / "workbench.db") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM variants").fetchone()[0])


def ics_events(text: str) -> list[dict[str, str]]:
    """RFC 5545 by hand (not the library that wrote it): unfold, then split VEVENTs."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and ":" in line and "BEGIN:VALARM" not in line:
            name, _, value = line.partition(":")
            current.setdefault(name, value)
    return events


def test_plan_makes_every_slot_with_content_and_reruns_free(
    ws: Path, planned: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(planned) == 24
    assert all(set(slot) >= KEYS for slot in planned)
    pieces = {"image_text": 1, "poster_copy": 2, "short_video": 1}
    for slot in planned:
        assert len(slot["variant_ids"]) == pieces[slot["format"]], slot
        assert slot["status"] == "draft"
    assert len({v for s in planned for v in s["variant_ids"]}) == 28  # no day shares a piece
    assert [s["date"] for s in planned] == sorted(s["date"] for s in planned)
    member_day = [s for s in planned if s["activity"] == "member_day"]
    assert [(s["date"], s["time"], s["segment"]) for s in member_day] == [
        ("2026-03-11", "20:00", "new-moms"),
        ("2026-03-11", "20:00", "dormant-vip"),
    ]
    before = variant_count(ws)
    code, out, _ = cli(capsys, "calendar", "plan", PLAN, "--json")
    assert code == 0
    assert variant_count(ws) == before
    assert json.loads(out) == planned
    code, out, _ = cli(capsys, "calendar", "show", "--week", "2026-03-12", "--json")
    assert json.loads(out) == planned
    plan = ws / PLAN  # the member day moves to 19:30: its two slots move, nothing else
    plan.write_text(plan.read_text(encoding="utf-8").replace('"20:00"', '"19:30"'), "utf-8")
    code, out, _ = cli(capsys, "calendar", "plan", PLAN, "--json")
    moved = json.loads(out)
    assert len(moved) == 24
    assert [s["time"] for s in moved if s["activity"] == "member_day"] == ["19:30", "19:30"]
    assert variant_count(ws) == before  # the content does not depend on the send time


def test_theme_slots_are_marked_outlines_that_state_no_facts(ws: Path, planned: list[dict]) -> None:
    store = make_workbench(ws).store
    daily = [s for s in planned if s["activity"] == "daily_brand"]
    bodies = set()
    for slot in daily:
        variant = store.variants.get(slot["variant_ids"][0])
        assert variant.kind == "theme_post"
        content = variant.content
        assert content["outline"] is True
        assert not variant.lint, variant.lint  # an outline states no fact to flag
        assert content["body"].startswith("【提纲·待补写】主题：早安问候 + 一条育儿小知识")
        assert "89" not in content["body"] and "米粉" not in content["body"]
        bodies.add(content["body"])
    assert len(bodies) > 1  # the week's mornings are not one text seven times


def test_ics_has_one_event_per_slot_at_the_local_time(
    ws: Path, planned: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(
        capsys, "calendar", "export", "--week", "2026-03-09", "--format", "ics", "--out", "w.ics"
    )
    assert code == 0, err
    text = (ws / "w.ics").read_bytes().decode("utf-8")
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in text
    events = ics_events(text)
    assert len(events) == len(planned)
    starts = sorted(e["DTSTART;TZID=Asia/Shanghai"] for e in events)
    expected = sorted(
        datetime.fromisoformat(f"{s['date']}T{s['time']}").strftime("%Y%m%dT%H%M%S")
        for s in planned
    )
    assert starts == expected
    member = next(e for e in events if e["X-WORKBENCH-SLOT"] == str(planned[8]["id"]))
    assert planned[8]["activity"] == "member_day"
    assert member["DTSTART;TZID=Asia/Shanghai"] == "20260311T200000"
    store = make_workbench(ws).store
    copy = next(
        store.variants.get(v) for v in planned[8]["variant_ids"]
        if store.variants.get(v).kind == "copy"
    )  # fmt: skip
    first_line = copy.content["body"].splitlines()[0]
    assert first_line.replace(",", "\\,").replace(";", "\\;") in member["DESCRIPTION"]


def test_xlsx_has_chinese_headers_owners_and_posters(
    ws: Path,
    planned: list[dict],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, _, err = cli(capsys, "calendar", "export", "--week", "2026-03-09", "--out", "w.xlsx")
    assert code == 0, err
    sheet = load_workbook(ws / "w.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "日期",
        "时间",
        "人群",
        "活动",
        "形式",
        "文案",
        "海报",
        "短链",
        "负责人",
        "状态",
    ]
    assert len(rows) == 25
    owners = [r[8] for r in rows[1:]]
    assert owners.count("新店店长阿梅") == 2 and owners.count("店长小林") == 22
    assert rows[1][:5] == ("2026-03-09 周一", "08:30", "新手妈妈", "日常品牌活动", "图文")
    assert {r[9] for r in rows[1:]} == {"草稿"}
    posters = [r for r in rows[1:] if r[4] == "海报+文案"]
    assert len(posters) == 4 and all(str(r[6]).endswith(".png") for r in posters)
    assert all(str(r[7]).startswith("https://example.com/") for r in posters)
    assert len(sheet._images) == 4  # the poster images are embedded, not only named


def test_csv_and_md_and_approved_only(
    ws: Path, planned: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["calendar", "export", "--week", "2026-03-09"]
    assert cli(capsys, *args, "--format", "csv", "--out", "w.csv")[0] == 0
    with (ws / "w.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["Date", "Time", "Segment", "Activity", "Format", "Copy", "Poster",
                        "Short link", "Owner", "Status"]  # fmt: skip
    assert len(table) == 25
    code, out, _ = cli(capsys, *args, "--format", "md", "--out", "w.md", "--approved-only")
    assert code == 0 and "0" in out
    assert len((ws / "w.md").read_text(encoding="utf-8").splitlines()) == 4  # title, blank, header
    slot = planned[0]
    for vid in slot["variant_ids"]:
        assert cli(capsys, "review", "approve", str(vid))[0] == 0
    code, out, _ = cli(capsys, "calendar", "show", "--week", "2026-03-09", "--json")
    assert json.loads(out)[0]["status"] == "approved"
    code, out, _ = cli(capsys, *args, "--format", "md", "--out", "w.md", "--approved-only")
    lines = (ws / "w.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and "| approved |" in lines[-1]
    assert cli(capsys, *args, "--format", "pdf")[0] == 2


def test_done_marks_sent_and_feeds_the_running_arm(
    ws: Path, planned: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    slot = next(s for s in planned if s["activity"] == "member_day")
    store = make_workbench(ws).store
    copy_id = next(v for v in slot["variant_ids"] if store.variants.get(v).kind == "copy")
    other = next(s for s in planned if s["activity"] == "product_push")["variant_ids"][0]
    experiment = store.ab.create_experiment(
        campaign_id=slot["campaign"], name="member day test", metric="click", alpha=0.05,
        segment_id=slot["segment"], deliverable_index=1, kind="copy", channel="community",
        source="manual", salt="s", plan=PlanSettings(),
        arms=[ArmSpec(copy_id, "A", control=True), ArmSpec(other, "B")],
    )  # fmt: skip
    code, out, err = cli(capsys, "calendar", "done", str(slot["id"]), "--at", "20:05",
                         "--members", "180")  # fmt: skip
    assert code == 0, err
    assert "2026-03-11T20:05:00+08:00" in out
    assert f"Experiment #{experiment} arm A: 180 more impressions on 2026-03-11" in out
    with sqlite3.connect(ws / "workbench.db") as conn:
        rows = conn.execute(
            "SELECT a.name, m.date, m.impressions FROM metrics m JOIN arms a ON a.id = m.arm_id"
        ).fetchall()
    assert rows == [("A", "2026-03-11", 180)]
    code, out, _ = cli(capsys, "calendar", "show", "--week", "2026-03-09", "--json")
    shown = {s["id"]: s for s in json.loads(out)}
    assert shown[slot["id"]]["status"] == "sent"
    assert shown[slot["id"]]["sent_at"] == "2026-03-11T20:05:00+08:00"
    code, out, _ = cli(capsys, "calendar", "done", str(slot["id"]), "--members", "180")
    assert code == 0 and "already" in out
    with sqlite3.connect(ws / "workbench.db") as conn:
        assert conn.execute("SELECT SUM(impressions) FROM metrics").fetchone()[0] == 180
    assert cli(capsys, "calendar", "done", "9999")[0] == 3
    assert cli(capsys, "calendar", "done", str(planned[1]["id"]), "--at", "noon")[0] == 2


IMPORTED = """
  - id: important-keep
    name: 重要保持客户
    description: 近期没来、但买得多买得贵
    rfm: {recency: low, frequency: high, monetary: high}
    imported:
      model: rfm
      source: orders.csv
      as_of: 2026-03-01
      members: 57
      customers: 400
"""

SMALL_PLAN = """\
week_of: 2026-03-09
segments: [important-keep]
owner: 店长小林
slots:
  - {activity: member_day, days: [wed], time: "20:00", format: image_text,
     brief: briefs/member-day.yaml}
"""


def test_done_counts_the_imported_segment_members(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = ws / "segments.yaml"
    library.write_text(library.read_text(encoding="utf-8") + IMPORTED, encoding="utf-8")
    (ws / "small.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    code, out, err = cli(capsys, "calendar", "plan", "small.yaml", "--json")
    assert code == 0, err
    (slot,) = json.loads(out)
    assert slot["segment"] == "important-keep" and len(slot["variant_ids"]) == 1
    store = make_workbench(ws).store
    other = store.variants.rows(campaign=slot["campaign"])
    assert len(other) == 1  # one day, one segment, one piece
    experiment = store.ab.create_experiment(
        campaign_id=slot["campaign"], name="t", metric="click", alpha=0.05,
        segment_id=slot["segment"], deliverable_index=0, kind="copy", channel="community",
        source="manual", salt="s", plan=PlanSettings(), arms=[ArmSpec(slot["variant_ids"][0], "A")],
    )  # fmt: skip
    code, out, _ = cli(capsys, "calendar", "done", str(slot["id"]), "--at", "2026-03-11T20:02")
    assert code == 0
    assert f"Experiment #{experiment} arm A: 57 more impressions on 2026-03-11" in out


EN_PLAN = """\
week_of: 2026-03-09
timezone: Europe/London
language: en-US
brand: {name: Little Deer}
segments: [new-moms]
owner: Lin
slots:
  - {activity: daily_brand, days: [mon, tue], time: "07:45", format: short_video,
     theme: a morning tip for new parents}
"""


def test_theme_only_plan_in_english(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws / "en.yaml").write_text(EN_PLAN, encoding="utf-8")
    code, out, err = cli(capsys, "calendar", "plan", "en.yaml", "--json")
    assert code == 0, err
    slots = json.loads(out)
    assert [(s["date"], s["time"], s["timezone"]) for s in slots] == [
        ("2026-03-09", "07:45", "Europe/London"),
        ("2026-03-10", "07:45", "Europe/London"),
    ]
    store = make_workbench(ws).store
    body = store.variants.get(slots[0]["variant_ids"][0]).content["body"]
    assert body.startswith("[OUTLINE - to complete] Theme: a morning tip for new parents")
    assert "- Short video:" in body and "Signed: Little Deer" in body
    assert cli(capsys, "calendar", "export", "--week", "2026-03-09", "--format", "ics")[0] == 0
    text = (ws / "calendar-2026-03-09.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/London:20260309T074500" in text
