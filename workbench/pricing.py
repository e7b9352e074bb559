"""A price as customers read it: amount, currency and unit (129元/月, $24/month, ¥199).

One formatter for every place a price is shown (offline copy, posters), so a poster never
says ¥ while its copy says $. A price of 0 or no price shows nothing: "¥0" is not an offer.
"""

from __future__ import annotations

# Symbols written before the amount; CNY in Chinese text is written "129元" instead.
SYMBOLS: dict[str, str] = {
    "CNY": "¥",
    "RMB": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "HKD": "HK$",
    "TWD": "NT$",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
    "KRW": "₩",
}
# Chinese names written after the amount (zh-CN text).
NAMES_ZH: dict[str, str] = {
    "CNY": "元",
    "RMB": "元",
    "USD": "美元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "HKD": "港币",
}


def amount_text(value: float) -> str:
    """89 -> "89", 12.5 -> "12.5", 9.99 -> "9.99" (no trailing zeros, at most 2 decimals)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def money(value: float, currency: str = "CNY", lang: str = "zh-CN") -> str:
    """An amount with its currency, no unit: 50元, $50, €50, HK$50."""
    code = (currency or "CNY").upper()
    amount = amount_text(value)
    if lang != "en-US" and code in NAMES_ZH:
        return f"{amount}{NAMES_ZH[code]}"
    symbol = SYMBOLS.get(code)
    return f"{symbol}{amount}" if symbol else f"{code} {amount}"


def price_text(
    price: float | None, currency: str = "CNY", unit: str = "", lang: str = "zh-CN"
) -> str:
    """The price as shown: "129元/月", "$24/month", "¥199"; "" for no price or 0."""
    if price is None or price <= 0:
        return ""
    unit = (unit or "").strip().lstrip("/").strip()
    text = money(price, currency, lang)
    return f"{text}/{unit}" if unit else text
