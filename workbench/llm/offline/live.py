"""Live-stream run sheets: four phases, beats with word-for-word lines, FABE and a recap.

Phase lengths follow ``PHASE_SHARES``; beats split their phase in proportion to their lines.
Sentences whose facts are missing are dropped rather than invented, and every text passes
through the absolute-term scrubber: live scripts are the highest compliance risk.
"""

from __future__ import annotations

import re
import string
from typing import Any

from workbench.kinds.common import speech_units
from workbench.kinds.live_script import PHASE_SHARES, PHASES, retile
from workbench.llm.offline.context import Ctx
from workbench.llm.offline.script_phrases import LIVE, LIVE_GOALS, LIVE_TEXT
from workbench.llm.offline.text import squash
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
    values = public_values(ctx, cta=ctx.cta())
    values["points"] = sep.join(f.points[:3])
    values["product_short"] = f.product[:6] if not ctx.en else f.product.split()[0]
    values["offer_short"] = offer_short(ctx, 10 if not ctx.en else 20) or f.offer
    values["math_line"] = fill(text["math_line"], values)
    values["deadline_line"] = fill(text["deadline_line"], values)
    values["deadline_part"] = fill(text["deadline_part"], values, tidy=False)
    values["evidence"] = fill(text["evidence"], values) or fill(text["evidence_plain"], values)
    values["recap"] = fill(text["recap"], values)
    return values


def _fabe(values: dict[str, str], lang: str, ctx: Ctx) -> dict[str, str]:
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


def compose_live(ctx: Ctx) -> dict[str, Any]:
    d = ctx.job.deliverable
    minutes = int(getattr(d, "minutes", 60))
    lang = "en-US" if ctx.en else "zh-CN"
    values = _values(ctx, lang)
    weights = [minutes * s for s in PHASE_SHARES]
    step = 10 if minutes >= 30 else 5  # whole minutes on long run sheets, else half minutes
    phases: list[dict[str, Any]] = []
    for p_index, (phase, (start, end)) in enumerate(
        zip(PHASES, retile(weights, 0, minutes, step), strict=True)
    ):
        beats: list[dict[str, Any]] = []
        for b_index, (segment, template, action, interaction) in enumerate(LIVE[lang][phase]):
            values["point"] = ctx.facts.point(ctx.variant + p_index + b_index)
            values["point2"] = ctx.facts.point(ctx.variant + p_index + b_index + 1)
            lines = ctx.safe(fill(template, values))
            beats.append(
                {
                    "segment": segment,
                    "lines": lines,
                    "action": ctx.safe(fill(action, values)),
                    "interaction": interaction,
                }
            )
        lengths = [float(max(speech_units(b["lines"], lang), 1)) for b in beats]
        for beat, (a, b) in zip(beats, retile(lengths, start, end, step), strict=True):
            beat["start"], beat["end"] = a, b
        phases.append(
            {
                "phase": phase,
                "start": start,
                "end": end,
                "goal": LIVE_GOALS[lang][phase],
                "beats": [{k: bt[k] for k in ("start", "end", "segment", "lines", "action",
                                              "interaction")} for bt in beats],
            }
        )  # fmt: skip
    title_key = "title" if ctx.facts.goal in ("repurchase", "activate") else "title_short"
    title = ctx.safe(fill(LIVE_TEXT[lang][title_key], values))
    if len(title) > 30:
        title = ctx.safe(fill(LIVE_TEXT[lang]["title_short"], values))[:30]
    return {
        "title": title,
        "minutes": minutes,
        "phases": phases,
        "fabe": _fabe(values, lang, ctx),
        "recap": ctx.safe(values["recap"]),
    }
