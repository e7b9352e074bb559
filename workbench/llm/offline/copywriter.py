"""Copy for every channel: the brief's facts laid out by style, fitted to the channel.

The five styles differ in structure: ``agent`` is a short letter in the brand's voice,
``example`` a question-and-answer card, ``instruction`` labelled fields, ``specific`` one
dense line of facts, ``hybrid`` a headline with bullets. The framework orders the letter's
and the headline's beats. Every sentence is a brief fact or a neutral connective.
"""

from __future__ import annotations

import re
from typing import Any

from workbench.kinds.channels import ChannelSpec, channel, sms_count
from workbench.llm.offline.channelfit import (
    body_limit,
    line_cap,
    sms_wrap,
    wanted_parts,
)
from workbench.llm.offline.composition import Ctx, link_text
from workbench.llm.offline.text import Measure, fit, fit_parts, lines_of, pick, squash
from workbench.llm.offline.titles import compose_titles

FRAMEWORK_BEATS: dict[str, tuple[str, ...]] = {
    "aida": ("hook", "feature", "evidence", "price", "offer", "math", "deadline"),
    "fabe": ("feature", "interest", "evidence", "price", "offer", "math", "deadline"),
    "pas": ("pain", "agitate", "feature", "evidence", "offer", "math", "deadline"),
    "story3": ("interest", "feature", "evidence", "offer", "deadline", "refer"),
    "scream": ("hook", "offer", "feature", "engage", "evidence", "deadline"),
    "succes": ("feature", "offer", "math", "evidence", "price", "deadline", "memorable"),
}
DEFAULT_FRAMEWORK = {
    "acquire": "aida",
    "activate": "scream",
    "convert": "fabe",
    "repurchase": "story3",
    "refer": "succes",
}
PRIORITY = {"offer": 10, "feature": 9, "deadline": 8, "price": 7, "hook": 6, "math": 5,
            "evidence": 6, "pain": 5, "point": 4}  # fmt: skip
EMOJI_CHANNELS = ("community", "moments", "xiaohongshu")
# Channels whose text carries the link (the others' CTA never says "点链接").
LINK_CHANNELS = ("community", "sms", "wechat_article")
STYLE_ORDER = ("agent", "example", "instruction", "specific", "hybrid")
# How a style's parts join when they must share lines (zh, en).
INLINE = {"agent": ("", " "), "example": ("", " "), "instruction": ("；", "; "),
          "specific": ("", " "), "hybrid": ("", " ")}  # fmt: skip
_TAG_STRIP = re.compile(r"[\s#＃·・,，。.!！?？:：;；、()（）\[\]【】「」%/]+")


def framework_of(ctx: Ctx) -> str:
    fw = getattr(ctx.job.deliverable, "framework", None)
    return fw or DEFAULT_FRAMEWORK[ctx.facts.goal]


def hello(ctx: Ctx) -> str:
    f = ctx.facts
    key = "named" if f.named else ("lapsed" if f.lapsed else "plain")
    options = ctx.bank.HELLO[key]
    return options[(ctx.base + ctx.variant) % len(options)].format_map(ctx.values())


def beat(ctx: Ctx, name: str, shift: int = 0) -> str:
    """One sentence for a beat (rotated per variant); "" when its facts are missing."""
    rotate = ctx.base + ctx.variant + shift
    if name == "deadline" and ctx.facts.dialect and ctx.facts.deadline:
        text = ctx.bank.DIALECT[ctx.facts.dialect]["deadline"].format_map(ctx.values())
        return (
            text
            if rotate % 2
            else squash(pick(ctx.bank.BEATS[name], ctx.values(), ctx.rng, rotate))
        )
    return squash(pick(ctx.bank.BEATS[name], ctx.values(), ctx.rng, rotate))


def beats(ctx: Ctx) -> list[tuple[str, int]]:
    return [
        (beat(ctx, n, i), PRIORITY.get(n, 3))
        for i, n in enumerate(FRAMEWORK_BEATS[framework_of(ctx)])
    ]


def must_line(ctx: Ctx, text: str) -> str:
    missing = [w for w in ctx.facts.must if w.lower() not in text.lower()]
    return ("、" if not ctx.en else ", ").join(missing)


def fit_must(
    ctx: Ctx, parts: list[tuple[str, int]], limit: int, measure: Measure, joiner: str
) -> str:
    """Fit the parts, keeping those that carry a must-include word; if a word is in none of
    them, add it just before the CTA part."""
    must = [w.lower() for w in ctx.facts.must]
    boosted = [(t, 10 if any(w in t.lower() for w in must) else p) for t, p in parts]
    text = fit_parts(boosted, limit, measure, joiner)
    missing = must_line(ctx, text)
    if missing:
        line = (missing + ("." if ctx.en else "。"), 11)
        text = fit_parts([*parts[:-1], line, parts[-1]], limit, measure, joiner)
    return text


