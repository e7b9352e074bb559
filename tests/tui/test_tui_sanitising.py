"""Control characters from a variant (an LLM answer or an edit stored before ingestion
cleaned them) never reach the terminal: every widget that shows content renders them as
visible ``\\xNN`` escapes (#17), and markup in content stays text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tui_testkit import make_app, open_variants, settle

from workbench.tui.screens.compare import CompareScreen

HOSTILE = "会员日\x1b]0;owned\x07满减\x0b[bold red]大促[/]\x9b2J"


def screen_text(app: Any) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def _poison(folder: Path) -> None:
    """Write hostile text straight into the store, as an old database or direct SQL could."""
    with sqlite3.connect(folder / "workbench.db") as db:
        triggers = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'variants'"
        ).fetchall()
        for name, _ in triggers:
            db.execute(f"DROP TRIGGER [{name}]")
        rows = db.execute("SELECT id, content FROM variants WHERE kind = 'copy'").fetchall()
        for vid, raw in rows[:2]:
            content = json.loads(raw)
            content["body"] = HOSTILE + content["body"]
            content["cta"] = HOSTILE
            db.execute(
                "UPDATE variants SET content = ? WHERE id = ?",
                (json.dumps(content, ensure_ascii=False), vid),
            )
        for _, sql in triggers:
            db.execute(sql)
    db.close()


def assert_clean(text: str) -> None:
    bad = [hex(ord(c)) for c in text if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F]
    assert not bad, bad


async def test_controls_in_content_never_reach_the_screen(generated_ws: Path) -> None:
    _poison(generated_ws)
    app = make_app(generated_ws)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_variants(pilot, app)
        while (v := screen.current_variant()) is not None and not str(
            v.content.get("body", "")
        ).startswith("会员日"):
            await pilot.press("down")
            await settle(pilot)
        shown = screen_text(app)
        assert_clean(shown)
        # visible instead: the escape and the vertical tab as \x1b and \x0b; markup as text
        assert "会员日\\x1b]0;owned\\x07满减\\x0b[bold" in shown
        assert "red]大促[/]\\x9b2J" in shown
        # compare two poisoned variants side by side
        await pilot.press("space", "down", "space", "c")
        await settle(pilot)
        if isinstance(app.screen, CompareScreen):
            assert_clean(screen_text(app))
