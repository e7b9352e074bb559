"""Short-video scripts: hook (≤3 s), middle beats, CTA last; voice-over fitted to time.

Crew scripts rotate middle beats (pain, selling point, scene, price) with props per shot.
Co-creation scripts (``audience: customer``) are three or four simple phone shots, each
with a cue telling the customer what to do and say.
"""

from __future__ import annotations

import itertools
import math
import re

from workbench.kinds.channels import (
    HOOK_MAX_SECONDS,
    VIDEO_COVER_MAX,
    VIDEO_PLATFORMS,
    weighted_len,
)
from workbench.kinds.common import speech_units
from workbench.kinds.records import ShotItem, VideoScriptReply
from workbench.kinds.timing import speech_rate
from workbench.llm.offline.composition import Ctx
from workbench.llm.offline.copywriter import hashtags
from workbench.llm.offline.script_phrases import CUSTOMER
from workbench.llm.offline.text import first_fitting, first_mention, fit, pick, squash, usable
from workbench.llm.offline.titles import compose_titles, offer_short, plain_questions

SIZES = {"hook": "特写", "pain": "中景", "point": "特写", "scene": "全景", "price": "近景",
         "proof": "近景", "cta": "中景"}  # fmt: skip
CUSTOMER_SIZES = {"hook": "特写", "use": "中景", "point": "特写", "cta": "近景"}
CAPTION_MAX = 16  # on-screen text, weighted
BGM = {
    "zh-CN": ("轻快背景音乐", "温暖钢琴背景音乐", "节奏鼓点背景音乐"),
    "en-US": ("upbeat music", "warm piano music", "drum-beat music"),
}
SOUND_CUES = {
    "zh-CN": {"in": "{bgm}起，音效：嗖", "on": "音乐延续", "ding": "音乐延续，音效：叮",
              "out": "{bgm}渐弱收尾"},
    "en-US": {"in": "{bgm} in, whoosh", "on": "music continues", "ding": "music continues, ding",
              "out": "{bgm} fades out"},
}  # fmt: skip


def _timeline(duration: int, middle: int) -> list[tuple[float, float]]:
    hook = min(HOOK_MAX_SECONDS, max(1.0, round(duration * 0.15, 1)))
    cta = min(6.0, max(2.5, round(duration * 0.15, 1)))
    step = (duration - hook - cta) / middle
    marks = [0.0, hook] + [round(hook + step * (i + 1), 1) for i in range(middle - 1)]
    marks += [round(duration - cta, 1), float(duration)]
    return list(itertools.pairwise(marks))


def _fit_line(ctx: Ctx, line: str, seconds: float) -> str:
    """The line shortened to what can be said in ``seconds`` by dropping whole sentences or
    clauses ("" when not even the first clause fits: words are never cut)."""
    units = math.floor(seconds * speech_rate(ctx.facts.lang, ctx.job.deliverable))
    return fit(ctx.safe(squash(line)), units, lambda t: speech_units(t, ctx.facts.lang))


def _say(ctx: Ctx, beat: str, values: dict[str, str], rotate: int, seconds: float) -> str:
    """The first of the beat's lines (rotated) that can be said whole in ``seconds``."""
    options = usable(ctx.bank.VIDEO[beat], values)
    n = len(options)
    for k in range(n):
        text = _fit_line(ctx, options[(rotate + k) % n].format_map(values), seconds)
        if text:
            return text
    return ""


def public_values(ctx: Ctx, **extra: str) -> dict[str, str]:
    """Template values for words said on camera: the customer-facing address only."""
    return ctx.values(**extra)


def _middle(ctx: Ctx, count: int) -> list[str]:
    """Retain in the middle: a pain point or a scene first, selling points, the price last."""
    f = ctx.facts
    scene = "scene" if f.interests else "point"
    opener = "pain" if (ctx.base + ctx.variant) % 2 == 0 and f.pains else scene
    other = scene if opener == "pain" else ("pain" if f.pains else "point")
    proof = "proof" if f.proof else "point"
    body = [opener, "point", proof, other, "point", "scene", "point"][: max(count - 1, 0)]
    price = ["price"] if (f.offer or f.price) else ["point"]
    return (body + price)[-count:] if count > 1 else price