def hashtags(ctx: Ctx, cap: int) -> list[str]:
    if cap <= 0:
        return []
    f = ctx.facts
    bank = ctx.bank.HASHTAGS[f.form]
    raw = [f.short, f.brand, f.occasion, *f.points, *f.interests]
    raw += [bank[(ctx.base + ctx.variant + i) % len(bank)] for i in (0, 1)]
    tags: list[str] = []
    for item in raw:
        tag = _TAG_STRIP.sub("", item.title() if ctx.en else item)
        if len(tag) > 20 or not tag:
            continue
        if tag.lower() not in (t.lower() for t in tags) and ctx.safe(tag) == tag:
            tags.append(tag)
    turn = STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0
    if len(tags) > 2:  # each style leads with other tags (the brand and product stay in)
        tags = tags[:2] + tags[2:][turn % (len(tags) - 2) :] + tags[2:][: turn % (len(tags) - 2)]
    return tags[: min(cap, 3 + (ctx.variant + ctx.base) % 3)]


def _emoji(ctx: Ctx, i: int) -> str:
    bank = ctx.bank.EMOJI
    return bank[(ctx.base + ctx.variant * 3 + i) % len(bank)]


def _end(ctx: Ctx, text: str) -> str:
    return text if not text or text[-1] in "。！？.!?" else text + ("." if ctx.en else "。")


# -- the five layouts ---------------------------------------------------------------------


def _agent(ctx: Ctx, cta: str) -> list[tuple[str, int]]:
    """A short letter in prose: greeting, who writes, the framework's beats, the CTA."""
    f = ctx.facts
    opener = hello(ctx) + (f"{f.brand} here. " if ctx.en else f"这里是{f.brand}。")
    out = [(opener, 6)]
    listed = (", " if ctx.en else "、").join(f.points[:3])
    for name, (text, prio) in zip(FRAMEWORK_BEATS[framework_of(ctx)], beats(ctx), strict=True):
        if name == "hook" and f.address and f.address in text:
            continue  # the greeting has addressed them already
        if text and len(f.points) > 1 and listed in text:
            text = beat(ctx, "point")  # a letter names one point; the card lists them all
        out.append((text, prio))
    return [*out, (cta, 10)]


def example_cta(ctx: Ctx, cta: str, linked: bool, below: bool) -> str:
    """The answer to "how do I get it" on a Q&A card: the link below, the link CTA (its
    short link follows inline), or the brand to contact (never a vague "了解一下")."""
    get = ctx.values()["get"]
    brand = ctx.facts.brand
    if below:
        options = (
            (
                f"Tap the link below to {get}",
                f"The link is below: open it to {get}",
                f"Use the link at the end to {get}",
            )
            if ctx.en
            else (f"点下方链接{get}", f"链接在下方，点开就能{get}", f"用文末的链接{get}")
        )
    elif linked:
        options = (
            (f"Tap the link to {get}", f"Open the link to {get}", f"Use this link to {get}")
            if ctx.en
            else (f"点链接{get}", f"打开链接就能{get}", f"用这个链接{get}")
        )
    else:
        options = (
            (f"Contact {brand} to {get}", f"Ask {brand} to {get}", f"Message {brand} to {get}")
            if ctx.en
            else (f"联系{brand}{get}", f"找{brand}{get}", f"告诉{brand}一声就能{get}")
        )
    return options[(ctx.base + ctx.variant) % len(options)]


def _example(ctx: Ctx, cta: str, below: bool = False) -> list[tuple[str, int]]:
    """A question-and-answer card: the questions a customer asks, answered from the brief."""
    qa = ctx.bank.QA
    values = ctx.values(cta=cta if link_text(ctx) and link_text(ctx) in cta else _end(ctx, cta))
    pairs = [("when", 8), ("offer", 10), ("what", 9), ("proof", 6), ("how", 10)]
    order = pairs if (ctx.base + ctx.variant) % 2 == 0 else [pairs[1], pairs[0], *pairs[2:]]
    out = [(hello(ctx).strip().rstrip(",，"), 4)]
    for key, prio in order:
        q = pick([qa[key]], values, ctx.rng, 0)
        a = pick([qa[key + "_a"]], values, ctx.rng, 0)
        if q and a:
            out.append((f"{q}\n{a}", prio))
    return out


