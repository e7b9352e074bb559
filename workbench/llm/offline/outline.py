"""Theme posts offline: a clearly marked outline built from the theme and the brand only.

The composer knows nothing about the theme's subject (a parenting tip, a weekend check-in),
so it writes no facts: it lays out what the post should say and leaves the substance to the
operator, saying so in the first line. Every outline has ``outline: true``.
"""

from __future__ import annotations

from typing import TypedDict

from workbench.kinds.records import ThemePostReply
from workbench.llm.offline.composition import Ctx


class _Bank(TypedDict):
    """One language's outline lines (``{theme}``, ``{brand}``, ``{cta}`` filled in)."""

    head: str
    open: tuple[str, ...]
    middle: str
    format: dict[str, str]
    close: str
    sign: str
    note: str
    cta: tuple[str, ...]


_ZH: _Bank = {
    "head": "【提纲·待补写】主题：{theme}",
    "open": (
        "· 开头：和大家打个招呼，一句话带出今天的主题。",
        "· 开头：用一个大家熟悉的小场景开场，引到今天的主题。",
        "· 开头：先问大家一个和主题有关的小问题。",
    ),
    "middle": "· 正文：围绕主题写一两个短段落。具体内容和出处请你补上：这份提纲没有写任何事实。",
    "format": {
        "image_text": "",
        "poster_copy": "· 海报：大字写一句简短的点题话，配品牌色和「{brand}」署名。",
        "short_video": "· 短视频：拍一段和主题有关的真实场景，时长要短，口播一句话点题。",
    },
    "close": "· 结尾：{cta}",
    "sign": "署名：{brand}",
    "note": "发送前把提纲改写成完整的群消息。",
    "cta": ("欢迎在群里回复聊聊你的做法", "有同样经历的可以接龙说说", "欢迎晒图分享"),
}
_EN: _Bank = {
    "head": "[OUTLINE - to complete] Theme: {theme}",
    "open": (
        "- Opening: greet the group and name the theme.",
        "- Opening: a familiar everyday moment that leads to the theme.",
        "- Opening: ask the group a small question about the theme.",
    ),
    "middle": "- Body: a short paragraph or two. Add facts and sources: the outline has none.",
    "format": {
        "image_text": "",
        "poster_copy": "- Poster: the theme in a few big words, in brand colours.",
        "short_video": "- Short video: a short real scene on the theme, one spoken line.",
    },
    "close": "- Closing: {cta}",
    "sign": "Signed: {brand}",
    "note": "Rewrite it as a finished post before sending.",
    "cta": (
        "invite replies on how people do it",
        "ask others to add their own story",
        "invite people to share a photo",
    ),
}


def compose_outline(ctx: Ctx) -> ThemePostReply:
    """The theme post answer for one job: an outline, never a finished post."""
    d = ctx.job.deliverable
    bank = _EN if ctx.en else _ZH
    theme = ctx.safe(str(getattr(d, "theme", "")).strip())
    fmt = str(getattr(d, "format", "image_text"))
    brand = ctx.job.brief.campaign.brand.name
    turn = ctx.variant + ctx.base
    cta = bank["cta"][turn % len(bank["cta"])]
    lines = [
        bank["head"].format(theme=theme),
        bank["open"][turn % len(bank["open"])],
        bank["middle"].format(theme=theme),
    ]
    extra = bank["format"].get(fmt, "")
    if extra:
        lines.append(extra.format(brand=brand))
    lines += [
        bank["close"].format(cta=cta),
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
