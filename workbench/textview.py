"""Plain-text views of variant content, shared by the CLI and the TUI.

Each kind writes its own view (``KindSpec.text`` / ``KindSpec.headline``); a row of an
unknown kind (an older workspace's) shows as ``key: value`` lines.
"""

from __future__ import annotations

from typing import Any

from workbench.kinds import KINDS
from workbench.kinds.base import KindBase
from workbench.store.variantrecord import Variant

_FALLBACK: KindBase[Any, Any] = KindBase()  # ``key: value`` lines


def content_text(kind: str, content: dict[str, Any]) -> str:
    """The whole piece as an operator would read or paste it."""
    spec = KINDS.get(kind)
    return spec.text(content) if spec is not None else _FALLBACK.text(content)


def preview(kind: str, content: dict[str, Any], width: int = 48) -> str:
    """One line, at most ``width`` characters."""
    spec = KINDS.get(kind)
    text = spec.headline(content) if spec is not None else content_text(kind, content)
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def paste_text(variant: Variant) -> str:
    """What an operator pastes into a chat or a post: the whole piece; for a kind that is
    not a standalone piece (a title candidate) its headline alone, without the reviewers'
    angle tag."""
    kind, content = variant.kind, variant.content or {}
    spec = KINDS.get(kind)
    if spec is not None and not spec.standalone:
        return str(spec.headline(content)).strip()
    return content_text(kind, content).strip()
