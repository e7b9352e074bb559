"""Content kinds: output models, validation and channel limits, one module per kind."""

from __future__ import annotations

from typing import Any

from workbench.kinds.base import ContentError, KindSpec
from workbench.kinds.copy import CopyKind
from workbench.kinds.live_script import LiveScriptKind
from workbench.kinds.poster import PosterKind
from workbench.kinds.theme_post import ThemePostKind
from workbench.kinds.title import TitleKind
from workbench.kinds.video_script import VideoScriptKind

_ALL: tuple[KindSpec[Any, Any], ...] = (
    CopyKind(),
    TitleKind(),
    PosterKind(),
    VideoScriptKind(),
    LiveScriptKind(),
    ThemePostKind(),
)
KINDS: dict[str, KindSpec[Any, Any]] = {kind.name: kind for kind in _ALL}
"""Every kind by name. Kinds differ in their content records (``workbench.kinds.records``):
a caller dispatching by name holds stored JSON and passes it to the kind, which reads it as
its own record."""


def get_kind(name: str) -> KindSpec[Any, Any]:
    """The kind called ``name``; ``KeyError`` naming the known kinds otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown content kind {name!r}; known: {', '.join(KINDS)}") from None


__all__ = ["KINDS", "ContentError", "KindSpec", "get_kind"]
