"""The five copy layouts: one structure per prompt style (seeds-digest, 五类提示词结构).

Each style opens with its own move, orders the offer, price, proof and CTA its own way,
carries its own subset of the brief's facts and has its own rhythm:

- ``agent`` (代理人法): a letter in the brand's voice that opens on a scene (the occasion,
  an interest, a pain point), names one selling point, then the framework's beats.
- ``example`` (示例法): a question-and-answer card that opens with a question.
- ``instruction`` (指令模板): a fill-in sheet that opens with what to do, then the terms.
- ``specific`` (特定指令): the bare facts, the deadline first, product and price last.
- ``hybrid`` (混合模式): the offer as a headline, the selling points as bullets.

Every line is a brief fact or a neutral connective; parts carry a priority for fitting.
"""

from __future__ import annotations

import re

from workbench.llm.offline.composition import Ctx, link_text
from workbench.llm.offline.text import pick, squash

Parts = list[tuple[str, int]]

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
# Beats the letter leaves to the other layouts (the fact sheet quotes the price, the card
# the proof): a letter is a scene, one point, the offer and the deadline.
LETTER_SKIPS = frozenset({"price", "math", "feature", "hook", "agitate"})


def framework_of(ctx: Ctx) -> str:
    fw = getattr(ctx.job.deliverable, "framework", None)
    return fw or DEFAULT_FRAMEWORK[ctx.facts.goal]


def turn(ctx: Ctx, shift: int = 0) -> int:
    return ctx.base + ctx.variant + shift


def hello(ctx: Ctx) -> str:
    f = ctx.facts
    key = "named" if f.named else ("lapsed" if f.lapsed else "plain")
    options = ctx.bank.HELLO[key]
    return options[turn(ctx) % len(options)].format_map(ctx.values())


def beat(ctx: Ctx, name: str, shift: int = 0) -> str:
    """One sentence for a beat (rotated per variant); "" when its facts are missing."""
    rotate = turn(ctx, shift)
    if name == "deadline" and ctx.facts.dialect and ctx.facts.deadline and rotate % 2:
        return ctx.bank.DIALECT[ctx.facts.dialect]["deadline"].format_map(ctx.values())
    return squash(pick(ctx.bank.BEATS[name], ctx.values(), ctx.rng, rotate))


_URL_END = re.compile(r"https?://\S+$")


def until_text(ctx: Ctx, shift: int = 0) -> str:
    """The deadline said one of the bank's ways, taking turns ("" without a deadline)."""
    if not ctx.facts.deadline:
        return ""
    bank = ctx.bank.UNTIL
    return bank[turn(ctx, shift) % len(bank)].format(deadline=ctx.facts.deadline)


def ask(ctx: Ctx) -> str:
    bank = ctx.bank.ASK
    return bank[turn(ctx) % len(bank)].format(short=ctx.facts.short)


def end(ctx: Ctx, text: str) -> str:
    """``text`` closed with a full stop (none after a link, which would break it)."""
    if not text or text[-1] in "。！？.!?" or _URL_END.search(text):
        return text
    return text + ("." if ctx.en else "。")


def agent(ctx: Ctx, cta: str) -> Parts:
    """A letter: greeting and who writes, a scene, one selling point, the framework's
    remaining beats (offer, deadline, proof where the framework argues with it), the CTA."""
    f = ctx.facts
    lines = ctx.bank.LAYOUT
    opener = hello(ctx) + lines["from"].format_map(ctx.values())
    scene = squash(pick(ctx.bank.SCENES, ctx.values(), ctx.rng, turn(ctx)))
    out: Parts = [(opener, 6), (scene, 9), (beat(ctx, "point"), 6)]
    names = FRAMEWORK_BEATS[framework_of(ctx)]
    for i, name in enumerate(names):
        if name in LETTER_SKIPS or (
            name == "evidence" and framework_of(ctx) not in ("fabe", "pas")
        ):
            continue
        text = beat(ctx, name, i)
        if name in ("interest", "pain") and text and (f.interest(0) or f.pain(0)) in scene:
            continue  # the scene has said it
        out.append((text, PRIORITY.get(name, 3)))
    sign = ctx.bank.SIGN_OFF  # before the CTA: a link it carries ends the text
    return [*out, (sign[turn(ctx) % len(sign)].format_map(ctx.values()), 2), (cta, 10)]