def _second_line(
    ctx: Ctx, beat: str, values: dict[str, str], rotate: int, first: str, seconds: float
) -> str:
    """A second sentence from the beat's bank (next selling point) when there is time for it."""
    if beat == "point" and not values.get("point2"):
        return first  # one selling point: say it once
    more = dict(values, point=values.get("point2") or values["point"])
    options = [o for o in usable(ctx.bank.VIDEO[beat], more) if o.format_map(more) not in first]
    extra = pick(options, more, ctx.rng, rotate + 1)
    if not extra:
        return first
    joined = _fit_line(ctx, f"{first}{' ' if ctx.en else ''}{extra}", seconds)
    return joined if len(joined) > len(first) and extra in joined else first


def _visual(ctx: Ctx, beat: str, values: dict[str, str], rotate: int) -> str:
    """What the camera shows, by product form (a service is never held up to the lens)."""
    return pick(ctx.bank.SHOT_VISUALS[ctx.facts.form][beat], values, ctx.rng, rotate)


def _sound(ctx: Ctx, beat: str, index: int, bgm: str) -> str:
    """One music bed for the whole video, cued in and out; an effect where it helps."""
    words = SOUND_CUES["en-US" if ctx.en else "zh-CN"]
    if index == 0:
        return words["in"].format(bgm=bgm)
    if beat == "cta":
        return words["out"].format(bgm=bgm)
    if beat in ("price", "point"):
        return words["ding"]
    return words["on"]


def _props(ctx: Ctx, beat: str, values: dict[str, str], rotate: int) -> str:
    return ctx.safe(pick(ctx.bank.PROPS[ctx.facts.form][beat], values, ctx.rng, rotate))


_SENTENCES = re.compile(r"(?<=[。！？!?])|(?<=\. )")


def _name_in_full(ctx: Ctx, shots: list[ShotItem]) -> None:
    """The first voice-over that names the product says its full name, whole sentences
    dropped to make time; a hook too short for the full name opens on another line, so the
    next shot names it (captions, like posters, keep the short name)."""
    f = ctx.facts
    for index, shot in enumerate(shots):
        said = shot["voiceover"]
        if f.short not in said and f.product not in said:
            continue
        seconds = shot["end"] - shot["start"]
        named = _fit_line(ctx, first_mention(said, f.product, f.short), seconds)
        if f.product in named:
            shot["voiceover"] = named
            return
        if index > 0:
            rest = "".join(x for x in _SENTENCES.split(said) if x and f.short not in x).strip()
            if not rest:
                return
            shot["voiceover"] = rest  # the sentence with the short name waits for the next shot
            continue
        values = public_values(ctx)
        other = [
            line
            for line in (t.format_map(values) for t in usable(ctx.bank.VIDEO["hook"], values))
            if f.short not in line and _fit_line(ctx, line, seconds) == line
        ]
        if not other:
            return
        if shot["onscreen_text"] == said:
            shot["onscreen_text"] = ctx.safe(fit(other[0], CAPTION_MAX, weighted_len))
        shot["voiceover"] = other[0]


def platform_cta(ctx: Ctx, platform: str) -> str:
    """The CTA a short video can honestly say: the platform's own action (小黄车, 主页,
    商品卡片), never "点链接" (a video has no link) nor an off-platform move; a referral
    goal asks to share."""
    if ctx.facts.goal == "refer":
        return ctx.cta(with_link=False)
    bank = ctx.bank.PLATFORM_CTA.get(platform) or ctx.bank.PLATFORM_CTA["douyin"]
    options = bank["service" if ctx.facts.service else "goods"]
    return options[(ctx.base + ctx.variant) % len(options)].format_map(ctx.values())


