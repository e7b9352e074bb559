"""The week view (issue 15): days as columns, slots as cards with status; a slot opens its
content for review like any variant. Pilot tests and snapshots at 100x30 and 80x24."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_testkit import make_app, settle

from workbench.app import make_workbench
from workbench.cli.main import run
from workbench.tui.screens.week import SlotScreen, WeekScreen
from workbench.tui.widgets.slot_card import SlotCard
from workbench.tui.widgets.variant_table import VariantTable

PLAN = """\
week_of: 2026-03-09
timezone: Asia/Shanghai
segments: [new-moms]
owner: 店长小林
slots:
  - {activity: daily_brand, days: [mon, tue, thu], time: "08:30", format: image_text,
     theme: 早安问候 + 一条育儿小知识}
  - {activity: member_day, days: [wed], time: "20:00", format: poster_copy,
     brief: briefs/member-day.yaml}
  - {activity: ip_activity, days: [sat], time: "10:00", format: image_text,
     theme: 周末辅食打卡}
"""


@pytest.fixture
def week_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    (folder / "plan.yaml").write_text(PLAN, encoding="utf-8")
    assert run(["calendar", "plan", "plan.yaml"]) == 0
    return folder


async def open_week(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    pilot.app.action_week()  # type: ignore[attr-defined]
    await settle(pilot)


def cards(screen: Any) -> list[SlotCard]:
    return list(screen.query(SlotCard))


async def test_week_view_shows_every_slot_in_its_day_column(week_ws: Path) -> None:
    app = make_app(week_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_week(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        found = cards(screen)
        assert len(found) == 5
        assert [c.day for c in found] == [0, 1, 2, 3, 5]
        wednesday = screen.query_one("#day-2").query(SlotCard).first()
        text = str(wednesday.render())
        assert "20:00 Member day" in text and "Poster + copy" in text and "draft" in text
        monday = str(found[0].render())
        assert "outline" in monday
        assert isinstance(app.focused, SlotCard) and app.focused.day == 0
        await pilot.press("right")
        assert app.focused.day == 1
        await pilot.press("right", "right", "right")
        assert app.focused.day == 5
        await pilot.press("n")
        await settle(pilot)
        assert cards(screen) == [] and "2026-03-16" in str(screen.query_one("#week-title").render())
        await pilot.press("p")
        await settle(pilot)
        assert len(cards(screen)) == 5


async def test_open_a_slot_and_approve_its_content(week_ws: Path) -> None:
    app = make_app(week_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_week(pilot)
        await pilot.press("enter")  # the Monday morning theme slot
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SlotScreen)
        table = screen.query_one(VariantTable)
        assert [v.kind for v in table.shown] == ["theme_post"]
        assert "08:30 · Daily brand" in str(screen.query_one("#variants-title").render())
        await pilot.press("a")
        await settle(pilot)
        assert screen.current_variant().status == "approved"  # type: ignore[union-attr]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert "approved" in str(cards(app.screen)[0].render())
        await pilot.press("right", "right", "enter")  # Wednesday: poster + copy
        await settle(pilot)
        assert sorted(v.kind for v in app.screen.query_one(VariantTable).shown) == [
            "copy",
            "poster",
        ]
    wb = make_workbench(week_ws)
    try:
        first = wb.store.calendar.slots(week_of="2026-03-09")[0]
        assert first.variants[0].status == "approved"
    finally:
        wb.close()


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_snapshot_week(
    snap_compare: Callable[..., bool], week_ws: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(week_ws), terminal_size=size, run_before=open_week)


def test_snapshot_week_zh(snap_compare: Callable[..., bool], week_ws: Path) -> None:
    app = make_app(week_ws, language="zh-CN")
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_week)
