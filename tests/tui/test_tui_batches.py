"""The campaigns screen names Batch API runs not collected yet (one read-only line)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_testkit import make_app, settle

from workbench.store import Store


async def test_open_batches_are_one_line_under_the_campaigns(generated_ws: Path) -> None:
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Open batches" not in str(app.screen.query_one("#campaigns-hint", Static).render())
    with Store.open(generated_ws / "workbench.db") as store:
        (campaign,) = store.variants.campaigns()
        for keys in (["a", "b", "c"], ["d"]):
            local = store.llm_batches.add(
                campaign_id=campaign["id"],
                brief_id=None,
                run_id=None,
                shard=0,
                base_url="http://127.0.0.1:9/v1",
                model="m",
                plan={},
                job_keys=keys,
            )
        store.llm_batches.mark_collected(local)  # the second one is collected: not shown
        store.llm_batches.add(
            campaign_id=campaign["id"],
            brief_id=None,
            run_id=None,
            shard=1,
            base_url="http://127.0.0.1:9/v1",
            model="m",
            plan={},
            job_keys=["e", "f"],
        )
    app = make_app(generated_ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hint = str(app.screen.query_one("#campaigns-hint", Static).render())
        assert "Open batches: 2 (5 requests) · workbench batch list" in hint
