"""The limit report states a live run sheet's word-for-word share: how many of its minutes
the host's lines fill at the speaking rate the sheet was checked at (an ``info`` finding,
``live_coverage``), for offline and model sheets alike; other kinds get none."""

from __future__ import annotations

import re
from typing import Any

from test_offline_truth import BRIEFS, answer, jobs

from workbench.kinds import get_kind
from workbench.lint.briefcontext import context_from_brief
from workbench.lint.engine import LintContext, Linter
from workbench.lint.limits import live_coverage
from workbench.lint.rules import load_rules
from workbench.store.findings import Finding

LINTER = Linter(load_rules())


def _findings(name: str, kind: str) -> list[tuple[dict[str, Any], list[Finding]]]:
    brief = BRIEFS[name]
    out = []
    for j in jobs(brief):
        if j.kind != kind or j.variant_index:
            continue
        ctx = context_from_brief(brief, j.deliverable.target, j.kind, j.segment, j.deliverable)
        for content in get_kind(j.kind).parse(answer(j), j.deliverable, brief, j.count):
            out.append((content, LINTER.lint_content(j.kind, content, ctx)))
    return out


def test_a_run_sheet_reports_its_word_for_word_share() -> None:
    seen = 0
    for name in ("member-day", "hotel"):
        for content, found in _findings(name, "live_script"):
            notes = [f for f in found if f.rule == "live_coverage"]
            assert len(notes) == 1, found
            note = notes[0]
            assert note.severity == "info" and note.field == "phases"
            share = float(re.findall(r"(\d+(?:\.\d+)?)%", note.message_en)[0])
            assert 5 <= share <= 15, note.message_en  # a 60-minute offline sheet: ~7-8%
            assert "逐字稿" in note.message_zh and "word-for-word" in note.message_en
            # the sheet's own first cue states the same share, rounded
            head = content["phases"][0]["beats"][0]["action"]
            stated = int(re.search(r"(?:占|\()(\d+)%", head).group(1))  # type: ignore[union-attr]
            assert abs(stated - share) <= 1, (stated, share, head)
            seen += 1
    assert seen >= 4


def test_units_follow_the_sheet_not_the_report_language() -> None:
    content = {
        "minutes": 10,
        "speech_rate": 4.0,
        "phases": [{"beats": [{"lines": "欢迎来到直播间" * 40}]}],  # 280 characters = 70 s
    }
    (hit,) = live_coverage(content, LintContext(language="en-US"))
    assert hit.values["units"] == 280 and hit.values["spoken"] == "1.2"
    assert hit.values["share"] == "11.7"
    assert live_coverage({"minutes": 10, "phases": "x"}, LintContext()) == []


def test_other_kinds_get_no_share() -> None:
    for _content, found in _findings("member-day", "video_script"):
        assert not [f for f in found if f.rule == "live_coverage"], found
