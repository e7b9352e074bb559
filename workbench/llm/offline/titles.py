"""Title candidates from angle templates: distinct, within the limit, angle attached."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from workbench.kinds.title import normalise
from workbench.llm.offline.composition import Ctx
from workbench.llm.offline.facts import has_forbidden
from workbench.llm.offline.text import first_fitting, usable

Measure = Callable[[str], int]

_FIRST_CLAUSE = re.compile(r"[，,；;。！!]")
_BENEFIT = re.compile(r"减|折|送|免|半价|券|赠|立享|特价|off|free|%|save|gift|bonus", re.I)


def offer_short(ctx: Ctx, limit: int = 10) -> str:
    offer = ctx.facts.offer
    if not offer:
        return ""
    head = _FIRST_CLAUSE.split(offer)[0].strip()
    if head != offer and not _BENEFIT.search(head):
        return ""  # "stay 3 nights" alone is not the offer: never a clause that misleads
    return head if len(head) <= limit else ""


_POOLS: dict[tuple[object, ...], list[list[tuple[str, str]]]] = {}


def _pool(ctx: Ctx, limit: int, measure: Measure) -> list[list[tuple[str, str]]]:
    """Titles per angle for these facts (cached: they depend on facts and limit only)."""
    key = (ctx.facts_key, limit, measure)
    hit = _POOLS.get(key)
    if hit is None:
        if len(_POOLS) > 512:
            _POOLS.clear()
        hit = _POOLS[key] = _build_pool(ctx, limit, measure)
    return hit


def candidates(ctx: Ctx, limit: int, measure: Measure) -> list[tuple[str, str]]:
    """Every title the templates yield for these facts, round-robin across angles."""
    per_angle = [list(group) for group in _pool(ctx, limit, measure)]
    for k, group in enumerate(per_angle):
        ctx.rng.shuffle(group)
        if ctx.facts.named and k % 2:  # every other angle speaks to the reader first
            group.sort(key=lambda item: ctx.facts.address not in item[0])
    if not per_angle:
        return []
    shift = (ctx.base + ctx.variant) % len(per_angle)
    per_angle = per_angle[shift:] + per_angle[:shift]
    out: list[tuple[str, str]] = []
    depth = max(len(group) for group in per_angle)
    for i in range(depth):
        out.extend(group[i] for group in per_angle if i < len(group))
    return out


def _build_pool(ctx: Ctx, limit: int, measure: Measure) -> list[list[tuple[str, str]]]:
    f = ctx.facts
    spread = max(len(f.points), len(f.pains), len(f.interests), 1)
    per_angle: list[list[tuple[str, str]]] = []
    seen: set[str] = set()
    for angle, templates in ctx.bank.TITLES.items():
        found: list[tuple[str, str]] = []
        for k in range(spread):
            values = ctx.values(
                point=f.point(k),
                point2=f.point(k + 1) if len(f.points) > 1 else "",
                pain=f.pain(k),
                interest=f.interest(k),
                offer_short=offer_short(ctx, 12 if not ctx.en else 30),
                proof_short=f.proof[k % len(f.proof)] if f.proof else "",
            )
            for template in usable(templates, values):
                text = template.format_map(values).strip()
                key = normalise(text)
                if (
                    text
                    and key not in seen
                    and measure(text) <= limit
                    and not has_forbidden(text, f.terms)
                ):
                    seen.add(key)
                    found.append((text, angle))
        if found:
            per_angle.append(found)
    return per_angle


QUESTION_ANGLES = frozenset({"提问型", "question"})


def plain_questions(ctx: Ctx, titles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Titles without a question built on a selling point ("低糖可选有多重要？", "Why
    harbor view?": a selling point is a phrase, not a topic to ask about); all of them
    when nothing else is left."""
    points = ctx.facts.points
    kept = [
        (t, a) for t, a in titles if a not in QUESTION_ANGLES or not any(p in t for p in points)
    ]
    return kept or titles


def compose_titles(
    ctx: Ctx, count: int, limit: int, measure: Measure, minimum: int = 0, numbered: bool = True
) -> list[tuple[str, str]]:
    """``count`` distinct titles; numbered fallbacks only when the templates run out.

    ``numbered=False`` (one headline picked from a few options: posters, videos): up to
    ``count`` titles, never a numbered one ("Harbor Inn (2)" is no headline, and its 2 is
    a number the brief lacks); the bare name when no template fits.
    """
    pool = candidates(ctx, limit, measure)
    titles = list(itertools.islice(((t, a) for t, a in pool if measure(t) >= minimum), count))
    seen = {normalise(t) for t, _ in titles}
    i = 1
    angle = "系列型" if not ctx.en else "series"
    f = ctx.facts
    if not numbered:
        stem = first_fitting([f.short, f.product, f.brand], limit, measure) or f.brand
        return titles or [(stem, angle)]
    sep = " | " if ctx.en else "｜"
    extras = [*f.points, offer_short(ctx, limit), f.brand, f.short]
    names = list(dict.fromkeys([f.short, f.product, f.brand]))
    joined = [f"{n}{sep}{e}" for n in names for e in extras if e and e != n]
    bare = names + [p[:1].upper() + p[1:] if ctx.en else p for p in f.points]
    for text in joined + bare:  # the brief's facts, joined or alone, before numbers
        key = normalise(text)
        fits = bool(text) and minimum <= measure(text) <= limit
        if len(titles) < count and fits and key not in seen and not has_forbidden(text, f.terms):
            seen.add(key)
            titles.append((ctx.safe(text), angle))
    stem = first_fitting([f.short, f.product, f.brand], limit - 4, measure) or f.brand[:8]
    while len(titles) < count:
        suffix = f" ({i + 1})" if ctx.en else f"（{i + 1}）"
        text = stem + suffix
        key = normalise(text)
        if key not in seen and measure(text) >= minimum:
            seen.add(key)
            titles.append((text, angle))
        i += 1
    return titles[:count]
