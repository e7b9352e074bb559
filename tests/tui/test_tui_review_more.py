"""Pilot tests of the variants screen's review additions: choosing the approval step when
the workspace has several, acting on every marked variant at once (all or nothing), and
importing reviewers' decisions from a CSV. Workers are awaited, never slept on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Select
from tui_testkit import make_app, notifications, open_variants, settle

from workbench.app import make_workbench
from workbench.review import ReviewRequest, review
from workbench.store.variantrecord import FullVariant
from workbench.tui.app import WorkbenchApp
from workbench.tui.dialogs.import_decisions import ImportDecisionsDialog
from workbench.tui.dialogs.reason import ReasonDialog
from workbench.tui.dialogs.review_step import StepDialog
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.variant_table import VariantTable


def stored(folder: Path, variant_id: int) -> FullVariant:
    wb = make_workbench(folder)
    try:
        return wb.store.variants.get(variant_id)
    finally:
        wb.close()


def two_steps(folder: Path, *, same_reviewer: bool = False) -> None:
    """Two review steps; ``same_reviewer``: one person may approve both (the TUI's own
    reviewer name approves each step here)."""
    toml = folder / "workbench.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'steps = ["review"]' in text
    text = text.replace('steps = ["review"]', 'steps = ["marketing", "legal"]')
    if same_reviewer:
        assert "allow_same_reviewer = false" in text
        text = text.replace("allow_same_reviewer = false", "allow_same_reviewer = true")
    toml.write_text(text)


async def test_approve_asks_the_step_when_there_are_several(generated_ws: Path) -> None:
    two_steps(generated_ws, same_reviewer=True)
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        vid = screen.current_variant().id  # type: ignore[union-attr]
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, StepDialog)
        assert dialog.query_one("#step-select", Select).value == "marketing"
        await pilot.click("#step-ok")
        await settle(pilot)
        assert app.screen is screen
        assert stored(generated_ws, vid).status == "in_review"
        await pilot.press("a")  # the next pending step is now the default
        await settle(pilot)
        assert isinstance(app.screen, StepDialog)
        assert app.screen.query_one("#step-select", Select).value == "legal"
        await pilot.press("escape")  # cancelled: nothing recorded
        await settle(pilot)
        assert app.screen is screen
        assert stored(generated_ws, vid).status == "in_review"
        await pilot.press("a")
        await settle(pilot)
        await pilot.click("#step-ok")
        await settle(pilot)
    variant = stored(generated_ws, vid)
    assert variant.status == "approved"
    steps = [(h.get("data") or {}).get("step") for h in variant.history]
    assert [s for s in steps if s] == ["marketing", "legal"]


async def test_approving_a_later_step_first_is_refused(generated_ws: Path) -> None:
    two_steps(generated_ws)
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        vid = screen.current_variant().id  # type: ignore[union-attr]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, StepDialog)
        app.screen.query_one("#step-select", Select).value = "legal"
        await pilot.click("#step-ok")
        await settle(pilot)
        assert app.screen is screen
        assert any("waits for 'marketing'" in m for m in notifications(app)), notifications(app)
    assert stored(generated_ws, vid).status == "draft"


async def test_one_step_approves_without_asking(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is screen
        assert screen.current_variant().status == "approved"  # type: ignore[union-attr]


async def test_reject_applies_to_every_marked_variant(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        await pilot.press("space", "down", "space", "down", "space", "down")
        marked = list(table.marked)
        assert len(marked) == 3  # more than two marks are kept
        unmarked = table.current_id()
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"off brand")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert any("Reject: 3 variants" in m for m in notifications(app)), notifications(app)
        assert table.marked == []
    for vid in marked:
        variant = stored(generated_ws, vid)
        assert variant.status == "rejected"
        assert variant.history[-1]["comment"] == "off brand"
    assert unmarked is not None and stored(generated_ws, unmarked).status == "draft"


async def test_batch_approve_is_all_or_nothing(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        first = table.current_id()
        await pilot.press("space", "down", "space")
        second = table.current_id()
        assert first is not None and second is not None
        wb = make_workbench(generated_ws)
        try:  # the first one is rejected meanwhile: approving it is refused
            review(
                wb.store,
                [first],
                ReviewRequest("reject", "someone", reason="no"),
                wb.settings.review.steps,
            )
        finally:
            wb.close()
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is screen
        assert any("cannot approve" in m for m in notifications(app)), notifications(app)
        assert table.marked == [first, second]  # kept for another try
    assert stored(generated_ws, second).status == "draft"
    assert stored(generated_ws, first).status == "rejected"


async def test_comment_on_marked_variants(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        table = screen.query_one(VariantTable)
        await pilot.press("space", "down", "space")
        marked = list(table.marked)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"nice")
        await pilot.press("enter")
        await settle(pilot)
        assert any("Comment: 2 variants" in m for m in notifications(app)), notifications(app)
    for vid in marked:
        variant = stored(generated_ws, vid)
        assert variant.status == "draft"
        assert variant.history[-1]["action"] == "comment"


def decisions_file(folder: Path, ids: list[int]) -> Path:
    path = folder / "decisions.csv"
    path.write_text(
        "variant_id,decision,comment\n"
        f"{ids[0]},approve,\n"
        f"{ids[1]},reject,too long\n"
        f"{ids[2]},,\n"
        "99999,approve,\n",
        encoding="utf-8",
    )
    return path


async def test_import_decisions_from_the_variants_screen(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        ids = [v.id for v in screen.query_one(VariantTable).shown[:3]]
        decisions_file(generated_ws, ids)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ImportDecisionsDialog)
        await pilot.press("enter")  # no path: refused, the dialog stays
        assert app.screen is dialog
        dialog.query_one(Input).value = "decisions.csv"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        found = notifications(app)
        # all or nothing: the unknown id in row 5 keeps the other rows from applying
        assert any("0 applied, 0 imported before, 1 problems" in m for m in found), found
        assert any("row 5 (variant 99999): unknown variant id" in m for m in found), found
        shown = {v.id: v.status for v in screen.query_one(VariantTable).shown}
        assert shown[ids[0]] == "draft" and shown[ids[1]] == "draft"
    assert stored(generated_ws, ids[0]).status == "draft"
    assert stored(generated_ws, ids[1]).status == "draft"
    assert stored(generated_ws, ids[2]).status == "draft"


async def test_import_a_missing_file_is_a_notification(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = "nowhere.csv"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert any("nowhere.csv" in m for m in notifications(app)), notifications(app)


async def test_import_decisions_from_the_command_palette_action(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, VariantsScreen)
        commands = [c[0] for c in _palette_commands(app)]
        assert "Import review decisions" in commands
        app.action_import_decisions()
        await settle(pilot)
        assert isinstance(app.screen, ImportDecisionsDialog)
        assert isinstance(app.screen_stack[-2], VariantsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, VariantsScreen)


def _palette_commands(app: WorkbenchApp) -> list[tuple[str, str, Any]]:
    from workbench.tui.commands import WorkbenchCommands

    return WorkbenchCommands(app.screen, None)._commands()
