"""What driving the TUI at 80x24 in tmux tripped over (#18 OPS): the new-brief form's lists
(Space on the segment list did nothing the first time; the highlighted line of a list sat
below the form's fold), and raw kind, channel and style ids in a zh-CN UI."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea
from tui_testkit import add_landing_page, make_app, make_workspace, open_variants, settle

from workbench.cli.main import run
from workbench.store.variantrecord import Variant
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs.edit_content import EditDialog, _saving_key
from workbench.tui.dialogs.new_brief import NewBriefDialog
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.campaigns import CampaignsScreen
from workbench.tui.widgets.campaign_table import CampaignTable
from workbench.tui.widgets.matrix_preview import MatrixPreview
from workbench.tui.widgets.variant_table import VariantTable


async def edit_first_copy(pilot: Pilot[Any], app: WorkbenchApp) -> tuple[Variant, EditDialog]:
    """Open the variants screen and the edit dialog of its first copy."""
    screen = await open_variants(pilot, app)
    variant = next(v for v in screen.variants if v.kind == "copy")
    dialog = EditDialog(app.ctx, variant)
    app.push_screen(dialog)
    await settle(pilot)
    return variant, dialog


async def open_form(pilot: Pilot[Any], app: WorkbenchApp) -> NewBriefDialog:
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, NewBriefDialog)
    return dialog


async def test_space_ticks_the_first_segment_once_the_library_has_loaded(
    blank_ws: Path,
) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_form(pilot, app)
        picker = dialog.query_one("#nb-segments", SelectionList)
        assert picker.option_count > 0
        picker.focus()
        await pilot.press("space")
        await settle(pilot)
        assert picker.selected == [picker.get_option_at_index(0).value]


async def test_the_highlighted_line_of_a_list_stays_in_view_at_80x24(blank_ws: Path) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_form(pilot, app)
        for name, value in {"campaign": "夏日", "brand": "小鹿母婴", "product": "防晒霜"}.items():
            dialog.query_one(f"#nb-{name}", Input).value = value
        form = dialog.query_one("#new-brief-form", VerticalScroll)
        picker = dialog.query_one("#nb-deliverables", SelectionList)
        picker.focus()
        await settle(pilot)
        # the brief becomes valid while the list has focus: the matrix preview appears under
        # the form and takes rows from it, so the list's lower lines drop below the fold
        dialog.query_one("#nb-segments", SelectionList).select("new-moms")
        await pilot.pause(0.4)  # the form's debounce timer
        await settle(pilot)
        assert dialog.query_one(MatrixPreview).display
        for _ in range(picker.option_count - 1):
            await pilot.press("down")
            await settle(pilot)
            assert picker.highlighted is not None
            line = picker.region.y + picker.highlighted - picker.scroll_offset.y
            assert form.region.y <= line < form.region.bottom, (picker.highlighted, line)
        await pilot.press("space")
        await settle(pilot)
        last = picker.get_option_at_index(picker.option_count - 1).value
        assert last in picker.selected


async def test_zh_cn_names_kinds_channels_and_styles(generated_ws: Path) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        campaigns = app.screen.query_one(CampaignTable)
        kinds = str(campaigns.get_row_at(0)[-1])
        assert "文案" in kinds and "标题" in kinds and "copy" not in kinds
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        cells = [str(c) for c in table.get_row_at(0)]
        assert "文案·社群" in cells and "指令模板" in cells, cells
        assert not any("copy" in c or "community" in c for c in cells)
        kind_filter = screen.query_one("#filter-kind", Select)
        shown = {str(prompt) for prompt, _value in kind_filter._options}
        assert {"文案", "标题"} <= shown and "copy" not in shown


async def test_esc_in_the_brief_editor_goes_back_at_once(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(BriefScreen(app.ctx, generated_ws / "briefs" / "tui-test.yaml"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        screen.query_one(TextArea).focus()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)


async def test_the_edit_dialog_shows_the_body_label_and_says_it_is_saving(
    generated_ws: Path,
) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        variant, dialog = await edit_first_copy(pilot, app)
        fields = dialog.query_one("#edit-fields", VerticalScroll)
        label = next(w for w in dialog.query(Label) if str(w.render()) == "正文")
        assert fields.region.contains_region(label.region), (fields.region, label.region)
        body = dialog.query_one("#edit-body", TextArea)
        assert fields.region.contains_region(body.region)
        body.insert("【周末】", (0, 0))
        dialog.action_save()
        assert "正在保存新版本" in str(dialog.query_one("#edit-status", Static).render())
        await settle(pilot)
        assert not isinstance(app.screen, EditDialog)
        assert _saving_key(replace(variant, kind="poster")) == "tui.edit.saving_poster"


@pytest.fixture
def linked_ws(tmp_path: Path) -> Path:
    """The test workspace with a landing page: copy carries a tracked link."""
    folder = make_workspace(tmp_path / "ws", generate=False)
    brief = add_landing_page(folder, "https://example.com/m")
    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return folder


async def test_with_a_tracked_link_the_edit_dialog_opens_at_its_first_labels(
    linked_ws: Path,
) -> None:
    folder = linked_ws
    app = make_app(folder, "zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        _, dialog = await edit_first_copy(pilot, app)
        assert dialog.query_one("#edit-link", Static).display  # the link takes rows
        fields = dialog.query_one("#edit-fields", VerticalScroll)
        label = next(w for w in dialog.query(Label) if str(w.render()) == "正文")
        assert fields.region.contains_region(label.region), (fields.region, label.region)
        assert isinstance(app.focused, TextArea) and app.focused.id == "edit-body"


async def test_the_variants_screen_lists_in_brief_order(generated_ws: Path) -> None:
    # The brief names new-moms before dormant-vip; the store sorts by segment id (dormant
    # first). The screen reads like `variants list`: the brief's segments, then deliverables.
    app = make_app(generated_ws)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        segments = ["new-moms" if "new-moms" in r else "dormant-vip" for r in rows]
        assert segments[0] == "new-moms" and segments[-1] == "dormant-vip", rows
        assert segments == sorted(segments, key=["new-moms", "dormant-vip"].index), rows
