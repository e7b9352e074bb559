"""The JSON records of the content kinds: what the model answers, what a variant stores, and
the numbers a prompt states.

Each kind has three shapes, all plain JSON (so ``TypedDict``, not dataclasses: the content
column, the model's answer and the prompt variables stay byte-identical JSON):

- ``<Kind>Reply``: one answer as the model writes it (the pydantic answer model's dump, the
  offline composer's output, a few-shot example's ``output``);
- ``<Kind>Content``: one variant's content as ``parse`` returns it and the store keeps it (the
  reply, checked and repaired, plus the counts and facts the workbench adds);
- ``<Kind>Limits``: the template variable ``limits`` (``KindSpec.prompt_limits``), stored with
  every generation.

Key order is the order the JSON has always had: build these records in field order.

No ``from __future__ import annotations`` here: ``NotRequired`` is read when the class is
made, so ``__required_keys__``/``__optional_keys__`` are right at run time
(``tests/kinds/test_kinds_records.py`` checks the records against real answers with them).
"""

from typing import Literal, NotRequired, TypedDict

# -- what every content carries -----------------------------------------------------------


class Content(TypedDict, total=False):
    """The base of every kind's stored content: the keys any kind may add."""

    repairs: list[str]
    """The safe repairs applied to the model's answer (``Problems.attach``); absent if none."""


# -- copy and theme posts -----------------------------------------------------------------


class CopyReply(TypedDict):
    """A copy answer: ``{"title", "body", "hashtags", "cta"}``."""

    title: str | None
    """The headline; None for an SMS or a channel without titles."""
    body: str
    """The text (an SMS: the whole message, signature and opt-out included)."""
    hashtags: list[str]
    """Topic tags without '#'."""
    cta: str
    """The call to action, one short line."""


class ThemePostReply(CopyReply):
    """A theme post answer: a community copy plus whether it is an outline."""

    outline: bool
    """True when the text is an outline a person completes before sending."""


class CopyContent(Content):
    """One copy as stored: the checked answer plus its counts."""

    title: str | None
    """The headline; None for an SMS or a channel without titles."""
    body: str
    """The text as checked and repaired (an SMS: signature first, opt-out last)."""
    hashtags: list[str]
    """Topic tags without '#', deduplicated and capped to the channel's number."""
    cta: str
    """The call to action."""
    length: int
    """Characters in ``body``."""
    sms_length: NotRequired[int]
    """An SMS only: characters as carriers count them (equal to ``length``)."""
    sms_segments: NotRequired[int]
    """An SMS only: the billed parts (``sms_count``; the key name predates "parts")."""


class ThemePostContent(CopyContent):
    """One theme post as stored: a community copy plus its week-plan slot's facts."""

    theme: str
    """The slot's theme."""
    format: str
    """The slot's format (``image_text``, ...)."""
    outline: bool
    """True when the text is an outline a person completes before sending."""


# -- titles -------------------------------------------------------------------------------


class TitleCandidate(TypedDict):
    """One title of a titles answer."""

    text: str
    """The title."""
    angle: str
    """Its angle (数字型, 痛点型, ...)."""


class TitleReply(TypedDict):
    """A titles answer: every candidate title of a deliverable in one call."""

    titles: list[TitleCandidate]
    """Exactly the requested number of different titles."""


class TitleContent(Content):
    """One title candidate as stored (each candidate is one variant)."""

    text: str
    """The title."""
    angle: str
    """Its angle."""
    length: int
    """Its length as the channel counts titles (ASCII half where the channel says so)."""


# -- posters ------------------------------------------------------------------------------


class PosterReply(TypedDict):
    """A poster answer: the words a layout places."""

    headline: str
    """The main line."""
    subheadline: str
    """The second line."""
    bullets: list[str]
    """The selling points (1-4)."""
    cta: str
    """The call to action."""
    badge: str
    """The corner badge; may be empty."""


class PosterContent(Content):
    """One poster's words as stored (blank bullets dropped, at most four kept)."""

    headline: str
    """The main line."""
    subheadline: str
    """The second line."""
    bullets: list[str]
    """The selling points, stripped, 1-4."""
    cta: str
    """The call to action."""
    badge: str
    """The corner badge; may be empty."""


