"""Copy for every channel: the brief's facts laid out by style, fitted to the channel.

The five styles differ in structure: ``agent`` is a short letter in the brand's voice,
``example`` a question-and-answer card, ``instruction`` labelled fields, ``specific`` one
dense line of facts, ``hybrid`` a headline with bullets. The framework orders the letter's
and the headline's beats. Every sentence is a brief fact or a neutral connective.
"""

from __future__ import annotations

import re

from workbench.kinds.channels import ChannelSpec, channel, sms_count
from workbench.kinds.records import CopyReply
from workbench.llm.offline import layouts, phrases_en, phrases_zh
from workbench.llm.offline.channelfit import (
    body_limit,
    line_cap,
    sms_wrap,
    wanted_parts,
)
from workbench.llm.offline.composition import Ctx, link_text
from workbench.llm.offline.layouts import end
from workbench.llm.offline.text import Measure, first_mention, fit, fit_parts, lines_of, squash
from workbench.llm.offline.titles import candidates, compose_titles

EMOJI_CHANNELS = ("community", "moments", "xiaohongshu")
EMOJI = "".join({*phrases_en.EMOJI, *phrases_zh.EMOJI})
# Styles whose hashtags are the product's topics only (the letter and the card tag the
# brand and product names; the fact line, what the product is about).
TOPIC_TAGS = ("specific",)
# Channels whose text carries the link (the others' CTA never says "点链接").
LINK_CHANNELS = ("community", "sms", "wechat_article")
# The title angles each style tries first (zh and en angle names).
TITLE_ANGLES = {
    "agent": ("身份型", "identity", "痛点型", "pain point"),
    "example": ("提问型", "question", "痛点型", "pain point"),
    "instruction": ("时间型", "time", "利益型", "benefit"),
    "specific": ("价格型", "price", "利益型", "benefit"),
    "hybrid": ("特点型", "feature", "利益型", "benefit"),
}
STYLE_ORDER = ("agent", "example", "instruction", "specific", "hybrid")
# How a style's parts join when they must share lines (zh, en).
INLINE = {"agent": ("", " "), "example": ("", " "), "instruction": ("；", "; "),
          "specific": ("", " "), "hybrid": ("", " ")}  # fmt: skip
_TAG_STRIP = re.compile(r"[\s#＃·・,，。.!！?？:：;；、()（）\[\]【】「」%/]+")


def _turn(ctx: Ctx) -> int:
    return STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0


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
        head = [(end(ctx, t) if k == len(parts) - 2 else t, p) for k, (t, p) in enumerate(parts)]
        text = fit_parts([*head[:-1], line, head[-1]], limit, measure, joiner)
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
    if ctx.style in TOPIC_TAGS and len(tags) > 4:  # the product's topics, not the names
        named = {_TAG_STRIP.sub("", x.title() if ctx.en else x) for x in (f.short, f.brand)}
        tags = [t for t in tags if t not in named]
    if len(tags) > 2:  # each style leads with other tags (the brand and product stay in)
        tags = tags[:2] + tags[2:][turn % (len(tags) - 2) :] + tags[2:][: turn % (len(tags) - 2)]
    kept = tags[: min(cap, 3 + (ctx.variant + ctx.base) % 3)]
    if turn % 2 and len(kept) > 2:  # and in its own order: the product's tag not always first
        kept = [*kept[2:], *kept[:2][::-1]]
    return kept


def _emoji(ctx: Ctx, i: int) -> str:
    bank = ctx.bank.EMOJI
    return bank[(ctx.base + ctx.variant * 3 + i) % len(bank)]


