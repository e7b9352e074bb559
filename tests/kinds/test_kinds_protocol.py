"""Every kind owns its text views, limit fields and few-shot shape; callers dispatch."""

from __future__ import annotations

import re
from typing import Any

import pytest

from workbench.brief.models import CopyDeliverable, ThemePostDeliverable
from workbench.kinds import KINDS, get_kind
from workbench.lint.engine import LintContext
from workbench.lint.limits import content_limits
from workbench.prompting.variables import angles_for
from workbench.textview import content_text, preview

SAMPLES: dict[str, dict[str, Any]] = {
    "copy": {
        "title": "春季上新",
        "body": "到店领券，满100减20。",
        "hashtags": ["春装", "上新"],
        "cta": "点链接领券",
        "length": 11,
    },
    "theme_post": {
        "title": None,
        "body": "本周主题：换季护理。点链接看看",
        "hashtags": [],
        "cta": "点链接看看",
        "theme": "换季护理",
        "format": "image_text",
        "outline": True,
    },
    "title": {"text": "换季别慌，三步护肤", "angle": "痛点型", "length": 9},
    "poster": {
        "badge": "限时",
        "headline": "春季大促",
        "subheadline": None,
        "bullets": ["满100减20", "会员双倍积分"],
        "cta": "扫码进群",
    },
    "video_script": {
        "title": "三步换季护肤",
        "cover_text": "换季护肤",
        "shots": [
            {
                "start": 0,
                "end": 3.5,
                "shot_size": "特写",
                "visual": "产品",
                "voiceover": "换季了",
                "onscreen_text": "换季",
                "props": "面霜",
                "cue": None,
            },
            {
                "start": 3.5,
                "end": 8,
                "shot_size": "中景",
                "visual": "店员",
                "voiceover": "到店试用",
                "onscreen_text": "试用",
            },
        ],
        "cta": "到店试用",
        "hashtags": ["护肤"],
    },
    "live_script": {
        "title": "会员日直播",
        "minutes": 60,
        "phases": [
            {
                "phase": "开场",
                "start": 0,
                "end": 5,
                "goal": "留人",
                "beats": [
                    {"start": 0, "end": 1.5, "segment": "问候", "interaction": "扣1",
                     "lines": "欢迎大家"},
                    {"start": 1.5, "end": 5, "segment": "预告", "lines": "今天有福利"},
                ],
            }
        ],
        "fabe": {"feature": "天然", "advantage": "", "benefit": "不刺激"},
        "recap": "复盘转化",
    },
}  # fmt: skip

# The views as the kind switches in present.py wrote them before the kinds owned them.
TEXTS = {
    "copy": "春季上新\n到店领券，满100减20。\n#春装 #上新\n点链接领券",
    "theme_post": "本周主题：换季护理。点链接看看",
    "title": "换季别慌，三步护肤  〔痛点型〕",
    "poster": "限时\n春季大促\n· 满100减20\n· 会员双倍积分\n扫码进群",
    "video_script": "三步换季护肤\n封面：换季护肤\n"
    "  0.0-  3.5s [特写] 产品 | 口播：换季了 | 字幕：换季 | 道具：面霜\n"
    "  3.5-  8.0s [中景] 店员 | 口播：到店试用 | 字幕：试用\nCTA：到店试用\n#护肤",
    "live_script": "会员日直播 · 60 min\n【开场】0-5 min 留人\n"
    "    0.0-  1.5 问候 ·扣1：欢迎大家\n    1.5-  5.0 预告：今天有福利\n"
    "FABE F：天然\nFABE B：不刺激\n复盘：复盘转化",
}
PREVIEWS = {
    "copy": "春季上新",
    "theme_post": "本周主题：换季护理。点链接看看",
    "title": "换季别慌，三步护肤",
    "poster": "春季大促",
    "video_script": "三步换季护肤",
    "live_script": "会员日直播",
}


def test_every_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_text_views_are_the_kinds_own(kind: str) -> None:
    assert content_text(kind, SAMPLES[kind]) == TEXTS[kind]
    assert get_kind(kind).text(SAMPLES[kind]) == TEXTS[kind]
    assert preview(kind, SAMPLES[kind], 20) == PREVIEWS[kind]


def test_unknown_kind_shows_its_keys() -> None:
    assert content_text("mystery", {"a": 1, "b": "x"}) == "a: 1\nb: x"
    assert preview("mystery", {"a": 1, "b": "x"}, 20) == "a: 1 b: x"
    assert preview("copy", {"title": "一二三四五六七八九十" * 3}, 10) == "一二三四五六七八九…"


