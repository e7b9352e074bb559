"""Offline copy carries the tracked link exactly as sent: SMS fits its billing parts with
【signature】, opt-out and the link counted; a link CTA only where the link is in the text;
community copy shows a short link inline and a long tracked URL on its own last line."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from offline_kit import TEA_LANDING, TEA_OPEN

from workbench.brief.models import STYLES, Brief
from workbench.kinds import get_kind
from workbench.kinds.channels import sms_count, sms_signature
from workbench.llm.base import JobContext, LLMRequest
from workbench.llm.offline import OfflineComposer
from workbench.tracking.body import job_link_length, relink
from workbench.tracking.links import variant_link

BASE_URL = "https://t.example.cn"
UIDS = ("0000000000", "ffffffffff", "0d1313d699")
LINK_WORDS = ("链接", "点击", "点开", "戳", "tap", "link", "click")

EN: dict[str, Any] = {
    "campaign": {
        "id": "harbor-spring",
        "name": "Spring stay",
        "goal": "convert",
        "language": "en-US",
        "brand": {"name": "Harbor Inn"},
        "product": {
            "name": "Harbor Inn Deluxe King Room",
            "short_name": "Deluxe King",
            "form": "service",
            "category": "hotel",
            "currency": "USD",
            "price": 189,
            "price_unit": "night",
            "selling_points": ["harbor view", "free breakfast", "late checkout"],
            "offer": "stay 3 nights, get the third night free",
            "deadline": "2026-05-31",
            "landing_url": TEA_LANDING,
        },
    },
    "segments": [{"id": "planners", "name": "weekend planners", "address_as": "weekenders"}],
}


def brief(data: dict[str, Any], channel: str, **extra: Any) -> Brief:
    raw = json.loads(json.dumps(data))
    raw["deliverables"] = [
        {"kind": "copy", "channel": channel, "variants": 3, "styles": list(STYLES), **extra}
    ]
    return Brief.model_validate(raw)


def sent(b: Brief, base_url: str) -> list[tuple[JobContext, dict[str, Any]]]:
    """Every copy as the customer receives it: composed, then tracked like the runner's
    link step does, then parsed (which recounts the SMS)."""
    composer = OfflineComposer(base_url)
    out = []
    d = b.deliverables[0]
    for style in d.styles:
        for v in range(d.variants):
            job = JobContext(b, b.resolved_segments()[0], d, 0, style, v)
            data = json.loads(asyncio.run(composer.complete(LLMRequest([], job=job))).text)
            link = variant_link(
                TEA_LANDING,
                base_url=base_url,
                uid=UIDS[v],
                campaign=b.campaign.key,
                kind="copy",
                channel=d.channel,  # type: ignore[union-attr]
            )
            (content,) = get_kind("copy").parse(data, d, b, 1)
            relink(content, TEA_LANDING, link.url)
            content["link"] = link.url
            out.append((job, content))
    return out


@pytest.mark.parametrize("base_url", ["", BASE_URL])
@pytest.mark.parametrize("data", [TEA_OPEN, EN], ids=["zh-CN", "en-US"])
@pytest.mark.parametrize("parts", [1, 2])
def test_sms_fits_its_parts_with_the_tracked_link(
    base_url: str, data: dict[str, Any], parts: int
) -> None:
    b = brief(data, "sms", sms_parts=parts)
    lang = b.campaign.language
    for job, content in sent(b, base_url):
        body = content["body"]
        assert sms_count(body) <= parts, (job, body)
        assert content["sms_segments"] == sms_count(body)
        assert body.startswith(sms_signature(b.campaign.brand.name, lang))
        has_link = content["link"] in body
        words = [w for w in LINK_WORDS if w in (body + content["cta"]).lower()]
        assert has_link or not words, (words, body, content["cta"])
        assert has_link or TEA_LANDING not in body
        if base_url and parts == 2:  # a 30-character short link always has room in two
            assert has_link, body


def test_an_english_sms_is_one_gsm7_part_with_the_short_link() -> None:
    b = brief(EN, "sms", sms_parts=1)
    for _, content in sent(b, BASE_URL):
        body = content["body"]
        assert sms_count(body) == 1 and len(body) <= 160, body
        assert content["link"] in body, body
        assert "【" not in body and "$189/night" in body, body


def test_the_short_link_fits_a_chinese_sms_and_a_utm_link_does_not() -> None:
    b = brief(TEA_OPEN, "sms", sms_parts=1)
    job = JobContext(b, b.resolved_segments()[0], b.deliverables[0], 0, "specific", 0)
    assert (job_link_length(job, "") or 0) > 70  # the utm link alone breaks one part
    with_short = [c for _, c in sent(b, BASE_URL)]
    without = [c for _, c in sent(b, "")]
    assert all(c["link"] in c["body"] for c in with_short), with_short
    assert all("http" not in c["body"] for c in without), without


@pytest.mark.parametrize("data", [TEA_OPEN, EN], ids=["zh-CN", "en-US"])
def test_community_copy_shows_a_short_link_inline_and_a_long_one_last(
    data: dict[str, Any],
) -> None:
    b = brief(data, "community")
    for _, content in sent(b, BASE_URL):
        body = content["body"]
        assert body.count(content["link"]) == 1, body
        line = next(x for x in body.splitlines() if content["link"] in x)
        assert line != content["link"], body  # inline after the CTA
    for _, content in sent(b, ""):
        body = content["body"]
        assert body.count(content["link"]) == 1, body
        assert body.splitlines()[-1] == content["link"], body
        assert len(body) <= 500


@pytest.mark.parametrize("channel", ["moments", "xiaohongshu", "douyin", "push"])
def test_channels_without_the_link_never_say_tap_the_link(channel: str) -> None:
    for data in (TEA_OPEN, EN):
        for _, content in sent(brief(data, channel), BASE_URL):
            text = (content["body"] + " " + content["cta"]).lower()
            assert "http" not in text
            assert not [w for w in LINK_WORDS if w in text], text
