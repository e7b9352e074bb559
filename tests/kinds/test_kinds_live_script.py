"""Live script kind: four phases tiling the minutes, lines, interactions, FABE, repairs."""

from __future__ import annotations

import copy
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.brief.models import Brief, LiveScriptDeliverable
from workbench.generate.jobs import expand_jobs
from workbench.kinds import ContentError, get_kind
from workbench.kinds.live_script import PHASES, retile
from workbench.llm.offline.composer import compose
from workbench.llm.offline.facts import ABSOLUTE_ZH

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8"))
BRIEF = Brief.model_validate(RAW)
LIVE = get_kind("live_script")
D = LiveScriptDeliverable(kind="live_script", minutes=30, platform="douyin")


def beat(start: float, end: float, lines: str, interaction: str = "") -> dict[str, Any]:
    return {"start": start, "end": end, "segment": "环节", "lines": lines, "action": "主播展示",
            "interaction": interaction}  # fmt: skip


def answer(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "小鹿母婴会员日",
        "minutes": 30,
        "phases": [
            {"phase": "开场", "start": 0, "end": 3, "goal": "暖场",
             "beats": [beat(0, 3, "欢迎来到直播间，扣1盖楼。", "盖楼")]},
            {"phase": "爬坡", "start": 3, "end": 12, "goal": "互动",
             "beats": [beat(3, 8, "聊聊怎么选米粉。"),
                       beat(8, 12, "评论区打米粉参与抽奖。", "抽奖")]},
            {"phase": "高潮", "start": 12, "end": 25, "goal": "成交",
             "beats": [beat(12, 20, "有机认证，高铁配方。"),
                       beat(20, 25, "限时秒杀开始。", "限时秒杀")]},
            {"phase": "落幕", "start": 25, "end": 30, "goal": "复盘",
             "beats": [beat(25, 30, "今天讲了米粉，会员日满199减50。")]},
        ],
        "fabe": {"feature": "有机认证", "advantage": "可核对", "benefit": "更安心",
                 "evidence": "包装标识"},
        "recap": "今天讲了米粉，会员日满199减50。",
    }  # fmt: skip
    base.update(kw)
    return base


def parse(data: dict[str, Any], d: LiveScriptDeliverable = D) -> dict[str, Any]:
    return LIVE.parse(data, d, BRIEF, 1)[0]


def assert_tiles(content: dict[str, Any]) -> None:
    phases = content["phases"]
    assert [p["phase"] for p in phases] == list(PHASES)
    assert phases[0]["start"] == 0 and phases[-1]["end"] == content["minutes"]
    for a, b in itertools.pairwise(phases):
        assert a["end"] == b["start"]
    for p in phases:
        beats = p["beats"]
        assert beats[0]["start"] == p["start"] and beats[-1]["end"] == p["end"]
        assert all(x["end"] == y["start"] for x, y in itertools.pairwise(beats))


def test_valid_run_sheet() -> None:
    out = parse(answer())
    assert_tiles(out)
    assert "repairs" not in out and out["platform"] == "douyin" and out["minutes"] == 30
    assert set(out) >= {"title", "minutes", "phases", "fabe", "recap"}


def test_english_phase_and_interaction_names_are_normalised() -> None:
    data = answer()
    for phase, name in zip(data["phases"], ("opening", "Climb", "climax", "closing"), strict=True):
        phase["phase"] = name
    data["phases"][1]["beats"][1]["interaction"] = "lucky draw"
    data["phases"][2]["beats"][0]["interaction"] = None
    out = parse(data)
    assert [p["phase"] for p in out["phases"]] == list(PHASES)
    assert out["phases"][1]["beats"][1]["interaction"] == "抽奖"


