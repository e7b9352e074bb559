"""What copy and theme posts share: a title, a body, hashtags and a call to action."""

from __future__ import annotations

from typing import Any

from workbench.kinds.base import KindBase, LimitField
from workbench.kinds.channels import CHANNELS


class PostViews(KindBase):
    """Text views of a post (``copy``, ``theme_post``)."""

    def text(self, content: dict[str, Any]) -> str:
        body = content.get("body", "")
        cta = content.get("cta") or ""
        parts = [content.get("title") or "", body]
        tags = " ".join(f"#{t}" for t in content.get("hashtags") or [])
        parts += [tags, "" if cta in body else cta]
        return "\n".join(p for p in parts if p)

    def headline(self, content: dict[str, Any]) -> str:
        return str(content.get("title") or content.get("body", ""))


def copy_limit_fields(content: dict[str, Any], target: str | None) -> list[LimitField]:
    """Copy on a channel: a whole SMS, or a title and a body."""
    spec = CHANNELS.get(target or "")
    if spec is None:
        return []
    body = str(content.get("body") or "")
    if spec.sms:
        return [LimitField("body", body, spec, "sms")]
    title = str(content.get("title") or "")
    return [LimitField("title", title, spec, "title"), LimitField("body", body, spec, "body")]
