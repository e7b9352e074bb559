"""Copy kind: channel limits, SMS rules, safe repairs, error messages, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.brief.models import Brief, CopyDeliverable
from workbench.kinds import KINDS, ContentError, get_kind

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = Brief.model_validate(yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8")))
COPY = get_kind("copy")


def parse(channel: str, data: dict[str, Any], brief: Brief = BRIEF) -> dict[str, Any]:
    d = CopyDeliverable(kind="copy", channel=channel)
    return COPY.parse(data, d, brief, 1)[0]


def answer(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": None,
        "body": "会员日福利来了",
        "hashtags": [],
        "cta": "去看看",
    }
    base.update(kw)
    return base


def test_registry() -> None:
    assert set(KINDS) == {"copy", "title", "poster", "video_script", "live_script", "theme_post"}
    with pytest.raises(KeyError, match="known"):
        get_kind("nope")


def test_length_added_and_no_repairs_when_clean() -> None:
    c = parse("community", answer())
    assert c["length"] == 7 and "repairs" not in c


def test_xiaohongshu_title_weighted_limit_message() -> None:
    with pytest.raises(ContentError) as err:
        parse("xiaohongshu", answer(title="有机婴儿米粉会员日福利大放送妈妈们快来看看吧吧吧"))
    assert str(err.value).startswith("title: is 24 characters (xiaohongshu counts ASCII as half)")
    assert "the limit is 20" in str(err.value)
    assert parse("xiaohongshu", answer(title="a" * 40))["title"] == "a" * 40


def test_title_required_where_channel_has_one() -> None:
    for ch in ("xiaohongshu", "push", "douyin", "wechat_article"):
        with pytest.raises(ContentError, match=r"^title: required"):
            parse(ch, answer())


def test_every_problem_named_one_per_line() -> None:
    with pytest.raises(ContentError) as err:
        parse("push", answer(title="标题" * 11, body="字" * 51, cta="", hashtags=["a"]))
    lines = str(err.value).splitlines()
    assert [line.split(":")[0] for line in lines] == ["title", "cta", "body"]


def test_hashtags_stripped_deduped_and_capped() -> None:
    tags = ["#a", "a", "＃b", *[f"t{i}" for i in range(12)]]
    c = parse("xiaohongshu", answer(title="好标题", hashtags=tags))
    assert c["hashtags"][:2] == ["a", "b"] and len(c["hashtags"]) == 10
    assert any("first 10" in r for r in c["repairs"])
    assert parse("community", answer(hashtags=["x"]))["hashtags"] == []


def test_sms_repairs_signature_and_opt_out() -> None:
    c = parse("sms", answer(body="会员日满199减50，3月15日截止"))
    assert c["body"] == "【小鹿母婴】会员日满199减50，3月15日截止，拒收请回复R"
    assert c["sms_length"] == len(c["body"]) and c["sms_segments"] == 1
    assert len(c["repairs"]) == 2
    moved = parse("sms", answer(body="会员日福利【小鹿母婴】拒收请回复R"))
    assert moved["body"] == "【小鹿母婴】会员日福利拒收请回复R"


def test_sms_segments_and_brackets() -> None:
    ok = parse("sms", answer(body="【小鹿母婴】" + "字" * 122 + "拒收请回复R"))
    assert ok["sms_length"] == 134 and ok["sms_segments"] == 2
    with pytest.raises(ContentError, match="billed as 3 parts; the limit is 2 parts"):
        parse("sms", answer(body="【小鹿母婴】" + "字" * 123 + "拒收请回复R"))
    with pytest.raises(ContentError, match="【】 after the signature"):
        parse("sms", answer(body="【小鹿母婴】【活动】福利拒收请回复R"))


def test_sms_english_opt_out() -> None:
    data = BRIEF.model_dump(mode="json")
    data["campaign"]["language"] = "en-US"
    brief = Brief.model_validate(data)
    c = parse("sms", answer(body="Member day: $50 off"), brief)
    assert c["body"] == "小鹿母婴: Member day: $50 off Reply R to opt out"  # no 【】 in English
    c = parse("sms", answer(body="【小鹿母婴】Member day: $50 off"), brief)
    assert c["body"] == "小鹿母婴: Member day: $50 off Reply R to opt out"


def test_banned_words_named() -> None:
    with pytest.raises(ContentError, match="body: contains banned words 最便宜"):
        parse("community", answer(body="全城最便宜"))


def test_wrong_shape_names_fields() -> None:
    with pytest.raises(ContentError) as err:
        parse("community", {"body": 3, "hashtags": "x", "cta": "c", "extra": 1})
    text = str(err.value)
    for path in ("title", "body", "hashtags", "extra"):
        assert path in text
    with pytest.raises(ContentError, match="expected a JSON object"):
        parse("community", [])  # type: ignore[arg-type]


@pytest.mark.parametrize("channel", ["community", "sms", "xiaohongshu"])
def test_schema_is_strict(channel: str) -> None:
    d = CopyDeliverable(kind="copy", channel=channel)
    schema = COPY.json_schema(d, 1)
    assert schema["required"] == ["title", "body", "hashtags", "cta"]
    assert schema["additionalProperties"] is False
    assert "default" not in str(schema)
    assert COPY.call_size(d) == 1
