"""Poster size presets (channels-and-fonts.md §1.9) and the shape class a layout adapts to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError, Problem

PRESETS: dict[str, tuple[int, int]] = {
    "xiaohongshu": (1080, 1440),
    "douyin": (1080, 1920),
    "channels": (1080, 1920),
    "moments": (1080, 1920),
    "square": (1080, 1080),
    "wechat_cover": (900, 383),
    "a4": (2480, 3508),
}
MIN_SIDE, MAX_SIDE = 200, 5000
SHAPES = ("tall", "portrait", "square", "wide", "banner")
# A layout missing for a shape falls back along this chain (every template has portrait
# and banner, so every chain ends somewhere).
SHAPE_FALLBACK: dict[str, tuple[str, ...]] = {
    "tall": ("tall", "portrait", "square"),
    "portrait": ("portrait", "tall", "square"),
    "square": ("square", "portrait", "tall"),
    "wide": ("wide", "banner", "square"),
    "banner": ("banner", "wide"),
}
_WXH = re.compile(r"^\s*(\d{2,5})\s*[x×X*,]\s*(\d{2,5})\s*$")


@dataclass(frozen=True)
class PosterSize:
    width: int
    height: int
    preset: str | None = None

    @property
    def label(self) -> str:
        """The preset name, or ``WxH`` (used in file names)."""
        return self.preset or f"{self.width}x{self.height}"

    @property
    def shape(self) -> str:
        return shape_of(self.width, self.height)


def shape_of(width: int, height: int) -> str:
    ratio = height / width
    if ratio >= 1.6:
        return "tall"
    if ratio >= 1.15:
        return "portrait"
    if ratio > 1 / 1.15:
        return "square"
    if ratio > 1 / 1.9:
        return "wide"
    return "banner"


def _bad(spec: Any, message: str, field: str = "size") -> InputError:
    return InputError(Problem("poster", None, field, f"{spec!r}: {message}"))


def parse_size(spec: Any, field: str = "size") -> PosterSize:
    """A preset name, ``"1080x1440"`` or ``[1080, 1440]`` -> PosterSize."""
    if isinstance(spec, str):
        name = spec.strip().lower().replace("-", "_")
        if name in PRESETS:
            w, h = PRESETS[name]
            return PosterSize(w, h, name)
        match = _WXH.match(spec)
        if not match:
            known = ", ".join(PRESETS)
            raise _bad(spec, f"unknown size; use one of {known} or WIDTHxHEIGHT", field)
        w, h = int(match.group(1)), int(match.group(2))
    elif (
        isinstance(spec, Sequence)
        and len(spec) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in spec)
    ):
        w, h = int(spec[0]), int(spec[1])
    else:
        raise _bad(spec, "expected a preset name or [width, height]", field)
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise _bad(spec, f"width and height must be {MIN_SIDE}-{MAX_SIDE} pixels", field)
    for name, (pw, ph) in PRESETS.items():
        if (pw, ph) == (w, h) and name in ("xiaohongshu", "square", "wechat_cover", "a4"):
            return PosterSize(w, h, name)
    return PosterSize(w, h, None)


def parse_sizes(spec: Any, field: str = "size") -> list[PosterSize]:
    """One size or a list of sizes (a brief's ``size``, or repeated/comma-separated flags)."""
    if isinstance(spec, str):
        parts = [p for p in spec.split(",") if p.strip()] if "," in spec else [spec]
        return _unique([parse_size(p, field) for p in parts])
    if isinstance(spec, Sequence) and len(spec) == 2 and all(isinstance(v, int) for v in spec):
        return [parse_size(list(spec), field)]
    if isinstance(spec, Sequence) and spec:
        sizes: list[PosterSize] = []
        for item in spec:
            sizes.extend(parse_sizes(item, field))
        return _unique(sizes)
    raise _bad(spec, "expected a preset name, [width, height] or a list of them", field)


def _unique(sizes: list[PosterSize]) -> list[PosterSize]:
    seen: dict[tuple[int, int, str | None], PosterSize] = {}
    for s in sizes:
        seen.setdefault((s.width, s.height, s.preset), s)
    return list(seen.values())
