"""Colours: parsing, WCAG contrast, the brand palette a template's roles resolve to, and
picking a text colour that reads (contrast >= 4.5) against whatever is behind it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

RGB = tuple[int, int, int]
MIN_CONTRAST = 4.5
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)


def parse_hex(value: str) -> RGB:
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a colour: {value!r}")
    n = int(text, 16)
    return ((n >> 16) & 255, (n >> 8) & 255, n & 255)


def to_hex(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``t`` = 0 gives ``a``, 1 gives ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def deepen_for(color: RGB, text: RGB, target: float = MIN_CONTRAST + 0.6) -> RGB:
    """``color`` moved towards black (or white) just enough for ``text`` to read on it."""
    if contrast(color, text) >= target:
        return color
    toward = BLACK if luminance(text) > 0.5 else WHITE
    for step in range(1, 101):
        candidate = mix(color, toward, step / 100)
        if contrast(candidate, text) >= target:
            return candidate
    return toward


def min_contrast(color: RGB, backgrounds: Iterable[RGB]) -> float:
    return min((contrast(color, bg) for bg in backgrounds), default=21.0)


def readable(preferred: Sequence[RGB], backgrounds: Sequence[RGB]) -> RGB:
    """The first preferred colour with contrast >= 4.5 against every background sample,
    else black or white, whichever has the better worst case."""
    for color in preferred:
        if min_contrast(color, backgrounds) >= MIN_CONTRAST:
            return color
    return max((BLACK, WHITE), key=lambda c: min_contrast(c, backgrounds))


@dataclass(frozen=True)
class Palette:
    """Named colour roles. Templates refer to roles; the brand kit fills them."""

    roles: Mapping[str, RGB]

    def get(self, name: str) -> RGB:
        if name.startswith("#"):
            return parse_hex(name)
        try:
            return self.roles[name]
        except KeyError:
            raise KeyError(f"unknown colour role {name!r}") from None


ROLE_NAMES = (
    "primary",
    "primary_deep",
    "primary_dark",
    "primary_light",
    "secondary",
    "accent",
    "accent_deep",
    "paper",
    "ink",
    "white",
    "black",
)


def brand_palette(brand_colors: Sequence[str], defaults: Mapping[str, str]) -> Palette:
    """Roles from the brand's colours (first = primary, second = secondary, third = accent);
    the template's defaults fill what the brand does not give."""
    given = [parse_hex(c) for c in brand_colors]
    primary = given[0] if given else parse_hex(defaults.get("primary", "#E53935"))
    secondary = given[1] if len(given) > 1 else parse_hex(defaults.get("secondary", "#FFF3E0"))
    accent = given[2] if len(given) > 2 else parse_hex(defaults.get("accent", "#FFD23F"))
    ink = mix(primary, (17, 17, 17), 0.86)
    deep = deepen_for(primary, WHITE)
    paper = secondary if luminance(secondary) > 0.75 else mix(primary, WHITE, 0.94)
    roles: dict[str, RGB] = {
        "primary": primary,
        "primary_deep": deep,
        "primary_dark": mix(deep, BLACK, 0.4),
        "primary_light": mix(primary, WHITE, 0.86),
        "secondary": secondary,
        "accent": accent,
        "accent_deep": deepen_for(accent, WHITE),
        "paper": paper,
        "ink": ink,
        "white": WHITE,
        "black": BLACK,
    }
    return Palette(roles)
