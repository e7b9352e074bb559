"""Video script kind: tiling, hook, voice-over rate, CTA, co-creation, re-timing repair."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.brief.models import Brief, VideoScriptDeliverable
from workbench.kinds import ContentError, get_kind
from workbench.kinds.common import speech_units
from workbench.kinds.timing import retime, timing_problems
from workbench.kinds.video_script import carries

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = Brief.model_validate(yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8")))
VIDEO = get_kind("video_script")
D = VideoScriptDeliverable(kind="video_script", platform="douyin", duration=15)


def shot(start: float, end: float, vo: str, size: str = "中景", **kw: Any) -> dict[str, Any]:
    base = {"start": start, "end": end, "shot_size": size, "visual": "画面", "voiceover": vo,
            "onscreen_text": "", "sound": ""}  # fmt: skip
    base.update(kw)
    return base


def script(shots: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "有机米粉会员日",
        "cover_text": "满199减50",
        "hook": "别划走！",
        "cta": "点击下单",
        "hashtags": ["#母婴"],
        "duration": 15,
        "shots": shots,
    }
    base.update(kw)
    return base


GOOD = [
    shot(0, 3, "别划走！", "close-up", props="米粉盒"),
    shot(3, 10, "有机认证，高铁配方。"),
    shot(10, 15, "点击下单！"),
]


def parse(data: dict[str, Any], d: VideoScriptDeliverable = D) -> dict[str, Any]:
    return VIDEO.parse(data, d, BRIEF, 1)[0]


def times(content: dict[str, Any]) -> list[tuple[float, float]]:
    return [(s["start"], s["end"]) for s in content["shots"]]


def assert_tiles(spans: list[tuple[float, float]], duration: float) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == duration
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(b - a >= 1 for a, b in spans)


def test_valid_script_keeps_its_timing_and_the_public_shape() -> None:
    out = parse(script(GOOD))
    assert out["shots"][0]["shot_size"] == "特写" and out["hashtags"] == ["母婴"]
    assert "repairs" not in out and times(out) == [(0, 3), (3, 10), (10, 15)]
    for key in ("title", "cover_text", "hashtags", "duration", "shots"):
        assert key in out
    assert set(out["shots"][0]) >= {
        "start", "end", "shot_size", "visual", "voiceover", "onscreen_text", "sound", "props",
    }  # fmt: skip
    assert out["shots"][0]["props"] == "米粉盒" and out["shots"][1]["props"] == ""


# -- timing rules: (shots, duration, the problem paths found) -----------------------------
TIMING_CASES = [
    ("tiles", [(0, 3, "别划走"), (3, 15, "有机认证")], 15, []),
    ("gap", [(0, 3, "别划走"), (4, 15, "有机认证")], 15, ["shots[1].start"]),
    ("overlap", [(0, 3, "别划走"), (2.5, 15, "有机认证")], 15, ["shots[1].start"]),
    ("late start", [(0.5, 3, "别划走"), (3, 15, "有机认证")], 15, ["shots[0].start"]),
    ("short end", [(0, 3, "别划走"), (3, 14, "有机认证")], 15, ["shots[1].end"]),
    ("long hook", [(0, 4, "别划走"), (4, 15, "有机认证")], 15, ["shots[0]"]),
    ("too fast", [(0, 3, "别划走"), (3, 5, "有机认证高铁配方独立包装"), (5, 15, "好")], 15,
     ["shots[1].voiceover"]),
    ("tiny shot", [(0, 3, "别划走"), (3, 3.5, ""), (3.5, 15, "好")], 15, ["shots[1]"]),
    ("hook too wordy", [(0, 3, "一二三四五六七八九十一二三"), (3, 15, "好")], 15,
     ["shots[0].voiceover"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "spans", "duration", "paths"), TIMING_CASES, ids=[c[0] for c in TIMING_CASES]
)
def test_timing_rules(
    name: str, spans: list[tuple[float, float, str]], duration: int, paths: list[str]
) -> None:
    shots: list[Any] = [shot(a, b, vo) for a, b, vo in spans]  # ShotItem dicts
    assert [p for p, _ in timing_problems(shots, duration, 4.0, "zh-CN")] == paths


# -- repair: (shots, duration, repaired?, problem fragment when it cannot be repaired) ----
REPAIR_CASES = [
    ("gap", [(0, 2, "别划走！"), (4, 9, "有机认证，高铁配方。"), (9, 14, "点击下单！")], True, ""),
    ("overlap", [(0, 3, "别划走！"), (2, 9, "有机认证，高铁配方。"), (8, 15, "点击下单！")], True,
     ""),
    ("long hook", [(0, 6, "别划走！"), (6, 10, "有机认证。"), (10, 15, "点击下单！")], True, ""),
    ("voice-over squeezed", [(0, 3, "别划走！"), (3, 5, "有机认证，高铁配方，独立小包装。"),
                             (5, 15, "点击下单！")], True, ""),
    ("all zeros", [(0, 0, "别划走！"), (0, 0, "有机认证。"), (0, 0, "点击下单！")], True, ""),
    ("too much voice-over", [(0, 3, "别划走！"), (3, 10, "字" * 56), (10, 15, "点击下单！")],
     False, "the voice-over needs"),
    ("hook cannot fit", [(0, 3, "字" * 16), (3, 10, "有机认证"), (10, 15, "点击下单！")], False,
     "the hook's voice-over is 16 characters"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "spans", "repaired", "problem"), REPAIR_CASES, ids=[c[0] for c in REPAIR_CASES]
)
def test_repair_retimes_in_proportion_or_sends_problems_back(
    name: str, spans: list[tuple[float, float, str]], repaired: bool, problem: str
) -> None:
    data = script([shot(a, b, vo) for a, b, vo in spans])
    if not repaired:
        with pytest.raises(ContentError) as err:
            parse(data)
        assert problem in str(err.value)
        return
    out = parse(data)
    assert_tiles(times(out), 15)
    assert out["shots"][0]["end"] <= 3
    assert any("re-timed" in r and "4 characters/s" in r for r in out["repairs"])
    for s in out["shots"]:
        assert speech_units(s["voiceover"], "zh-CN") <= (s["end"] - s["start"]) * 4 + 0.05


def test_retime_is_proportional_to_voice_over() -> None:
    plan = retime(["开场", "一二三四五六七八", "一二三四"], 30, 4.0, "zh-CN")
    assert plan.spans is not None
    lengths = [b - a for a, b in plan.spans]
    assert lengths[0] <= 3 and sum(lengths) == pytest.approx(30)
    assert lengths[1] == pytest.approx(2 * lengths[2], rel=0.05)


def test_retime_in_english_counts_words() -> None:
    plan = retime(["Stop!", "one two three four five six seven eight", "Buy now"], 10, 2.5, "en-US")
    assert plan.spans is not None and plan.spans[-1][1] == 10
    assert plan.spans[1][1] - plan.spans[1][0] >= 8 / 2.5


def test_speech_rate_on_the_deliverable_changes_what_fits() -> None:
    shots = [shot(0, 3, "别划走！"), shot(3, 10, "字" * 60), shot(10, 15, "点击下单！")]
    with pytest.raises(ContentError, match="the voice-over needs"):
        parse(script(shots))  # at 4 characters/s the 60 take 15 s on their own
    fast = D.model_copy(update={"speech_rate": 6.0})
    out = parse(script(shots), fast)
    assert out["speech_rate"] == 6.0 and "6 characters/s" in out["repairs"][0]


def test_duration_mismatch_is_repaired() -> None:
    out = parse(script(GOOD, duration=20))
    assert out["duration"] == 15 and out["repairs"][0].startswith("duration: was 20 s")


# -- CTA and text problems ---------------------------------------------------------------
def test_the_last_shot_carries_the_cta() -> None:
    assert carries("快点击下方链接下单吧", "点击下单")
    assert not carries("谢谢观看", "点击下单")
    quiet = [*GOOD[:2], shot(10, 15, "谢谢大家")]
    out = parse(script(quiet))
    assert out["shots"][-1]["onscreen_text"] == "点击下单"
    assert "shots[2].onscreen_text: set to the CTA" in out["repairs"]
    busy = [*GOOD[:2], shot(10, 15, "谢谢大家", onscreen_text="下期见")]
    with pytest.raises(ContentError, match=r"shots\[2\]: the last shot must carry the CTA"):
        parse(script(busy))
    with pytest.raises(ContentError, match="cta: is empty"):
        parse(script(GOOD, cta=""))


def test_problems_named() -> None:
    with pytest.raises(ContentError) as err:
        parse(script(GOOD, title="字" * 31, cover_text="字" * 21))
    text = str(err.value)
    assert "title: is 31 characters; the limit is 30" in text
    assert "cover_text: is 21 characters" in text
    with pytest.raises(ContentError, match="shots: needs at least 2"):
        parse(script([shot(0, 15, "一")]))
    with pytest.raises(ContentError, match="shot_size"):
        parse(script([shot(0, 3, "一", "大特写"), *GOOD[1:]]))
    with pytest.raises(ContentError, match="cta"):
        parse({k: v for k, v in script(GOOD).items() if k != "cta"})


def test_platform_title_limits() -> None:
    channels = VideoScriptDeliverable(kind="video_script", platform="channels", duration=15)
    with pytest.raises(ContentError, match="minimum on channels is 6"):
        parse(script(GOOD, title="米粉"), channels)
    xhs = VideoScriptDeliverable(kind="video_script", platform="xiaohongshu", duration=15)
    assert parse(script(GOOD, title="a" * 40), xhs)["title"] == "a" * 40  # ASCII counts half
    kuaishou = VideoScriptDeliverable(kind="video_script", platform="kuaishou", duration=15)
    out = parse(script(GOOD, hashtags=["一", "二", "三", "四"]), kuaishou)
    assert out["hashtags"] == ["一", "二", "三"]


# -- co-creation ----------------------------------------------------------------------------
CUSTOMER = VideoScriptDeliverable(
    kind="video_script", platform="channels", duration=15, audience="customer"
)


def test_customer_scripts_need_a_cue_for_every_line_and_few_shots() -> None:
    cued = [dict(s, cue=f"手机竖拿，说：{s['voiceover']}") for s in GOOD]
    out = parse(script(cued, title="新手妈妈的米粉"), CUSTOMER)
    assert out["audience"] == "customer" and all(s["cue"] for s in out["shots"])
    with pytest.raises(ContentError, match=r"shots\[1\].cue: is empty"):
        parse(script([cued[0], GOOD[1], cued[2]], title="新手妈妈的米粉"), CUSTOMER)
    many = [shot(i * 2.5, (i + 1) * 2.5, "好", cue="拍") for i in range(6)]
    many[-1]["voiceover"] = "点击下单"
    with pytest.raises(ContentError, match="has 6 shots; a customer shoots at most 5"):
        parse(script(many, title="新手妈妈的米粉"), CUSTOMER)


def test_banned_words_in_props_and_cues() -> None:
    shots = [GOOD[0], shot(3, 10, "有机认证", props="最便宜的碗"), GOOD[2]]
    with pytest.raises(ContentError, match=r"shots\[1\].props: contains banned words"):
        parse(script(shots))


def test_schema_enum_and_new_fields() -> None:
    schema = VIDEO.json_schema(D, 1)
    props = schema["$defs"]["Shot"]["properties"]
    assert props["shot_size"]["enum"] == ["特写", "近景", "中景", "全景"]
    assert {"props", "cue"} <= set(props) and "cta" in schema["properties"]
    assert set(schema["$defs"]["Shot"]["required"]) == set(props)