def _instruction(ctx: Ctx, cta: str) -> list[tuple[str, int]]:
    """Labelled fields, one per line."""
    f = ctx.facts
    labels = ctx.bank.LABELS
    colon = ": " if ctx.en else "："
    sep = ", " if ctx.en else "、"
    rows = [
        (labels["service" if f.service else "product"], f.product, 9),
        (labels["points"], sep.join(f.points[:3]), 7),
        (labels["price"], f.price, 7),
        (labels["offer"], f.offer, 10),
        (labels["deadline"], f.deadline, 8),
        (labels["proof"], f.proof[0] if f.proof else "", 5),
        (labels["cta"], cta, 10),
    ]
    head = ((f"{f.short}, the details:" if ctx.en else f"{f.short}活动信息："), 4)
    return [head, *((f"{label}{colon}{value}", prio) for label, value, prio in rows if value)]


def _specific(ctx: Ctx, cta: str) -> list[tuple[str, int]]:
    """One dense line of the essentials, no connectives: when, what you get, the price."""
    f = ctx.facts
    bar = " | " if ctx.en else "｜"
    items = []
    if f.deadline:
        items.append(((f"until {f.deadline}" if ctx.en else f"截至{f.deadline}"), 8))
    items += [
        (f.offer, 10),
        (f.math, 4),
        (f"{f.short} {f.price}" if ctx.en else f.short + f.price, 9),
    ]
    items += [(cta, 10)]
    kept = [(t, p) for t, p in items if t.strip()]
    return [(t + (bar if i < len(kept) - 1 else ""), p) for i, (t, p) in enumerate(kept)]


def _hybrid(ctx: Ctx, cta: str, bullets: bool) -> list[tuple[str, int]]:
    """The offer as the headline, the deadline, the selling points as bullets, the CTA."""
    f = ctx.facts
    marks = ctx.bank.BULLET_MARKS
    mark = marks[(ctx.base + ctx.variant) % len(marks)]
    head = (f.offer + ("!" if ctx.en else "！")) if f.offer else beat(ctx, "hook")
    if bullets:
        points = [(f"{mark}{p}", 4) for p in f.points[:3]]
    else:
        sep = ", " if ctx.en else "、"
        points = [(_end(ctx, sep.join(f.points[:3])), 4)] if f.points else []
    tail = [(beat(ctx, "evidence"), 5), (cta, 10)]
    until = (f"Ends {f.deadline}." if ctx.en else f"{f.deadline}截止。") if f.deadline else ""
    return [(head, 10), (until, 8), *points, *tail]


def _layout(
    ctx: Ctx, cta: str, spec: ChannelSpec, lines: int, below: bool = False
) -> tuple[list[tuple[str, int]], str]:
    style = ctx.style
    many = lines >= 6
    if style == "example":
        return _example(ctx, cta, below), "\n"
    if style == "instruction":
        return _instruction(ctx, cta), "\n" if many else (" " if ctx.en else "；")
    if style == "specific":
        return _specific(ctx, cta), ""
    if style == "hybrid":
        return _hybrid(ctx, cta, bullets=lines > 6), "\n" if lines > 6 else (
            "" if not ctx.en else " "
        )
    joiner = "\n\n" if spec.id in ("xiaohongshu", "douyin") else ("" if not ctx.en else " ")
    return _agent(ctx, cta), joiner