REPAIRS = [
    ("phases scaled", lambda d: [p.update(start=p["start"] * 2, end=p["end"] * 2)
                                 for p in d["phases"]], "phases: re-timed"),
    ("phase gap", lambda d: d["phases"][2].update(start=13), "phases: re-timed"),
    ("beat gap", lambda d: d["phases"][1]["beats"][1].update(start=9), "phases[1].beats: re-timed"),
    ("beats all zero", lambda d: [b.update(start=0, end=0) for b in d["phases"][2]["beats"]],
     "phases[2].beats: re-timed"),
    ("minutes", lambda d: d.update(minutes=45), "minutes: was 45"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "note"), REPAIRS, ids=[r[0] for r in REPAIRS])
def test_timing_repairs(name: str, change: Any, note: str) -> None:
    data = copy.deepcopy(answer())
    change(data)
    out = parse(data)
    assert_tiles(out)
    assert any(r.startswith(note) for r in out["repairs"])


PROBLEMS = [
    ("phase order", lambda d: d["phases"].reverse(), "phases: are 落幕-高潮-爬坡-开场"),
    ("missing phase", lambda d: d["phases"].pop(), "give exactly four phases"),
    ("empty lines", lambda d: d["phases"][0]["beats"][0].update(lines=""),
     "phases[0].beats[0].lines: is empty"),
    ("too many words", lambda d: d["phases"][0]["beats"][0].update(lines="字" * 800),
     "phases[0].beats[0].lines: is 800 characters for 3 min"),
    ("no flash sale", lambda d: d["phases"][2]["beats"][1].update(interaction=""),
     "need interaction beats 限时秒杀"),
    ("empty fabe", lambda d: d["fabe"].update(evidence=""), "fabe.evidence: is empty"),
    ("no recap", lambda d: d.update(recap=""), "recap: is empty"),
    ("banned", lambda d: d.update(recap="全网最便宜"), "recap: contains banned words 最便宜"),
    ("no beats", lambda d: d["phases"][3].update(beats=[]), "phases[3].beats: is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "message"), PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_problems_go_back_to_the_model(name: str, change: Any, message: str) -> None:
    data = copy.deepcopy(answer())
    change(data)
    with pytest.raises(ContentError) as err:
        parse(data)
    assert message in str(err.value)


def test_short_streams_need_one_interaction_only() -> None:
    short = LiveScriptDeliverable(kind="live_script", minutes=20)
    data = answer(minutes=20)
    data["phases"][2]["beats"][1]["interaction"] = ""
    data["phases"][0]["beats"][0]["interaction"] = ""
    out = parse(data, short)
    assert out["minutes"] == 20 and out["platform"] is None
    data["phases"][1]["beats"][1]["interaction"] = ""
    with pytest.raises(ContentError, match="at least one interaction"):
        parse(data, short)


def test_retile_whole_minutes_and_tenths() -> None:
    assert retile([1, 3], 0, 60, step=10) == [(0.0, 15.0), (15.0, 60.0)]
    spans = retile([1, 1, 1], 0, 1)
    assert spans[0][0] == 0 and spans[-1][1] == 1 and len(spans) == 3
    assert retile([0, 0], 2, 4) == [(2.0, 3.0), (3.0, 4.0)]


@pytest.mark.parametrize("language", ["zh-CN", "en-US"])
@pytest.mark.parametrize("minutes", [10, 30, 60, 180])
def test_offline_composer_writes_valid_compliant_run_sheets(language: str, minutes: int) -> None:
    raw = copy.deepcopy(RAW)
    raw["campaign"]["language"] = language
    raw["deliverables"] = [{"kind": "live_script", "minutes": minutes, "variants": 2}]
    brief = Brief.model_validate(raw)
    for job in expand_jobs(brief):
        out = LIVE.parse(compose(job.ctx), job.ctx.deliverable, brief, 1)[0]
        assert_tiles(out)
        assert "repairs" not in out
        text = json.dumps(out, ensure_ascii=False)
        assert not [w for w in ABSOLUTE_ZH if w in text], text
        if language == "en-US":
            for word in ("best", "guarantee", "100%", "number one"):
                assert word not in text.lower()
        kinds = {b["interaction"] for p in out["phases"] for b in p["beats"]}
        assert {"抽奖", "盖楼", "限时秒杀"} <= kinds
        assert all(out["fabe"].values()) and out["recap"]
