"""Pilot tests of the A/B screen: experiments listed, results imported from a file, the
report with SRM first, interval bars and verdicts; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Input, Static
from tui_testkit import ab_workspace, make_app, notifications, settle

from workbench.review.workflow import ReviewRequest, review
from workbench.tui.dialogs.ab_actions import ConfirmDialog
from workbench.tui.dialogs.import_results import ImportResultsDialog
from workbench.tui.screens.ab import ABScreen


def report_lines(screen: ABScreen) -> list[str]:
    console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(screen.query_one("#ab-report-body", Static).content)
    return [line.rstrip() for line in console.export_text().splitlines() if line.strip()]


async def test_ab_screen_imports_results_and_reports(generated_ws: Path) -> None:
    results = ab_workspace(generated_ws)
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ABScreen) and screen.campaign == "tui-test"
        assert screen.order == [1, 2, 3, 4]
        assert {r.verdict for r in screen.reports.values()} == {"no_data"}
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImportResultsDialog)
        await pilot.press(*results.name)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        first = screen.reports[1]
        assert first.users == 1000 * len(first.arms)
        assert first.verdict == "winner" and not first.srm_alert
        assert screen.reports[3].srm_alert and screen.reports[3].verdict == "srm"
        assert screen.reports[4].verdict == "no_data"
        table = screen.query_one(DataTable)
        assert "SRM" in str(table.get_row_at(2)[-1])
        lines = report_lines(screen)
        assert lines[0].startswith("✓ Sample ratio OK")
        bars = [line for line in lines if "┃" in line]
        assert len(bars) == len(first.arms)
        assert "control" in bars[0] and "winner" in bars[-1]
        assert any("Verdict: variant" in line for line in lines)
        # the SRM warning is the first thing shown for experiment 3
        await pilot.press("down", "down")
        await settle(pilot)
        assert screen.current_id() == 3
        lines = report_lines(screen)
        assert lines[0].startswith("⚠ Sample ratio mismatch")
        assert "blocked by SRM" in "\n".join(lines)
        # another metric recomputes every report
        await pilot.press("m")
        await settle(pilot)
        assert screen.metric == "click" and screen.reports[1].metric == "click"
        # importing the same file again changes nothing
        before = {i: r.users for i, r in screen.reports.items()}
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*results.name, "enter")
        await settle(pilot)
        assert {i: r.users for i, r in screen.reports.items()} == before


async def test_ab_bad_file_is_a_notification_and_writes_nothing(generated_ws: Path) -> None:
    ab_workspace(generated_ws)
    bad = generated_ws / "bad.csv"
    bad.write_text("variant_id,date,impressions,clicks,conversions\n1,yesterday,10,1,1\n")
    app = make_app(generated_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ABScreen)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = "bad.csv"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        messages = notifications(app)
        assert any("bad.csv:2" in m and "date" in m for m in messages), messages
        assert {r.users for r in screen.reports.values()} == {0}


async def test_ab_creates_experiments_after_a_preview(generated_ws: Path) -> None:
    """``n`` previews first: drafts make nothing (each group says why); once variants are
    approved the preview lists the arms and confirming creates exactly those."""
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ABScreen) and screen.order == []
        assert "No experiments" in str(screen.query_one("#ab-report-body", Static).render())
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and not dialog.allowed
        assert "0 eligible variant(s), 2 needed (left out: 4 draft)" in _body(dialog)
        assert not dialog.query("#ab-confirm-ok")
        await pilot.press("escape")
        await settle(pilot)
        assert screen.order == []  # nothing was created without asking
        store = app.ctx.workbench.store
        ids = [v.id for v in store.variants.rows(campaign="tui-test")]
        request = ReviewRequest(action="approve", actor="tester", reason="fine")
        review(store, ids, request, ["review"])
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and dialog.allowed
        assert _body(dialog).count("✓") == 4 and "Create 4 experiments" in dialog.title_text
        await pilot.click("#ab-confirm-ok")
        await settle(pilot)
        assert app.screen is screen and screen.order == [1, 2, 3, 4]
        assert all(len(r.arms) >= 2 for r in screen.reports.values())


def _body(dialog: ConfirmDialog) -> str:
    return str(dialog.body)
