"""Poster copy fitted to the poster caps (ASCII counts half)."""

from __future__ import annotations

from typing import Any

from workbench.kinds.channels import POSTER_CAPS, weighted_len
from workbench.llm.offline.context import Ctx
from workbench.llm.offline.text import fit
from workbench.llm.offline.titles import compose_titles, offer_short

BADGES_ZH = ("限时福利", "会员专享", "新品上市", "本期推荐", "福利加码")
BADGES_EN = ("Limited", "Members", "New in", "This week", "Bonus")


def _cap(text: str, key: str) -> str:
    return fit(text, POSTER_CAPS[key], weighted_len)


def compose_poster(ctx: Ctx) -> dict[str, Any]:
    f = ctx.facts
    rotate = ctx.base + ctx.variant
    headline = compose_titles(ctx, 1, POSTER_CAPS["headline"], weighted_len)[0][0]
    sub_options = [
        f.offer,
        f"{f.product}，{f.split}" if f.split and not ctx.en else "",
        f"{f.product}: {f.split}" if f.split and ctx.en else "",
        ctx.say("benefit"),
    ]
    sub_options = [s for s in sub_options if s] or [f.product]
    subheadline = _cap(sub_options[rotate % len(sub_options)], "subheadline")
    bullets = [_cap(p, "bullet") for p in f.points[:3]]
    if f.deadline:
        bullets.append(_cap(f"Ends {f.deadline}" if ctx.en else f"截至{f.deadline}", "bullet"))
    missing = [w for w in f.must if w not in " ".join([headline, subheadline, *bullets])]
    if missing:
        bullets.insert(0, _cap((", " if ctx.en else "、").join(missing), "bullet"))
    bullets = [b for b in bullets if b][:4] or [_cap(f.product, "bullet")]
    short = offer_short(ctx, 8 if not ctx.en else 16)
    badges = (BADGES_EN if ctx.en else BADGES_ZH) + ((short,) if short else ())
    return {
        "headline": ctx.safe(headline),
        "subheadline": ctx.safe(subheadline),
        "bullets": [ctx.safe(b) for b in bullets],
        "cta": _cap(ctx.cta(), "cta"),
        "badge": _cap(badges[rotate % len(badges)], "badge"),
    }
