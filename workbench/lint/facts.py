"""The facts a brief states, as the fact guard needs them: numbers (and what simple arithmetic
on them gives), fact texts, proof, the offer and the names that may appear verbatim.

Numbers come from the product (price, offer, deadline, selling points, proof, names, unit),
the campaign name, the brand's words, the segments' ``address_as`` and the deliverables'
durations and minutes. Arithmetic is one step on two stated numbers (``a+b``, ``a-b``, ``a*b``,
``a/b``, and ``a/b`` or ``(a-b)/a`` as a discount in 折 or a percentage), kept only when the
result is exact to two decimals: "89-50" gives 39, "满199减50" does not give "7.5折".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import permutations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.brief.models import Brief, Segment

_ARABIC = re.compile(r"(?<![0-9.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"
_CN_RUN = re.compile(CN_NUMERAL)
MAX_STATED = 40  # the arithmetic is pairwise: keep it small and fast


def cn_value(text: str) -> float | None:
    """三 -> 3, 十五 -> 15, 一百二十 -> 120, 两万 -> 20000, 七五 -> 75 (digit by digit)."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        digits = "".join(str(_CN_DIGITS[ch]) for ch in text)
        return float(digits)
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "万":
            section = (section + current) * 10000
            total, section, current = total + section, 0, 0
        elif ch in _CN_UNITS:
            section += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return float(total + section + current)


_DATE_AFTER = re.compile(r"\s*[月日号]")


def _is_date(text: str, end: int, digits: str) -> bool:
    """A number followed by 月/日/号, or a year (19xx/20xx), is a date, not a quantity."""
    if _DATE_AFTER.match(text, end):
        return True
    return len(digits) == 4 and digits[:2] in ("19", "20")


def numbers_in(text: str) -> list[float]:
    """The quantities written in ``text``: Arabic (1,200 and 7.5 too) and Chinese numerals.

    Dates (3月, 15日, 2025年) are left out: :func:`_dates_in` collects them.
    """
    out: list[float] = []
    for m in _ARABIC.finditer(text):
        if not _is_date(text, m.end(), m.group(1)):
            out.append(float(m.group(1).replace(",", "")))
    for m in _CN_RUN.finditer(text):
        value = cn_value(m.group(0))
        if value is not None and not _DATE_AFTER.match(text, m.end()):
            out.append(value)
    return out


_DATE_PARTS = re.compile(r"(\d{1,4})\s*[年月日号]")
_MMDD = re.compile(r"(?<!\d)(1[0-2]|[1-9])([0-3]\d)(?!\d)")


def _dates_in(text: str) -> list[float]:
    """Years, months and days written in a fact text; 618 or 1111 in a name as month-day."""
    out = [float(m.group(1)) for m in _DATE_PARTS.finditer(text)]
    for m in _MMDD.finditer(text):
        if 1 <= int(m.group(2)) <= 31:
            out += [float(m.group(1)), float(m.group(2))]
    for m in _CN_RUN.finditer(text):
        end = m.end()
        if end < len(text) and text[end] in "年月日号":
            value = cn_value(m.group(0))
            if value is not None:
                out.append(value)
    return out


_DISCOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*折")


def _offer_prices(offer: str, price: float | None) -> tuple[frozenset[float], frozenset[float]]:
    """Prices an 8折 or 半价 offer gives on the stated price (and the percentage off)."""
    amounts: set[float] = set()
    ratios: set[float] = set()
    rates = []
    for m in _DISCOUNT.finditer(offer):
        tenths = float(m.group(1))
        rates.append(tenths / 10 if tenths < 10 else tenths / 100)
    if "半价" in offer:
        rates.append(0.5)
    for rate in rates:
        ratios.add(round((1 - rate) * 100, 2))
        if price:
            for value in (price * rate, price - price * rate, price + price * rate):
                clean = _clean(value)
                if clean is not None:
                    amounts.add(clean)
    return frozenset(amounts), frozenset(ratios)


def _clean(value: float) -> float | None:
    rounded = round(value, 2)
    return rounded if abs(rounded - value) < 1e-9 and 0 <= rounded < 1e9 else None


