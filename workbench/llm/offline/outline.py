"""Theme posts offline: a clearly marked outline built from the theme and the brand only.

The composer knows nothing about the theme's subject (a parenting tip, a weekend check-in),
so it writes no facts: it lays out what the post should say and leaves the substance to the
operator, saying so in the first line. Every outline has ``outline: true``.
"""

from __future__ import annotations

from typing import Any

from workbench.llm.offline.context import Ctx

_ZH: dict[str, Any] = {
    "head": "【提纲·待补写】主题：{theme}",
    "open": (
        "① 开头：和大家打个招呼（{greeting}），一句话带出今天的主题。",
        "① 开头：用一个大家熟悉的小场景开场，引到「{theme}」。",
        "① 开头：先问大家一个和「{theme}」有关的小问题。",
    ),
    "greetings": ("早上好", "午安", "晚上好", "周末好"),
    "middle": (
        "② 正文：围绕「{theme}」写 1-2 个短段落。具体内容和出处请你补上：这份提纲没有写任何事实。"
    ),
    "format": {
        "image_text": "",
        "poster_copy": "③ 海报：大字写点题的一句话（12 字以内），配品牌色和「{brand}」署名。",
        "short_video": "③ 短视频：15-30 秒，拍一个和主题有关的真实场景，口播一句话点题。",
    },
    "close": "{n} 结尾：{cta}",
    "sign": "署名：{brand}",
    "note": "发送前把提纲改写成完整的群消息。",
    "cta": ("欢迎在群里回复聊聊你的做法", "有同样经历的可以接龙说说", "欢迎晒图分享"),
}
_EN: dict[str, Any] = {
    "head": "[OUTLINE - to be completed] Theme: {theme}",
    "open": (
        "1. Opening: greet the group ({greeting}) and name today's theme in one line.",
        '1. Opening: start from a familiar everyday moment that leads to "{theme}".',
        '1. Opening: ask the group a small question about "{theme}".',
    ),
    "greetings": ("good morning", "good afternoon", "good evening", "happy weekend"),
    "middle": (
        '2. Body: one or two short paragraphs on "{theme}". Add the substance and its '
        "source yourself: this outline states no facts."
    ),
    "format": {
        "image_text": "",
        "poster_copy": "3. Poster: one line on the theme in big type (a few words), brand "
        "colours and the {brand} signature.",
        "short_video": "3. Short video: 15-30 seconds of a real scene about the theme, one "
        "spoken line that names it.",
    },
    "close": "{n} Closing: {cta}",
    "sign": "Signed: {brand}",
    "note": "Rewrite the outline into a finished group message before sending.",
    "cta": (
        "invite replies about how people do it",
        "ask those with the same experience to add to the list",
        "invite people to share a photo",
    ),
}


def compose_outline(ctx: Ctx) -> dict[str, Any]:
    """The theme post answer for one job: an outline, never a finished post."""
    d = ctx.job.deliverable
    bank = _EN if ctx.en else _ZH
    theme = ctx.safe(str(getattr(d, "theme", "")).strip())
    fmt = str(getattr(d, "format", "image_text"))
    brand = ctx.job.brief.campaign.brand.name
    turn = ctx.variant + ctx.base
    greeting = bank["greetings"][turn % len(bank["greetings"])]
    cta = bank["cta"][turn % len(bank["cta"])]
    lines = [
        bank["head"].format(theme=theme),
        bank["open"][turn % len(bank["open"])].format(theme=theme, greeting=greeting),
        bank["middle"].format(theme=theme),
    ]
    extra = bank["format"].get(fmt, "")
    if extra:
        lines.append(extra.format(brand=brand))
    number = ("③", "④")[bool(extra)] if not ctx.en else ("3.", "4.")[bool(extra)]
    lines += [
        bank["close"].format(n=number, cta=cta),
        bank["sign"].format(brand=brand),
        bank["note"],
    ]
    return {
        "title": None,
        "body": "\n".join(lines),
        "hashtags": [],
        "cta": cta,
        "outline": True,
    }
