"""Copy: a post, message, note or SMS for one channel.

Answer shape: ``{"title": str|null, "body": str, "hashtags": [str], "cta": str}``. The
channel's limits (``workbench.kinds.channels``) are checked after validation; safe repairs
(SMS signature and opt-out, hashtag cap) are applied first and listed under ``repairs``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, cast

from pydantic import Field, create_model

from workbench.kinds.channels import (
    CHANNELS,
    SMS_LONG_PART,
    SMS_SINGLE,
    channel,
    sms_count,
    sms_max_chars,
    sms_opt_out,
    sms_signature,
)
from workbench.kinds.common import (
    Answer,
    Problems,
    check_banned,
    clean_hashtags,
    language,
    validate,
)
from workbench.kinds.posts import PostViews, channel_limits, copy_limit_fields
from workbench.kinds.records import CopyContent, CopyReply, PostLimits

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable
    from workbench.kinds.base import LimitField
    from workbench.kinds.channels import ChannelSpec


opt_out_text = sms_opt_out  # the name the offline composer imports (channels.sms_opt_out)


@cache
def _model_for(channel_id: str) -> type[BaseModel]:
    spec = channel(channel_id)
    if spec.sms:
        title_doc = "null: an SMS has no title"
        body_doc = (
            f"The full SMS as sent: starts with the 【brand】 signature, ends with the opt-out, "
            f"at most {sms_max_chars(spec)} characters in all"
        )
    else:
        title_doc = (
            f"Title, at most {spec.title_max} characters{spec.counting_note}"
            if spec.title_max
            else "null, or a short headline line"
        )
        body_doc = f"The text, at most {spec.body_max} characters"
    tags_doc = (
        f"Topic tags without '#', at most {spec.hashtags_max}"
        if spec.hashtags_max
        else "Empty: this channel takes no topic tags"
    )
    return create_model(
        f"Copy_{channel_id}",
        __base__=Answer,
        title=(str | None, Field(description=title_doc)),
        body=(str, Field(description=body_doc)),
        hashtags=(list[str], Field(description=tags_doc)),
        cta=(str, Field(description="The call to action, one short line")),
    )


def post_limits(channel_id: str, lang: str, brand: str) -> PostLimits:
    """The prompt's numbers for copy, a title or a theme post on a channel (an SMS also:
    its billing rule, signature and opt-out)."""
    spec = CHANNELS[channel_id]
    limits: PostLimits = {**channel_limits(spec), "emoji_max": spec.emoji_max}
    if spec.sms:
        limits["sms_rules"] = {
            "signature": sms_signature(brand, lang),
            "opt_out": sms_opt_out(lang),
            "single": SMS_SINGLE,
            "long_part": SMS_LONG_PART,
            "max_segments": spec.sms_max_parts,  # template variable name kept (workspace prompts)
            "max_chars": sms_max_chars(spec),
        }
    return limits


class CopyKind(PostViews[CopyContent, CopyReply]):
    name = "copy"
    angles_zh = (
        "痛点切入",
        "利益直给",
        "场景还原",
        "用户证言口吻",
        "价格锚点与分拆",
        "情感共鸣",
        "数据对比",
        "邻里口碑",
        "节令氛围",
        "限时福利",
    )
    angles_en = (
        "pain point first",
        "straight benefit",
        "scene restoration",
        "customer testimony voice",
        "price anchoring and splitting",
        "emotional resonance",
        "data comparison",
        "neighbourhood word of mouth",
        "seasonal mood",
        "limited-time perk",
    )
    tracked_links = True
    frameworks = True

    def limit_fields(self, content: CopyContent, target: str | None) -> list[LimitField]:
        return copy_limit_fields(content, target)

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> PostLimits:
        return post_limits(_channel_id(deliverable), lang, brand)

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return _model_for(_channel_id(deliverable))

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[CopyContent]:
        spec = channel(_channel_id(deliverable))
        answer = validate(self.response_model(deliverable, count), data)
        values = cast("CopyReply", answer.model_dump())  # the model's fields, validated
        return [check_copy(values, spec, brief)]


def _channel_id(deliverable: Deliverable) -> str:
    ch = getattr(deliverable, "channel", None)
    if not isinstance(ch, str):
        raise TypeError(f"a {deliverable.kind} deliverable has no channel")
    return ch


def check_copy(values: CopyReply, spec: ChannelSpec, brief: Brief) -> CopyContent:
    """Check one copy against its channel; repairs first, then every problem at once."""
    problems = Problems()
    lang = language(brief)
    title: str | None = values["title"] or None
    body: str = values["body"]
    cta: str = values["cta"]
    hashtags = clean_hashtags(values["hashtags"], spec.hashtags_max, "hashtags", problems)

    if spec.sms and title is not None:
        title = None
        problems.repair("title: dropped (an SMS has no title)")
    if spec.title_max is not None:
        if title is None:
            problems.add("title", f"required on {spec.id}; at most {spec.title_max} characters")
        else:
            n = spec.title_length(title)
            if n > spec.title_max:
                problems.add(
                    "title",
                    f"is {n} characters{spec.counting_note}; the limit is {spec.title_max}",
                )
            if spec.title_min is not None and n < spec.title_min:
                problems.add("title", f"is {n} characters; the minimum is {spec.title_min}")
    if not body:
        problems.add("body", "is empty")
    if not cta:
        problems.add("cta", "is empty")

    sms: tuple[int, int] | None = None  # an SMS: its length and billed parts
    if spec.sms and body:
        body = _repair_sms(body, brief.campaign.brand.name, lang, problems)
        n = len(body)
        parts = sms_count(body)
        sms = (n, parts)
        inner = body[len(sms_signature(brief.campaign.brand.name, lang)) :]
        if "【" in inner or "】" in inner:
            problems.add("body", "contains 【】 after the signature; carriers reject that")
        if parts > spec.sms_max_parts:
            problems.add(
                "body",
                f"is {n} characters as carriers count them (signature and opt-out included), "
                f"billed as {parts} parts; the limit is {spec.sms_max_parts} parts "
                f"({sms_max_chars(spec)} characters)",
            )
    if spec.body_max is not None and body:
        n = spec.body_length(body)
        if n > spec.body_max:
            note = " (ASCII counts half)" if spec.body_weighted else ""
            problems.add("body", f"is {n} characters{note}; the limit is {spec.body_max}")

    fields = {"title": title or "", "body": body, "cta": cta}
    fields.update({f"hashtags[{i}]": t for i, t in enumerate(hashtags)})
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    content: CopyContent = {
        "title": title,
        "body": body,
        "hashtags": hashtags,
        "cta": cta,
        "length": len(body),
    }
    if sms is not None:
        content["sms_length"], content["sms_segments"] = sms
    return problems.attach(content)


def _repair_sms(body: str, brand: str, lang: str, problems: Problems) -> str:
    sig = sms_signature(brand, lang)
    zh_sig = sms_signature(brand)
    if sig != zh_sig and body.startswith(zh_sig):  # 【】 would make an English SMS UCS-2
        body = sig + body[len(zh_sig) :].lstrip()
        problems.repair(f"body: signature {zh_sig} written as {sig.strip()}")
    if not body.startswith(sig):
        if sig in body:
            body = sig + body.replace(sig, "", 1).strip()
            problems.repair(f"body: moved the signature {sig} to the start")
        elif not body.startswith("【"):
            body = sig + body
            problems.repair(f"body: added the signature {sig}")
    opt = opt_out_text(lang)
    if opt.lower() not in body.lower():
        sep = " " if lang == "en-US" else ("" if body[-1] in "，。！？,.!?；;" else "，")
        body = f"{body}{sep}{opt}"
        problems.repair(f"body: added the opt-out “{opt}”")
    if not body.startswith(sig):
        problems.add("body", f"must start with the brand signature {sig}")
    return body


__all__ = ["CopyKind", "check_copy", "opt_out_text", "sms_max_chars"]
