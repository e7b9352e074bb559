"""The campaigns screen lists the segment library: source, member count and as-of date;
an import made while the TUI is open shows after a refresh (r)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_testkit import make_app, settle

from workbench.cli.main import run
from workbench.tui.screens.campaigns import CampaignsScreen
from workbench.tui.widgets.segment_table import SegmentTable

ORDERS = """order_id,customer_id,paid_at,amount,refund
1,c1,2026-06-01 10:00:00,100.00,0
2,c1,2026-06-20 10:00:00,80.00,10.00
3,c2,2026-01-05 09:00:00,300.00,0
4,c3,,50.00,0
5,c4,2026-06-25 12:00:00,20.00,20.00
"""


def _rows(table: SegmentTable) -> dict[str, list[str]]:
    return {str(key.value): [str(cell) for cell in table.get_row(key)] for key in table.rows}


async def test_campaigns_screen_lists_segments_with_source_members_and_as_of(
    generated_ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(generated_ws))
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        table = app.screen.query_one(SegmentTable)
        before = _rows(table)
        assert before["new-moms"][2:] == ["hand-written", "-", "-"]
        assert "important-retain" not in before
        (generated_ws / "orders.csv").write_text(ORDERS, encoding="utf-8")
        code = run(["segments", "import", str(generated_ws / "orders.csv"), "--as-of",
                    "2026-06-30", "--model", "lifecycle", "--json"])  # fmt: skip
        assert code == 0
        await pilot.press("r")
        await settle(pilot)
        after = _rows(table)
        # c1: last paid 06-20 -> first 06-01 is within 30 days: new; c2: R 176: dormant.
        assert after["new"] == ["new", "新客", "imported lifecycle", "1", "2026-06-30"]
        assert after["dormant"][3:] == ["1", "2026-06-30"]
        assert after["active"][3] == "0" and after["churned"][3] == "0"
        assert after["new-moms"][2] == "hand-written"


async def test_a_broken_library_is_one_line_not_a_crash(generated_ws: Path) -> None:
    (generated_ws / "segments.yaml").write_text("segments:\n  - id: x\n    nmae: y\n", "utf-8")
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hint = str(app.screen.query_one("#segments-hint", Static).render())
        assert hint.endswith("segments.yaml:2: segments[0].name: required field is missing")
        assert app.screen.query_one(SegmentTable).row_count == 0
