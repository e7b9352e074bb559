"""Pilot tests: each screen's main flow, driven by keys, awaiting workers (no sleeps)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea
from tui_testkit import make_app, settle

from workbench.tui.dialogs.help import HelpDialog
from workbench.tui.dialogs.open_brief import OpenBriefDialog
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.campaigns import CampaignsScreen
from workbench.tui.screens.compare import CompareScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.campaign_table import CampaignTable
from workbench.tui.widgets.diff_view import ADDED, REMOVED
from workbench.tui.widgets.problem_list import ProblemList
from workbench.tui.widgets.variant_detail import VariantDetail
from workbench.tui.widgets.variant_table import VariantTable


def static_text(widget: Static) -> str:
    return str(widget.render())


async def test_campaigns_lists_counts_and_opens_variants(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        table = app.screen.query_one(CampaignTable)
        assert table.row_count == 1
        campaign = table.campaigns[0]
        assert campaign["id"] == "tui-test"
        assert campaign["variants"] == 2 * (2 * 2 + 3)
        assert "draft 14" in str(table.get_row_at(0)[2])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VariantsScreen)
        assert app.screen.campaign == "tui-test"
        assert app.screen.query_one(VariantTable).row_count == 14


async def test_variants_filter_search_and_detail(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(VariantTable)
        assert table.row_count == 14
        screen.query_one("#filter-kind", Select).value = "title"
        await settle(pilot)
        assert table.row_count == 6
        assert {v.kind for v in table.shown} == {"title"}
        screen.query_one("#filter-segment", Select).value = "dormant-vip"
        await settle(pilot)
        assert table.row_count == 3
        screen.query_one("#filter-kind", Select).clear()
        await settle(pilot)
        assert table.row_count == 7
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"zzz-no-such-text")
        await settle(pilot)
        assert table.row_count == 0
        assert "No variants match" in static_text(screen.query_one("#variants-count", Static))
        app.focused.value = ""
        await settle(pilot)
        table.focus()
        await pilot.press("down")
        await settle(pilot)
        detail = screen.query_one(VariantDetail)
        assert detail.variant is not None
        assert detail.variant.id == table.current_id()
        assert detail.variant.segment == "dormant-vip"
        assert "Provenance" in str(screen.query_one("#detail-provenance").border_title)


async def test_compare_marks_two_variants(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")  # nothing marked: a warning, no screen change
        assert isinstance(app.screen, VariantsScreen)
        table = app.screen.query_one(VariantTable)
        first = table.current_id()
        await pilot.press("space", "down")
        second = table.current_id()
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.ids == (first, second)
        assert app.screen.diff is not None
        left, right, ratio = app.screen.diff
        assert 0 < ratio < 1
        assert any(span.style == REMOVED for span in left.spans)
        assert any(span.style == ADDED for span in right.spans)
        assert static_text(app.screen.query_one("#compare-right-text", Static))
        assert "similar" in static_text(app.screen.query_one("#compare-title", Static))
        await pilot.press("s")
        assert app.screen.ids == (second, first)
        await pilot.press("escape")
        assert isinstance(app.screen, VariantsScreen)


async def test_brief_editor_validates_as_you_type_and_jumps(blank_ws: Path) -> None:
    folder = blank_ws
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, OpenBriefDialog)
        app.screen.query_one("#brief-path", Input).value = "briefs/tui-test.yaml"
        app.screen.query_one("#brief-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        editor = screen.query_one(TextArea)
        assert "tui-test" in editor.text
        assert screen.loaded is not None and not screen.problems
        # break a field: the problem appears with its line, and choosing it jumps there
        line = editor.text.splitlines().index("    variants: 3")
        editor.replace("variants: -4", (line, 4), (line, 15))
        await pilot.pause(0.4)  # the validation debounce timer
        await settle(pilot)
        assert screen.loaded is None
        assert [p.line for p in screen.problems] == [line + 1]
        problems = screen.query_one(ProblemList)
        editor.move_cursor((0, 0))
        problems.focus()
        problems.highlighted = 0
        await pilot.press("enter")
        assert editor.cursor_location == (line, 0)
        assert app.focused is editor
        # run refuses while invalid
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, BriefScreen)
        # fix and save
        editor.replace("variants: 4", (line, 4), (line, 16))
        await pilot.pause(0.4)
        await settle(pilot)
        assert screen.loaded is not None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "variants: 4" in (folder / "briefs" / "tui-test.yaml").read_text(encoding="utf-8")


async def test_help_lists_screen_and_app_bindings(blank_ws: Path) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpDialog)
        table = app.screen.query_one("#help-table")
        rows = [table.get_row_at(i) for i in range(table.row_count)]  # type: ignore[attr-defined]
        descriptions = {row[1] for row in rows}
        assert {"Refresh", "All variants", "Quit", "Help"} <= descriptions
        assert all(row[2] for row in rows)  # every binding explains itself
        await pilot.press("escape")
        assert isinstance(app.screen, CampaignsScreen)


async def test_chinese_ui_from_the_catalog(generated_ws: Path) -> None:
    app = make_app(generated_ws, language="zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert static_text(app.screen.query_one(".screen-title", Static)) == "活动"
        bindings = {b.id: b for b in app.screen._bindings.key_to_bindings["r"]}
        assert bindings["campaigns.refresh"].description == "刷新"
