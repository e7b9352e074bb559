"""What a poster shows: the price with currency and unit, on every layout."""

from __future__ import annotations

from typing import Any

from workbench.poster.render import with_price_shown
from workbench.poster.sizes import parse_sizes
from workbench.poster.spec import PosterSpec
from workbench.poster.templates import get_template


def spec(**kw: Any) -> PosterSpec:
    size = parse_sizes("xiaohongshu")[0]
    return PosterSpec(
        template="bold-sale", size=size, headline="千兆宽带", bullets=("上门安装",), **kw
    )


def test_price_field_has_currency_and_unit() -> None:
    assert spec(price=129, price_unit="月").field_text("price") == "129元/月"
    assert (
        spec(price=189, currency="USD", price_unit="night", language="en-US").field_text("price")
        == "$189/night"
    )
    assert spec(price=0).field_text("price") == "" and not spec(price=0).condition("price")


def test_a_layout_without_a_price_field_shows_the_price_as_a_bullet() -> None:
    layout = get_template("qr-referral").layout_for("portrait")[1]
    shown = with_price_shown(spec(price=129, price_unit="月"), layout)
    assert shown.bullets[0] == "129元/月"
    with_field = get_template("bold-sale").layout_for("portrait")[1]
    assert with_price_shown(spec(price=129), with_field).bullets == ("上门安装",)
    assert with_price_shown(spec(price=0), layout).bullets == ("上门安装",)
