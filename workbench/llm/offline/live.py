"""Live-stream run sheets: four phases, beats with word-for-word lines, FABE and a recap.

Phase lengths follow ``PHASE_SHARES``; beats split their phase in proportion to their lines.
Sentences whose facts are missing are dropped rather than invented, and every text passes
through the absolute-term scrubber: live scripts are the highest compliance risk.
"""

from __future__ import annotations

import math
import re
import string

from workbench.kinds.common import speech_units
from workbench.kinds.live_script import PHASE_SHARES, PHASES, retile
from workbench.kinds.records import BeatItem, FabeItem, LiveScriptReply, PhaseItem
from workbench.kinds.timing import speech_rate
from workbench.llm.offline.composition import Ctx
from workbench.llm.offline.live_lines import COMMENTS, COVERAGE, FILLER, LOOP, SHARE
from workbench.llm.offline.script_phrases import LIVE, LIVE_CART, LIVE_GOALS, LIVE_TEXT
from workbench.llm.offline.text import first_fitting, first_mention, fit, squash
from workbench.llm.offline.titles import offer_short
from workbench.llm.offline.video import public_values

_SENTENCE_RE = re.compile(r"(?<=[。！？!?])|(?<=\.\s)")
_FORMATTER = string.Formatter()


def fill(template: str, values: dict[str, str], tidy: bool = True) -> str:
    """The template with every sentence whose placeholders have no value left out.

    ``tidy=False`` keeps leading punctuation (for fragments such as "，截至3月15日").
    """
    kept = []
    for sentence in _SENTENCE_RE.split(template):
        names = [n for _, n, _, _ in _FORMATTER.parse(sentence) if n]
        if all(values.get(n) for n in names):
            kept.append(sentence.format_map(values))
    text = "".join(kept)
    return squash(text.strip()) if tidy else text


def _values(ctx: Ctx, lang: str) -> dict[str, str]:
    f = ctx.facts
    text = LIVE_TEXT[lang]
    sep = ", " if ctx.en else "、"
    platform = getattr(ctx.job.deliverable, "platform", None)
    cart, cart_one = LIVE_CART[lang].get(platform) or LIVE_CART[lang][None]
    # the recap says it to those who have not bought yet: never "buy again" (想再下单)
    cta = ctx.cta(goal="convert" if ctx.facts.ask == "repurchase" else "")
    if platform:  # the room's own buying action, not 点链接
        cta = f"tap {cart} to {ctx.values()['get']}" if ctx.en else f"点{cart}{ctx.values()['get']}"
    values = public_values(ctx, cta=cta)
    values["cart"], values["cart_one"] = cart, cart_one
    values["points"] = sep.join(f.points[:3])
    values["product_short"] = f.short if len(f.short) <= 8 else f.brand
    values["offer_short"] = offer_short(ctx, 10 if not ctx.en else 20) or f.offer
    values["math_line"] = fill(text["math_line"], values)
    values["deadline_line"] = fill(text["deadline_line"], values)
    values["deadline_part"] = fill(text["deadline_part"], values, tidy=False)
    values["proof"] = "；".join(f.proof) if not ctx.en else "; ".join(f.proof)
    values["evidence"] = fill(text["evidence"], values) or fill(text["evidence_plain"], values)
    values["recap"] = fill(text["recap"], values)
    return values


def _fabe(values: dict[str, str], lang: str, ctx: Ctx) -> FabeItem:
    text = LIVE_TEXT[lang]
    f = ctx.facts
    values = dict(values, point=f.point(0), point2=f.point(1) if len(f.points) > 1 else "")
    sep = ", " if ctx.en else "、"
    feature = (
        f"{f.product}{': ' if ctx.en else '：'}{sep.join(f.points)}" if f.points else f.product
    )
    advantage = fill(text["advantage"], values) or fill(text["advantage_plain"], values)
    benefit = fill(text["benefit"], values) or fill(text["benefit_plain"], values)
    return {
        "feature": ctx.safe(feature),
        "advantage": ctx.safe(advantage or f.product),
        "benefit": ctx.safe(benefit),
        "evidence": ctx.safe(values["evidence"]),
    }


TALK_SHARE = 0.85  # of a talk beat's time the host speaks (the rest: reading comments)
WAIT_SHARE = 0.5  # of a draw, gift bag or link countdown
BEAT_MINUTES = 4.0  # a long phase gets a beat about every four minutes


def _fill(
    ctx: Ctx,
    head: str,
    values: dict[str, str],
    room: int,
    lang: str,
    phase: str,
    said: set[str],
    heads: str = "",
) -> str:
    """``head`` and then the phase's restatements whose templates the phase has not used
    yet (``said``, updated), in order, while they fit in ``room`` units."""
    text = head
    gap = " " if ctx.en else ""
    for template in FILLER[lang][phase]:
        line = fill(template, values)
        if not line or template in said or line in text or line in heads:
            continue
        candidate = f"{text}{gap}{line}" if text else line
        if speech_units(candidate, lang) <= room:
            text = candidate
            said.add(template)
    return text


def _phase_beats(lang: str, phase: str, minutes: float) -> list[tuple[str, str, str, str]]:
    """The phase's own beats, then its loop beats until there is one every few minutes."""
    beats = list(LIVE[lang][phase])
    loop = LOOP[lang].get(phase, ())
    want = math.floor(minutes / BEAT_MINUTES)
    k = 0
    while loop and len(beats) < want:
        beats.insert(len(beats) - (1 if phase == "高潮" else 0), loop[k % len(loop)])
        k += 1
    return beats


