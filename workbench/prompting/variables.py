"""The variables a prompt renders with, built from a ``JobContext``.

Everything here is JSON-serialisable: it is stored with every generation so a variant can
be traced to its prompt. Free text from the brief and the segment lives under ``data`` and
is printed by templates only inside data blocks; the rest are enum values and numbers.
Limits come from each kind's ``prompt_limits`` and angles from its ``angles``; templates
never hard-code them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from pydantic import JsonValue

from workbench.kinds import get_kind

if TYPE_CHECKING:
    from workbench.kinds.records import PromptLimits
    from workbench.llm.base import JobContext
    from workbench.prompting.examples import ExampleVariables


class BrandFacts(TypedDict):
    """The brand as the prompt's data block states it."""

    name: str
    """The brand's name."""
    voice: str
    """Its voice in a few words."""
    must_include: list[str]
    """Words every piece must use."""
    banned_words: list[str]
    """Words no piece may use."""


class ProductFacts(TypedDict):
    """The product and offer as the prompt's data block states them."""

    name: str
    """The product's name."""
    price: float | None
    """Its price, if the brief gives one."""
    selling_points: list[str]
    """Its selling points."""
    offer: str
    """The offer (may be empty)."""
    deadline: str | None
    """The offer's last day (ISO date), if any."""
    landing_url: str | None
    """The landing page, if any."""


class BriefFacts(TypedDict):
    """The brief's facts a prompt may print (free text: data blocks only)."""

    campaign: str
    """The campaign's name."""
    brand: BrandFacts
    """The brand."""
    product: ProductFacts
    """The product and offer."""


class SegmentFacts(TypedDict):
    """The audience segment as the prompt's data block states it (empty facts left out)."""

    name: str
    """The segment's name."""
    description: str
    """Its description."""
    lifecycle: NotRequired[str]
    """Its lifecycle stage (``new``, ``active``, ...)."""
    rfm: NotRequired[dict[str, str]]
    """Its RFM levels (the ones set)."""
    region: NotRequired[str]
    """Its region."""
    tone: NotRequired[str]
    """The tone to address it in."""
    interests: NotRequired[list[str]]
    """Its interests."""
    pain_points: NotRequired[list[str]]
    """Its pain points."""


class PromptData(TypedDict):
    """The template variable ``data``: the free text a template prints inside data blocks."""

    brief: BriefFacts
    """The brief's facts."""
    segment: SegmentFacts
    """The segment's facts."""
    instruction: NotRequired[str]
    """A regeneration's one-line guidance from the operator."""


class PromptVariables(TypedDict):
    """Every variable a style template may read, stored with the generation (JSON)."""

    lang: str
    """The campaign language (``zh-CN`` or ``en-US``)."""
    zh: bool
    """The language is not en-US."""
    style: str
    """The style rendered (``instruction`` when ``example`` had no examples)."""
    requested_style: str
    """The style the job asked for."""
    kind: str
    """The content kind."""
    channel: str | None
    """The deliverable's channel, if it has one."""
    platform: str | None
    """The deliverable's video or live platform, if it has one."""
    framework: str | None
    """The copywriting framework asked for, if any."""
    goal: str
    """The campaign goal."""
    industry: str
    """The industry guessed from brand and product words."""
    lifecycle: str | None
    """The segment's lifecycle stage, if set."""
    segment_id: str
    """The segment's id."""
    deliverable_index: int
    """Which deliverable of the brief (0-based)."""
    deliverable: dict[str, JsonValue]
    """The deliverable as JSON."""
    count: int
    """How many variants this call writes."""
    variant_index: int
    """The first variant's index within the job."""
    variant_number: int
    """``variant_index + 1``."""
    round: int
    """The generation round."""
    angles: list[str]
    """One angle per variant of the call."""
    angle: str
    """The first of them."""
    limits: PromptLimits
    """The kind's numbers (``KindSpec.prompt_limits``)."""
    data: PromptData
    """The free text: data blocks only."""
    examples: list[ExampleVariables]
    """Few-shot examples (``example`` and ``hybrid`` styles)."""
    json_schema: dict[str, Any] | None
    """The answer's JSON Schema (``KindSpec.json_schema``), if the prompt states it."""
    json_mode: str
    """How the answer is constrained: ``json_schema``, ``json_object`` or ``none``."""