def _body(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    d = ctx.job.deliverable
    limit = body_limit(spec, d, ctx.en)
    lines = line_cap(spec, d)
    link = link_text(ctx) if spec.id == "community" else ""
    end_cta = _end(ctx, cta)
    tail = ""
    if link and ctx.short_link:
        end_cta = cta = f"{cta}{': ' if ctx.en else '：'}{link}"  # no mark after a link
    elif link:  # a long tracked landing URL reads badly inline: on its own last line
        tail = "\n" + link
        limit -= spec.body_length(tail)
        lines -= 1
    parts, joiner = _layout(
        ctx, cta if ctx.style == "example" else end_cta, spec, lines, below=bool(tail)
    )
    if spec.id in EMOJI_CHANNELS and parts:
        parts[0] = (_emoji(ctx, 0) + parts[0][0], parts[0][1])
    text = fit_must(ctx, parts, limit, spec.body_length, joiner)
    if lines_of(text) > lines:  # above the fold: the same parts on fewer lines
        inline = INLINE[ctx.style][1 if ctx.en else 0]
        text = fit_must(
            ctx, [(t.replace("\n", inline), p) for t, p in parts], limit, spec.body_length, inline
        )
    return text + tail


def _sms(ctx: Ctx, cta: str) -> tuple[str, str]:
    """Fits the wanted billing parts with signature, opt-out and link counted: optional
    parts go first, then the offer's later clauses, then the link; never a cut word.
    Returns the SMS and its CTA (a link CTA only when the link is in the text)."""
    from workbench.llm.offline.titles import offer_short

    f = ctx.facts
    wanted = wanted_parts(ctx.job.deliverable)
    link = link_text(ctx)
    en = ctx.en
    end, stop = (". ", ". ") if en else ("，", "。")
    deadline = (f"ends {f.deadline}" if en else f"{f.deadline}截止") if f.deadline else ""
    must = must_line(ctx, f"{f.short} {f.offer}")
    short_offer = offer_short(ctx, 60)
    offers = [f.offer] + ([short_offer] if short_offer and short_offer != f.offer else [])
    tries = [(o, url) for url in ([link, ""] if link else [""]) for o in offers]
    sms = ""
    plain_cta = ctx.cta(STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0, False)
    for offer, url in tries:
        more = (f"Details: {url}" if en else f"详见{url}") if url else ""
        said = cta if url else plain_cta
        parts = [
            ((f"Hi {f.address}! " if en else f"{f.address}："), 3),
            (
                f.short + (": " if en and offer else end),
                10 if must_line(ctx, f.short) != must_line(ctx, "") else 8,
            ),
            (must + end if must else "", 10),
            (offer + end if offer else "", 10),
            (f.price + end if f.price else "", 4),
            (f.math + end if f.math else "", 2),
            (deadline + stop if deadline else "", 7),
            (more, 10) if more else (said + stop, 8),
        ]
        kept = [p for p in parts if p[0]]
        while True:
            body = squash("".join(t for t, _ in kept)).replace("，。", "。")
            if url and body.endswith(url):
                body += " "  # the opt-out must not run into the link
            sms = sms_wrap(f.brand, body, f.lang)
            if sms_count(sms) <= wanted:
                return sms, said
            optional = [p for p in kept if p[1] < 9]
            if not optional:
                break
            kept.remove(min(optional, key=lambda item: (item[1], -kept.index(item))))
    return sms, plain_cta


def _push(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    f = ctx.facts
    d = ctx.job.deliverable
    limit = min(int(getattr(d, "max_chars", None) or spec.body_max or 50), spec.body_max or 50)
    deadline = (f"Until {f.deadline}." if ctx.en else f"{f.deadline}截止，") if f.deadline else ""
    parts = [
        (f"{f.address}: " if ctx.en else f"{f.address}，", 3),
        (f"{f.short}{'.' if ctx.en else '，'}", 8),
        (f.offer + ("." if ctx.en else "，") if f.offer else beat(ctx, "feature"), 9),
        (deadline, 7),
        (_end(ctx, cta), 8),
    ]
    return fit_must(ctx, parts, limit, spec.body_length, " " if ctx.en else "")


def _article(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    """A longer article: three headed sections from the brief's facts."""
    f = ctx.facts
    values = ctx.values()
    heads = [h.format_map(values) for h in ctx.bank.ARTICLE_HEADS]
    gap = " " if ctx.en else ""
    first = [beat(ctx, "hook"), beat(ctx, "feature")]
    first += [beat(ctx, "evidence", k) for k in range(len(f.proof))] + [beat(ctx, "interest")]
    second = [beat(ctx, "price"), beat(ctx, "offer"), beat(ctx, "math"), beat(ctx, "deadline")]
    link = link_text(ctx)
    third = [_end(ctx, cta), beat(ctx, "memorable")]
    blocks = []
    for k, (head, lines) in enumerate(zip(heads, (first, second, third), strict=True)):
        body = gap.join(x for x in lines if x)
        if k == 2 and link:
            body = f"{body}\n{link}"
        if body:
            blocks.append(head + "\n" + body)
    text = "\n\n".join(blocks)
    must = must_line(ctx, text)
    if must:
        text += "\n\n" + must
    given = getattr(ctx.job.deliverable, "max_chars", None)
    return fit(text, min(int(given or 20000), spec.body_max or 20000), spec.body_length)


def _title(ctx: Ctx, spec: ChannelSpec) -> str | None:
    if spec.title_max is None:
        return None
    titles = compose_titles(ctx, 1, spec.title_max, spec.title_length, spec.title_min or 0)
    return titles[0][0]


def compose_copy(ctx: Ctx) -> dict[str, Any]:
    spec = channel(getattr(ctx.job.deliverable, "channel", "community"))
    linked = bool(link_text(ctx)) and spec.id in LINK_CHANNELS
    cta = ctx.cta(STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0, linked)
    if ctx.style == "example" and not spec.sms and spec.id not in ("push", "wechat_article"):
        below = spec.id == "community" and linked and not ctx.short_link
        cta = example_cta(ctx, cta, linked, below)
    if spec.sms:
        body, cta = _sms(ctx, cta)
    elif spec.id == "push":
        body = _push(ctx, spec, cta)
    elif spec.id == "wechat_article":
        body = _article(ctx, spec, cta)
    else:
        body = _body(ctx, spec, cta)
    return {
        "title": _title(ctx, spec),
        "body": ctx.safe(body),
        "hashtags": hashtags(ctx, spec.hashtags_max),
        "cta": cta,
    }
