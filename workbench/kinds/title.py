"""Titles: one call yields every candidate title of a deliverable, each with its angle.

Answer shape: ``{"titles": [{"text": str, "angle": str}]}`` with exactly ``count`` items;
each becomes one variant ``{"text", "angle", "length"}``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from pydantic import Field, create_model

from workbench.kinds.base import KindBase, LimitField
from workbench.kinds.channels import CHANNELS, TITLE_FALLBACK_MAX, ChannelSpec, channel
from workbench.kinds.common import Answer, Problems, check_banned, validate
from workbench.kinds.copy import post_limits
from workbench.kinds.records import PostLimits, TitleCandidate, TitleContent, TitleReply

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable


_NORM_RE = re.compile(r"[\s\W_]+")


class TitleItem(Answer):
    text: str = Field(description="The title")
    angle: str = Field(description="Its angle, e.g. 数字型, 痛点型, 好奇型, 利益型, 身份型")


@lru_cache(maxsize=256)
def _model_for(channel_id: str, count: int) -> type[BaseModel]:
    spec = channel(channel_id)
    return create_model(
        f"Titles_{channel_id}_{count}",
        __base__=Answer,
        titles=(
            list[TitleItem],
            Field(
                description=(
                    f"Exactly {count} different titles, each at most {spec.title_limit} "
                    f"characters{spec.counting_note}"
                )
            ),
        ),
    )


def normalise(text: str) -> str:
    """Key for duplicate detection: case, spaces and punctuation ignored."""
    return _NORM_RE.sub("", text.lower())


class TitleKind(KindBase[TitleContent, TitleReply]):
    name = "title"
    angles_zh = (
        "好奇型",
        "数字型",
        "痛点型",
        "利益型",
        "身份型",
        "反差型",
        "场景型",
        "提问型",
        "对比型",
        "情绪型",
    )
    angles_en = (
        "curiosity",
        "number",
        "pain point",
        "benefit",
        "identity",
        "contrast",
        "scene",
        "question",
        "comparison",
        "emotion",
    )
    standalone = False

    def text(self, content: TitleContent) -> str:
        angle = content.get("angle")
        return f"{content.get('text', '')}" + (f"  〔{angle}〕" if angle else "")

    def headline(self, content: TitleContent) -> str:
        return str(content.get("text", ""))

    def counts(self, content: TitleContent, target: str | None) -> dict[str, int]:
        text, spec = content.get("text"), CHANNELS.get(target or "")
        return {"length": spec.title_length(text)} if isinstance(text, str) and spec else {}

    def example_output(self, content: TitleContent) -> TitleReply:
        candidate = cast("TitleCandidate", super().example_output(content))
        return {"titles": [candidate]}  # the answer lists the titles

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> PostLimits:
        limits = post_limits(_channel_id(deliverable), lang, brand)
        if limits["title_max"] is None:
            limits["title_max"] = TITLE_FALLBACK_MAX
        return limits

    def limit_fields(self, content: TitleContent, target: str | None) -> list[LimitField]:
        spec = CHANNELS.get(target or "")
        if spec is None or spec.title_max is None:
            return []
        return [LimitField("text", str(content.get("text") or ""), spec, "title")]

    def call_size(self, deliverable: Deliverable) -> int:
        return deliverable.variants

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return _model_for(_channel_id(deliverable), count)

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[TitleContent]:
        spec = channel(_channel_id(deliverable))
        answer = cast(
            "TitleReply", validate(self.response_model(deliverable, count), data).model_dump()
        )
        items = [(t["text"], t["angle"]) for t in answer["titles"]]
        return check_titles(items, spec, brief, count)


def _channel_id(deliverable: Deliverable) -> str:
    ch = getattr(deliverable, "channel", None)
    if not isinstance(ch, str):
        raise TypeError(f"a {deliverable.kind} deliverable has no channel")
    return ch


def check_titles(
    items: list[tuple[str, str]], spec: ChannelSpec, brief: Brief, count: int
) -> list[TitleContent]:
    problems = Problems()
    if len(items) > count:
        problems.repair(f"titles: kept the first {count} of {len(items)} titles")
        items = items[:count]
    elif len(items) < count:
        problems.add("titles", f"has {len(items)} titles; exactly {count} are needed")
    limit = spec.title_limit
    seen: dict[str, int] = {}
    fields: dict[str, str] = {}
    for i, (text, angle) in enumerate(items):
        path = f"titles[{i}]"
        if not text:
            problems.add(f"{path}.text", "is empty")
            continue
        if not angle:
            problems.add(f"{path}.angle", "is empty")
        n = spec.title_length(text)
        if n > limit:
            note = spec.counting_note
            problems.add(f"{path}.text", f"is {n} characters{note}; the limit is {limit}")
        if spec.title_min is not None and n < spec.title_min:
            problems.add(f"{path}.text", f"is {n} characters; the minimum is {spec.title_min}")
        key = normalise(text)
        if key in seen:
            problems.add(f"{path}.text", f"duplicates titles[{seen[key]}]; write a different one")
        else:
            seen[key] = i
        fields[f"{path}.text"] = text
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    out: list[TitleContent] = [
        {"text": t, "angle": a, "length": spec.title_length(t)} for t, a in items
    ]
    if problems.repairs:
        for content in out:
            problems.attach(content)
    return out
