"""Video script kind: tiling, hook, voice-over rate, shot sizes, re-timing repair."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.brief.models import Brief, VideoScriptDeliverable
from workbench.kinds import ContentError, get_kind

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = Brief.model_validate(yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8")))
VIDEO = get_kind("video_script")
D = VideoScriptDeliverable(kind="video_script", platform="douyin", duration=15)


def shot(start: float, end: float, vo: str, size: str = "中景") -> dict[str, Any]:
    return {"start": start, "end": end, "shot_size": size, "visual": "画面", "voiceover": vo,
            "onscreen_text": "", "sound": ""}  # fmt: skip


def script(shots: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "有机米粉会员日",
        "cover_text": "满199减50",
        "hook": "别划走！",
        "hashtags": ["#母婴"],
        "duration": 15,
        "shots": shots,
    }
    base.update(kw)
    return base


GOOD = [
    shot(0, 3, "别划走！", "close-up"),
    shot(3, 10, "有机认证，高铁配方。"),
    shot(10, 15, "点击下单！"),
]


def test_valid_script_and_english_shot_sizes_normalised() -> None:
    out = VIDEO.parse(script(GOOD), D, BRIEF, 1)[0]
    assert out["shots"][0]["shot_size"] == "特写" and out["hashtags"] == ["母婴"]
    assert "repairs" not in out


def test_gaps_are_retimed_in_proportion() -> None:
    shots = [shot(0, 2, "别划走！"), shot(4, 9, "有机认证，高铁配方。"), shot(9, 14, "点击下单！")]
    out = VIDEO.parse(script(shots), D, BRIEF, 1)[0]
    times = [(s["start"], s["end"]) for s in out["shots"]]
    assert times[0][0] == 0 and times[-1][1] == 15
    assert all(a[1] == b[0] for a, b in itertools.pairwise(times))
    assert times[0][1] <= 3 and "re-timed" in out["repairs"][0]


def test_problems_named() -> None:
    shots = [shot(0, 4, "开头"), shot(4, 15, "字" * 50)]
    with pytest.raises(ContentError) as err:
        VIDEO.parse(script(shots, title="字" * 31, duration=20), D, BRIEF, 1)
    text = str(err.value)
    assert "title: is 31 characters; the limit is 30" in text
    assert "shots[0]: lasts 4.0 s" in text
    assert "shots[1].voiceover: is 50 characters for 11.0 s" in text
    with pytest.raises(ContentError, match="shots: needs at least 2"):
        VIDEO.parse(script([shot(0, 15, "一")]), D, BRIEF, 1)
    with pytest.raises(ContentError, match="shot_size"):
        VIDEO.parse(script([shot(0, 3, "一", "大特写"), *GOOD[1:]]), D, BRIEF, 1)


def test_schema_enum() -> None:
    schema = VIDEO.json_schema(D, 1)
    assert schema["$defs"]["Shot"]["properties"]["shot_size"]["enum"] == [
        "特写",
        "近景",
        "中景",
        "全景",
    ]
