"""Offline styles differ in structure, not only in wording: each opens with its own move
(a scene-led letter, a question, an instruction, the bare facts, the offer as headline),
SMS and push included; the first mention of a product is its full name; a short video ends
with the platform's own buying action, never "点链接" (a video carries no link).

The briefs are test_offline_truth's (five written as a stranger would, two shipped).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from typing import Any

import pytest
from test_offline_truth import BRIEFS, answer, jobs

from workbench.brief.models import Brief
from workbench.llm.base import JobContext
from workbench.llm.offline import phrases_en, phrases_zh
from workbench.textview import content_text

EMOJI = "".join({*phrases_zh.EMOJI, *phrases_en.EMOJI})


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.fixture(scope="module")
def pieces() -> dict[str, list[tuple[JobContext, dict[str, Any]]]]:
    kinds = ("copy", "video_script", "live_script")
    return {
        name: [(j, answer(j)) for j in jobs(b) if j.kind in kinds and j.variant_index == 0]
        for name, b in BRIEFS.items()
    }


def by_style(
    pieces: list[tuple[JobContext, dict[str, Any]]], channel: str
) -> dict[str, dict[str, dict[str, Any]]]:
    """segment id -> style -> content, for one copy channel."""
    out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for j, data in pieces:
        if j.kind == "copy" and j.deliverable.channel == channel:
            out[j.segment.id][j.style] = data
    return out


def _first_line(body: str) -> str:
    return body.lstrip(EMOJI).splitlines()[0]


@pytest.mark.parametrize("name", list(BRIEFS))
def test_each_style_opens_with_its_own_move(name: str, pieces: Any) -> None:
    brief = BRIEFS[name]
    f = brief.campaign
    offer_head = re.split(r"[，,]", f.product.offer)[0].lower()
    for seg, styles in by_style(pieces[name], "community").items():
        assert len(styles) == 5, seg
        first = {style: _first_line(data["body"]) for style, data in styles.items()}
        assert first["example"].startswith(("问：", "Q:")), first  # a question
        assert first["instruction"].startswith(("怎么", "How to")), first  # what to do
        assert "｜" in first["specific"] or " | " in first["specific"], first  # bare facts
        assert offer_head in first["hybrid"].lower(), first  # the offer as the headline
        assert first["hybrid"].endswith(("！", "!")), first
        brand = f.brand.name
        assert (
            f"这里是{brand}" in styles["agent"]["body"]
            or f"{brand} here" in styles["agent"]["body"]
        ), styles["agent"]  # a letter signed by the brand
        assert "这里是" not in first["specific"] and " here" not in first["specific"]


# channel: (worst pair, share of pairs below 0.5) that hold today. The issue aims below 0.5
# for every pair; the pairs left above it are short en-US pieces (the hotel brief), where a
# 39-character offer and a 27-character product name are a third of each text, and every
# style must state both (the offer, and the product in full at its first mention). 朋友圈
# keeps above the fold (120 characters, 6 lines), so its pieces are that short in every
# language. The styles differ in the order of their moves, which is what keeps difflib's
# blocks short: the letter goes product -> point -> offer -> deadline -> CTA, the card
# offer -> deadline -> what it is -> how, the sheet how -> product -> offer -> deadline ->
# points (in its own order), the fact line deadline | offer | product and price, the
# headline offer -> bullets (reversed) -> product -> deadline and CTA; the fact line tags
# topics, not the brand and product names. Measured: community 0.558 (96% of pairs below
# 0.5), 小红书 0.549 (92%), 抖音 0.559 (89%), 朋友圈 0.643 (77%); before that ordering
# 0.60, 0.58, 0.59 and 0.71-0.75.
LONG_COPY = {
    "community": (0.57, 0.93),
    "xiaohongshu": (0.56, 0.9),
    "douyin": (0.57, 0.87),
    "moments": (0.66, 0.75),
}


@pytest.mark.parametrize("channel", list(LONG_COPY))
def test_long_copy_styles_share_little_text(channel: str, pieces: Any) -> None:
    """The TUI compare's similarity (difflib on the whole piece as the operator reads it,
    title and hashtags included) between any two styles of one deliverable and segment;
    the brief's link is taken out (it is the same tracked link in every style)."""
    worst, share = LONG_COPY[channel]
    ratios = []
    for name, brief in BRIEFS.items():
        landing = brief.campaign.product.landing_url or "\x00"
        for styles in by_style(pieces[name], channel).values():
            texts = {s: content_text("copy", d).replace(landing, "") for s, d in styles.items()}
            ratios += [_ratio(texts[a], texts[b]) for a, b in itertools.combinations(texts, 2)]
    assert ratios and max(ratios) < worst, max(ratios)
    low = sum(r < 0.5 for r in ratios) / len(ratios)
    assert low >= share, low  # most pairs share less than half their text


# SMS and push have a higher floor: a one-part SMS is ~60 characters of which the
# 【signature】 and the opt-out (~13, in every style, at both ends), the offer (15-40) and
# usually the product, price and deadline are fixed facts every style must carry, so even
# in opposite orders about two thirds of each text matches; a push is 50 weighted
# characters, mostly the offer. Styles still order them differently (the sheet opens with
# its step "3月15日前联系…下单：", the card answers with the step and leaves price and
# deadline last, the fact line leads with the deadline, the headline follows the offer with
# when it ends). Measured worst pairs: SMS 0.809 (0.871 before), push 0.816 (0.822).
SHORT_COPY = {"sms": 0.83, "push": 0.83}


