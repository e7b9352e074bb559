"""Workspaces and apps for the TUI tests (imported by module name; not a test module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from workbench.app import EndpointOverrides, make_workbench
from workbench.cli.main import run
from workbench.i18n import Catalog
from workbench.llm.wire import ChatBody
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.variants import VariantsScreen

BRIEF = """campaign:
  id: tui-test
  name: 界面测试
  brand: {name: 小鹿母婴, banned_words: [最便宜]}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: new-moms, name: 新手妈妈, description: 第一次买辅食}
  - {id: dormant-vip, name: 沉睡VIP, description: 近90天没有下单}
deliverables:
  - kind: copy
    channel: community
    variants: 2
    styles: [instruction, specific]
  - kind: title
    channel: xiaohongshu
    variants: 3
"""


def make_workspace(folder: Path, *, generate: bool = True) -> Path:
    """An initialised workspace with the test brief (run offline when ``generate``)."""
    assert run(["init", str(folder)]) == 0
    brief = folder / "briefs" / "tui-test.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    if generate:
        assert run(["--db", str(folder / "workbench.db"), "generate", str(brief), "--offline"]) == 0
    return folder


def add_landing_page(folder: Path, url: str) -> Path:
    """Give the workspace's test brief a landing page (its copy then carries a tracked
    link); returns the brief's path, still to generate."""
    brief = folder / "briefs" / "tui-test.yaml"
    text = brief.read_text(encoding="utf-8").replace(
        "selling_points: [有机认证]}", f"selling_points: [有机认证], landing_url: '{url}'}}"
    )
    brief.write_text(text, encoding="utf-8")
    return brief


def make_app(
    folder: Path, language: str = "en-US", overrides: EndpointOverrides | None = None
) -> WorkbenchApp:
    return WorkbenchApp(make_workbench(folder), Catalog(language), overrides)


def copy_reply(body: ChatBody) -> str:
    """A valid answer for copy and title jobs of the test brief."""
    prompt = body["messages"][-1]["content"]
    if '"titles"' in json.dumps(body, ensure_ascii=False):
        return json.dumps(
            {"titles": [{"text": f"宝宝辅食第一口{i}", "angle": "安心"} for i in range(3)]},
            ensure_ascii=False,
        )
    return json.dumps(
        {
            "title": None,
            # a per-prompt tag that states no number (a number the brief lacks is a claim,
            # and the fact guard would ask the model again)
            "body": f"有机婴儿米粉，会员日满199减50。({'ABCDEFGHJK'[len(prompt) % 10]})",
            "hashtags": ["辅食"],
            "cta": "点击下单",
        },
        ensure_ascii=False,
    )


def freeze_times(folder: Path) -> None:
    """Pin every timestamp in the workspace database, so screenshots do not change."""
    import sqlite3

    stamp = "2026-03-01T09:30:00"
    with sqlite3.connect(folder / "workbench.db") as db:
        db.execute("UPDATE runs SET started_at = ?, finished_at = ?", (stamp, stamp))
        db.execute("UPDATE variants SET created_at = ?, updated_at = ?", (stamp, stamp))
        db.execute("UPDATE campaigns SET created_at = ?, updated_at = ?", (stamp, stamp))
    db.close()


BANNED_BODY = "全网最便宜的有机婴儿米粉，会员日满199减50。"


def banned_version(folder: Path) -> int:
    """A new version of the first copy variant whose body has a ban term (via the core)."""
    from workbench.tui.context import TuiContext
    from workbench.tui.review_ops import save_edit

    wb = make_workbench(folder)
    try:
        first = next(v for v in wb.store.variants.rows(campaign="tui-test") if v.kind == "copy")
        text = f"title: null\nbody: {BANNED_BODY}\nhashtags: []\ncta: 点击下单\n"
        return save_edit(TuiContext(wb, Catalog("en-US")), int(first.id), text)
    finally:
        wb.close()


def ab_workspace(folder: Path) -> Path:
    """Experiments per segment x deliverable; writes ``results.csv`` (not imported) in which
    experiment 1 has a clear winner and experiment 3 a sample-ratio mismatch."""
    from workbench.abtest.experiments import ExperimentOptions, create_from_variants

    wb = make_workbench(folder)
    try:
        create_from_variants(wb.store, "tui-test", options=ExperimentOptions(include_drafts=True))
        rows = ["variant_id,date,impressions,clicks,conversions"]
        for e in wb.store.ab.list_experiments("tui-test")[:3]:
            for i, arm in enumerate(e.arms):
                n = 1300 if e.id == 3 and i == 0 else 1000
                clicks, conversions = int(n * (0.10 + 0.03 * i)), int(n * (0.05 + 0.02 * i))
                rows.append(f"{arm.variant_id},2026-03-01,{n},{clicks},{conversions}")
        (folder / "results.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    finally:
        wb.close()
    return folder / "results.csv"


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen (three rounds)."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_variants(pilot: Pilot[Any], app: WorkbenchApp) -> VariantsScreen:
    """From the campaigns screen, open the highlighted campaign's variants."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, VariantsScreen)
    return app.screen


def notifications(app: WorkbenchApp) -> list[str]:
    """The messages the app has shown as notifications, oldest first."""
    return [str(n.message) for n in app._notifications]
