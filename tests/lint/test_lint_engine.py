"""The lint on realistic sentences: true positives, documented exceptions, scope, limits."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.kinds.channels import sms_count
from workbench.lint import LintContext, Linter, packaged_rules
from workbench.lint.fix import apply_fixes_text

LINTER = Linter(packaged_rules())


def terms(text: str, **ctx: Any) -> dict[str, str]:
    found = LINTER.lint_text(text, LintContext(**ctx))
    return {f["term"]: f["severity"] for f in found if f["category"] != "channel_limit"}


@pytest.mark.parametrize(
    ("text", "term", "severity"),
    [
        ("这是全网最好的米粉。", "最好", "ban"),
        ("国家级品质，值得信赖", "国家级", "ban"),
        ("加盟三个月回本，稳赚不赔", "稳赚不赔", "ban"),
        ("坚持喝3天见效", "3天见效", "ban"),
        ("品牌销量NO.1", "NO.1", "ban"),
        ("宝宝吃了能增强免疫力", "增强免疫力", "ban"),
        ("我们是本地唯一一家有机店", "唯一", "caution"),
        ("月入过万不是梦", "月入过万", "ban"),
        ("研究表明营养更均衡", "研究表明", "evidence"),
    ],
)
def test_true_positives(text: str, term: str, severity: str) -> None:
    found = terms(text)
    assert found.get(term) == severity, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("最佳食用期为开封后30天。", "最佳"),
        ("我们的第一家店开在南山。", "第一"),
        ("第一，选对米粉；第二，注意水温。", "第一"),
        ("最好先咨询儿科医生。", "最好"),
        ("这次最大的区别在包装。", "最大"),
        ("治愈系插画款包装", "治愈"),
        ("我们会担保本次活动真实有效", "保本"),
        ("门口摆着招财猫", "招财"),
        ("这是最优解", "最优"),
    ],
)
def test_documented_exceptions_are_not_bans(text: str, absent: str) -> None:
    assert absent not in terms(text)


def test_official_designation_is_evidence_not_ban() -> None:
    found = terms("国家级非物质文化遗产技艺制作")
    assert found == {"国家级": "evidence"}


def test_registered_names_from_the_brief_are_allowed() -> None:
    assert "第一" not in terms("来第一坊买早餐", allow=("第一坊",))
    assert terms("最好吃®面包") == {}
    assert "最好" in terms("最好的面包就在这里")


def test_diversion_words_only_on_content_platforms() -> None:
    text = "扫码进群，加微信领取资料"
    assert terms(text, channel="xiaohongshu") == {"扫码": "ban", "加微信": "ban"}
    assert terms(text, channel="community") == {}
    assert set(terms(text).values()) == {"caution"}  # no channel: flagged, not banned


def test_false_urgency_depends_on_a_deadline() -> None:
    assert terms("仅此一次，最后一天！") == {"仅此一次": "caution", "最后一天": "caution"}
    found = LINTER.lint_text("仅此一次", LintContext())
    assert found[0]["rule"] == "false_urgency"
    assert terms("仅此一次，最后一天！", deadline="2026-03-15") == {}
    assert terms("仅此一次，3月15日截止") == {}


def test_brief_banned_words_and_must_include() -> None:
    found = LINTER.lint_text(
        "这款奶粉很好", LintContext(banned_words=("奶粉",), must_include=("会员日",))
    )
    rules = {(f["rule"], f["term"], f["severity"]) for f in found}
    assert ("banned_word", "奶粉", "ban") in rules
    assert ("must_include", "会员日", "caution") in rules


def test_offsets_point_into_the_text() -> None:
    text = "# 标题\n\n正文：全网最好的米粉"
    for f in LINTER.lint_text(text, LintContext()):
        assert text[f["start"] : f["end"]] == f["term"]
        assert f["message_zh"] and f["message_en"] and f["ruleset"]


@pytest.mark.parametrize(("n", "segments"), [(0, 0), (70, 1), (71, 2), (134, 2), (135, 3)])
def test_sms_segment_counting(n: int, segments: int) -> None:
    assert sms_count("会" * n) == segments


def test_sms_checks_count_signature_and_need_opt_out() -> None:
    ctx = LintContext(channel="sms", brand="小鹿母婴")
    body = "【小鹿母婴】" + "会" * 58 + "拒收请回复R"  # 6 + 58 + 6 = 70
    assert {f["rule"] for f in LINTER.lint_text(body, ctx)} == set()
    longer = body.replace("拒收", "会拒收")  # 71 characters: two billed messages
    assert [f["rule"] for f in LINTER.lint_text(longer, ctx)] == ["sms_billing"]
    too_long = "【小鹿母婴】" + "会" * 130 + "拒收请回复R"  # 142 > 134
    assert "sms_segments" in {f["rule"] for f in LINTER.lint_text(too_long, ctx)}
    bare = "会员日满199减50"
    rules = {f["rule"]: f for f in LINTER.lint_text(bare, ctx)}
    assert rules["sms_opt_out"]["severity"] == "ban"
    assert "sms_signature" in rules
    fixed, _ = apply_fixes_text(bare, list(rules.values()))
    assert fixed.startswith("【小鹿母婴】") and fixed.endswith("拒收请回复R")


def test_channel_title_limits() -> None:
    xhs = Linter(packaged_rules())
    content = {"title": "一" * 21, "body": "正文", "hashtags": [], "cta": ""}
    found = xhs.lint_content("copy", content, LintContext(channel="xiaohongshu"))
    assert [f["rule"] for f in found] == ["title_length"]
    content["title"] = "a" * 40  # ASCII counts half on 小红书
    assert xhs.lint_content("copy", content, LintContext(channel="xiaohongshu")) == []
    push = {"title": "短", "body": "字" * 51, "hashtags": [], "cta": ""}
    assert [f["rule"] for f in xhs.lint_content("copy", push, LintContext(channel="push"))] == [
        "body_length"
    ]
    short = {"title": "太短", "cover_text": "", "shots": [], "hashtags": []}
    found = xhs.lint_content("video_script", short, LintContext(channel="channels"))
    assert [f["rule"] for f in found] == ["title_short"]
    moments: dict[str, Any] = {
        "title": None,
        "body": "\n".join(["一行"] * 8),
        "hashtags": [],
        "cta": "",
    }
    found = xhs.lint_content("copy", moments, LintContext(channel="moments"))
    assert [(f["rule"], f["severity"]) for f in found] == [("fold", "limit")]


def test_offline_fix_replaces_and_keeps_meaning() -> None:
    text = "全网最好的米粉，史上最低价来袭，稳赚不赔！"
    found = LINTER.lint_text(text, LintContext())
    fixed, applied = apply_fixes_text(text, found)
    assert applied >= 3
    assert "最好" not in fixed and "稳赚不赔" not in fixed and "价价" not in fixed
    assert not [f for f in LINTER.lint_text(fixed, LintContext()) if f["severity"] == "ban"]
