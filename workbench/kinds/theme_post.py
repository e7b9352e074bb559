"""Theme posts: brand content on a theme with no product (a week plan's theme slots).

Answer shape: ``{"title": str|null, "body": str, "hashtags": [str], "cta": str,
"outline": bool}``, checked like community copy. ``outline`` is true when the text is an
outline a person completes before sending (the offline composer always writes one: it has
the theme and the brand, and no facts about the subject). Each variant is ``{"title",
"body", "hashtags", "cta", "length", "theme", "format", "outline"}``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, cast

from pydantic import Field, create_model

from workbench.kinds.channels import channel
from workbench.kinds.common import Answer, validate
from workbench.kinds.copy import check_copy, post_limits
from workbench.kinds.posts import PostViews
from workbench.kinds.records import PostLimits, ThemePostContent, ThemePostReply

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable

CHANNEL = "community"


@cache
def _model() -> type[BaseModel]:
    spec = channel(CHANNEL)
    return create_model(
        "ThemePost",
        __base__=Answer,
        title=(str | None, Field(description="null, or a short headline line")),
        body=(str, Field(description=f"The group post, at most {spec.body_max} characters")),
        hashtags=(list[str], Field(description="Empty: group posts take no topic tags")),
        cta=(str, Field(description="One easy action for the group, one short line")),
        outline=(
            bool,
            Field(description="true only if this is an outline a person must complete"),
        ),
    )


class ThemePostKind(PostViews[ThemePostContent, ThemePostReply]):
    name = "theme_post"
    angles_zh = ("亲切问候", "生活场景", "小知识", "互动提问", "节令氛围", "群友故事")
    angles_en = (
        "warm greeting",
        "everyday scene",
        "small tip",
        "question for the group",
        "seasonal mood",
        "member story",
    )

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return _model()

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> PostLimits:
        return post_limits(deliverable.target or CHANNEL, lang, brand)

    def example_output(self, content: ThemePostContent) -> ThemePostReply:
        out = super().example_output(content)
        kept = {k: v for k, v in out.items() if k not in ("theme", "format")}  # the slot's
        return cast("ThemePostReply", kept)

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[ThemePostContent]:
        answer = validate(self.response_model(deliverable, count), data)
        values = cast("ThemePostReply", answer.model_dump())  # the model's fields, validated
        content: ThemePostContent = {
            **check_copy(values, channel(CHANNEL), brief),
            "theme": getattr(deliverable, "theme", ""),
            "format": getattr(deliverable, "format", "image_text"),
            "outline": bool(values["outline"]),
        }
        return [content]


__all__ = ["ThemePostKind"]
