"""Offline output read as an operator reads it before sending: a new customer is never
asked to buy "again", titles that address the reader use the segment's ``address_as``,
and the sentences an operator would rewrite ("说到米粉，独立小包装。", "活动期间618期间…",
"牛肉面一件", a video host pointing at a link the video does not have) are gone."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from test_offline_truth import STRANGERS, answer, brief_of, jobs

from workbench.brief.models import STYLES, Brief
from workbench.llm.base import JobContext


def _variant(name: str, **campaign: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(STRANGERS[name], default=str))
    data["campaign"].update(campaign)
    return data


def _brief(data: dict[str, Any], deliverables: list[dict[str, Any]]) -> Brief:
    brief = brief_of(data)
    return Brief.model_validate({**brief.model_dump(mode="json"), "deliverables": deliverables})


def _jobs(brief: Brief, variants: int = 4) -> list[JobContext]:
    out = []
    for j in jobs(brief):
        for v in range(variants):
            out.append(replace(j, variant_index=v))
    return out


def test_a_new_customer_is_never_asked_to_buy_again() -> None:
    """Repurchase campaigns reach new customers too: their posters and CTAs ask to buy,
    not to buy again (zh 再次/再下单, en "again"); a mature segment may be asked again."""
    zh = _variant("delivery", goal="repurchase")
    zh["segments"][0]["lifecycle"] = "new"
    zh["segments"].append({"id": "regulars", "name": "老顾客", "lifecycle": "mature"})
    en = _variant("hotel", goal="repurchase")
    en["segments"][0]["lifecycle"] = "new"
    deliverables = [
        {"kind": "poster", "variants": 4, "styles": list(STYLES)},
        {"kind": "copy", "channel": "community", "variants": 2, "styles": list(STYLES)},
        {"kind": "copy", "channel": "sms", "variants": 2, "styles": list(STYLES)},
    ]
    again = {"zh": 0, "en": 0}
    for lang, data in (("zh", zh), ("en", en)):
        brief = _brief(data, deliverables)
        for j in _jobs(brief):
            content = answer(j)
            said = " ".join([content.get("cta", ""), content.get("body", "")]).lower()
            repeat = "再次" in said or "再下单" in said or "想再" in said or "again" in said
            if j.segment.lifecycle == "new":
                assert not repeat, (j.kind, j.style, j.variant_index, content)
            else:
                again[lang] += repeat
    assert again["zh"] > 0  # the mature segment still hears 再次下单 somewhere
