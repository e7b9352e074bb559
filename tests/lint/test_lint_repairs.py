"""Repair instructions from findings, and limits the brief sets (sms_parts, max_chars)."""

from __future__ import annotations

from workbench.lint import LintContext, Linter, packaged_rules, stored_findings
from workbench.lint.repairs import repair_problems

LINTER = Linter(packaged_rules())


def test_repair_lines_name_what_to_remove() -> None:
    findings = stored_findings(
        [
            {
                "rule": "claim",
                "severity": "ban",
                "term": "3天",
                "clause": "3天有效",
                "field": "body",
            },
            {"rule": "internal", "severity": "ban", "term": "沉睡VIP", "address": "老朋友们"},
            {"rule": "fold", "severity": "limit", "message_en": "too long", "message_zh": "太长"},
            {"rule": "term", "severity": "caution", "message_zh": "慎用"},
        ]
    )
    zh = repair_problems(findings, "zh-CN").splitlines()
    assert zh == [
        "- body: 删除简报没有的说法“3天有效”（“3天”不是简报里的事实）",
        "- 不要对客户说运营标签“沉睡VIP”，称呼用“老朋友们”",
        "- 太长",
    ]
    en = repair_problems(findings[:1], "en-US")
    assert en == "- body: remove the unsupported claim '3天有效' ('3天' is not a fact in the brief)"
    assert repair_problems(findings[3:], "zh-CN") == ""


def test_sms_parts_from_the_brief() -> None:
    text = "【小鹿母婴】" + "米" * 80 + "拒收请回复R"
    one = LintContext(channel="sms", brand="小鹿母婴", sms_parts=1)
    two = LintContext(channel="sms", brand="小鹿母婴", sms_parts=2)
    over = [f for f in LINTER.lint_text(text, one) if f["rule"] == "sms_segments"]
    assert len(over) == 1 and over[0]["severity"] == "limit" and over[0]["start"] == 70
    assert not [f for f in LINTER.lint_text(text, two) if f["rule"] == "sms_segments"]


def test_max_chars_replaces_the_moments_fold() -> None:
    text = "好" * 150
    folded = LINTER.lint_text(text, LintContext(channel="moments"))
    assert [(f["rule"], f["severity"]) for f in folded] == [("fold", "limit")]
    assert LINTER.lint_text(text, LintContext(channel="moments", max_chars=200)) == []
    capped = LINTER.lint_text(text, LintContext(channel="community", max_chars=100))
    assert [(f["rule"], f["start"]) for f in capped] == [("body_length", 100)]


def test_qr_wording_on_platforms_that_ban_diversion() -> None:
    douyin = LintContext(channel="douyin", kind="video_script", no_diversion=("douyin",))
    found = LINTER.lint_text("扫一扫，有机米粉", douyin)
    assert [(f["rule"], f["severity"]) for f in found] == [("platform_qr", "ban")]
    assert LINTER.lint_text("扫一扫，有机米粉", LintContext(channel="community")) == []
    asked = LintContext(kind="poster", no_diversion=("xiaohongshu",), qr_requested=True)
    poster = LINTER.lint_content("poster", {"headline": "有机米粉"}, asked)
    assert [(f["rule"], f["severity"]) for f in poster] == [("platform_qr", "caution")]


def test_diversion_platforms_from_the_deliverable() -> None:
    from workbench.lint.briefcontext import diversion_platforms

    assert diversion_platforms("douyin") == ("douyin",)
    assert diversion_platforms(None, ["xiaohongshu", "moments"]) == ("xiaohongshu",)
    assert diversion_platforms(None, "douyin") == ("douyin",)
    assert diversion_platforms(None, [1080, 1920]) == ()
    assert diversion_platforms("community", "moments") == ()


def test_join_the_group_wording_on_platforms_that_ban_diversion() -> None:
    """“进群领…” sends a 小红书/抖音 reader off the platform (a WeChat group): a ban there,
    at the offset of the words, with the clause as its fix; nothing on the community channel
    (where the group is the point)."""
    text = "开业三天第二杯半价，进群领5元无门槛券。"
    for platform in ("xiaohongshu", "douyin"):
        ctx = LintContext(channel=platform, kind="copy", no_diversion=(platform,))
        found = [f for f in LINTER.lint_text(text, ctx) if f["rule"] == "platform_qr"]
        assert [(f["severity"], f["term"], f["start"]) for f in found] == [("ban", "进群", 10)]
        assert found[0]["clause"].rstrip("。") == "进群领5元无门槛券"
    for words in ("扫码进群", "加群", "入群领券", "加入微信群"):
        ctx = LintContext(channel="douyin", kind="copy", no_diversion=("douyin",))
        assert [f for f in LINTER.lint_text(words, ctx) if f["rule"] == "platform_qr"], words
    assert not [
        f
        for f in LINTER.lint_text(text, LintContext(channel="community"))
        if f["rule"] == "platform_qr"
    ]