@pytest.mark.parametrize("channel", list(SHORT_COPY))
def test_sms_and_push_differ_by_style(channel: str, pieces: Any) -> None:
    for name in BRIEFS:
        for seg, styles in by_style(pieces[name], channel).items():
            bodies = {s: d["body"] for s, d in styles.items()}
            assert len(set(bodies.values())) == 5, (name, seg, bodies)
            worst = max(_ratio(bodies[a], bodies[b]) for a, b in itertools.combinations(bodies, 2))
            assert worst < SHORT_COPY[channel], (name, seg, worst, bodies)


def _spoken(j: JobContext, data: dict[str, Any]) -> str:
    if j.kind == "video_script":
        return " ".join(s["voiceover"] for s in data["shots"])
    if j.kind == "live_script":
        return " ".join(b["lines"] for p in data["phases"] for b in p["beats"])
    return str(data["body"])


FULL_NAME_CHANNELS = ("community", "xiaohongshu", "douyin", "wechat_article", "moments")


@pytest.mark.parametrize("name", list(BRIEFS))
def test_the_first_mention_is_the_full_name(name: str, pieces: Any) -> None:
    """Copy on roomy channels, video voice-overs and live host lines name the product in
    full first; the short name comes after (posters, SMS, push and captions keep it)."""
    p: Brief = BRIEFS[name]
    product, short = p.campaign.product.name, p.campaign.product.short
    assert short != product
    checked = 0
    for j, data in pieces[name]:
        if j.kind == "copy" and j.deliverable.channel not in FULL_NAME_CHANNELS:
            continue
        text = _spoken(j, data)
        if short not in text:
            continue  # the piece does not name the product (a tight 朋友圈 post)
        assert -1 < text.find(product) <= text.find(short), (j.kind, j.style, text)
        checked += 1
    assert checked >= 10


LINK_WORDS = ("链接", "link", "扫码", "二维码", "进群", "私信")


@pytest.mark.parametrize("platform", ["douyin", "kuaishou", "channels", "xiaohongshu"])
def test_short_videos_end_with_the_platform_action(platform: str) -> None:
    for name in ("broadband", "delivery", "hotel", "member-day"):
        brief = BRIEFS[name]
        data = brief.model_dump(mode="json")
        data["deliverables"] = [
            {"kind": "video_script", "platform": platform, "duration": 30, "variants": 2}
        ]
        b = Brief.model_validate(data)
        for j in jobs(b):
            content = answer(j)
            cta = content["cta"]
            last = content["shots"][-1]
            assert cta, j
            said = f"{cta} {last['voiceover']} {last['onscreen_text']}".lower()
            if platform != "channels":  # 视频号 may carry a link below the video
                assert not [w for w in LINK_WORDS if w in said], (platform, said)
            if platform in ("douyin", "kuaishou") and b.campaign.product.form == "goods":
                assert "小黄车" in cta or "cart" in cta.lower(), cta


@pytest.mark.parametrize("name", ["member-day", "hotel", "broadband"])
def test_live_run_sheet_states_its_word_for_word_share(name: str, pieces: Any) -> None:
    """Honest filling cannot script 60 minutes from a brief's few facts without repeating
    itself, so the run sheet says plainly, per phase and for the stream, how many minutes
    are word for word and how many are the cued loop and interaction."""
    from workbench.kinds.common import speech_units
    from workbench.kinds.timing import speech_rate

    lang = BRIEFS[name].campaign.language
    number = re.compile(r"(\d+)")
    phase_note = re.compile(
        r"(?:本段逐字稿约|This phase: ~)(\d+)(?:分钟，其余约| min word for word, ~)(\d+)"
    )
    for j, data in pieces[name]:
        if j.kind != "live_script":
            continue
        rate = speech_rate(lang, j.deliverable)
        total = 0.0
        for phase in data["phases"]:
            spoken = sum(speech_units(b["lines"], lang) for b in phase["beats"]) / (60 * rate)
            total += spoken
            action = phase["beats"][0]["action"]
            found = phase_note.search(action)
            assert found, action
            said, rest = int(found.group(1)), int(found.group(2))
            note = found.group(0)
            assert abs(said - spoken) <= 1, (note, spoken)
            assert abs(said + rest - (phase["end"] - phase["start"])) <= 1, (note, phase["end"])
        head = data["phases"][0]["beats"][0]["action"]
        minutes, share = (int(n) for n in number.findall(head)[:2])
        assert abs(minutes - total) <= 1 and abs(share - 100 * total / data["minutes"]) <= 1


@pytest.mark.parametrize("name", list(BRIEFS))
def test_the_instruction_sheet_says_how_once(name: str, pieces: Any) -> None:
    """The sheet's first row answers "how" with a step (open the link, contact the brand),
    not the CTA again ("How to book: Book now.", "怎么下单：了解一下…"); zh greetings are
    Chinese ("hello，街坊们！" mixed the languages)."""
    zh = BRIEFS[name].campaign.language == "zh-CN"
    row = re.compile(r"^(?:怎么(\S+?)：|How to ([a-z ]+): )(.*)$")
    seen = 0
    for j, data in pieces[name]:
        if j.kind != "copy":
            continue
        if zh:
            assert "hello" not in data["body"].lower(), data["body"]
        if j.style != "instruction" or j.deliverable.channel in ("sms", "push"):
            continue
        found = row.match(_first_line(data["body"]))
        assert found, data["body"]
        verb, step = (found.group(1) or found.group(2)).lower(), found.group(3).lower()
        assert verb not in step and "了解一下" not in step, found.group(0)
        seen += 1
    assert seen >= 4