# -- short-video scripts ------------------------------------------------------------------


class ShotItem(TypedDict):
    """One shot of a video script, as answered and as stored (re-timed if it had to be)."""

    start: float
    """Start second."""
    end: float
    """End second."""
    shot_size: str
    """特写, 近景, 中景 or 全景 (English synonyms normalised)."""
    visual: str
    """What the camera shows and the action in it."""
    voiceover: str
    """The spoken words (口播)."""
    onscreen_text: str
    """The caption on screen (花字/字幕); may be empty."""
    sound: str
    """Music or sound effect; may be empty."""
    props: str
    """Props the shot needs; may be empty."""
    cue: str
    """What whoever films does and says (every shot of a customer script has one)."""


class VideoScriptReply(TypedDict):
    """A video script answer."""

    title: str
    """The video title."""
    cover_text: str
    """The cover text."""
    hook: str
    """The opening line (the first three seconds)."""
    cta: str
    """The call to action, said or shown in the last shot."""
    hashtags: list[str]
    """Topic tags without '#'."""
    duration: int
    """Total seconds."""
    shots: list[ShotItem]
    """The shots in order, tiling ``0..duration``."""


class VideoScriptContent(Content):
    """One video script as stored: the checked answer plus who films it and at what pace."""

    title: str
    """The video title."""
    cover_text: str
    """The cover text."""
    hook: str
    """The opening line."""
    cta: str
    """The call to action."""
    hashtags: list[str]
    """Topic tags without '#', capped to the platform's number."""
    duration: int
    """Total seconds: the deliverable's duration."""
    audience: Literal["crew", "customer"]
    """Who films it: the shop's crew, or a customer (a co-creation script)."""
    speech_rate: float
    """The speaking rate the voice-over was checked at (units a second)."""
    shots: list[ShotItem]
    """The shots, tiling ``0..duration``."""


# -- live-stream run sheets ---------------------------------------------------------------


class BeatItem(TypedDict):
    """One beat of a live phase."""

    start: float
    """Start minute."""
    end: float
    """End minute."""
    segment: str
    """What this beat is (欢迎进场, 产品讲解, ...)."""
    lines: str
    """The host's word-for-word lines."""
    action: str
    """What the host or assistant does, shows or holds up."""
    interaction: str
    """抽奖, 盖楼, 限时秒杀, 问答, 福袋 or empty."""


class PhaseItem(TypedDict):
    """One of the four phases of a run sheet (开场, 爬坡, 高潮, 落幕)."""

    phase: str
    """The phase's name."""
    start: float
    """Start minute."""
    end: float
    """End minute."""
    goal: str
    """What the phase must achieve."""
    beats: list[BeatItem]
    """Its beats, tiling the phase."""


class FabeItem(TypedDict):
    """The product explained with FABE."""

    feature: str
    """F: what the product is or has."""
    advantage: str
    """A: why that is better."""
    benefit: str
    """B: what the viewer gets from it."""
    evidence: str
    """E: verifiable proof."""


FABE_KEYS: tuple[Literal["feature", "advantage", "benefit", "evidence"], ...] = (
    "feature",
    "advantage",
    "benefit",
    "evidence",
)
"""The keys of ``FabeItem`` in order."""


class LiveScriptReply(TypedDict):
    """A run-sheet answer."""

    title: str
    """The live-room title."""
    minutes: int
    """Total minutes."""
    phases: list[PhaseItem]
    """The four phases in order."""
    fabe: FabeItem
    """The product explained with FABE."""
    recap: str
    """The closing recap, word for word."""


class LiveScriptContent(Content):
    """One run sheet as stored: the checked answer plus its platform and pace."""

    title: str
    """The live-room title."""
    minutes: int
    """Total minutes: the deliverable's length."""
    platform: str | None
    """The live platform, if the deliverable names one."""
    speech_rate: float
    """The speaking rate the lines were checked at."""
    phases: list[PhaseItem]
    """The four phases, re-timed to tile ``0..minutes`` if they had to be."""
    fabe: FabeItem
    """The product explained with FABE."""
    recap: str
    """The closing recap."""


# -- the numbers a prompt states ----------------------------------------------------------


