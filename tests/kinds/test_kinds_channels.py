"""The channel table and the one SMS counting rule."""

from __future__ import annotations

import json
from typing import get_args

import pytest

from workbench.brief.models import CopyChannel, VideoPlatform
from workbench.kinds.channels import (
    CHANNELS,
    SMS_MAX_TOTAL,
    VIDEO_PLATFORMS,
    ChannelSpec,
    sms_count,
    sms_max_chars,
    sms_opt_out,
)
from workbench.kinds.copy import post_limits
from workbench.lint.matcher import CHANNEL_SCOPES, scope_of
from workbench.locations import resource_dir


def test_brief_channel_literal_equals_the_table() -> None:
    assert set(get_args(CopyChannel)) == set(CHANNELS)
    assert set(get_args(VideoPlatform)) == set(VIDEO_PLATFORMS)
    for table in (CHANNELS, VIDEO_PLATFORMS):
        assert all(spec.id == key for key, spec in table.items())


@pytest.mark.parametrize(
    ("n", "parts"), [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (160, 3), (500, 8)]
)
def test_sms_count_bills_70_then_67_per_part(n: int, parts: int) -> None:
    assert sms_count("会" * n) == parts
    assert sms_count("【店】" + "a" * (n - 3)) == (parts if n >= 3 else 1)  # 【】: UCS-2


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("[" * 80, 1),  # extension characters take two septets
        ("[" * 81, 2),
        ("a" * 70 + "é", 1),  # é is in the GSM-7 alphabet
        ("a" * 70 + "’", 2),  # a curly apostrophe is not: UCS-2, 70 a part
    ],
)
def test_sms_count_bills_plain_english_as_gsm7(text: str, parts: int) -> None:
    assert sms_count(text) == parts


def test_sms_max_chars_is_the_longest_text_within_the_parts() -> None:
    for max_parts in (1, 2, 3, 7, 8):
        spec = ChannelSpec("sms", "短信", "SMS", sms=True, sms_max_parts=max_parts)
        most = sms_max_chars(spec)
        assert sms_count("会" * most) <= max_parts
        assert most == SMS_MAX_TOTAL or sms_count("会" * (most + 1)) > max_parts
    assert sms_max_chars(CHANNELS["sms"]) == 134


def test_opt_out_follows_the_language() -> None:
    assert sms_opt_out("zh-CN") == "拒收请回复R"
    assert sms_opt_out("en-US") == "Reply R to opt out"


def test_channel_facts_live_in_the_table() -> None:
    """Emoji budgets and compliance scopes are columns of the channel table, not tables of
    their own keyed by channel id."""
    assert {c: s.emoji_max for c, s in CHANNELS.items()} == {
        "community": 5,
        "moments": 3,
        "sms": 0,
        "push": 1,
        "xiaohongshu": 8,
        "douyin": 3,
        "wechat_article": 3,
    }
    assert {c: post_limits(c, "zh-CN", "店")["emoji_max"] for c in CHANNELS} == {
        c: s.emoji_max for c, s in CHANNELS.items()
    }
    for table in (CHANNELS, VIDEO_PLATFORMS):
        for spec in table.values():
            assert scope_of(spec.id) == (spec.lint_scope or spec.id)
    assert scope_of("community") == "community_group" and scope_of("channels") == "shipinhao"
    assert scope_of("wechat_article") == "official_account"


def test_every_scope_in_the_term_data_is_one_a_channel_or_the_data_names() -> None:
    terms = json.loads(
        (resource_dir("templates") / "compliance" / "compliance-terms.json").read_text()
    )
    used = {c for term in terms for c in term.get("channels", [])} - {"all"}
    assert used <= set(CHANNEL_SCOPES.values())
