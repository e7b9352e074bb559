"""Poster copy fitted to the poster caps (ASCII counts half), whole phrases only.

The offer is always on the poster (the subheadline, shortened by dropping clauses); the
price is the template's price field (currency and unit from the brief, none when there is
no price). Headlines, bullets, CTA and badge are chosen whole to fit, never cut.
"""

from __future__ import annotations

import re

from workbench.kinds.channels import POSTER_CAPS, weighted_len
from workbench.kinds.records import PosterReply
from workbench.llm.offline.composition import Ctx
from workbench.llm.offline.text import first_fitting, fit
from workbench.llm.offline.titles import QUESTION_ANGLES, compose_titles, offer_short

# "限时" / "Limited" only when the brief has a deadline (no invented urgency).
BADGES_ZH = ("本期福利", "福利来了")
BADGES_EN = ("This round", "Deal")
TIMED_BADGE = {"zh": "限时福利", "en": "Limited"}


def _cap(text: str, key: str) -> str:
    return fit(text, POSTER_CAPS[key], weighted_len)


def _fits(options: list[str], key: str) -> str:
    return first_fitting(options, POSTER_CAPS[key], weighted_len)


def _answered(headline: str, ctx: Ctx) -> bool:
    asks = "?" in headline or "？" in headline
    return not asks or ctx.facts.short in headline


def _repeats(offer: str, headline: str) -> bool:
    """The headline says the offer the subheadline shows: whole, or its first clause
    ("会员日满199减50，到3月15日" over "会员日满199减50，再送试吃装")."""
    if not offer:
        return False
    head = re.split(r"[，,；;]", offer)[0].strip()
    return offer in headline or headline in offer or (len(head) >= 4 and head in headline)


def compose_poster(ctx: Ctx) -> PosterReply:
    f = ctx.facts
    rotate = ctx.base + ctx.variant
    offer = _cap(f.offer, "subheadline") or offer_short(ctx, POSTER_CAPS["subheadline"])
    titles = compose_titles(ctx, 8, POSTER_CAPS["headline"], weighted_len, numbered=False)
    # A poster's headline states: no question angle; a pain point asked is answered with
    # the product ("网速慢？看看千兆宽带"), never with a post's "先看这条".
    stated = [t for t in titles if t[1] not in QUESTION_ANGLES and _answered(t[0], ctx)]
    # the template's price field shows the price: a headline does not say it again
    stated = [t for t in stated if not (f.price and f.price in t[0])] or stated
    titles = stated[:6] or titles
    titles = [t for t in titles if not _repeats(offer, t[0])] or titles
    headline = titles[rotate % len(titles)][0]
    sub_options = [offer] if offer else []
    sub_options += [
        _cap(
            f"{f.product}：{f.point(rotate)}" if not ctx.en else f"{f.product}: {f.point(rotate)}",
            "subheadline",
        )
        if f.points
        else ""
    ]
    sub_options = [s for s in sub_options if s] or [_cap(f.product, "subheadline") or f.short]
    subheadline = sub_options[0]
    bullets = [b for b in (_cap(p, "bullet") for p in f.points) if b and b not in headline][:3]
    if f.deadline and f.deadline not in headline:  # said once ("福利到3月15日" is enough)
        bullets.append(_cap(f"Until {f.deadline}" if ctx.en else f"截至{f.deadline}", "bullet"))
    missing = [w for w in f.must if w not in " ".join([headline, subheadline, *bullets])]
    if missing:
        bullets.insert(0, _cap((", " if ctx.en else "、").join(missing), "bullet"))
    bullets = [b for b in bullets if b][:4] or [_cap(f.short, "bullet") or f.brand]
    values = ctx.values()
    ctas = [c.format_map(values) for c in ctx.bank.POSTER_CTA[f.ask]]
    cta = _fits(ctas[rotate % len(ctas) :] + ctas, "cta") or ("Go" if ctx.en else "了解")
    short = offer_short(ctx, 8 if not ctx.en else 16)
    badges = (BADGES_EN if ctx.en else BADGES_ZH) + ((short,) if short else ())
    if f.deadline:
        badges += (TIMED_BADGE["en" if ctx.en else "zh"],)
    if f.occasion:
        badges += (f.occasion.title() if ctx.en else f.occasion,)
    badges = tuple(b for b in badges if b not in (subheadline, headline)) or badges  # not twice
    badge = _fits([badges[rotate % len(badges)], *badges], "badge")
    return {
        "headline": ctx.safe(headline),
        "subheadline": ctx.safe(subheadline),
        "bullets": [ctx.safe(b) for b in bullets],
        "cta": ctx.safe(cta),
        "badge": ctx.safe(badge),
    }