class ChannelLimits(TypedDict):
    """A channel's or platform's numbers as the prompt states them (``channel_limits``)."""

    label_zh: str
    """Its Chinese name."""
    label_en: str
    """Its English name."""
    title_max: int | None
    """Title characters at most; None: no title."""
    title_min: int | None
    """Title characters at least, if the channel has a minimum."""
    title_weighted: bool
    """Titles count ASCII as half."""
    body_max: int | None
    """Body characters at most, if limited."""
    body_fold: int | None
    """Where the body folds, if it does."""
    body_weighted: bool
    """The body counts ASCII as half."""
    hashtags_max: int
    """Topic tags at most (0: none)."""
    sms: bool
    """It is an SMS channel."""


class SmsRules(TypedDict):
    """What an SMS prompt states about billing, signature and opt-out."""

    signature: str
    """The sender signature the SMS starts with."""
    opt_out: str
    """The opt-out text it ends with."""
    single: int
    """Characters of a one-part SMS."""
    long_part: int
    """Characters per part of a long SMS."""
    max_segments: int
    """Billed parts at most (the template variable's name kept for workspace prompts)."""
    max_chars: int
    """Characters at most in all."""


class PostLimits(ChannelLimits):
    """Copy, titles and theme posts: the channel's numbers and emoji budget."""

    emoji_max: int
    """Emoji at most."""
    sms_rules: NotRequired[SmsRules]
    """An SMS only: its billing rule, signature and opt-out."""


class PosterLimits(TypedDict):
    """A poster's caps (ASCII counts half) and bullet count."""

    label_zh: str
    """Empty: a poster has no channel."""
    label_en: str
    """``the poster``."""
    headline_max: int
    """Headline characters at most."""
    subheadline_max: int
    """Subheadline characters at most."""
    bullet_max: int
    """Characters per bullet at most."""
    cta_max: int
    """CTA characters at most."""
    badge_max: int
    """Badge characters at most."""
    bullets_min: int
    """Bullets at least."""
    bullets_max: int
    """Bullets at most."""
    qr: bool
    """The poster prints a QR code."""
    emoji_max: int
    """0: posters take no emoji."""


class VideoScriptLimits(ChannelLimits):
    """A video script: the platform's numbers, its preset and the timing rules."""

    preset_durations: list[int]
    """The platform's suggested lengths in seconds."""
    preset_duration_ok: bool
    """The requested duration is one of them."""
    frame: str
    """Aspect ratio and size."""
    tone_zh: str
    """The platform's tone, in Chinese."""
    tone_en: str
    """The platform's tone, in English."""
    min_shot_seconds: float
    """Seconds a shot lasts at least."""
    customer_max_shots: int
    """Shots a customer script has at most."""
    duration: int
    """The requested seconds."""
    hook_max_seconds: float
    """Seconds the hook lasts at most."""
    speech_rate: float
    """Units a second the voice-over is read at."""
    voiceover_max: int
    """Units of voice-over that fit the duration."""
    cover_max: int
    """Cover-text characters at most."""
    shot_sizes: list[str]
    """The shot sizes to choose from."""
    audience: str
    """Who films it (``crew`` or ``customer``)."""
    emoji_max: int
    """0: scripts take no emoji."""


class PhasePlan(TypedDict):
    """A suggested phase span of a run sheet."""

    phase: str
    """The phase's name."""
    start: int
    """Start minute."""
    end: int
    """End minute."""


class LiveScriptLimits(TypedDict):
    """A run sheet: its phases and suggested minutes, interactions and pace."""

    label_zh: str
    """The platform's Chinese name, or empty."""
    label_en: str
    """The platform's English name, or ``a live stream``."""
    minutes: int
    """The requested minutes."""
    phases: list[str]
    """The phases in order."""
    phase_plan: list[PhasePlan]
    """Suggested minutes per phase."""
    interactions: list[str]
    """The interactions to choose from."""
    required_interactions: list[str]
    """The interactions a stream this long must have."""
    title_max: int
    """Title characters at most."""
    speech_rate: float
    """Units a second the host speaks at."""
    emoji_max: int
    """0: run sheets take no emoji."""


PromptLimits = PostLimits | PosterLimits | VideoScriptLimits | LiveScriptLimits
"""What ``KindSpec.prompt_limits`` returns, one record per family of kinds."""
