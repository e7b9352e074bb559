"""The brief: campaign, product, segments, deliverables, experiment.

This is the contract in DESIGN.md. Unknown keys are errors everywhere (they are usually
typos). Loading from YAML with line-numbered errors lives in ``workbench.brief.loader``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    StringConstraints,
    field_validator,
    model_validator,
)

from workbench.guards.text import clean_text

Goal = Literal["acquire", "activate", "convert", "repurchase", "refer"]
Language = Literal["zh-CN", "en-US"]
Lifecycle = Literal["new", "growing", "mature", "declining", "dormant", "churned", "active"]
Level = Literal["low", "mid", "high"]
Style = Literal["agent", "example", "instruction", "specific", "hybrid"]
Framework = Literal["aida", "fabe", "pas", "story3", "scream", "succes"]
CopyChannel = Literal[
    "community", "moments", "sms", "push", "xiaohongshu", "douyin", "wechat_article"
]
VideoPlatform = Literal["douyin", "channels", "kuaishou", "xiaohongshu"]
ProductForm = Literal["goods", "service"]
Category = Literal[
    "mother_baby",
    "food",
    "beverage",
    "health_food",
    "cosmetics",
    "telecom",
    "finance",
    "education",
    "real_estate",
    "hotel",
    "retail",
    "b2b_service",
    "other",
]
CATEGORIES: tuple[str, ...] = get_args(Category)

STYLES: tuple[str, ...] = ("agent", "example", "instruction", "specific", "hybrid")
FRAMEWORKS: tuple[str, ...] = ("aida", "fabe", "pas", "story3", "scream", "succes")

INSTRUCTION_MAX = 200  # characters of one regenerate instruction
_ID_RE = re.compile(r"^[\w][\w.-]{0,63}$")
HEX_COLOR_PATTERN = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
HexColor = Annotated[str, StringConstraints(pattern=HEX_COLOR_PATTERN)]


class Strict(BaseModel):
    # Numbers in text fields (``name: 618``) are read as text: YAML turns them into ints.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


def slugify(text: str) -> str:
    """A stable id from a name: lower-case words (CJK kept) joined by dashes."""
    slug = re.sub(r"[^\w]+", "-", text.strip().lower()).strip("-_")
    return slug[:64] or "campaign"


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError("must be 1-64 letters, digits, '-', '_' or '.', not starting with one")
    return value


class Brand(Strict):
    name: str = Field(min_length=1, max_length=40, description="Brand name, used in 【signature】")
    voice: str = Field("", description="Brand voice in a few words")
    banned_words: list[str] = Field(default_factory=list, description="Words never to use")
    must_include: list[str] = Field(default_factory=list, description="Words every piece must use")
    colors: list[HexColor] = Field(default_factory=list, description="Brand colours as #RRGGBB")
    logo: str | None = Field(None, description="Logo image path, relative to the brief")


class Product(Strict):
    name: str = Field(min_length=1, max_length=60)
    price: float | None = Field(None, ge=0, description="Price in product.currency")
    selling_points: list[str] = Field(default_factory=list, max_length=12)
    offer: str = Field("", description="The offer, e.g. 会员日满199减50")
    deadline: date | None = Field(None, description="Last day of the offer (ISO date)")
    landing_url: str | None = Field(None, pattern=r"^https?://\S+$")
    short_name: str = Field(
        "", max_length=20, description="Used after the first mention, on posters and in SMS"
    )
    form: ProductForm = Field("goods", description="goods | service (vocabulary, storyboards)")
    category: Category = Field("other", description="Switches on category compliance packs")
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. CNY")
    price_unit: str = Field(
        "", max_length=10, description="Unit of the price: 月, 年, 晚, 盒, month, night..."
    )
    proof: list[str] = Field(
        default_factory=list,
        max_length=12,
        description="Verifiable claims (statistics, social proof) with their source: the only "
        "ones copy may use",
    )
    image: str | None = Field(
        None, description="Product photo for posters, relative to the brief (inside the workspace)"
    )

    @property
    def short(self) -> str:
        """The name used after the first mention: ``short_name`` or ``name``."""
        return self.short_name or self.name


class Campaign(Strict):
    id: str | None = Field(None, description="Slug; derived from name when absent")
    name: str = Field(min_length=1, max_length=80)
    goal: Goal = "convert"
    language: Language = "zh-CN"
    brand: Brand
    product: Product

    @field_validator("id")
    @classmethod
    def _id(cls, value: str | None) -> str | None:
        return None if value is None else _check_id(value)

    @model_validator(mode="after")
    def _default_id(self) -> Campaign:
        if not self.id:
            self.id = slugify(self.name)
        return self

    @property
    def key(self) -> str:
        return self.id or slugify(self.name)


class RFM(Strict):
    recency: Level | None = None
    frequency: Level | None = None
    monetary: Level | None = None


class Segment(Strict):
    id: str
    name: str = Field(min_length=1, max_length=40)
    description: str = ""
    lifecycle: Lifecycle | None = None
    rfm: RFM | None = None
    region: str | None = None
    tone: str | None = None
    interests: list[str] = Field(default_factory=list)
    pain_points: list[str] = Field(default_factory=list)
    address_as: str | None = Field(
        None,
        max_length=20,
        description="How customer-facing text addresses the segment (宝妈们, neighbours); "
        "name, description, rfm and lifecycle are operator notes only",
    )

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return _check_id(value)


def _default_styles() -> list[Style]:
    return ["hybrid"]


class _Deliverable(Strict):
    variants: int = Field(1, ge=1, le=50, description="Variants per segment and style")
    styles: list[Style] = Field(
        default_factory=_default_styles, min_length=1, description="Prompt styles"
    )
    framework: Framework | None = Field(None, description="Copy framework")
    instruction: str | None = Field(
        None,
        max_length=INSTRUCTION_MAX,
        description="One line of the operator's guidance for this deliverable (更口语, "
        "别提云盘, 用重庆话); the prompt carries it as data, below the rules",
    )

    @property
    def target(self) -> str | None:
        """The channel or platform it is written for (posters: none)."""
        return None

    @field_validator("instruction")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is None:
            return None
        line = " ".join(clean_text(value).split())
        return line or None

    @field_validator("styles")
    @classmethod
    def _unique_styles(cls, styles: list[str]) -> list[str]:
        if len(set(styles)) != len(styles):
            raise ValueError("each style may be listed once")
        return styles


class CopyDeliverable(_Deliverable):
    kind: Literal["copy"]
    channel: CopyChannel
    sms_parts: int = Field(
        1,
        ge=1,
        le=6,
        description="SMS billing parts the message may take, 【signature】, opt-out and link "
        "included (channel sms only)",
    )
    max_chars: int | None = Field(
        None, ge=10, le=20000, description="Longest body in characters (overrides the fold)"
    )

    @model_validator(mode="after")
    def _sms_parts_for_sms(self) -> CopyDeliverable:
        if self.sms_parts != 1 and self.channel != "sms":
            raise ValueError("sms_parts applies to channel sms only")
        return self

    @property
    def target(self) -> str | None:
        return self.channel


class TitleDeliverable(_Deliverable):
    kind: Literal["title"]
    channel: CopyChannel

    @property
    def target(self) -> str | None:
        return self.channel


PosterSize = Annotated[list[int], Field(min_length=2, max_length=2)] | StrictStr


class PosterDeliverable(_Deliverable):
    kind: Literal["poster"]
    size: PosterSize | list[PosterSize] = Field("xiaohongshu", description="Preset or [w, h]")
    template: str = Field("bold-sale", description="Poster layout template")
    qr: bool = Field(False, description="QR code to landing_url, tracked per variant")

    @field_validator("size")
    @classmethod
    def _known_size(cls, value: Any) -> Any:
        """Preset names and pixel sizes are checked here, so a typo fails at validate."""
        from workbench.errors import InputError
        from workbench.poster.sizes import parse_sizes

        try:
            parse_sizes(value)
        except InputError as exc:
            raise ValueError(exc.problems[0].message) from None
        return value

    @field_validator("template")
    @classmethod
    def _known_template(cls, value: str) -> str:
        from workbench.locations import resource_dir

        known = sorted(p.stem for p in (resource_dir("templates") / "posters").glob("*.yaml"))
        if known and value not in known:
            raise ValueError(f"unknown poster template {value!r}; known: {', '.join(known)}")
        return value


class VideoScriptDeliverable(_Deliverable):
    kind: Literal["video_script"]
    platform: VideoPlatform = "douyin"
    duration: int = Field(30, ge=5, le=600, description="Seconds")
    audience: Literal["crew", "customer"] = Field(
        "crew", description="crew: staff shoot it; customer: a co-creation script for one phone"
    )
    speech_rate: float | None = Field(
        None,
        gt=0,
        le=12,
        description="Voice-over pace: Chinese characters (zh-CN) or words (en-US) per second; "
        "absent: the workspace setting (4 and 2.5 by default)",
    )

    @property
    def target(self) -> str | None:
        return self.platform


class LiveScriptDeliverable(_Deliverable):
    kind: Literal["live_script"]
    minutes: int = Field(60, ge=10, le=480, description="Length of the live stream in minutes")
    platform: VideoPlatform | None = Field(None, description="Live-stream platform, if any")
    speech_rate: float | None = Field(
        None, gt=0, le=12, description="Host's pace (characters or words per second)"
    )

    @property
    def target(self) -> str | None:
        return self.platform


class ThemePostDeliverable(_Deliverable):
    """Brand content on a theme, with no product (a week plan's theme slot, issue 15)."""

    kind: Literal["theme_post"]
    theme: str = Field(min_length=1, max_length=100, description="What the piece is about")
    channel: Literal["community"] = "community"
    format: Literal["image_text", "poster_copy", "short_video"] = Field(
        "image_text", description="image_text: group post; poster_copy: poster + post; "
        "short_video: video outline + post"
    )

    @property
    def target(self) -> str | None:
        return self.channel


Deliverable = Annotated[
    CopyDeliverable
    | TitleDeliverable
    | PosterDeliverable
    | VideoScriptDeliverable
    | LiveScriptDeliverable
    | ThemePostDeliverable,
    Field(discriminator="kind"),
]


class Experiment(Strict):
    metric: Literal["click", "conversion", "share"] = "conversion"
    alpha: float = Field(default=0.05, gt=0, lt=0.5)


SegmentId = Annotated[str, Field(description="A segment id from the workspace segments.yaml")]


class Brief(Strict):
    campaign: Campaign
    segments: list[SegmentId | Segment] = Field(
        min_length=1, description="Audience segments: library ids or inline segments"
    )
    deliverables: list[Deliverable] = Field(
        min_length=1, description="What to generate for every segment"
    )
    experiment: Experiment = Field(default_factory=lambda: Experiment())

    def resolved_segments(self) -> list[Segment]:
        """Segments after the loader resolved library ids (all inline by then)."""
        return [s for s in self.segments if isinstance(s, Segment)]

    def segment(self, segment_id: str) -> Segment:
        for s in self.resolved_segments():
            if s.id == segment_id:
                return s
        raise KeyError(segment_id)
