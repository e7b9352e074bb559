"""Every screen's footer fits an 80-column terminal (#18): each key label drawn is whole,
none runs under the command-palette key docked on the right; keys left out of the footer
stay in the help screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey
from tui_testkit import make_app, notifications, open_variants, settle

from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs.help import HelpDialog
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.week import WeekScreen

WIDTH = 80


def clipped_keys(app: WorkbenchApp) -> list[str]:
    """Footer keys of the current screen not drawn whole inside the width."""
    keys = list(app.screen.query(FooterKey))
    assert keys, f"{type(app.screen).__name__} has no footer keys"
    palette = [k for k in keys if k.has_class("-command-palette")]
    limit = palette[0].region.x if palette else WIDTH
    bad = []
    for key in keys:
        right = WIDTH if key in palette else limit
        region = key.region
        if (
            region.width == 0
            or region.right > right
            or region.width < key.get_content_width(app.size, app.size)
        ):
            bad.append(f"{key.key_display} {key.description} at {region.x}-{region.right}")
    return bad


@pytest.mark.parametrize("language", ["zh-CN", "en-US"])
async def test_every_footer_key_is_whole_at_80_columns(generated_ws: Path, language: str) -> None:
    app = make_app(generated_ws, language)
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        seen["campaigns"] = clipped_keys(app)
        await open_variants(pilot, app)
        seen["variants"] = clipped_keys(app)
        await pilot.press("space", "down", "c")
        await settle(pilot)
        seen["compare"] = clipped_keys(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        seen["ab"] = clipped_keys(app)
        await pilot.press("escape")
        app.push_screen(WeekScreen(app.ctx))
        await settle(pilot)
        seen["week"] = clipped_keys(app)
        await pilot.press("escape")
        app.push_screen(BriefScreen(app.ctx, generated_ws / "briefs" / "tui-test.yaml"))
        await settle(pilot)
        seen["brief"] = clipped_keys(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        seen["generate"] = clipped_keys(app)
        assert type(app.screen).__name__ == "GenerateScreen"
    assert seen == {name: [] for name in seen}


async def test_keys_left_out_of_the_footer_are_in_help(generated_ws: Path) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await open_variants(pilot, app)
        shown = {k.description for k in app.screen.query(FooterKey)}
        assert "复制" in shown  # y: copy an approved variant's text, in the footer itself
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        table: DataTable[str] = app.screen.query_one(DataTable)
        text = " ".join(
            str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)
        )
        for hidden in ("搜索", "标记", "打开海报", "打开简报", "退出"):
            assert hidden not in shown
            assert hidden in text, hidden


async def test_a_review_notification_names_statuses_in_chinese(generated_ws: Path) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await open_variants(pilot, app)
        await pilot.press("a")
        await settle(pilot)
        said = notifications(app)[-1]
        assert "草稿 → 已通过" in said, said
        assert "approved" not in said and "draft" not in said


async def test_the_generate_summary_line_fits_80_columns(generated_ws: Path) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        await settle(pilot)
        app.push_screen(BriefScreen(app.ctx, generated_ws / "briefs" / "tui-test.yaml"))
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        counts = app.screen.query_one("#generate-counts", Static)
        text = str(counts.render())
        assert text.startswith("完成：") and "用时" in text, text
        assert counts.region.right <= WIDTH
        assert counts.get_content_width(app.size, app.size) <= counts.region.width
        assert counts.region.height == 1