def compose_video(ctx: Ctx) -> VideoScriptReply:
    d = ctx.job.deliverable
    spec = VIDEO_PLATFORMS[getattr(d, "platform", "douyin")]
    duration = int(getattr(d, "duration", 30))
    cta = platform_cta(ctx, spec.id)
    if getattr(d, "audience", "crew") == "customer":
        shots = _customer_shots(ctx, duration, cta)
    else:
        shots = _crew_shots(ctx, duration, cta)
    f = ctx.facts
    _name_in_full(ctx, shots)
    _sync_cues(ctx, shots)
    must = [w for w in f.must if w not in " ".join(s["voiceover"] for s in shots)]
    if must:  # on the first shot without a caption (the last one carries the CTA)
        free = [s for s in shots[:-1] if not s["onscreen_text"]] or shots[:1]
        free[0]["onscreen_text"] = fit(" ".join(must), CAPTION_MAX, weighted_len)
    limit = spec.title_max or 30
    pool = compose_titles(ctx, 6, limit, spec.title_length, spec.title_min or 0, numbered=False)
    titles = [t for t, _ in plain_questions(ctx, pool)]
    title = titles[ctx.variant % len(titles)]
    cover = offer_short(ctx, 10 if not ctx.en else 20) or f.product
    return {
        "title": title,
        "cover_text": fit(cover, VIDEO_COVER_MAX, weighted_len),
        "hook": shots[0]["voiceover"] or first_fitting([f.short, f.brand], 12) or f.brand,
        "cta": cta,
        "hashtags": hashtags(ctx, spec.hashtags_max),
        "duration": duration,
        "shots": shots,
    }


def _crew_shots(ctx: Ctx, duration: int, cta: str) -> list[ShotItem]:
    f = ctx.facts
    middle = _middle(ctx, max(1, min(8, round(duration / 7))))
    middle_count = len(middle)
    names = ["hook", *middle, "cta"]
    values = public_values(ctx, cta=cta)
    bgm = BGM["en-US" if ctx.en else "zh-CN"][(ctx.base + ctx.variant) % 3]
    shots: list[ShotItem] = []
    cursor = ctx.variant  # each selling point is said once before any comes back
    recapped = False
    for i, (name, (a, b)) in enumerate(zip(names, _timeline(duration, middle_count), strict=True)):
        values["point"] = f.point(cursor)
        values["point2"] = f.point(cursor + 1) if len(f.points) > 1 else ""
        rotate = ctx.base + ctx.variant + i
        look = name
        if name == "price" and f.offer:
            line = f"{f.offer}{', ' if ctx.en else '，'}{f.math}" if f.math else f.offer
            voiceover = _fit_line(ctx, line, b - a) or _say(ctx, name, values, rotate, b - a)
        elif name == "point" and cursor - ctx.variant >= len(f.points) >= 1:
            # every point said: one recap of them all, then the picture carries the beat
            # (whole or not at all: a recap that drops a point is no recap)
            recap = _recap(ctx)
            whole = len(f.points) > 1 and _fit_line(ctx, recap, b - a) == recap
            voiceover = recap if whole and not recapped else ""
            recapped = True
            values["point"] = ""  # no caption repeating one point
            look = "scene"  # the product in use, not one point's close-up
        elif name == "proof":  # a proof is said whole or not at all (the caption shows it)
            line = ctx.bank.VIDEO["proof"][0].format_map(values)
            voiceover = line if _fit_line(ctx, line, b - a) == ctx.safe(squash(line)) else ""
        else:
            voiceover = _say(ctx, name, values, 0 if name == "cta" else rotate, b - a)
        fresh = cursor - ctx.variant + 1 < len(f.points)  # its next point not said yet
        if voiceover and (name == "scene" or (name == "point" and fresh)):
            voiceover = _second_line(ctx, name, values, rotate, voiceover, b - a)
        if name == "point":
            cursor += 2 if values["point2"] and values["point2"] in voiceover else 1
        caption = {"hook": voiceover, "point": values["point"] or f.short, "cta": cta}.get(name, "")
        if weighted_len(caption) > CAPTION_MAX:
            caption = ""
        if name == "price":
            caption = offer_short(ctx, 12 if not ctx.en else 24) or f.price
        shots.append(
            {
                "start": a,
                "end": b,
                "shot_size": SIZES[name],
                "visual": ctx.safe(_visual(ctx, look, values, rotate)),
                "voiceover": voiceover,
                "onscreen_text": ctx.safe(fit(caption, CAPTION_MAX, weighted_len)),
                "sound": _sound(ctx, name, i, bgm),
                "props": _props(ctx, look, values, rotate),
                "cue": "",
            }
        )
    return shots


