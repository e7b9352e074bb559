"""The variables a prompt renders with, built from a ``JobContext``.

Everything here is JSON-serialisable: it is stored with every generation so a variant can
be traced to its prompt. Free text from the brief and the segment lives under ``data`` and
is printed by templates only inside data blocks; the rest are enum values and numbers.
Limits come from each kind's ``prompt_limits`` and angles from its ``angles``; templates
never hard-code them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.kinds import get_kind

if TYPE_CHECKING:
    from workbench.kinds.records import PromptLimits
    from workbench.llm.base import JobContext

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


def _brief_facts(job: JobContext) -> dict[str, Any]:
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


def _segment_facts(job: JobContext) -> dict[str, Any]:
    s = job.segment
    facts: dict[str, Any] = {"name": s.name, "description": s.description}
    if s.lifecycle:
        facts["lifecycle"] = s.lifecycle
    if s.rfm is not None:
        facts["rfm"] = s.rfm.model_dump(exclude_none=True)
    for key in ("region", "tone"):
        value = getattr(s, key)
        if value:
            facts[key] = value
    if s.interests:
        facts["interests"] = list(s.interests)
    if s.pain_points:
        facts["pain_points"] = list(s.pain_points)
    return facts


def build_variables(
    job: JobContext,
    *,
    style: str,
    examples: list[dict[str, Any]],
    json_schema: dict[str, Any] | None,
    json_mode: str,
) -> dict[str, Any]:
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


def _data(job: JobContext) -> dict[str, Any]:
    """The free text a template may print, only inside data blocks: the brief's facts, the
    segment and (a regeneration with guidance) the operator's one-line instruction."""
    data: dict[str, Any] = {"brief": _brief_facts(job), "segment": _segment_facts(job)}
    if job.deliverable.instruction:
        data["instruction"] = job.deliverable.instruction
    return data