def example(ctx: Ctx, cta: str) -> Parts:
    """A question-and-answer card that opens with a question: what it is, then the offer
    or the deadline, the proof, and how to get it (never a vague "了解一下")."""
    qa = ctx.bank.QA
    values = ctx.values(cta=cta if link_text(ctx) and link_text(ctx) in cta else end(ctx, cta))
    order = [("offer", 10), ("when", 8), ("what", 9), ("proof", 6), ("how", 10)]
    if turn(ctx) % 2:
        order[1], order[2] = order[2], order[1]
    out: Parts = []
    for key, prio in order:
        q = pick(qa[key], values, ctx.rng, turn(ctx))
        a = pick(qa[key + "_a"], values, ctx.rng, turn(ctx, 1))
        if q and a:
            out.append((f"{q}\n{a}", prio))
    return out


def how_step(ctx: Ctx, linked: bool, below: bool) -> str:
    """The instruction sheet's answer to "how" (its CTA): open the link (the one below, or
    the short link the body appends) or contact the brand; a step, not the goal's CTA
    again ("How to book: Book now.", "怎么下单：了解一下…")."""
    key = ("below" if below else "link") if linked else "contact"
    options = ctx.bank.HOW[key]
    return options[turn(ctx) % len(options)].format_map(ctx.values())


def instruction(ctx: Ctx, cta: str) -> Parts:
    """A fill-in sheet that opens with the instruction (what to do), then the offer, the
    deadline, what it is and whom it suits (the segment's interests); no greeting, no price
    and no selling points (the fact line and the bullets carry them)."""
    f = ctx.facts
    labels = ctx.bank.LABELS
    colon = ": " if ctx.en else "："
    how = labels["how"].format_map(ctx.values())
    who = ctx.bank.LAYOUT["for"].format_map(ctx.values(interest=f.interest(turn(ctx))))
    step = cta[:1].upper() + cta[1:] if ctx.en else cta  # the CTA field says the same
    shown = f.points[1:3] + f.points[:1]  # the card lists them in order, the bullets reversed
    rows = [
        (how, step, 10),
        (labels["service" if f.service else "product"], f.product, 9),
        (labels["offer"], f.offer, 10),
        (labels["deadline"], f.deadline, 8),
        (labels["points"], (" / " if ctx.en else "、").join(shown), 3),
        (labels["for"], who if f.interests else "", 4),
    ]
    return [(f"{label}{colon}{value}", prio) for label, value, prio in rows if value]


def specific(ctx: Ctx, cta: str) -> Parts:
    """The facts bare, in the order a customer checks them: until when, what they get, what
    it is and costs, then the CTA; no greeting, no selling points (the card, the sheet and
    the bullets carry them)."""
    f = ctx.facts
    bar = " | " if ctx.en else "｜"
    until = (f"Until {f.deadline}" if ctx.en else f"{f.deadline}前") if f.deadline else ""
    items: Parts = [(until, 8), (f.offer, 10), (f.math, 3), (f.product, 9)]
    kept = [(t, p) for t, p in items if t.strip()]
    # each fact after the first carries its bar: a fact dropped to fit takes its bar along
    # (``copywriter`` strips a bar left leading); the price follows the name, dropped first
    line = [((bar if i else "") + t, p) for i, (t, p) in enumerate(kept)]
    price = [((" " if ctx.en else "") + f.price, 7)] if f.price else []
    return [*line, *price, ("\n" + cta, 10)]


def hybrid(ctx: Ctx, cta: str, bullets: bool) -> Parts:
    """The offer as the headline, the product, its selling points as bullets, and the
    deadline with the CTA (the proof is the card's and the letter's)."""
    f = ctx.facts
    marks = ctx.bank.BULLET_MARKS
    mark = marks[turn(ctx) % len(marks)]
    head = (f.offer + ("!" if ctx.en else "！")) if f.offer else beat(ctx, "hook")
    name = ctx.bank.LAYOUT["hybrid_name"].format_map(ctx.values())
    shown = f.points[:3][::-1]  # the card lists them in the brief's order: here the last first
    if bullets:  # the bullets first, then the product they belong to
        points = [(f"{mark}{p}", 4) for p in shown]
        after = ctx.bank.LAYOUT["hybrid_after"].format_map(ctx.values())
        name = after if f.points else name
    else:
        sep = ", " if ctx.en else "、"
        points = [(end(ctx, sep.join(shown)), 4)] if f.points else []
    until = ctx.bank.LAYOUT["hybrid_until"] if f.deadline else "{addr}，{cta}"
    if ctx.en and not f.deadline:
        until = "{addr}, {cta}"
    said = until_text(ctx, 4)
    values = ctx.values(cta=cta.rstrip("。.!！"), until=said, until_cap=said[:1].upper() + said[1:])
    close = end(ctx, until.format_map(values))
    if bullets and f.points:
        return [(head, 10), *points, (name, 9), (close, 10)]
    return [(head, 10), (name, 9), *points, (close, 10)]


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