def _recap(ctx: Ctx) -> str:
    f = ctx.facts
    if ctx.en:
        return f"{f.short} in short: {', '.join(f.points)}."
    return f"{f.short}：{'、'.join(f.points)}。"


def _customer_shots(ctx: Ctx, duration: int, cta: str) -> list[ShotItem]:
    """Three or four phone shots; the customer gets a cue for every line."""
    f = ctx.facts
    names = (
        ["hook", "use", "point", "cta"] if duration > 15 and f.points else ["hook", "use", "cta"]
    )
    hook = min(HOOK_MAX_SECONDS, max(2.0, round(duration * 0.15, 1)))
    cta_len = min(6.0, max(3.0, round(duration * 0.2, 1)))
    middle = (duration - hook - cta_len) / (len(names) - 2)
    marks = [0.0, hook]
    marks += [round(hook + middle * (i + 1), 1) for i in range(len(names) - 3)]
    marks += [round(duration - cta_len, 1), float(duration)]
    values = public_values(ctx, cta=cta, offer_short=offer_short(ctx, 10 if not ctx.en else 20))
    bank = CUSTOMER["en-US" if ctx.en else "zh-CN"][f.form]
    shots: list[ShotItem] = []
    for i, (name, (a, b)) in enumerate(zip(names, itertools.pairwise(marks), strict=True)):
        values["point"] = f.point(ctx.variant + i)
        options = [o for o in bank[name] if usable(o[:2], values) == list(o[:2])]
        options = options or [bank[name][-1]]
        start = (ctx.base + ctx.variant + i) % len(options)
        rotated = options[start:] + options[:start]
        visual, _, cue, props = rotated[0]
        said = ""
        for option in rotated:
            said = _fit_line(ctx, option[1].format_map(values), b - a)
            if said:
                visual, _line, cue, props = option
                break
        if not said and name == "cta":  # no line fits the last seconds: the CTA itself
            said = _fit_line(ctx, cta + ("!" if ctx.en else "！"), b - a)
        shots.append(
            {
                "start": a,
                "end": b,
                "shot_size": CUSTOMER_SIZES[name],
                "visual": ctx.safe(visual.format_map(values)),
                "voiceover": said,
                "onscreen_text": ctx.safe(
                    fit(cta if name == "cta" else "", CAPTION_MAX, weighted_len)
                ),
                "sound": "" if name != "cta" else ("upbeat music" if ctx.en else "轻快背景音乐"),
                "props": ctx.safe(props.format_map(values)),
                "cue": ctx.safe(_cue(ctx, cue.format_map(values), said)),
            }
        )
    return shots


def _cue(ctx: Ctx, cue: str, said: str) -> str:
    """The customer's direction with the exact line to say quoted ("" said: no quote)."""
    if not said:
        return cue
    quote = f'"{said}"' if ctx.en else f"「{said}」"
    return f"{cue}{': ' if ctx.en else '：'}{quote}"


def _sync_cues(ctx: Ctx, shots: list[ShotItem]) -> None:
    """A co-creation cue quotes the voice-over it directs (``_name_in_full`` may have
    replaced a hook's line after its cue was written)."""
    mark = ': "' if ctx.en else "：「"
    for shot in shots:
        cue = shot["cue"]
        if not cue:
            continue
        at = cue.rfind(mark)
        head = cue[:at] if at >= 0 else cue
        shot["cue"] = ctx.safe(_cue(ctx, head, shot["voiceover"]))