def derive(stated: frozenset[float]) -> tuple[frozenset[float], frozenset[float]]:
    """(``stated`` plus ``a+b``, ``a-b``, ``a*b``, ``a/b``; ratios as 折 or %), exact to 0.01.

    Ratios (``a/b``, ``(a-b)/a`` and ``b/a`` scaled to 折 and percent) only support a number
    written as a discount or a percentage.
    """
    base = sorted(stated)[:MAX_STATED]
    out: set[float] = set(stated)
    ratios: set[float] = set()
    for a, b in permutations(base, 2):
        for value in (a + b, a - b, a * b, a / b if b else -1.0):
            clean = _clean(value)
            if clean is not None:
                out.add(clean)
        if a and b:
            for value in (a / b * 10, a / b * 100, (a - b) / a * 10, (a - b) / a * 100):
                clean = _clean(value)
                if clean is not None:
                    ratios.add(clean)
    return frozenset(out), frozenset(ratios)


@dataclass(frozen=True)
class Facts:
    """What customer-facing text may say about numbers, proof and urgency."""

    stated: frozenset[float] = frozenset()
    derived: frozenset[float] = frozenset()
    ratios: frozenset[float] = frozenset()  # 折 and percentages arithmetic gives
    dates: frozenset[float] = frozenset()  # years, months and days the brief names
    texts: tuple[str, ...] = ()  # fact texts that may appear verbatim (selling points, offer...)
    proof: tuple[str, ...] = ()
    offer: str = ""
    has_deadline: bool = False
    has_price: bool = False
    extra_numbers: frozenset[float] = field(default_factory=frozenset)

    def supports(self, value: float) -> bool:
        value = round(value, 2)
        return value in self.derived or value in self.extra_numbers

    def supports_ratio(self, value: float) -> bool:
        return self.supports(value) or round(value, 2) in self.ratios


def facts_from_values(
    *,
    texts: list[str],
    proof: list[str],
    offer: str,
    price: float | None,
    deadline: str | None,
    numbers: list[float],
) -> Facts:
    """Facts from plain values (a loaded brief or a stored brief's YAML).

    ``numbers`` (a video's seconds, a live stream's minutes) are facts but take no part in
    the arithmetic.
    """
    stated: set[float] = set()
    for text in [*texts, *proof, offer]:
        stated.update(round(n, 2) for n in numbers_in(text))
    if price is not None:
        stated.add(round(float(price), 2))
    dates: set[float] = set()
    if deadline:
        dates.update(float(p) for p in re.findall(r"\d+", deadline))
    for text in [*texts, *proof, offer]:
        dates.update(_dates_in(text))
    offer_numbers = _offer_prices(offer, price)
    stated_set = frozenset(stated)
    derived, ratios = derive(stated_set)
    derived |= offer_numbers[0]
    ratios |= offer_numbers[1]
    kept = tuple(t.strip() for t in [*texts, offer, *proof] if t and t.strip())
    return Facts(
        stated=stated_set,
        derived=derived,
        ratios=ratios,
        dates=frozenset(dates),
        extra_numbers=frozenset(round(n, 2) for n in numbers),
        texts=tuple(sorted(set(kept), key=len, reverse=True)),
        proof=tuple(p.strip() for p in proof if p.strip()),
        offer=offer,
        has_deadline=bool(deadline),
        has_price=price is not None and price > 0,
    )


def facts_from_brief(brief: Brief, segment: Segment | None = None) -> Facts:
    """The facts of a validated brief (and of one of its segments, for ``address_as``)."""
    c = brief.campaign
    p = c.product
    texts = [
        c.name,
        c.brand.name,
        *c.brand.must_include,
        p.name,
        p.short_name,
        p.price_unit,
        *p.selling_points,
        p.landing_url or "",
    ]
    segments = [segment] if segment is not None else brief.resolved_segments()
    texts += [s.address_as for s in segments if s.address_as]
    numbers: list[float] = []
    for d in brief.deliverables:
        for name in ("duration", "minutes"):
            value = getattr(d, name, None)
            if isinstance(value, int):
                numbers.append(float(value))
    return facts_from_values(
        texts=texts,
        proof=list(p.proof),
        offer=p.offer,
        price=p.price,
        deadline=p.deadline.isoformat() if p.deadline else None,
        numbers=numbers,
    )
