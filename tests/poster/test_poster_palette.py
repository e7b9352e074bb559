"""WCAG contrast, brand palette roles, and text colour picked against what is behind it."""

from __future__ import annotations

from typing import cast

import pytest

from workbench.poster.palette import (
    MIN_CONTRAST,
    RGB,
    brand_palette,
    contrast,
    deepen_for,
    parse_hex,
    readable,
)
from workbench.poster.render import render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import parse_size
from workbench.poster.templates import load_library


def test_wcag_reference_values() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast(parse_hex("#767676"), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_readable_prefers_the_brand_colour_when_it_passes() -> None:
    white = (255, 255, 255)
    assert readable([white], [parse_hex("#1B5E20")]) == white
    # White on the member-day red fails 4.5, so the picker falls back.
    red = parse_hex("#E94F37")
    assert contrast(white, red) < MIN_CONTRAST
    assert contrast(readable([white], [red]), red) >= MIN_CONTRAST


def test_deepened_brand_colour_carries_white_text() -> None:
    for colour in ("#E94F37", "#2E7D32", "#FFD23F", "#00BCD4"):
        deep = deepen_for(parse_hex(colour), (255, 255, 255))
        assert contrast(deep, (255, 255, 255)) >= MIN_CONTRAST


def test_brand_palette_uses_the_brand_colours() -> None:
    palette = brand_palette(["#2E7D32", "#FFF8E1"], {"accent": "#FFD23F"})
    assert palette.get("primary") == parse_hex("#2E7D32")
    assert palette.get("paper") == parse_hex("#FFF8E1")
    assert palette.get("accent") == parse_hex("#FFD23F")


@pytest.mark.parametrize(
    "colors", [("#E94F37", "#FFFFFF"), ("#2E7D32", "#FFF8E1"), ("#FFEB3B",), ()]
)
@pytest.mark.parametrize("template", sorted(load_library()))
def test_every_text_reads_against_its_background(colors: tuple[str, ...], template: str) -> None:
    spec = sample_spec(template, parse_size("xiaohongshu"))
    spec = spec.__class__(**{**spec.__dict__, "colors": colors})
    result = render(spec)
    image = result.image
    for field, _box, (x, y, w, h) in result.text_boxes:
        patch = image.crop((x, y, x + w, y + h))
        found = cast(list[tuple[int, RGB]], patch.getcolors(maxcolors=w * h) or [])  # RGB image
        colours = [c for _, c in found]
        # The text colour is the most contrasting colour present; the background the most
        # common. Anti-aliased edge pixels sit between the two.
        counts = sorted(found, reverse=True)
        background = counts[0][1]
        text = max(colours, key=lambda c: contrast(c, background))
        assert contrast(text, background) >= MIN_CONTRAST, (field, template, colors)
