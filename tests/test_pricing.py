"""Prices as customers read them: currency and unit, nothing for no price or 0."""

from __future__ import annotations

import pytest

from workbench.pricing import money, price_text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((89, "CNY", "", "zh-CN"), "89元"),
        ((129, "CNY", "月", "zh-CN"), "129元/月"),
        ((24, "USD", "month", "en-US"), "$24/month"),
        ((189, "USD", "/night", "en-US"), "$189/night"),
        ((199, "CNY", "", "en-US"), "¥199"),
        ((12.5, "EUR", "", "en-US"), "€12.5"),
        ((9.99, "HKD", "", "zh-CN"), "9.99港币"),
        ((30, "CHF", "", "en-US"), "CHF 30"),
        ((0, "CNY", "", "zh-CN"), ""),
        ((None, "USD", "night", "en-US"), ""),
    ],
)
def test_price_text(args: tuple, expected: str) -> None:
    assert price_text(*args) == expected


def test_money_has_no_unit() -> None:
    assert money(50, "CNY", "zh-CN") == "50元" and money(50, "USD", "en-US") == "$50"
