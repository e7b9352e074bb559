"""An edit recounts what the kind derives from its text (``KindSpec.counts``), nothing else."""

from __future__ import annotations

from typing import Any

from helpers_review import variant_record

from workbench.kinds.channels import CHANNELS, sms_count
from workbench.review.workflow import with_derived
from workbench.store.variantrecord import Variant


def _variant(kind: str, channel: str | None, content: dict[str, Any]) -> Variant:
    return variant_record(kind=kind, channel=channel, content=content)


def test_an_edited_sms_gets_its_length_and_parts_recounted() -> None:
    old = {"body": "短", "cta": "回T退订", "length": 1, "sms_length": 1, "sms_segments": 1}
    body = "会员日全场八折，" * 12
    out = with_derived(_variant("copy", "sms", old), {"body": body, "cta": "回T退订"})
    assert out == {
        "body": body,
        "cta": "回T退订",
        "length": len(body),
        "sms_length": len(body),
        "sms_segments": sms_count(body),
    }
    parts = out["sms_segments"]
    assert isinstance(parts, int) and parts > 1


def test_an_edited_title_is_counted_the_way_its_channel_counts() -> None:
    old = {"text": "旧标题", "angle": "benefit", "length": 3}
    text = "Member day 会员日"
    out = with_derived(_variant("title", "xiaohongshu", old), {"text": text, "angle": "benefit"})
    assert out["length"] == CHANNELS["xiaohongshu"].title_length(text)
    assert out["length"] != len(text)  # ASCII counts half on 小红书


def test_repair_notes_go_and_only_counts_the_old_version_had_come_back() -> None:
    old = {"body": "旧", "title": "t", "length": 1, "repairs": ["shortened"]}
    out = with_derived(_variant("copy", "wechat_article", old), {"body": "新的正文", "title": "t"})
    assert out == {"body": "新的正文", "title": "t", "length": 4}
    poster = {"headline": "h", "subline": "s", "cta": "c"}
    assert with_derived(_variant("poster", None, poster), dict(poster)) == poster
