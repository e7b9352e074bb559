"""Snapshot tests of the key screens at 100×30 and 80×24 (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at the
SVGs in ``tests/tui/__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_testkit import ab_workspace, banned_version, freeze_times, make_app, settle

from workbench.tui.screens.brief import BriefScreen

SIZES = [(100, 30), (80, 24)]


@pytest.fixture
def frozen_ws(generated_ws: Path) -> Path:
    freeze_times(generated_ws)
    return generated_ws


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_campaigns(
    snap_compare: Callable[..., bool], frozen_ws: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(frozen_ws), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_variants(
    snap_compare: Callable[..., bool], frozen_ws: Path, size: tuple[int, int]
) -> None:
    async def open_variants(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(frozen_ws), terminal_size=size, run_before=open_variants)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_brief_with_problem(
    snap_compare: Callable[..., bool], blank_ws: Path, size: tuple[int, int]
) -> None:
    path = blank_ws / "briefs" / "tui-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("variants: 3", "variants: -1"))

    async def open_brief(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        app = pilot.app
        app.push_screen(BriefScreen(app.ctx, path))  # type: ignore[attr-defined]
        await settle(pilot)
        # the cursor drawn, whatever the blink phase when the screenshot is taken: no blink,
        # and the line cache dropped (a line cached in the blink's off phase has the same
        # cache key as one without blink, so it would be reused without its cursor)
        editor = app.screen.query_one(TextArea)
        editor.cursor_blink = False
        editor.notify_style_update()
        editor.refresh()
        await pilot.pause()

    assert snap_compare(make_app(blank_ws), terminal_size=size, run_before=open_brief)


def test_snapshot_compare(snap_compare: Callable[..., bool], frozen_ws: Path) -> None:
    async def compare(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "down", "c")
        await settle(pilot)

    assert snap_compare(make_app(frozen_ws), terminal_size=(100, 30), run_before=compare)


def test_snapshot_help(snap_compare: Callable[..., bool], frozen_ws: Path) -> None:
    async def help_(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(frozen_ws), terminal_size=(80, 24), run_before=help_)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_variants_ban_override(
    snap_compare: Callable[..., bool], generated_ws: Path, size: tuple[int, int]
) -> None:
    """The variants screen with its review actions, approving a variant with a ban finding:
    the override reason dialog over the table, the findings and the button bar."""
    banned = banned_version(generated_ws)
    freeze_times(generated_ws)

    async def approve_banned(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        table = pilot.app.screen.query_one("#variants-table")
        table.move_cursor(row=table.get_row_index(str(banned)))  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        # the reason input's cursor drawn, whatever the blink phase at the screenshot
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(generated_ws), terminal_size=size, run_before=approve_banned)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_ab(
    snap_compare: Callable[..., bool], frozen_ws: Path, size: tuple[int, int]
) -> None:
    """A/B with imported results: experiments, SRM line, interval bars, lift, p, verdict."""
    from workbench.abtest.importing import import_results
    from workbench.app import make_workbench

    results = ab_workspace(frozen_ws)
    wb = make_workbench(frozen_ws)
    try:
        import_results(wb.store, results)
    finally:
        wb.close()

    async def open_ab(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(frozen_ws), terminal_size=size, run_before=open_ab)