def test_limit_fields_name_the_checked_texts() -> None:
    copy = get_kind("copy")
    assert [(f.field, f.role) for f in copy.limit_fields(SAMPLES["copy"], "moments")] == [
        ("title", "title"),
        ("body", "body"),
    ]
    assert [(f.field, f.role) for f in copy.limit_fields(SAMPLES["copy"], "sms")] == [
        ("body", "sms")
    ]
    assert copy.limit_fields(SAMPLES["copy"], None) == []
    title = get_kind("title").limit_fields(SAMPLES["title"], "xiaohongshu")
    assert [(f.field, f.text) for f in title] == [("text", "换季别慌，三步护肤")]
    video = get_kind("video_script").limit_fields(SAMPLES["video_script"], "douyin")
    assert [(f.field, f.spec.id) for f in video] == [("title", "douyin")]
    for kind in ("poster", "live_script", "theme_post"):
        assert get_kind(kind).limit_fields(SAMPLES[kind], "community") == []


def test_content_limits_dispatch_through_the_kind() -> None:
    ctx = LintContext(channel="sms", brand="小店", language="zh-CN")
    rules = {f.rule for f in content_limits("copy", {"body": "没有签名的短信"}, ctx)}
    assert "sms_signature" in rules
    assert content_limits("poster", SAMPLES["poster"], ctx) == []
    assert content_limits("mystery", {"body": "x"}, ctx) == []


def test_capabilities() -> None:
    assert [k for k, spec in KINDS.items() if spec.tracked_links] == ["copy"]
    assert [k for k, spec in KINDS.items() if spec.frameworks] == ["copy"]
    assert [k for k, spec in KINDS.items() if spec.carries_qr] == ["poster"]
    assert get_kind("poster").lint_scope == "poster"
    assert get_kind("title").example_output({"text": "t", "angle": "a"}) == {
        "titles": [{"text": "t", "angle": "a"}]
    }
    assert get_kind("copy").example_output({"body": "b"}) == {"body": "b"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_writes_its_angles_in_both_languages(kind: str) -> None:
    zh, en = get_kind(kind).angles("zh-CN"), get_kind(kind).angles("en-US")
    assert zh and len(zh) == len(en)  # the same angle in either language
    assert len(set(zh)) == len(zh) and len(set(en)) == len(en)
    assert all(re.search(r"[\u4e00-\u9fff]", a) for a in zh)
    assert not any(re.search(r"[\u4e00-\u9fff]", a) for a in en)
    assert get_kind(kind).angles("fr-FR") == zh  # zh-CN unless en-US


def test_a_prompts_angles_come_from_its_kind() -> None:
    assert angles_for("title", "zh-CN", 8, 3) == ["对比型", "情绪型", "好奇型"]
    assert angles_for("poster", "en-US", 1, 1) == ["price anchor"]


def test_each_kind_recounts_its_own_text() -> None:
    copy = get_kind("copy")
    assert copy.counts(SAMPLES["copy"], "community") == {"length": 13}  # 到店领券，满100减20。
    sms = {"body": "【小店】" + "字" * 70, "sms_length": 1, "sms_segments": 1}
    assert copy.counts(sms, "sms") == {"length": 74, "sms_length": 74, "sms_segments": 2}
    title = {"text": "换季别慌ab三步", "angle": "痛点型"}
    assert get_kind("title").counts(title, "xiaohongshu") == {"length": 7}  # ASCII counts half
    assert get_kind("title").counts(title, None) == {}
    for kind in ("poster", "video_script", "live_script"):
        assert get_kind(kind).counts(SAMPLES[kind], "douyin") == {}


def test_few_shot_examples_carry_only_what_the_model_writes() -> None:
    """A promoted winner shown as an example has none of the keys the workbench added (the
    answer models forbid extra keys, so a model copying them would be sent back)."""
    sms = {**SAMPLES["copy"], "sms_length": 40, "sms_segments": 1, "repairs": ["签名已补"]}
    deliverable = CopyDeliverable.model_validate({"kind": "copy", "channel": "sms"})
    fields = set(get_kind("copy").response_model(deliverable, 1).model_fields)
    assert (
        set(get_kind("copy").example_output(sms)) == fields == {"title", "body", "hashtags", "cta"}
    )
    assert get_kind("title").example_output({**SAMPLES["title"], "repairs": ["x"]}) == {
        "titles": [{"text": "换季别慌，三步护肤", "angle": "痛点型"}]
    }
    theme = ThemePostDeliverable.model_validate({"kind": "theme_post", "theme": "换季护理"})
    fields = set(get_kind("theme_post").response_model(theme, 1).model_fields)
    assert set(get_kind("theme_post").example_output(SAMPLES["theme_post"])) == fields
