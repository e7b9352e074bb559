"""Copy for every channel: a framework's beats filled from the brief, fitted to the channel."""

from __future__ import annotations

import re
from typing import Any

from workbench.kinds.channels import ChannelSpec, channel, sms_signature
from workbench.kinds.copy import opt_out_text, sms_max_chars
from workbench.llm.offline.context import Ctx
from workbench.llm.offline.text import Measure, fit, fit_parts
from workbench.llm.offline.titles import compose_titles

# Beats per framework, in order. SCREAM: simple, emotional, relevant, engaging, authentic,
# memorable. SUCCES: simple, unexpected, concrete, credible, emotional, story.
FRAMEWORK_BEATS: dict[str, tuple[str, ...]] = {
    "aida": ("hook", "feature", "benefit", "anchor", "offer", "urgency"),
    "fabe": ("hook", "feature", "advantage", "benefit", "evidence", "offer", "urgency"),
    "pas": ("pain", "agitate", "feature", "anchor", "offer", "urgency"),
    "story3": ("testimony", "scene", "evidence", "surprise", "social", "urgency"),
    "scream": ("hook", "emotion", "pain", "engage", "evidence", "memorable", "offer", "urgency"),
    "succes": ("feature", "surprise", "anchor", "evidence", "emotion", "testimony", "urgency"),
}
DEFAULT_FRAMEWORK = {
    "acquire": "aida",
    "activate": "scream",
    "convert": "fabe",
    "repurchase": "story3",
    "refer": "succes",
}
PRIORITY = {"hook": 9, "offer": 9, "surprise": 9, "urgency": 8, "feature": 7, "anchor": 6}
EMOJI_CHANNELS = ("community", "moments", "xiaohongshu")
TARGET = {"community": 360, "moments": 200, "xiaohongshu": 420, "douyin": 260}
_TAG_STRIP = re.compile(r"[\s#＃·・,，。.!！?？:：;；、()（）\[\]【】「」]+")


def framework_of(ctx: Ctx) -> str:
    fw = getattr(ctx.job.deliverable, "framework", None)
    return fw or DEFAULT_FRAMEWORK[ctx.facts.goal]


def beats(ctx: Ctx) -> list[tuple[str, int]]:
    """The framework's sentences with their keep-priority, the opening rotated per variant."""
    names = FRAMEWORK_BEATS[framework_of(ctx)]
    if ctx.style == "specific":
        names = tuple(n for n in names if PRIORITY.get(n, 0) >= 6)
    out: list[tuple[str, int]] = []
    for i, name in enumerate(names):
        rotate = ctx.base + ctx.variant if i == 0 else None
        text = ctx.say(name, rotate)
        if not text and name in ("testimony", "pain"):
            text = ctx.say("hook", rotate)
        out.append((text, PRIORITY.get(name, 3)))
    if ctx.style in ("agent", "hybrid") and out and out[0][0]:
        persona = ctx.say("persona", ctx.base + ctx.variant)
        joint = " " if ctx.en else "，"
        out[0] = (persona + joint + _lower_first(out[0][0], ctx.en), out[0][1])
    elif ctx.style == "example":
        story = ctx.say("testimony", ctx.variant)
        if story and all(story != t for t, _ in out):
            out.insert(0, (story, 5))
    return out


def _lower_first(text: str, en: bool) -> str:
    return text[0].lower() + text[1:] if en and text else text


def must_line(ctx: Ctx, text: str) -> str:
    missing = [w for w in ctx.facts.must if w.lower() not in text.lower()]
    return ("、" if not ctx.en else ", ").join(missing)


def fit_must(
    ctx: Ctx, parts: list[tuple[str, int]], limit: int, measure: Measure, joiner: str
) -> str:
    """Fit the parts; if a must-include word fell out, add it just before the CTA part."""
    text = fit_parts(parts, limit, measure, joiner)
    missing = must_line(ctx, text)
    if missing:
        line = (missing + ("." if ctx.en else "。"), 10)
        text = fit_parts([*parts[:-1], line, parts[-1]], limit, measure, joiner)
    return text


def hashtags(ctx: Ctx, cap: int) -> list[str]:
    if cap <= 0:
        return []
    f = ctx.facts
    raw = [f.product, f.brand, *f.points, *f.interests, f.seg]
    raw += [
        ctx.bank.HASHTAGS[(ctx.base + ctx.variant + i) % len(ctx.bank.HASHTAGS)] for i in (0, 1)
    ]
    tags: list[str] = []
    for item in raw:
        tag = _TAG_STRIP.sub("", item.title() if ctx.en else item)[:20]
        if tag and tag.lower() not in (t.lower() for t in tags) and ctx.safe(tag) == tag:
            tags.append(tag)
    return tags[: min(cap, 3 + (ctx.variant + ctx.base) % 3)]


def _emoji(ctx: Ctx, i: int) -> str:
    bank = ctx.bank.EMOJI
    return bank[(ctx.base + ctx.variant * 3 + i) % len(bank)]