# Industry guessed from brand and product words (the persona's trade); retail otherwise.
INDUSTRY_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mother_baby", ("母婴", "婴", "宝宝", "奶粉", "辅食", "孕", "童", "baby", "mom")),
    ("telecom", ("流量", "套餐", "宽带", "5G", "话费", "手机卡", "通信", "移动", "联通", "电信")),
    ("banking", ("银行", "信用卡", "理财", "存款", "贷款", "bank")),
    ("fnb", ("茶", "咖啡", "餐", "饮", "烘焙", "火锅", "面包", "奶茶", "coffee", "tea")),
)


def guess_industry(job: JobContext) -> str:
    c = job.brief.campaign
    text = " ".join([c.brand.name, c.product.name, *c.product.selling_points]).lower()
    for industry, words in INDUSTRY_HINTS:
        if any(word.lower() in text for word in words):
            return industry
    return "retail"


def limits_for(job: JobContext) -> PromptLimits:
    """The numbers the prompt states for this job's kind and channel or platform."""
    d = job.deliverable
    campaign = job.brief.campaign
    return get_kind(d.kind).prompt_limits(d, campaign.language, campaign.brand.name)


def angles_for(kind: str, lang: str, variant_index: int, count: int) -> list[str]:
    table = get_kind(kind).angles(lang)
    return [table[(variant_index + k) % len(table)] for k in range(max(count, 1))]


def _brief_facts(job: JobContext) -> BriefFacts:
    c = job.brief.campaign
    p = c.product
    return {
        "campaign": c.name,
        "brand": {
            "name": c.brand.name,
            "voice": c.brand.voice,
            "must_include": list(c.brand.must_include),
            "banned_words": list(c.brand.banned_words),
        },
        "product": {
            "name": p.name,
            "price": p.price,
            "selling_points": list(p.selling_points),
            "offer": p.offer,
            "deadline": p.deadline.isoformat() if p.deadline else None,
            "landing_url": p.landing_url,
        },
    }


def _segment_facts(job: JobContext) -> SegmentFacts:
    s = job.segment
    facts: SegmentFacts = {"name": s.name, "description": s.description}
    if s.lifecycle:
        facts["lifecycle"] = s.lifecycle
    if s.rfm is not None:
        facts["rfm"] = s.rfm.model_dump(exclude_none=True)
    if s.region:
        facts["region"] = s.region
    if s.tone:
        facts["tone"] = s.tone
    if s.interests:
        facts["interests"] = list(s.interests)
    if s.pain_points:
        facts["pain_points"] = list(s.pain_points)
    return facts


def build_variables(
    job: JobContext,
    *,
    style: str,
    examples: list[ExampleVariables],
    json_schema: dict[str, Any] | None,
    json_mode: str,
) -> PromptVariables:
    """Every variable a style template may read (all JSON-serialisable)."""
    d = job.deliverable
    lang = job.brief.campaign.language
    channel = getattr(d, "channel", None)
    platform = getattr(d, "platform", None)
    angles = angles_for(d.kind, lang, job.variant_index, job.count)
    return {
        "lang": lang,
        "zh": lang != "en-US",
        "style": style,
        "requested_style": job.style,
        "kind": d.kind,
        "channel": channel,
        "platform": platform,
        "framework": d.framework,
        "goal": job.brief.campaign.goal,
        "industry": guess_industry(job),
        "lifecycle": job.segment.lifecycle,
        "segment_id": job.segment.id,
        "deliverable_index": job.deliverable_index,
        "deliverable": d.model_dump(mode="json"),
        "count": job.count,
        "variant_index": job.variant_index,
        "variant_number": job.variant_index + 1,
        "round": job.round,
        "angles": angles,
        "angle": angles[0],
        "limits": limits_for(job),
        "data": _data(job),
        "examples": examples,
        "json_schema": json_schema,
        "json_mode": json_mode,
    }


def _data(job: JobContext) -> PromptData:
    """The free text a template may print, only inside data blocks: the brief's facts, the
    segment and (a regeneration with guidance) the operator's one-line instruction."""
    data: PromptData = {"brief": _brief_facts(job), "segment": _segment_facts(job)}
    if job.deliverable.instruction:
        data["instruction"] = job.deliverable.instruction
    return data
