"""Pilot tests of the review actions on the variants screen: approve (and the ban override
reason), reject with a reason, edit -> new version, regenerate through the fake endpoint,
and the export dialog. Workers are awaited, never slept on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, SelectionList, Static, TextArea
from tui_testkit import (
    banned_version,
    copy_reply,
    make_app,
    notifications,
    open_variants,
    settle,
)

from workbench.app import EndpointOverrides, make_workbench
from workbench.store.variantrecord import FullVariant
from workbench.testing import FakeLLMServer
from workbench.tui.dialogs.edit_content import EditDialog
from workbench.tui.dialogs.export import ExportDialog
from workbench.tui.dialogs.reason import ReasonDialog
from workbench.tui.dialogs.regenerate import RegenerateDialog
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.variant_table import VariantTable


def select_row(screen: VariantsScreen, variant_id: int) -> None:
    table = screen.query_one(VariantTable)
    table.move_cursor(row=table.get_row_index(str(variant_id)))


def store_variant(folder: Path, variant_id: int) -> FullVariant:
    wb = make_workbench(folder)
    try:
        return wb.store.variants.get(variant_id)
    finally:
        wb.close()


async def test_approve_without_findings_changes_status(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        variant = screen.current_variant()
        assert variant is not None and not variant.lint
        await pilot.press("a")
        await settle(pilot)
        assert not isinstance(app.screen, ReasonDialog)
        assert screen.current_variant().status == "approved"  # type: ignore[union-attr]
    assert store_variant(generated_ws, variant.id).status == "approved"


async def test_approve_with_ban_needs_an_override_reason(generated_ws: Path) -> None:
    banned = banned_version(generated_ws)
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        select_row(screen, banned)
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReasonDialog)
        assert "最便宜" in str(dialog.query_one("#reason-warning", Static).render())
        await pilot.press("enter")  # empty: refused, the dialog stays
        assert app.screen is dialog
        assert "reason is needed" in str(dialog.query_one("#reason-error", Static).render())
        await pilot.press(*"registered name")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.current_variant().status == "approved"  # type: ignore[union-attr]
    stored = store_variant(generated_ws, banned)
    assert stored.status == "approved"
    approval = [h for h in stored.history if h["action"] == "approve"][-1]
    assert approval["comment"] == "registered name"


async def test_cancelled_override_leaves_the_variant_alone(generated_ws: Path) -> None:
    banned = banned_version(generated_ws)
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        select_row(screen, banned)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
    assert store_variant(generated_ws, banned).status == "draft"


async def test_reject_with_a_reason_and_refused_second_approval(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        vid = screen.current_variant().id  # type: ignore[union-attr]
        await pilot.click("#review-reject")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"too long")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current_variant().status == "rejected"  # type: ignore[union-attr]
        # the workflow refuses approving a rejected variant: a notification, no crash
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is screen
        messages = notifications(app)
        assert any("cannot approve" in m for m in messages), messages
    history = store_variant(generated_ws, vid).history
    assert [h["action"] for h in history][-1] == "reject"
    assert history[-1]["comment"] == "too long"


async def test_edit_saves_a_new_version(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        old = screen.current_variant()
        assert old is not None
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        # the body as plain text in a wrapping area, no YAML
        editor = dialog.query_one("#edit-body", TextArea)
        body = old.content["body"]
        assert editor.text == body and editor.soft_wrap
        assert "body:" not in editor.text
        assert dialog.query_one("#edit-cta", Input).value == old.content["cta"]
        editor.text = editor.text.replace(body.splitlines()[0], "改过的第一行：有机婴儿米粉")
        dialog.query_one("#edit-comment", Input).value = "shorter opening"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        new = screen.current_variant()
        assert new is not None and new.id != old.id
        assert new.parent_id == old.id and new.version == old.version + 1
        assert new.content["body"].startswith("改过的第一行")
        assert new.content["length"] == len(new.content["body"])
    assert store_variant(generated_ws, old.id).content["body"] == body


async def test_edit_without_changes_stays_open_with_the_problem(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        count = len(screen.variants)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        status = str(dialog.query_one("#edit-status", Static).render())
        assert "no changes: nothing to save" in status
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.variants) == count


async def test_regenerate_in_another_style_makes_a_new_variant(
    generated_ws: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-0123456789")
    fake_llm.reply = copy_reply
    overrides = EndpointOverrides(base_url=fake_llm.base_url, model="fake-model")
    app = make_app(generated_ws, overrides=overrides)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        source = screen.current_variant()
        assert source is not None and source.kind == "copy"
        before = len(screen.variants)
        await pilot.press("g")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RegenerateDialog)
        dialog.query_one("#regen-style", Select).value = "agent"
        dialog.query_one("#regen-framework", Select).value = "pas"
        await pilot.click("#regen-ok")
        await settle(pilot)
        assert app.screen is screen
        assert len(fake_llm.requests) == 1
        assert len(screen.variants) == before + 1
        new = screen.current_variant()
        assert new is not None and new.id != source.id
        assert (new.style, new.framework, new.model) == ("agent", "pas", "fake-model")
        assert (new.segment, new.deliverable_index) == (
            source.segment,
            source.deliverable_index,
        )
        # the same choice again finds the finished job: no model call, no new variant
        select_row(screen, source.id)
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#regen-style", Select).value = "agent"
        app.screen.query_one("#regen-framework", Select).value = "pas"
        await pilot.click("#regen-ok")
        await settle(pilot)
        assert len(fake_llm.requests) == 1 and len(screen.variants) == before + 1
        # a fresh round asks the model again
        select_row(screen, source.id)
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#regen-style", Select).value = "agent"
        app.screen.query_one("#regen-fresh", Checkbox).value = True
        await pilot.click("#regen-ok")
        await settle(pilot)
        assert len(fake_llm.requests) == 2 and len(screen.variants) == before + 2
    stored = store_variant(generated_ws, source.id)
    assert stored.content == source.content and stored.status == "draft"
    assert [h["action"] for h in stored.history].count("regenerate") == 2


async def test_export_dialog_writes_the_file_and_shows_where(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_variants(pilot, app)
        await pilot.press("a")  # one approved variant
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "csv"
        dialog.query_one(SelectionList).select("approved")
        dialog.query_one("#export-out", Input).value = "out/approved.csv"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen is screen  # closed after the export; the path stays as a notification
        result = dialog.result
        assert result is not None and result.count == 1 and result.format == "csv"
        assert result.path == generated_ws / "out" / "approved.csv"
        assert any(str(result.path) in message for message in notifications(app))
        with result.path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["status"] for r in rows] == ["approved"]


async def test_export_from_campaigns_with_defaults(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.click("#export-ok")
        await settle(pilot)
        assert dialog.result is not None and dialog.result.count == 14
        assert dialog.result.path.name == "tui-test-review.xlsx" and dialog.result.path.is_file()