def _body(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    parts = beats(ctx)
    emoji = spec.id in EMOJI_CHANNELS
    end = "." if ctx.en else "！"
    sep = " " if ctx.en else ""
    if ctx.style in ("instruction", "hybrid") and spec.id != "moments":
        labels = ctx.bank.LABELS
        colon = ": " if ctx.en else "："
        lines = [f"{labels['product']}{colon}{ctx.facts.product}"]
        if ctx.facts.offer:
            lines.append(f"{labels['offer']}{colon}{ctx.facts.offer}")
        if ctx.facts.deadline:
            lines.append(f"{labels['deadline']}{colon}{ctx.facts.deadline}")
        mark = ctx.bank.BULLET_MARKS[(ctx.base + ctx.variant) % 2] if emoji or ctx.en else "· "
        parts.insert(1, ("\n".join(mark + line for line in lines), 7))
    if ctx.facts.url and spec.id in ("community", "wechat_article"):
        parts.append((ctx.facts.url, 4))
    if emoji:
        parts[0] = (_emoji(ctx, 0) + parts[0][0], parts[0][1])
        cta = f"{_emoji(ctx, 1)}{cta}"
    parts.append((cta + end, 10))
    limit = spec.body_max or 500
    target = TARGET.get(spec.id, limit)
    if ctx.en:
        target = target * 3
    joiner = "\n\n" if spec.id in ("wechat_article", "xiaohongshu") else "\n"
    if spec.id == "moments":
        joiner = sep
    return fit_must(ctx, parts, min(limit, target), spec.body_length, joiner)


def _sms(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    sig = sms_signature(ctx.facts.brand)
    opt = opt_out_text(ctx.facts.lang)
    budget = sms_max_chars(spec) - len(sig) - len(opt) - 2
    rotate = ctx.base + ctx.variant
    f = ctx.facts
    opening = [f"{f.seg}专享：", f"{ctx.values()['greet']}，{f.seg}！", f"{f.seg}，"][rotate % 3]
    if ctx.en:
        opening = [f"For {f.seg}: ", f"{ctx.values()['greet']}, {f.seg}! ", f"{f.seg}, "][
            rotate % 3
        ]
    end = ". " if ctx.en else "，"
    parts = [
        (opening + f.product + end, 8),
        (f.offer + end if f.offer else ctx.say("feature") + (" " if ctx.en else ""), 9),
        (ctx.say("anchor", rotate) + (" " if ctx.en else ""), 4),
        (ctx.say("urgency", rotate).rstrip("。.") + end if f.deadline else "", 7),
        (cta + ("." if ctx.en else "。"), 10),
    ]
    text = fit_must(ctx, parts, budget, len, "").replace("。，", "。").strip()
    sep = " " if ctx.en else ""
    return f"{sig}{text}{sep}{opt}"


def _title(ctx: Ctx, spec: ChannelSpec) -> str | None:
    if spec.title_max is None:
        return None
    titles = compose_titles(ctx, 1, spec.title_max, spec.title_length, spec.title_min or 0)
    return titles[0][0]


def compose_copy(ctx: Ctx) -> dict[str, Any]:
    spec = channel(getattr(ctx.job.deliverable, "channel", "community"))
    cta = ctx.cta()
    if spec.sms:
        body = _sms(ctx, spec, cta)
    elif spec.id == "push":
        f = ctx.facts
        address = f"{f.seg}: " if ctx.en else f"{f.seg}专享，"
        parts = [
            (address, 9),
            (ctx.say("hook", ctx.base + ctx.variant), 3),
            (f.offer + ("." if ctx.en else "，") if f.offer else "", 9),
            (ctx.say("urgency", ctx.variant), 7),
            (cta, 8),
        ]
        body = fit_must(ctx, parts, spec.body_max or 50, spec.body_length, " " if ctx.en else "")
    elif spec.id == "wechat_article":
        body = _article(ctx, spec, cta)
    else:
        body = _body(ctx, spec, cta)
    return {
        "title": _title(ctx, spec),
        "body": ctx.safe(body),
        "hashtags": hashtags(ctx, spec.hashtags_max),
        "cta": fit(cta, 30),
    }


def _article(ctx: Ctx, spec: ChannelSpec, cta: str) -> str:
    """A longer article: three headed sections reusing several frameworks' beats."""
    heads = (
        ("一、为什么值得关注", "二、它好在哪里", "三、本期福利")
        if not ctx.en
        else ("Why it matters", "What makes it good", "This round's deal")
    )
    sections = [
        [ctx.say("hook", ctx.base + ctx.variant), ctx.say("pain"), ctx.say("agitate")],
        [ctx.say("feature"), ctx.say("advantage"), ctx.say("evidence"), ctx.say("benefit")],
        [ctx.say("anchor"), ctx.say("offer"), ctx.say("urgency"), ctx.say("memorable")],
    ]
    blocks = []
    for head, lines in zip(heads, sections, strict=True):
        blocks.append(head + "\n" + (" " if ctx.en else "").join(x for x in lines if x))
    text = "\n\n".join(blocks)
    must = must_line(ctx, text)
    if must:
        text += "\n\n" + must
    if ctx.facts.url:
        text += "\n\n" + ctx.facts.url
    return fit(text + "\n\n" + cta + ("." if ctx.en else "！"), spec.body_max or 20000)
