"""Pilot tests of the A/B screen's actions: promote shows the verdict and approval state
(an unapproved winner cannot be promoted), stop asks why and is audited, assign writes the
send list with tracked links; the variant detail shows the tracked link and its clicks."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, Static
from tui_testkit import ab_workspace, add_landing_page, make_app, make_workspace, settle

from workbench.abtest.importing import import_results
from workbench.app import make_workbench
from workbench.cli.main import run
from workbench.review.workflow import ReviewRequest, review
from workbench.store.ordering import in_brief_order
from workbench.tracking.links import code_for
from workbench.tui.dialogs.ab_actions import AssignDialog, ConfirmDialog
from workbench.tui.dialogs.reason import ReasonDialog
from workbench.tui.screens.ab import ABScreen
from workbench.tui.widgets.variant_detail import VariantDetail


def _prepared(folder: Path) -> Path:
    results = ab_workspace(folder)
    wb = make_workbench(folder)
    try:
        import_results(wb.store, results)
    finally:
        wb.close()
    return folder


async def _ab_screen(pilot) -> ABScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ABScreen)
    return screen


async def test_promote_shows_verdict_and_approval(generated_ws: Path) -> None:
    app = make_app(_prepared(generated_ws))
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await _ab_screen(pilot)
        assert screen.current_id() == 1 and screen.reports[1].verdict == "winner"
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and not dialog.allowed
        body = str(dialog.body)
        assert "Verdict: winner" in body and "Review status: draft" in body
        assert "cannot be promoted" in body
        await pilot.press("escape")
        await settle(pilot)
        store = app.ctx.workbench.store
        winner = screen.reports[1].winner
        review(store, [winner], ReviewRequest("approve", "tester", reason="ok"), ["review"])
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and dialog.allowed
        assert "Review status: approved" in str(dialog.body)
        await pilot.click("#ab-confirm-ok")
        await settle(pilot)
        assert store.ab.get_experiment(1).status == "decided"
        assert [
            r.variant_id for r in store.ab.outcomes("winner", kind="copy", any_channel=True)
        ] == [winner]
        trail = store.reviews.audit_trail(campaign="tui-test")
        audit = [r for r in trail if r["action"] == "ab_promote"]
        assert len(audit) == 1 and audit[0]["actor"] == "operator"


async def test_stop_asks_why_and_assign_writes_the_send_list(generated_ws: Path) -> None:
    folder = _prepared(generated_ws)
    (folder / "users.csv").write_text(
        "user_id\n" + "".join(f"u{i}\n" for i in range(40)) + "=1+1\n", encoding="utf-8"
    )
    app = make_app(folder)
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await _ab_screen(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert screen.current_id() == 2
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"wrong audience", "enter")
        await settle(pilot)
        store = app.ctx.workbench.store
        assert store.ab.get_experiment(2).status == "stopped"
        trail = store.reviews.audit_trail(campaign="tui-test")
        (row,) = [r for r in trail if r["action"] == "ab_stop"]
        assert row["comment"] == "wrong audience"
        await pilot.press("down")
        await settle(pilot)
        assert screen.current_id() == 3
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AssignDialog)
        dialog.query_one("#assign-users", Input).value = "nowhere.csv"
        await pilot.press("enter")
        await settle(pilot)
        assert "No such file" in str(dialog.query_one("#assign-error", Static).render())
        dialog.query_one("#assign-users", Input).value = "users.csv"
        await pilot.press("enter")
        await settle(pilot)
        with (folder / "ab-3-send.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 41 and "'=1+1" in {r["user_id"] for r in rows}
        arms = {a.arm_id: a.assigned for a in store.ab.get_experiment(3).arms}
        assert sum(arms.values()) == 41


@pytest.fixture
def linked_ws(tmp_path: Path) -> Path:
    """The test brief with a landing URL and a short-link domain, generated, with three
    stored clicks (two visitors) on its first variant."""
    folder = make_workspace(tmp_path / "ws", generate=False)
    brief = add_landing_page(folder, "https://example.com/rice?utm_source=crm")
    toml = folder / "workbench.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('base_url = ""', 'base_url = "https://t.ex.cn"'),
        encoding="utf-8",
    )
    assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    wb = make_workbench(folder)
    first = in_brief_order(wb.store, wb.store.variants.rows())[0]  # the screen's first row
    wb.store.tracking.record_hits(
        [
            ("2026-03-10T01:00:00.000Z", "2026-03-10", code_for(first.uid), first.id,
             visitor, "ip", "Mozilla/5.0", "", "click")
            for visitor in ("v1", "v1", "v2")
        ]
    )  # fmt: skip
    wb.close()
    return folder


async def test_variant_detail_shows_the_tracked_link_and_clicks(linked_ws: Path) -> None:
    folder = linked_ws
    wb = make_workbench(folder)
    first = in_brief_order(wb.store, wb.store.variants.rows())[0]  # the screen's first row
    wb.close()
    app = make_app(folder)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen.query_one(VariantDetail)
        assert detail.variant is not None and detail.variant.id == first.id
        console = Console(width=110, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#detail-provenance", Static).content)
        shown = console.export_text()
        assert f"https://t.ex.cn/s/{code_for(first.uid)}" in shown
        assert "Clicks: 3, unique 2" in shown
