"""What one poster shows: the variant's copy, the brand kit, sizes and the QR target.

``PosterSpec`` holds plain values only, so it pickles to worker processes unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.guards.dates import short_date
from workbench.poster.sizes import PosterSize
from workbench.pricing import price_text

_CAPTIONS = {"zh-CN": "长按识别二维码", "en-US": "Scan to shop"}


@dataclass(frozen=True)
class PosterSpec:
    template: str
    size: PosterSize
    headline: str = ""
    subheadline: str = ""
    bullets: tuple[str, ...] = ()
    cta: str = ""
    badge: str = ""
    brand: str = ""
    colors: tuple[str, ...] = ()
    language: str = "zh-CN"
    product: str = ""
    price: float | None = None
    currency: str = "CNY"
    price_unit: str = ""  # 月, 晚, month...: the price reads 129元/月, $24/month
    offer: str = ""
    deadline: str | None = None  # ISO date
    logo_path: str | None = None
    qr_url: str | None = None
    keep_words: tuple[str, ...] = ()  # more phrases never broken (e.g. the segment's name)
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_content(cls, content: dict[str, Any], **kwargs: Any) -> PosterSpec:
        return cls(
            headline=str(content.get("headline") or ""),
            subheadline=str(content.get("subheadline") or ""),
            bullets=tuple(str(b) for b in content.get("bullets") or ()),
            cta=str(content.get("cta") or ""),
            badge=str(content.get("badge") or ""),
            **kwargs,
        )

    def field_text(self, name: str) -> str:
        """The text a template field shows ('' hides the element)."""
        zh = self.language == "zh-CN"
        if name == "price":  # as the copy writes it; nothing for no price or a price of 0
            return price_text(self.price, self.currency, self.price_unit, self.language)
        if name == "deadline":
            if not self.deadline:
                return ""
            d = date.fromisoformat(self.deadline)
            shown_date = short_date(d, self.language)  # with the year when not this year
            text = f"截至{shown_date}" if zh else f"Until {shown_date}"
            shown = (self.headline, self.subheadline, *self.bullets)
            return "" if any(text in s for s in shown) else text
        if name == "bullets_inline":
            return "  ·  ".join(self.bullets)
        if name == "qr_caption":
            return _CAPTIONS.get(self.language, _CAPTIONS["en-US"])
        if name in self.extra:
            return self.extra[name]
        value = getattr(self, name, "")
        return value if isinstance(value, str) else ""

    @property
    def keep(self) -> tuple[str, ...]:
        """Phrases line breaking keeps whole: the product and brand names (short ones)."""
        names = [self.product, *self.product.split("·"), self.brand, *self.keep_words]
        return tuple(
            sorted({n.strip() for n in names if 2 <= len(n.strip()) <= 10}, key=len, reverse=True)
        )

    def condition(self, name: str) -> bool:
        if name == "qr":
            return bool(self.qr_url)
        if name == "logo":
            return bool(self.logo_path)
        return bool(self.field_text(name))
