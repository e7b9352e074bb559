"""Poster kind: caps (ASCII counts half), bullet count, repairs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from workbench.brief.models import Brief, PosterDeliverable
from workbench.kinds import ContentError, get_kind

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = Brief.model_validate(yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8")))
POSTER = get_kind("poster")
D = PosterDeliverable(kind="poster")


def poster(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "headline": "会员日满199减50",
        "subheadline": "有机婴儿米粉，再送试吃装",
        "bullets": ["有机认证", "高铁配方"],
        "cta": "立即抢购",
        "badge": "",
    }
    base.update(kw)
    return base


def test_ok_and_english_gets_twice_the_characters() -> None:
    assert POSTER.parse(poster(), D, BRIEF, 1)[0]["badge"] == ""
    assert POSTER.parse(poster(headline="a" * 28), D, BRIEF, 1)[0]["headline"] == "a" * 28


def test_caps_and_bullets() -> None:
    with pytest.raises(ContentError) as err:
        POSTER.parse(poster(headline="字" * 15, bullets=[], cta="字" * 9), D, BRIEF, 1)
    assert [line.split(":")[0] for line in str(err.value).splitlines()] == [
        "bullets",
        "headline",
        "cta",
    ]
    out = POSTER.parse(poster(bullets=["一", "二", "三", "四", "五"]), D, BRIEF, 1)[0]
    assert out["bullets"] == ["一", "二", "三", "四"] and out["repairs"]


def test_schema() -> None:
    schema = POSTER.json_schema(D, 1)
    assert schema["required"] == ["headline", "subheadline", "bullets", "cta", "badge"]
