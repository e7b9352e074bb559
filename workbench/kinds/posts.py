"""What copy and theme posts share: a title, a body, hashtags and a call to action."""

from __future__ import annotations

from typing import TypeVar

from workbench.kinds.base import KindBase, LimitField, R
from workbench.kinds.channels import CHANNELS, ChannelSpec, sms_count
from workbench.kinds.records import ChannelLimits, CopyContent

P = TypeVar("P", bound=CopyContent)
"""A post's stored content (``CopyContent`` or ``ThemePostContent``)."""


def channel_limits(spec: ChannelSpec) -> ChannelLimits:
    """A channel's or platform's numbers as the prompt states them."""
    return {
        "label_zh": spec.label_zh,
        "label_en": spec.label_en,
        "title_max": spec.title_max,
        "title_min": spec.title_min,
        "title_weighted": spec.title_weighted,
        "body_max": spec.body_max,
        "body_fold": spec.body_fold,
        "body_weighted": spec.body_weighted,
        "hashtags_max": spec.hashtags_max,
        "sms": spec.sms,
    }


class PostViews(KindBase[P, R]):
    """Text views of a post (``copy``, ``theme_post``): they read the copy fields only."""

    def text(self, content: CopyContent) -> str:
        body = content.get("body", "")
        cta = content.get("cta") or ""
        parts = [content.get("title") or "", body]
        tags = " ".join(f"#{t}" for t in content.get("hashtags") or [])
        parts += [tags, "" if cta in body else cta]
        return "\n".join(p for p in parts if p)

    def headline(self, content: CopyContent) -> str:
        return str(content.get("title") or content.get("body", ""))

    def counts(self, content: CopyContent, target: str | None) -> dict[str, int]:
        body = content.get("body")
        if not isinstance(body, str):
            return {}
        out = {"length": len(body)}
        if "sms_length" in content:  # an SMS, as parse stored it
            out |= {"sms_length": len(body), "sms_segments": sms_count(body)}
        return out


def copy_limit_fields(content: CopyContent, target: str | None) -> list[LimitField]:
    """Copy on a channel: a whole SMS, or a title and a body."""
    spec = CHANNELS.get(target or "")
    if spec is None:
        return []
    body = str(content.get("body") or "")
    if spec.sms:
        return [LimitField("body", body, spec, "sms")]
    title = str(content.get("title") or "")
    return [LimitField("title", title, spec, "title"), LimitField("body", body, spec, "body")]