def _layout(
    ctx: Ctx, cta: str, spec: ChannelSpec, lines: int, below: bool = False
) -> tuple[list[tuple[str, int]], str]:
    style = ctx.style
    many = lines >= 6
    gap = " " if ctx.en else ""
    if style == "example":
        return layouts.example(ctx, cta), "\n"
    if style == "instruction":
        return layouts.instruction(ctx, cta), "\n" if many else (" " if ctx.en else "；")
    if style == "specific":
        return layouts.specific(ctx, cta), gap
    if style == "hybrid":
        return layouts.hybrid(ctx, cta, bullets=lines > 6), "\n" if lines > 6 else gap
    joiner = "\n\n" if spec.id in ("xiaohongshu", "douyin") else gap
    return layouts.agent(ctx, cta), joiner


def _fit_lines(
    ctx: Ctx, parts: list[tuple[str, int]], limit: int, lines: int, spec: ChannelSpec, joiner: str
) -> str:
    """The parts fitted to the limit and, above the fold, to the line cap (the same parts
    on fewer lines)."""
    text = fit_must(ctx, parts, limit, spec.body_length, joiner)
    if lines_of(text) > lines:
        inline = INLINE[ctx.style][1 if ctx.en else 0]
        text = fit_must(
            ctx, [(t.replace("\n", inline), p) for t, p in parts], limit, spec.body_length, inline
        )
    return text


