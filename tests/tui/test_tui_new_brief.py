"""The new-brief form: library segments picked with their member counts, the job matrix
previewed from the planner, a valid brief written and opened in the editor, whose right
pane shows the matrix while the brief is valid and the problems while it is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.widgets import Input, SelectionList, Static, TextArea
from tui_testkit import make_app, settle

from workbench.cli.main import run
from workbench.tui.dialogs.new_brief import NewBriefDialog
from workbench.tui.dialogs.open_brief import OpenBriefDialog
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.campaigns import CampaignsScreen
from workbench.tui.widgets.matrix_preview import MatrixPreview
from workbench.tui.widgets.problem_list import ProblemList

ORDERS = """order_id,customer_id,paid_at,amount,refund
1,c1,2026-06-01 10:00:00,100.00,0
2,c1,2026-06-20 10:00:00,80.00,10.00
3,c2,2026-01-05 09:00:00,300.00,0
4,c5,2026-06-28 10:00:00,60.00,0
"""


async def recheck(pilot: Any) -> None:
    await pilot.pause(0.4)  # the form's debounce timer
    await settle(pilot)


def matrix_cells(matrix: MatrixPreview) -> dict[str, list[str]]:
    return {str(key.value): [str(c) for c in matrix.get_row(key)] for key in matrix.rows}


def status(dialog: NewBriefDialog) -> str:
    return str(dialog.query_one("#nb-status", Static).render())


async def fill(pilot: Any, dialog: NewBriefDialog, **values: str) -> None:
    for name, value in values.items():
        dialog.query_one(f"#nb-{name}", Input).value = value
    await recheck(pilot)


@pytest.fixture
def imported_ws(blank_ws: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_HOME", str(blank_ws))
    (blank_ws / "orders.csv").write_text(ORDERS, encoding="utf-8")
    code = run(["segments", "import", str(blank_ws / "orders.csv"), "--as-of", "2026-06-30",
                "--model", "lifecycle", "--json"])  # fmt: skip
    assert code == 0
    return blank_ws


async def test_form_picks_imported_segments_previews_the_matrix_and_writes_the_brief(
    imported_ws: Path,
) -> None:
    app = make_app(imported_ws)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewBriefDialog)
        picker = dialog.query_one("#nb-segments", SelectionList)
        labels = {
            str(picker.get_option_at_index(i).value): str(picker.get_option_at_index(i).prompt)
            for i in range(picker.option_count)
        }
        # c1 first paid 06-01, c5 06-28: both new; c2 last paid in January: dormant
        assert labels["new"] == "new  新客 · imported lifecycle · 2 members · as of 2026-06-30"
        assert labels["dormant"].endswith("· 1 members · as of 2026-06-30")
        assert labels["new-moms"] == "new-moms  新手妈妈 · hand-written"
        # nothing typed yet: what is missing, no matrix
        assert status(dialog) == "Still needed: Campaign, Brand, Product, Segments"
        assert not dialog.query_one(MatrixPreview).display
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NewBriefDialog)
        await fill(pilot, dialog, campaign="Summer day", brand="小鹿母婴", product="有机婴儿米粉",
                   price="89", offer="满199减50", deadline="2026-07-15")  # fmt: skip
        picker.select("new")
        picker.select("new-moms")
        dialog.query_one("#nb-deliverables", SelectionList).select("sms")
        await recheck(pilot)
        matrix = dialog.query_one(MatrixPreview)
        assert matrix.display, status(dialog)
        # rows in the order picked from the library (library order), a column per deliverable
        assert [str(c.label) for c in matrix.columns.values()] == [
            "Segment",
            "#0 copy·community",
            "#1 copy·sms",
        ]
        cells = matrix_cells(matrix)
        assert list(cells) == ["new-moms", "new"]
        assert cells["new"][1:] == ["3", "2"]
        assert matrix.jobs == 10
        # a bad answer: one line naming the field, no matrix, nothing can be created
        await fill(pilot, dialog, price="about 89")
        assert status(dialog) == "campaign.product.price: must be a number such as 89 or 89.9"
        assert not matrix.display
        await fill(pilot, dialog, price="89")
        assert matrix.display
        await pilot.press("ctrl+s")
        await settle(pilot)
        written = imported_ws / "briefs" / "summer-day.yaml"
        assert written.is_file()
        data = yaml.safe_load(written.read_text(encoding="utf-8"))
        assert data["segments"] == ["new-moms", "new"]
        assert data["campaign"]["product"]["deadline"].isoformat() == "2026-07-15"
        # the brief opens in the editor; its right pane is the matrix, not a problem list
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.path == written
        assert screen.loaded is not None
        side = screen.query_one(MatrixPreview)
        assert side.display and not screen.query_one(ProblemList).display
        assert matrix_cells(side)["new"][1:] == ["3", "2"]
        # break it: the problem list replaces the matrix
        editor = screen.query_one(TextArea)
        line = editor.text.splitlines().index("    variants: 3")
        editor.replace("variants: 0", (line, 4), (line, 15))
        await recheck(pilot)
        assert screen.loaded is None
        assert not side.display and screen.query_one(ProblemList).display
        assert [p.line for p in screen.problems] == [line + 1]


async def test_a_typed_path_that_does_not_exist_opens_the_form_for_it(blank_ws: Path) -> None:
    app = make_app(blank_ws)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, OpenBriefDialog)
        typed = app.screen.query_one("#brief-path", Input)
        typed.value = "briefs/june.yaml"
        typed.focus()
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewBriefDialog)
        await fill(pilot, dialog, campaign="六月上新", brand="小鹿母婴", product="米粉")
        dialog.query_one("#nb-segments", SelectionList).select("new-moms")
        await recheck(pilot)
        assert dialog.query_one(MatrixPreview).display, status(dialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.path == blank_ws / "briefs" / "june.yaml"
        assert "六月上新" in (blank_ws / "briefs" / "june.yaml").read_text(encoding="utf-8")


async def test_the_open_dialog_offers_the_form_first(blank_ws: Path) -> None:
    app = make_app(blank_ws, language="zh-CN")
    async with app.run_test(size=(100, 30)) as pilot:
        before = sorted(p.name for p in (blank_ws / "briefs").iterdir())
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewBriefDialog)
        assert status(dialog) == "还需填写：活动名称、品牌、商品、分群"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        assert sorted(p.name for p in (blank_ws / "briefs").iterdir()) == before
