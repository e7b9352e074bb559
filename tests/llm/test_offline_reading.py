"""Offline output read as an operator reads it before sending: a new customer is never
asked to buy "again", titles that address the reader use the segment's ``address_as``,
and the sentences an operator would rewrite ("说到米粉，独立小包装。", "活动期间618期间…",
"牛肉面一件", a video host pointing at a link the video does not have) are gone."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pytest
from test_offline_truth import BRIEFS, STRANGERS, answer, brief_of, jobs

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


@pytest.fixture(scope="module")
def outputs() -> dict[str, list[tuple[JobContext, dict[str, Any]]]]:
    return {name: [(j, answer(j)) for j in jobs(b)] for name, b in BRIEFS.items()}


def _titles(pieces: list[tuple[JobContext, dict[str, Any]]], segment: str) -> list[str]:
    return [
        t["text"]
        for j, data in pieces
        if j.kind == "title" and j.segment.id == segment
        for t in data["titles"]
    ]


def test_titles_that_address_the_reader_use_address_as(outputs: Any) -> None:
    """A segment with ``address_as`` is addressed by it in several title angles (not only
    "宝妈们看过来"); without one, no title builds a phrase on the neutral address
    ("写给成都的各位的红烧肉套餐"), and no title is a bare "occasion：product" label."""
    for name, brief in BRIEFS.items():
        for seg in brief.resolved_segments():
            titles = _titles(outputs[name], seg.id)
            assert titles, (name, seg.id)
            if seg.address_as:
                you = seg.address_as.lower()
                addressed = [t for t in titles if you in t.lower()]
                angles = {a for t, a in _angles(outputs[name], seg.id) if you in t.lower()}
                assert len(addressed) >= 2 and len(angles) >= 2, (name, seg.id, titles)
            else:
                assert not [t for t in titles if re.search(r"写给.*各位|的各位的", t)], titles
            occasion = re.compile(r"^(?:会员日|618|开业|春节|双11)：\w+$")
            assert not [t for t in titles if occasion.match(t)], (name, titles)


def _angles(pieces: list[tuple[JobContext, dict[str, Any]]], segment: str) -> list[tuple[str, str]]:
    return [
        (t["text"], t["angle"])
        for j, data in pieces
        if j.kind == "title" and j.segment.id == segment
        for t in data["titles"]
    ]


AWKWARD = (
    re.compile(r"说到[^，。]{1,12}，(?!\S*(?:可以|值得|是))"),  # "说到米粉，独立小包装。"
    re.compile(r"拿[^，。]{1,12}来说"),  # "拿千兆宽带来说，千兆光纤入户。"
    re.compile(r"是[^，。]{1,12}的一个特点"),  # "高铁配方，是米粉的一个特点。"
    re.compile(r"期间[^，。]{0,12}期间"),  # "活动期间618期间办理首月免费"
    re.compile(r"一件$|（露出"),  # props "牛肉面一件", "米粉（露出有机认证）"
    re.compile(r"points down to the link|指向屏幕下方", re.I),  # a video has no link
    re.compile(r"还没\S{1,4}的朋友，想再"),  # "还没下单的朋友，想再下单就找康宁堂。"
    re.compile(r"，后说|have not ordered yet"),  # 最后 scrubbed to 后; a hotel is booked
    re.compile(r"(?:Does|If) [^?.]{1,40} sounds? familiar"),  # "Does hidden fees sound…"
    re.compile(r"^[^，]{1,8}，[^，]{4,}的[^，]{1,8}福利$"),  # "开业，…朋友们的青提茉莉福利"
)


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [s for x in data for s in _strings(x)]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", list(BRIEFS))
def test_no_sentence_an_operator_would_rewrite(name: str, outputs: Any) -> None:
    for j, data in outputs[name]:
        for text in _strings(data):
            for pattern in AWKWARD:
                assert not pattern.search(text), (pattern.pattern, j.kind, j.style, text)
        if j.kind == "video_script" and j.deliverable.audience == "customer":
            for shot in data["shots"]:  # the cue quotes exactly what the customer says
                said = shot["voiceover"]
                assert said, shot
                assert shot["cue"].endswith((f"「{said}」", f'"{said}"')), shot


def test_the_moments_card_keeps_the_deadline(outputs: Any) -> None:
    """en-US 朋友圈 above the fold is tight (a 39-character offer, a 27-character name):
    the deadline goes into the offer's answer rather than being dropped, and the card's
    "how" is answered in a few words."""
    deadline = "May 31"
    kept = []
    for j, data in outputs["hotel"]:
        if j.kind == "copy" and j.deliverable.channel == "moments":
            kept.append(deadline in data["body"])
            if j.style == "example":
                assert deadline in data["body"], data["body"]
    assert sum(kept) >= 0.6 * len(kept), kept


def test_no_time_limited_badge_without_a_deadline(outputs: Any) -> None:
    assert BRIEFS["itops"].campaign.product.deadline is None
    for j, data in outputs["itops"]:
        if j.kind == "poster":
            assert "限时" not in data["badge"] and "加码" not in data["badge"], data


@pytest.mark.parametrize("name", list(BRIEFS))
def test_posters_and_short_copy_say_each_thing_once(name: str, outputs: Any) -> None:
    """A poster's badge is not its subheadline or headline again, and its deadline is not
    both in the headline and a bullet; an SMS or push whose CTA names the product does not
    also name it bare before ("…，电动牙刷。想了解电动牙刷就找…"); no line ends in a space."""
    brief = BRIEFS[name]
    short = brief.campaign.product.short
    deadline_words = re.compile(r"\d+月\d+日|[A-Z][a-z]{2} \d+")
    for j, data in outputs[name]:
        if j.kind == "poster":
            assert data["badge"] not in (data["subheadline"], data["headline"]), data
            price = brief.campaign.product.price
            assert not (price and f"{price:g}" in data["headline"]), data  # the price field has it
            said = deadline_words.findall(data["headline"])
            assert not [b for b in data["bullets"] if said and said[0] in b], data
        if j.kind == "copy":
            body = data["body"]
            assert not re.search(r"[ \t]\n", body), body
            if j.deliverable.channel in ("sms", "push"):
                twice = re.compile(rf"{re.escape(short)}[，,][^，。]*{re.escape(short)}")
                assert not twice.search(body) and f"，{short}。" not in body, body


@pytest.mark.parametrize("name", list(BRIEFS))
def test_a_poster_headline_does_not_say_the_offer_its_subheadline_shows(name: str) -> None:
    """Seen on the member-day poster: headline "会员日满199减50，到3月15日" over the
    subheadline "会员日满199减50，再送试吃装" (the offer twice). Four variants per style."""
    brief = BRIEFS[name]
    head = re.split(r"[，,；;]", brief.campaign.product.offer or "")[0].strip()
    posters = _brief(json.loads(brief.model_dump_json()), [{"kind": "poster", "variants": 4}])
    for j in _jobs(posters):
        data = answer(j)
        if len(head) >= 4 and head in data["subheadline"]:
            assert head not in data["headline"], (j.segment.id, j.variant_index, data)
