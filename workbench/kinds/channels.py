"""Channel limits and the way each platform counts characters.

Figures from shared/data/channels-and-fonts.md. Output models in ``workbench.kinds`` and
the offline composer read limits from here, so a limit is written down once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SMS_SINGLE = 70  # one SMS part, signature included
SMS_LONG_PART = 67  # a long SMS is billed per 67 characters
SMS_MAX_TOTAL = 500
SMS_OPT_OUT = "拒收请回复R"
SMS_OPT_OUT_EN = "Reply R to opt out"
GSM7_SINGLE = 160  # one GSM-7 part (plain English), in septets
GSM7_LONG_PART = 153  # a concatenated GSM-7 SMS is billed per 153 septets
_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


def weighted_len(text: str) -> int:
    """Length where ASCII counts half (小红书, push titles): ceil(sum(2|1) / 2)."""
    return math.ceil(sum(2 if ord(ch) > 127 else 1 for ch in text) / 2)


def plain_len(text: str) -> int:
    """Code points: every Chinese character, letter, digit, mark and space counts 1."""
    return len(text)


def sms_signature(brand: str, lang: str = "zh-CN") -> str:
    """The sender signature an SMS starts with: 【brand】 (Chinese carriers), or "Brand: "
    in English, which keeps a plain English SMS in GSM-7 (160 characters a part)."""
    return f"{brand}: " if lang == "en-US" else f"【{brand}】"


def sms_opt_out(lang: str) -> str:
    """The unsubscribe phrase a marketing SMS carries in ``lang``."""
    return SMS_OPT_OUT_EN if lang == "en-US" else SMS_OPT_OUT


def sms_count(text: str) -> int:
    """Billed parts of one SMS as sent (signature and opt-out included in ``text``).

    Text that GSM-7 can encode (plain English) is billed 160 septets in one part, else
    153 per part, the extension characters (``^{}[]~|€\\``) counting 2; any other text
    (every Chinese SMS: the 【】 alone make it UCS-2) is 70 code points in one part, else
    67 per part. Empty text is 0. The one SMS counting rule: kinds, lint, review and the
    offline composer call it.
    """
    n = plain_len(text)
    if n <= 0:
        return 0
    septets = gsm7_len(text)
    if septets is not None:
        return 1 if septets <= GSM7_SINGLE else math.ceil(septets / GSM7_LONG_PART)
    return 1 if n <= SMS_SINGLE else math.ceil(n / SMS_LONG_PART)


def gsm7_len(text: str) -> int | None:
    """Septets ``text`` takes in the GSM 03.38 alphabet, or None when it needs UCS-2."""
    total = 0
    for ch in text:
        if ch in _GSM7_BASIC:
            total += 1
        elif ch in _GSM7_EXTENSION:
            total += 2
        else:
            return None
    return total


def sms_max_chars(spec: ChannelSpec) -> int:
    """Most characters (signature included) that fit in ``spec.sms_max_parts`` parts."""
    parts = spec.sms_max_parts
    return min(SMS_SINGLE if parts <= 1 else SMS_LONG_PART * parts, SMS_MAX_TOTAL)


@dataclass(frozen=True)
class ChannelSpec:
    id: str
    label_zh: str
    label_en: str
    title_max: int | None = None  # None: the channel has no title
    title_weighted: bool = False  # ASCII counts half
    title_min: int | None = None
    body_max: int | None = None
    body_fold: int | None = None  # text beyond this is folded (a warning, not an error)
    hashtags_max: int = 0
    sms: bool = False  # carries 【signature】 and opt-out; counted with ``sms_count``
    sms_max_parts: int = 2  # billed parts one message may take
    body_weighted: bool = False  # body counted with ASCII as half (push vendors)
    emoji_max: int = 3  # emoji budget of a post (a style guide, not a platform rule)
    lint_scope: str | None = None  # its key in the compliance-term data, when not its id

    def title_length(self, title: str) -> int:
        return weighted_len(title) if self.title_weighted else plain_len(title)

    def body_length(self, body: str) -> int:
        return weighted_len(body) if self.body_weighted else plain_len(body)

    @property
    def title_limit(self) -> int:
        """Title cap for title candidates; channels without a title get a headline line."""
        return self.title_max if self.title_max is not None else TITLE_FALLBACK_MAX

    @property
    def counting_note(self) -> str:
        return f" ({self.id} counts ASCII as half)" if self.title_weighted else ""


CHANNELS: dict[str, ChannelSpec] = {
    spec.id: spec
    for spec in (
        ChannelSpec(
            "community",
            "社群",
            "Community group",
            body_max=500,
            body_fold=300,
            emoji_max=5,
            lint_scope="community_group",
        ),
        ChannelSpec("moments", "朋友圈", "WeChat Moments", body_max=300, body_fold=120),
        ChannelSpec("sms", "短信", "SMS", body_max=SMS_MAX_TOTAL, sms=True, emoji_max=0),
        ChannelSpec(
            "push",
            "App推送",
            "App push",
            title_max=20,
            title_weighted=True,
            body_max=50,
            body_weighted=True,
            emoji_max=1,
        ),
        ChannelSpec(
            "xiaohongshu",
            "小红书",
            "Xiaohongshu",
            title_max=20,
            title_weighted=True,
            body_max=1000,
            hashtags_max=10,
            emoji_max=8,
        ),
        ChannelSpec("douyin", "抖音", "Douyin", title_max=30, body_max=1000, hashtags_max=5),
        ChannelSpec(
            "wechat_article",
            "公众号文章",
            "WeChat article",
            title_max=64,
            body_max=20000,
            lint_scope="official_account",
        ),
    )
}

# Short-video platforms (video scripts): title limits and hashtag caps.
VIDEO_PLATFORMS: dict[str, ChannelSpec] = {
    spec.id: spec
    for spec in (
        ChannelSpec("douyin", "抖音", "Douyin", title_max=30, hashtags_max=5),
        ChannelSpec(
            "channels",
            "视频号",
            "WeChat Channels",
            title_max=16,
            title_min=6,
            hashtags_max=5,
            lint_scope="shipinhao",
        ),
        ChannelSpec("kuaishou", "快手", "Kuaishou", title_max=20, hashtags_max=3),
        ChannelSpec(
            "xiaohongshu",
            "小红书",
            "Xiaohongshu",
            title_max=20,
            title_weighted=True,
            hashtags_max=10,
        ),
    )
}


def channel(channel_id: str) -> ChannelSpec:
    return CHANNELS[channel_id]


# Title candidates for channels without a title field (community, moments, sms): a headline
# line at the top of the message.
TITLE_FALLBACK_MAX = 30

# Poster copy caps, counted with ``weighted_len`` (a CJK character 1, ASCII half), so an
# en-US poster gets twice the characters.
POSTER_CAPS: dict[str, int] = {
    "headline": 14,
    "subheadline": 24,
    "bullet": 16,
    "cta": 8,
    "badge": 8,
}
POSTER_BULLETS = (1, 4)

# Short-video timing.
SPEECH_RATE_ZH = 4.0  # Chinese characters per second of voice-over
SPEECH_RATE_EN = 2.5  # English words per second
HOOK_MAX_SECONDS = 3.0
TIMING_TOLERANCE = 0.05
VIDEO_COVER_MAX = 20  # cover text, weighted
