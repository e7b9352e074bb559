"""Snapshots of the form dialogs at 80x24 (#18): the new-brief form, the plain-text edit
and regenerate with an instruction, each opened over the campaigns screen so the picture
shows the dialog's own layout, focus and ticks, not the offline composer's wording.

Update deliberately (``--snapshot-update``) after looking at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_testkit import banned_version, freeze_times, make_app, settle

from workbench.tui.dialogs.edit_content import EditDialog
from workbench.tui.dialogs.regenerate import RegenerateDialog

SIZE = (80, 24)


def no_blink(pilot: Pilot[Any]) -> None:
    """The cursors drawn, whatever the blink phase when the screenshot is taken."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


def test_snapshot_new_brief_form(snap_compare: Callable[..., bool], blank_ws: Path) -> None:
    async def new_brief(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app(blank_ws, "zh-CN"), terminal_size=SIZE, run_before=new_brief)


def test_snapshot_plain_text_edit(snap_compare: Callable[..., bool], generated_ws: Path) -> None:
    banned = banned_version(generated_ws)
    freeze_times(generated_ws)

    async def edit(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        variant = app.ctx.workbench.store.variants.get(banned)  # type: ignore[attr-defined]
        app.push_screen(EditDialog(app.ctx, variant))  # type: ignore[attr-defined]
        await settle(pilot)
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app(generated_ws), terminal_size=SIZE, run_before=edit)


def test_snapshot_regenerate_with_instruction(
    snap_compare: Callable[..., bool], generated_ws: Path
) -> None:
    banned = banned_version(generated_ws)
    freeze_times(generated_ws)

    async def regenerate(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        variant = app.ctx.workbench.store.variants.get(banned)  # type: ignore[attr-defined]
        app.push_screen(RegenerateDialog(app.ctx, variant))  # type: ignore[attr-defined]
        await settle(pilot)
        app.screen.query_one("#regen-instruction", Input).focus()
        await pilot.press(*"casual")
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(make_app(generated_ws), terminal_size=SIZE, run_before=regenerate)
