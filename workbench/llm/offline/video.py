"""Short-video scripts: hook (≤3 s), middle beats, CTA last; voice-over fitted to time."""

from __future__ import annotations

import itertools
import math
from typing import Any

from workbench.kinds.channels import (
    HOOK_MAX_SECONDS,
    VIDEO_COVER_MAX,
    VIDEO_PLATFORMS,
    weighted_len,
)
from workbench.kinds.common import speech_units
from workbench.kinds.video_script import speech_rate
from workbench.llm.offline.context import Ctx
from workbench.llm.offline.copywriter import hashtags
from workbench.llm.offline.text import fit, pick, squash
from workbench.llm.offline.titles import compose_titles, offer_short

MIDDLE = ("pain", "point", "scene", "point", "price", "point", "scene", "pain")
SIZES = {"hook": "特写", "pain": "中景", "point": "特写", "scene": "全景", "price": "近景",
         "cta": "中景"}  # fmt: skip


def _timeline(duration: int, middle: int) -> list[tuple[float, float]]:
    hook = min(HOOK_MAX_SECONDS, max(1.0, round(duration * 0.15, 1)))
    cta = min(6.0, max(1.5, round(duration * 0.15, 1)))
    step = (duration - hook - cta) / middle
    marks = [0.0, hook] + [round(hook + step * (i + 1), 1) for i in range(middle - 1)]
    marks += [round(duration - cta, 1), float(duration)]
    return list(itertools.pairwise(marks))


def compose_video(ctx: Ctx) -> dict[str, Any]:
    d = ctx.job.deliverable
    spec = VIDEO_PLATFORMS[getattr(d, "platform", "douyin")]
    duration = int(getattr(d, "duration", 30))
    rate = speech_rate(ctx.facts.lang)
    f = ctx.facts
    middle_count = max(1, min(8, round(duration / 7)))
    start = (ctx.base + ctx.variant) % len(MIDDLE)
    middle = [MIDDLE[(start + i) % len(MIDDLE)] for i in range(middle_count)]
    if "price" not in middle and (f.offer or f.price):
        middle[-1] = "price"
    names = ["hook", *middle, "cta"]
    cta = ctx.cta()
    values = ctx.values(cta=cta)
    shots = []
    for i, (name, (a, b)) in enumerate(zip(names, _timeline(duration, middle_count), strict=True)):
        values["point"] = f.point(ctx.variant + i)
        rotate = ctx.base + ctx.variant + i
        line = squash(pick(ctx.bank.VIDEO[name], values, ctx.rng, rotate))
        units = math.floor((b - a) * rate)
        voiceover = fit(ctx.safe(line), units, lambda t: speech_units(t, f.lang))
        caption = {"hook": voiceover, "point": values["point"], "cta": cta}.get(name, "")
        if name == "price":
            caption = offer_short(ctx, 12 if not ctx.en else 24) or f.price
        shots.append(
            {
                "start": a,
                "end": b,
                "shot_size": SIZES[name],
                "visual": ctx.safe(pick(ctx.bank.SHOT_VISUALS[name], values, ctx.rng, rotate)),
                "voiceover": voiceover,
                "onscreen_text": ctx.safe(fit(caption, 16, weighted_len)),
                "sound": ctx.bank.SOUNDS[rotate % len(ctx.bank.SOUNDS)],
            }
        )
    must = [w for w in f.must if w not in " ".join(s["voiceover"] for s in shots)]
    if must:
        shots[-1]["onscreen_text"] = fit(" ".join(must), 16, weighted_len)
    limit = spec.title_max or 30
    title = compose_titles(ctx, 1, limit, spec.title_length, spec.title_min or 0)[0][0]
    cover = offer_short(ctx, 10 if not ctx.en else 20) or f.product
    return {
        "title": title,
        "cover_text": fit(cover, VIDEO_COVER_MAX, weighted_len),
        "hook": shots[0]["voiceover"] or fit(f.product, 12),
        "hashtags": hashtags(ctx, spec.hashtags_max),
        "duration": duration,
        "shots": shots,
    }