def compose_live(ctx: Ctx) -> LiveScriptReply:
    d = ctx.job.deliverable
    minutes = int(getattr(d, "minutes", 60))
    lang = "en-US" if ctx.en else "zh-CN"
    values = _values(ctx, lang)
    rate = speech_rate(lang, d)
    weights = [minutes * s for s in PHASE_SHARES]
    step = 10 if minutes >= 30 else 5  # whole minutes on long run sheets, else half minutes
    must = _must_line(ctx)
    phases: list[PhaseItem] = []
    for p_index, (phase, (start, end)) in enumerate(
        zip(PHASES, retile(weights, 0, minutes, step), strict=True)
    ):
        specs = _phase_beats(lang, phase, end - start)
        said: set[str] = set()  # a phase says each restatement once
        heads = "".join(fill(t, values) for _, t, _, _ in specs)  # and none its beats open with
        spans = retile([1.0] * len(specs), start, end, step)
        beats: list[BeatItem] = []
        for b_index, ((segment, template, action, interaction), (a, b)) in enumerate(
            zip(specs, spans, strict=True)
        ):
            values["point"] = ctx.facts.point(ctx.variant + p_index + b_index)
            values["point2"] = ctx.facts.point(ctx.variant + p_index + b_index + 1)
            share = WAIT_SHARE if interaction in ("抽奖", "福袋", "限时秒杀") else TALK_SHARE
            room = math.floor((b - a) * 60 * rate * share)
            head = ctx.safe(fill(template, values))
            if must and p_index == 1 and b_index == 0:  # said once, where the product is
                head = f"{head}{' ' if ctx.en else ''}{must}"
            if speech_units(head, lang) > room:
                head = fit(head, room, lambda t: speech_units(t, lang))
            lines = ctx.safe(_fill(ctx, head, values, room, lang, phase, said, heads)) or head
            act = ctx.safe(fill(action, values))
            spare = (b - a) * share - speech_units(lines, lang) / (60 * rate)
            if spare >= 1:  # whole minutes left: the host reads comments, said so
                note = COMMENTS[lang].format(minutes=math.floor(spare))
                act = f"{act}{'; ' if ctx.en else '；'}{note}" if act else note
            beats.append(
                {
                    "start": a,
                    "end": b,
                    "segment": segment,
                    "lines": lines,
                    "action": act,
                    "interaction": interaction,
                }
            )
        phases.append(
            {
                "phase": phase,
                "start": start,
                "end": end,
                "goal": LIVE_GOALS[lang][phase],
                "beats": beats,
            }
        )
    _name_in_full(ctx, phases)
    _state_coverage(phases, lang, rate, minutes)
    title_key = "title" if ctx.facts.occasion else "title_short"
    title = ctx.safe(fill(LIVE_TEXT[lang][title_key], values))
    if len(title) > 30:  # whole words only: the shorter pattern, the short name, the brand
        short = " live" if ctx.en else "直播间"
        options = [fill(LIVE_TEXT[lang]["title_short"], values), f"{ctx.facts.short}{short}"]
        title = ctx.safe(first_fitting([*options, ctx.facts.short, ctx.facts.brand], 30))
        title = title or ctx.facts.brand
    return {
        "title": title,
        "minutes": minutes,
        "phases": phases,
        "fabe": _fabe(values, lang, ctx),
        "recap": ctx.safe(" ".join(x for x in (values["recap"], must) if x)),
    }


def _state_coverage(phases: list[PhaseItem], lang: str, rate: float, minutes: int) -> None:
    """Each phase's first beat says how many of its minutes are word for word and how many
    are the stated loop and interaction; the stream's first beat says the whole share."""
    total = 0.0
    sep = "; " if lang == "en-US" else "；"
    for phase in phases:
        spoken = sum(speech_units(b["lines"], lang) for b in phase["beats"]) / (60 * rate)
        total += spoken
        length = phase["end"] - phase["start"]
        said = max(1, round(spoken))
        note = COVERAGE[lang].format(spoken=said, rest=max(0, round(length - spoken)))
        first = phase["beats"][0]
        first["action"] = f"{note}{sep}{first['action']}" if first["action"] else note
    share = SHARE[lang].format(spoken=max(1, round(total)), share=round(100 * total / minutes))
    head = phases[0]["beats"][0]
    head["action"] = f"{share}{sep}{head['action']}"


def _name_in_full(ctx: Ctx, phases: list[PhaseItem]) -> None:
    """The host's first mention of the product is its full name."""
    f = ctx.facts
    for phase in phases:
        for beat in phase["beats"]:
            if f.short in beat["lines"] or f.product in beat["lines"]:
                beat["lines"] = first_mention(beat["lines"], f.product, f.short)
                return


def _must_line(ctx: Ctx) -> str:
    """The brand's must-include words and the category's required text as one sentence
    (health food: 本品不能代替药物), or ""."""
    words = [w for w in ctx.facts.must if w]
    if not words:
        return ""
    return ("Note: " + "; ".join(words) + ".") if ctx.en else ("提醒：" + "，".join(words) + "。")
