"""Fit to box: the biggest size that fits, never an overflow (checked on rendered ink)."""

from __future__ import annotations

import pytest
from PIL import Image

from workbench.poster.fit import fit_list, fit_text
from workbench.poster.fonts import typeface
from workbench.poster.render import render
from workbench.poster.sample import sample_spec
from workbench.poster.sizes import PRESETS, parse_size
from workbench.poster.templates import load_library

TEXTS = [
    "会员日满199减50",
    "原来有机婴儿米粉可以这样选，新手妈妈都说好，再送试吃装一份",
    "Member day: $50 off $199 on organic rice cereal",
    "超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长超长",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("w", "h"), [(600, 200), (300, 120), (900, 60), (120, 400), (80, 30)])
def test_fit_text_stays_inside(text: str, w: int, h: int) -> None:
    face = typeface("bold")
    fitted = fit_text(text, face, w, h, 14, 120, max_lines=3, spacing=1.15, balance=True)
    assert fitted.height <= h
    assert len(fitted.lines) <= 3
    for line in fitted.lines:
        assert face.measure(line, fitted.size) <= w
    if not fitted.truncated:
        assert "".join(fitted.lines).replace(" ", "") == text.replace(" ", "")
    else:
        assert fitted.lines == [] or fitted.lines[-1].endswith("…")


def test_fit_prefers_the_largest_size() -> None:
    face = typeface("bold")
    small = fit_text("会员日", face, 600, 400, 10, 400)
    assert 180 <= small.size <= 200  # three ideographs across 600 px


def test_fit_list_drops_bullets_rather_than_overflowing() -> None:
    face = typeface("regular")
    items = [f"第{i}个卖点：有机认证高铁配方独立小包装" for i in range(10)]
    size, laid = fit_list(items, face, 300, 150, 16, 40)
    assert 0 < len(laid) < 10
    total = sum(round(size * 1.2) * len(lines) for lines in laid) + round(0.45 * size) * (
        len(laid) - 1
    )
    assert total <= 150


@pytest.mark.parametrize("template", sorted(load_library()))
@pytest.mark.parametrize("size", ["xiaohongshu", "wechat_cover", "square", "moments"])
def test_placed_text_lies_inside_its_box_and_the_canvas(template: str, size: str) -> None:
    spec = sample_spec(template, parse_size(size))
    long = spec.__class__(**{**spec.__dict__, "headline": TEXTS[1], "subheadline": TEXTS[3]})
    for s in (spec, long):
        result = render(s)
        w, h = PRESETS[size]
        assert result.image.size == (w, h)
        for field, (bx, by, bw, bh), (x, y, tw, th) in result.text_boxes:
            assert bx - 1 <= x and x + tw <= bx + bw + 1, (field, template, size)
            assert by - 1 <= y and y + th <= by + bh + 1, (field, template, size)
            assert x >= 0 and x + tw <= w and y >= 0 and y + th <= h


def test_rendered_ink_stays_in_the_text_box() -> None:
    """Draw a long headline alone on a blank canvas: no ink outside its fitted block."""
    from workbench.poster.templates import Template

    template = Template.model_validate(
        {
            "name": "probe",
            "title": {"en-US": "probe"},
            "description": {"en-US": "probe"},
            "layouts": {
                layout: {
                    "background": {"fill": "#FFFFFF"},
                    "elements": [
                        {
                            "type": "text",
                            "field": "headline",
                            "box": [0.2, 0.3, 0.5, 0.2],
                            "font": "bold",
                            "size": [3, 20],
                            "max_lines": 2,
                            "spacing": 1.15,
                            "color": "#000000",
                        }
                    ],
                }
                for layout in ("portrait", "banner")
            },
        }
    )
    for text in TEXTS:
        spec = sample_spec("probe", parse_size("xiaohongshu"))
        spec = spec.__class__(**{**spec.__dict__, "headline": text})
        result = render(spec, template)
        gray = result.image.convert("L")
        x0, y0 = round(0.2 * 1080), round(0.3 * 1440)
        x1, y1 = x0 + round(0.5 * 1080), y0 + round(0.2 * 1440)
        bbox = Image.eval(gray, lambda v: 255 - v).getbbox()
        assert bbox is not None
        assert bbox[0] >= x0 and bbox[1] >= y0 and bbox[2] <= x1 and bbox[3] <= y1, (text, bbox)
