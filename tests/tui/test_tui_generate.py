"""Generate through the fake OpenAI-compatible endpoint: live matrix, streamed text, a
failure shown with its error, re-run failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_testkit import copy_reply, make_app, settle

from workbench.app import EndpointOverrides
from workbench.testing import FakeLLMServer
from workbench.tui.screens.brief import BriefScreen
from workbench.tui.screens.generate import GenerateScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.failure_table import FailureTable
from workbench.tui.widgets.job_matrix import JobMatrix


async def test_generate_streams_fails_and_reruns(
    blank_ws: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-0123456789")
    fake_llm.reply = copy_reply
    fake_llm.fail_next("auth")  # one job fails at once (not retried)
    overrides = EndpointOverrides(base_url=fake_llm.base_url, model="fake-model")
    app = make_app(blank_ws, overrides=overrides)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(BriefScreen(app.ctx, blank_ws / "briefs" / "tui-test.yaml"))
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GenerateScreen)
        assert not screen.running
        matrix = screen.query_one(JobMatrix)
        totals = matrix.totals()
        assert (totals.total, totals.done, totals.failed, totals.running) == (10, 10, 1, 0)
        assert set(matrix.cells) == {(s, d) for s in ("new-moms", "dormant-vip") for d in (0, 1)}
        # the streamed text of a job reached the live pane
        stream = str(screen.query_one("#generate-stream", Static).render())
        assert "有机婴儿米粉" in stream or "宝宝辅食第一口" in stream
        # readable text under field labels, not the model's raw JSON
        assert any(line.startswith(("body: ", "  text: ")) for line in stream.splitlines())
        assert not any(raw in stream for raw in ('"body"', '"text"', "{", "\\n", '": "'))
        failures = screen.query_one(FailureTable)
        assert failures.display and len(failures.failures) == 1
        (failed,) = failures.failures.values()
        assert "401" in (failed.error or "") or "key" in (failed.error or "").lower()
        assert "failed 1" in str(screen.query_one("#generate-counts", Static).render())
        calls = len(fake_llm.requests)
        # re-run failed: only the failed job calls the model again
        await pilot.press("f")
        await settle(pilot)
        assert not failures.failures
        assert len(fake_llm.requests) == calls + 1
        assert matrix.totals().failed == 0
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VariantsScreen)
        assert len(app.screen.variants) == 14


async def test_cancel_stops_the_run(blank_ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-0123456789")
    with FakeLLMServer(latency=30.0, reply=copy_reply) as slow:
        overrides = EndpointOverrides(base_url=slow.base_url, model="fake-model")
        app = make_app(blank_ws, overrides=overrides)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.push_screen(BriefScreen(app.ctx, blank_ws / "briefs" / "tui-test.yaml"))
            await settle(pilot)
            loaded = app.screen.loaded  # type: ignore[attr-defined]
            assert loaded is not None
            screen = GenerateScreen(app.ctx, loaded)
            app.push_screen(screen)
            while not screen.running_jobs:  # wait until calls are in flight
                await pilot.pause(0.05)
            await pilot.press("escape")  # refuses to leave while running
            assert app.screen is screen
            await pilot.press("x")
            await settle(pilot)
            assert not screen.running
            assert "Stopped" in str(screen.query_one("#generate-counts", Static).render())
            runs = app.ctx.workbench.store.runs.rows()
            assert runs[0]["status"] == "interrupted"
