"""The operator's rough edges in the TUI (#18): a visible focus, ticks that read as ☑/☐
under NO_COLOR, the export dialog closing with the written path, a poster preview as large
as the pane, `o` on a headless machine saying where the file is, copying approved text
(OSC 52), and Textual's palette commands in the workspace's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import SystemCommand
from textual.widgets import Input
from tui_testkit import make_app, make_workspace, notifications, open_variants, settle

from workbench.textview import paste_text
from workbench.tui import opener
from workbench.tui.bindings import active_bindings
from workbench.tui.dialogs.export import ExportDialog
from workbench.tui.dialogs.new_brief import NewBriefDialog
from workbench.tui.dialogs.regenerate import RegenerateDialog
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.checks import TICKED, UNTICKED, CheckBox, CheckList
from workbench.tui.widgets.variant_detail import VariantDetail
from workbench.tui.widgets.variant_table import VariantTable

POSTER_DELIVERABLE = """  - kind: poster
    size: xiaohongshu
    variants: 1
"""


def line_text(widget: CheckList, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_check_lists_and_boxes_show_their_state_as_text(blank_ws: Path) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_new_brief()
        await settle(pilot)
        assert isinstance(app.screen, NewBriefDialog)
        picker = app.screen.query_one("#nb-deliverables", CheckList)
        ticked = [line_text(picker, y)[0] for y in range(picker.option_count)]
        assert ticked[0] == TICKED and set(ticked[1:]) == {UNTICKED}  # community by default
        picker.toggle(picker.get_option_at_index(1))
        await pilot.pause()
        assert line_text(picker, 1).startswith(TICKED + " ")


async def test_the_fresh_checkbox_reads_ticked_or_not(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_variants(pilot, app)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, RegenerateDialog)
        box = app.screen.query_one("#regen-fresh", CheckBox)
        assert str(box.render()).startswith(UNTICKED)
        box.value = True
        await pilot.pause()
        assert str(box.render()).startswith(TICKED)


async def test_a_focused_compact_input_is_marked_without_colour(blank_ws: Path) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_new_brief()
        await settle(pilot)
        focused, other = (
            app.screen.query_one("#nb-campaign", Input),
            app.screen.query_one("#nb-brand", Input),
        )
        assert app.screen.focused is focused
        assert focused.rich_style.underline and not other.rich_style.underline
        assert focused.rich_style.bgcolor != other.rich_style.bgcolor


async def test_export_closes_on_success_and_stays_open_with_the_error(
    generated_ws: Path,
) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_variants(pilot, app)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format").value = "pack"  # type: ignore[attr-defined]
        shown = len(notifications(app))
        await pilot.press("ctrl+e")  # nothing approved: a pack refuses, the dialog stays
        await settle(pilot)
        assert app.screen is dialog and dialog.result is None
        assert "approved" in str(dialog.query_one("#export-result").render())
        assert len(notifications(app)) == shown  # in the dialog, no toast over its buttons
        dialog.query_one("#export-format").value = "md"  # type: ignore[attr-defined]
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen is screen
        assert dialog.result is not None and dialog.result.path.is_file()
        assert str(dialog.result.path) in notifications(app)[-1]


@pytest.fixture
def poster_ws(tmp_path: Path) -> Path:
    folder = make_workspace(tmp_path / "ws", generate=False)
    brief = folder / "briefs" / "tui-test.yaml"
    brief.write_text(brief.read_text(encoding="utf-8") + POSTER_DELIVERABLE, encoding="utf-8")
    from workbench.cli.main import run

    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return folder


async def show_poster(pilot: object, app: object) -> VariantsScreen:
    screen = await open_variants(pilot, app)  # type: ignore[arg-type]
    table = screen.query_one(VariantTable)
    row = next(i for i, v in enumerate(table.shown) if v.kind == "poster")
    table.move_cursor(row=row)
    await settle(pilot)  # type: ignore[arg-type]
    assert screen.poster_path is not None and screen.poster_path.is_file()
    return screen


async def test_the_poster_preview_fills_the_pane_keeping_its_shape(poster_ws: Path) -> None:
    app = make_app(poster_ws)
    async with app.run_test(size=(160, 60)) as pilot:
        screen = await show_poster(pilot, app)
        detail = screen.query_one(VariantDetail)
        columns, rows = detail.poster_cells()
        shown = str(detail.query_one("#detail-poster").render()).split("\n")
        # xiaohongshu is 3:4 (portrait); one side fills the pane, the other keeps the shape
        width = len(shown[0])
        assert rows > 18 and len(shown) <= rows and width <= columns
        assert len(shown) >= rows - 1 or width >= columns - 1
        assert abs(width / (len(shown) * 2) - 3 / 4) < 0.05


async def test_open_on_a_headless_machine_says_where_the_poster_is(
    poster_ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(opener.sys, "platform", "linux")
    app = make_app(poster_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await show_poster(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert str(screen.poster_path) in notifications(app)[-1]
        assert "No desktop" in notifications(app)[-1]


def test_the_opener_runs_only_on_a_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opener.sys, "platform", "linux")
    monkeypatch.setattr(opener.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert opener.opener_command({}) is None
    assert opener.opener_command({"DISPLAY": ":0"}) == ["/usr/bin/xdg-open"]
    assert opener.open_file(Path("x.png"), {}) is False
    started: list[list[str]] = []
    monkeypatch.setattr(opener.subprocess, "Popen", lambda args, **_: started.append(args))
    assert opener.open_file(Path("x.png"), {"WAYLAND_DISPLAY": "wayland-0"}) is True
    assert started == [["/usr/bin/xdg-open", "x.png"]]


async def test_copy_puts_approved_text_on_the_clipboard(
    generated_ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(generated_ws)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        await pilot.press("y")  # a draft is not copied out
        await pilot.pause()
        assert copied == [] and "approve it" in notifications(app)[-1]
        await pilot.press("a")
        await settle(pilot)
        variant = screen.current_variant()
        assert variant is not None and variant.status == "approved"
        await pilot.press("y")
        await pilot.pause()
        assert copied == [paste_text(variant)] and "〔" not in copied[0]
        assert copied[0].strip() and f"#{variant.id}" in notifications(app)[-1]
        shown = {b.id for b in active_bindings(screen) if b.show}
        assert "variants.copy_text" in shown  # in the footer and the help screen


async def test_palette_system_commands_speak_chinese(generated_ws: Path) -> None:
    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands: list[SystemCommand] = list(app.get_system_commands(app.screen))
        titles = {c.title for c in commands}
        assert {"主题", "退出", "按键说明", "截图"} <= titles
        assert not titles & {"Theme", "Quit", "Keys", "Screenshot"}
        palette = [
            b
            for bs in app._bindings.key_to_bindings.values()
            for b in bs
            if b.action == "command_palette"
        ]
        assert palette and palette[0].description == "命令"


@pytest.fixture
def linked_ws(tmp_path: Path) -> Path:
    folder = make_workspace(tmp_path / "ws", generate=False)
    brief = folder / "briefs" / "tui-test.yaml"
    text = brief.read_text(encoding="utf-8").replace(
        "selling_points: [有机认证]}", "selling_points: [有机认证], landing_url: " + LANDING + "}"
    )
    brief.write_text(text, encoding="utf-8")
    from workbench.cli.main import run

    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return folder


LANDING = "https://shop.example.com/rice"


async def test_the_tracked_link_is_shown_not_edited(linked_ws: Path) -> None:
    from textual.widgets import TextArea

    from workbench.tui.dialogs.edit_content import EditDialog

    app = make_app(linked_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        row = next(i for i, v in enumerate(table.shown) if LANDING in str(v.content["body"]))
        table.move_cursor(row=row)
        await settle(pilot)
        variant = screen.current_variant()
        assert variant is not None
        link = next(w for w in variant.content["body"].split() if w.startswith(LANDING))
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        body = dialog.query_one("#edit-body", TextArea)
        assert LANDING not in body.text and body.text.count("〔link〕") == 1
        assert link in str(dialog.query_one("#edit-link").render())
        body.text = body.text.replace("〔link〕", "")  # the link's place deleted: refused
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and "〔link〕" in str(dialog.query_one("#edit-status").render())
        body.text = "改过的开头。〔link〕"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        newest = app.ctx.workbench.store.reviews.newest_versions([int(variant.id)])[int(variant.id)]
        saved = app.ctx.workbench.store.variants.get(newest).content["body"]
        assert saved == f"改过的开头。{link}"


async def test_statuses_read_in_chinese_in_a_zh_cn_workspace(generated_ws: Path) -> None:
    from workbench.tui.widgets.campaign_table import CampaignTable

    app = make_app(generated_ws, "zh-CN")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(CampaignTable)
        assert str(table.get_cell("tui-test", "status")) == "草稿 14"
        screen = await open_variants(pilot, app)
        variants = screen.query_one(VariantTable)
        first = str(variants.shown[0].id)
        assert str(variants.get_cell(first, "status")) == "草稿"