def _with_deadline(ctx: Ctx, parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The parts with the deadline said inside the offer's part ("…, until May 31") and
    its own part left out, for a post too tight for both ([] without a deadline, or when
    no part states the offer)."""
    f = ctx.facts
    if not f.deadline or not f.offer or not any(f.offer in t for t, _ in parts):
        return []
    clause = f", until {f.deadline}" if ctx.en else f"，截至{f.deadline}"
    out: list[tuple[str, int]] = []
    for text, prio in parts:
        if f.offer in text and f.deadline not in text and clause not in "".join(t for t, _ in out):
            out.append((text.replace(f.offer, f.offer + clause, 1), prio))
        elif f.deadline not in text or prio >= 10:  # a closing line keeps its CTA
            out.append((text, prio))
    return out


def _plain(ctx: Ctx, parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The parts without the first line's emoji (room for the deadline in a tight post)."""
    if not parts:
        return parts
    return [(parts[0][0].lstrip(EMOJI), parts[0][1]), *parts[1:]]


def _terse_cta(ctx: Ctx, link: str) -> str:
    """The shortest way the style can say its CTA, for a post too tight for the deadline:
    the card's "how" in a few words ("Ask us"), else the goal's shortest CTA ("" with
    a link in the text, or for the sheet, whose CTA is its first row)."""
    if ctx.style == "example":
        terse = layouts.how_step(ctx, bool(link) and ctx.short_link, False)
        if not link:
            terse = ctx.bank.HOW["terse"][0]
        return terse[:1].upper() + terse[1:]
    if link or ctx.style == "instruction":
        return ""
    values = ctx.values()
    return min((c.format_map(values) for c in ctx.bank.CTA_NO_LINK[ctx.facts.ask]), key=len)


def _body(ctx: Ctx, spec: ChannelSpec, cta: str) -> tuple[str, str]:
    """The body fitted to the channel, and the CTA it ends with (a shorter one when the
    post is too tight to keep the deadline otherwise)."""
    d = ctx.job.deliverable
    limit = body_limit(spec, d, ctx.en)
    lines = line_cap(spec, d)
    link = link_text(ctx) if spec.id == "community" else ""
    end_cta = end(ctx, cta)
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
    if spec.id in EMOJI_CHANNELS and parts and ctx.style != "specific":  # a bare fact line
        parts[0] = (_emoji(ctx, 0) + parts[0][0], parts[0][1])
    text = _fit_lines(ctx, parts, limit, lines, spec, joiner)
    f = ctx.facts
    said = cta
    tries = [(parts, cta)]
    terse = _terse_cta(ctx, link)
    if terse and terse != cta:  # a shorter CTA, with the emoji the first line carries
        said_terse = terse if ctx.style == "example" else end(ctx, terse)
        option = _layout(ctx, said_terse, spec, lines, below=bool(tail))[0]
        if option and parts[0][0] != option[0][0]:
            option[0] = (parts[0][0].replace(parts[0][0].lstrip(EMOJI), option[0][0]), option[0][1])
        tries.append((option, terse))
    tries += [(_plain(ctx, option), said_cta) for option, said_cta in tries]  # emoji dropped
    for option, option_cta in tries if f.deadline and f.deadline not in text else []:
        fused = _with_deadline(ctx, option)  # a tight post keeps when the offer ends
        kept = _fit_lines(ctx, fused, limit, lines, spec, joiner) if fused else ""
        same = all((name in text) <= (name in kept) for name in (f.product, f.short))
        if f.deadline in kept and same and fused[-1][0].strip() in kept:
            text, said = kept, option_cta
            break
    if ctx.style == "specific":
        text = text.lstrip(" |｜")  # the first fact was dropped to fit: not its bar
    text = re.sub(r"[ \t]+\n", "\n", text)  # no space left at a line's end
    name = ctx.bank.LAYOUT["hybrid_name"].format_map(ctx.values())
    if ctx.style == "hybrid" and name in text and not any(p in text for p in f.points):
        text = text.replace(name, name[:-1] + ("." if ctx.en else "。"))  # no "Room: old friends"
    named = first_mention(text, ctx.facts.product, ctx.facts.short)
    if spec.body_length(named) <= limit and lines_of(named) <= lines:
        text = named
    return text + tail, said


# The order of an SMS's parts by style: a greeting, a question, what to do by when first,
# the bare facts, the offer as the headline (then when it ends). The CTA or the link closes,
# except on the instruction without a link, which opens with the step ("3月15日前联系…下单：").
SMS_ORDER = {
    "agent": ("hello", "short", "must", "offer", "price", "math", "deadline", "close"),
    "example": ("ask", "offer", "deadline", "must", "price", "close"),
    "instruction": ("lead", "offer", "short", "must", "price", "math", "close"),
    "specific": ("until", "offer", "bare_tail", "must", "close"),
    "hybrid": ("headline", "deadline", "short", "must", "price", "close"),
}
# Without a link: the sheet opens with its step, the card answers its question with the step
# and leaves price and deadline to the end.
SMS_NO_LINK = {
    "instruction": ("act", "offer", "short", "must", "price", "math"),
    "example": ("ask", "offer", "close", "must", "price_tail", "deadline"),
}


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
    deadline = layouts.until_text(
        ctx, STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0
    )
    must = must_line(ctx, f"{f.short} {f.offer}")
    short_offer = offer_short(ctx, 60)
    offers = [f.offer] + ([short_offer] if short_offer and short_offer != f.offer else [])
    tries = [(o, url) for url in ([link, ""] if link else [""]) for o in offers]
    sms = ""
    plain_cta = ctx.cta(STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0, False)
    for offer, url in tries:
        more = (f"Details: {url}" if en else f"详见{url}") if url else ""
        said = cta if url else plain_cta
        named = {
            "hello": ((f"Hi {f.address}! " if en else f"{f.address}："), 3),
            "short": (
                f.short + (": " if en and offer else end),
                10 if must_line(ctx, f.short) != must_line(ctx, "") else 8,
            ),
            "ask": (layouts.ask(ctx), 3 if en else 5),  # a GSM-7 part keeps the price first
            "lead": (
                (f"By {f.deadline}: " if en else f"{f.deadline}前：")
                if f.deadline
                else (f"{f.short} deal: " if en else f"{f.short}福利："),
                7,
            ),
            "bare": ((f"{f.short} {f.price}. " if en else f"{f.short}{f.price}｜") if f.price
                     else f.short + (": " if en else end), 8),
            "must": (must + end if must else "", 10),
            "offer": (offer + end if offer else "", 10),
            "headline": (offer + ("! " if en else "！") if offer else "", 10),
            "price": (f.price + end if f.price else "", 4),
            "math": (f.math + end if f.math else "", 2),
            "deadline": (deadline + stop if deadline else "", 7),
            "close": (more, 10) if more else (said + stop, 8),
            "until": ((f"Until {f.deadline} | " if en else f"{f.deadline}前｜") if f.deadline
                      else "", 7),
            "bare_tail": ((f"{f.short} {f.price}. " if en else f"{f.short}{f.price}。") if f.price
                          else "", 8),
            "price_tail": ((f"Price: {f.price}. " if en else f"价格{f.price}，") if f.price
                           else "", 4),
            "act": ((f"By {f.deadline}, {said[:1].lower()}{said[1:]}: " if f.deadline
                     else f"{said}: ") if en else f"{f.deadline}前{said}：" if f.deadline
                    else f"{said}：", 10),
        }  # fmt: skip
        order = SMS_ORDER.get(ctx.style, SMS_ORDER["agent"])
        if not url:
            order = SMS_NO_LINK.get(ctx.style, order)
        if ctx.style == "specific" and not f.deadline:  # no deadline to lead: the name does
            order = ("bare", "offer", "must", "close")
        if "lead" in order and not f.deadline:
            order = tuple(k for k in order if k != "short")  # the lead names it
        if f.short in said:  # the CTA names it ("想了解电动牙刷就找…"): not again on its own
            order = tuple(k for k in order if k != "short")
        parts = [named[k] for k in order]
        kept = [p for p in parts if p[0]]
        while True:
            body = squash("".join(t for t, _ in kept)).replace("，。", "。")
            if not url and body and body[-1] not in "。！？.!?":
                body += stop.strip()  # the step-first SMS ends on a fact, closed here
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


PUSH_ORDER = {
    "agent": ("hello", "short", "offer", "deadline", "cta"),
    "example": ("ask", "offer", "cta", "deadline"),
    "instruction": ("act", "offer"),
    "specific": ("until", "offer", "bare_tail", "cta"),
    "hybrid": ("headline", "deadline", "short", "cta"),
}


def _push(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    f = ctx.facts
    d = ctx.job.deliverable
    limit = min(int(getattr(d, "max_chars", None) or spec.body_max or 50), spec.body_max or 50)
    said = layouts.until_text(ctx, _turn(ctx))
    deadline = (said + ("." if ctx.en else "，")) if said else ""
    feature = layouts.beat(ctx, "feature")
    named = {
        "hello": (f"{f.address}: " if ctx.en else f"{f.address}，", 3),
        "short": (f"{f.short}{'.' if ctx.en else '，'}", 8),
        "ask": (layouts.ask(ctx).strip(), 8),
        "bare": ((f"{f.short} {f.price}." if ctx.en else f"{f.short}{f.price}｜") if f.price
                 else f"{f.short}{'.' if ctx.en else '，'}", 8),
        "offer": (f.offer + ("." if ctx.en else "，") if f.offer else feature, 9),
        "headline": (f.offer + ("!" if ctx.en else "！") if f.offer else feature, 9),
        "deadline": (deadline, 7),
        "lead": ((f"By {f.deadline}:" if ctx.en else f"{f.deadline}前：") if f.deadline else "", 7),
        "cta": (end(ctx, cta), 8),
        "act": ((f"By {f.deadline}, {cta[:1].lower()}{cta[1:]}: " if f.deadline else f"{cta}: ")
                if ctx.en else (f"{f.deadline}前{cta.removeprefix('现在')}：" if f.deadline
                                else f"{cta}："), 9),
        "until": ((f"Until {f.deadline} |" if ctx.en else f"{f.deadline}前｜") if f.deadline
                  else "", 7),
        "bare_tail": ((f"{f.short} {f.price}." if ctx.en else f"{f.short}{f.price}。") if f.price
                      else "", 6),
    }  # fmt: skip
    order = PUSH_ORDER.get(ctx.style, PUSH_ORDER["agent"])
    if ctx.style == "specific" and not f.deadline:
        order = ("bare", "offer", "cta")
    if f.short in cta:  # the CTA names the product: no bare "电动牙刷，" before it
        order = tuple(k for k in order if k != "short")
    parts = [named[k] for k in order]
    text = fit_must(ctx, parts, limit, spec.body_length, " " if ctx.en else "").rstrip("，, ")
    if text and text[-1] not in "。！？.!?":  # a push that ends on a fact, not its comma
        closed = text + ("." if ctx.en else "。")
        text = closed if spec.body_length(closed) <= limit else text
    return text


def _article(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    """A longer article: three headed sections from the brief's facts."""
    f = ctx.facts
    values = ctx.values()
    heads = [h.format_map(values) for h in ctx.bank.ARTICLE_HEADS]
    gap = " " if ctx.en else ""
    first = [layouts.beat(ctx, "hook"), layouts.beat(ctx, "feature")]
    first += [layouts.beat(ctx, "evidence", k) for k in range(len(f.proof))] + [
        layouts.beat(ctx, "interest")
    ]
    second = [
        layouts.beat(ctx, "price"),
        layouts.beat(ctx, "offer"),
        layouts.beat(ctx, "math"),
        layouts.beat(ctx, "deadline"),
    ]
    link = link_text(ctx)
    third = [end(ctx, cta), layouts.beat(ctx, "memorable")]
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
    text = first_mention(text, f.product, f.short)
    given = getattr(ctx.job.deliverable, "max_chars", None)
    return fit(text, min(int(given or 20000), spec.body_max or 20000), spec.body_length)


def _title(ctx: Ctx, spec: ChannelSpec) -> str | None:
    if spec.title_max is None:
        return None
    """One title; each style leads with its own angle (the segment's address for the letter,
    a question for the card, the price for the fact line, a selling point, the offer)."""
    pool = candidates(ctx, spec.title_max, spec.title_length)
    pool = [(t, a) for t, a in pool if spec.title_length(t) >= (spec.title_min or 0)]
    for angle in TITLE_ANGLES.get(ctx.style, ()):
        for text, got in pool:
            if got == angle:
                return text
    titles = compose_titles(ctx, 1, spec.title_max, spec.title_length, spec.title_min or 0)
    return titles[0][0]


def compose_copy(ctx: Ctx) -> CopyReply:
    spec = channel(getattr(ctx.job.deliverable, "channel", "community"))
    linked = bool(link_text(ctx)) and spec.id in LINK_CHANNELS
    cta = ctx.cta(STYLE_ORDER.index(ctx.style) if ctx.style in STYLE_ORDER else 0, linked)
    if ctx.style == "example" and not spec.sms and spec.id not in ("push", "wechat_article"):
        below = spec.id == "community" and linked and not ctx.short_link
        cta = layouts.example_cta(ctx, cta, linked, below)
    elif ctx.style == "instruction" and not spec.sms and spec.id not in ("push", "wechat_article"):
        in_body = spec.id == "community" and linked
        cta = layouts.how_step(ctx, in_body, in_body and not ctx.short_link)
    if spec.sms:
        body, cta = _sms(ctx, cta)
    elif spec.id == "push":
        body = _push(ctx, spec, cta)
    elif spec.id == "wechat_article":
        body = _article(ctx, spec, cta)
    else:
        body, cta = _body(ctx, spec, cta)
    named = first_mention(cta, ctx.facts.product, ctx.facts.short)
    if cta not in body and named in body:
        cta = named  # the body names the product in full in its CTA: the field says the same
    return {
        "title": _title(ctx, spec),
        "body": ctx.safe(body),
        "hashtags": hashtags(ctx, spec.hashtags_max),
        "cta": cta,
    }
