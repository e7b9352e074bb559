"""The brief's facts, cleaned for copy: no absolute terms, no banned words, formatted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.llm.base import JobContext

# Advertising-Law absolute terms (绝对化用语) the composer never writes. Matching is by
# substring, so "最" covers 最好/最低/最佳 and "第一" covers 第一名/销量第一.
ABSOLUTE_ZH: tuple[str, ...] = (
    "最", "第一", "国家级", "世界级", "全球级", "国际级", "100%", "百分百", "百分之百", "绝对",
    "顶级", "顶尖", "独家", "唯一", "首个", "首家", "首选", "极品", "至尊", "无敌", "史上",
    "全网", "冠军", "王牌", "万能", "永久", "根治", "零风险", "无与伦比", "遥遥领先", "NO.1",
    "TOP1", "独一无二", "绝无仅有", "史无前例", "极致", "完美",
)  # fmt: skip
ABSOLUTE_EN: tuple[str, ...] = (
    "best", "#1", "no.1", "number one", "100%", "guarantee", "ultimate", "world-class",
    "perfect", "cheapest", "lowest", "unbeatable", "the only", "exclusive", "greatest",
    "top-rated", "first-ever", "absolutely",
)  # fmt: skip

# Everyday wordings that contain an absolute character but say something harmless.
_SOFTEN: tuple[tuple[str, str], ...] = (
    ("第一次", "头一回"), ("最怕", "特别怕"), ("最爱", "很爱"), ("最近", "近期"),
    ("最担心", "特别担心"), ("最关心", "很关心"), ("最想", "很想"), ("最多", "至多"),
    ("最少", "至少"), ("最后", "末尾"),
)  # fmt: skip

_CLAUSE_RE = re.compile(r"[，,；;。！？!?、\n]+")
_CUT_RE = re.compile(r"满\s*(\d+(?:\.\d+)?)\s*减\s*(\d+(?:\.\d+)?)")
_HALF_RE = re.compile(r"第二(杯|件|份|盒|瓶)半价")
_PAIN_HINT = ("怕", "担心", "关心", "没时间", "敏感", "焦虑", "麻烦", "纠结", "不知道")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def forbidden_terms(banned: list[str], lang: str) -> tuple[str, ...]:
    base = ABSOLUTE_EN if lang == "en-US" else ABSOLUTE_ZH
    return tuple(w for w in (*base, *ABSOLUTE_ZH[:3], *banned) if w.strip())


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered) or "(?!)", re.IGNORECASE)


def has_forbidden(text: str, terms: tuple[str, ...]) -> bool:
    return _pattern(terms).search(text) is not None


def soften(text: str) -> str:
    for old, new in _SOFTEN:
        text = text.replace(old, new)
    return text


def clean(text: str, terms: tuple[str, ...]) -> str:
    """Soften, then drop every clause that still carries a forbidden term."""
    text = soften(text.strip()).replace("【", "「").replace("】", "」")
    if not has_forbidden(text, terms):
        return text
    parts = [p for p in _CLAUSE_RE.split(text) if p.strip() and not has_forbidden(p, terms)]
    return "，".join(p.strip() for p in parts)


def scrub(text: str, terms: tuple[str, ...]) -> str:
    """Last line of defence: remove any forbidden term left in composed text."""
    return _pattern(terms).sub("", text)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Facts:
    lang: str
    goal: str
    brand: str
    voice: str
    product: str
    price: str  # "89元" / "$89", or ""
    split: str  # price splitting: "平均每天约3元", or ""
    offer: str
    math: str  # what the offer works out to: "相当于约7.5折", or ""
    deadline: str  # "3月15日" / "Mar 15", or ""
    url: str
    points: list[str]
    seg: str
    seg_desc: list[str]
    pains: list[str]
    interests: list[str]
    region: str
    tone: str
    lifecycle: str
    must: list[str]
    terms: tuple[str, ...] = field(default=())

    @property
    def en(self) -> bool:
        return self.lang == "en-US"

    def point(self, i: int) -> str:
        return self.points[i % len(self.points)] if self.points else ""

    def pain(self, i: int) -> str:
        return self.pains[i % len(self.pains)] if self.pains else ""

    def interest(self, i: int) -> str:
        return self.interests[i % len(self.interests)] if self.interests else ""

    @property
    def lapsed(self) -> bool:
        return self.lifecycle in ("dormant", "declining", "churned")


def _deadline(job: JobContext, en: bool) -> str:
    d = job.brief.campaign.product.deadline
    if d is None:
        return ""
    return f"{_MONTHS[d.month - 1]} {d.day}" if en else f"{d.month}月{d.day}日"


def _price(price: float | None, en: bool) -> tuple[str, str]:
    if price is None or price <= 0:
        return "", ""
    text = f"${_num(price)}" if en else f"{_num(price)}元"
    split = ""
    if price >= 30:
        per_day = price / 30
        split = f"about ${per_day:.2f} a day" if en else f"平均每天约{_num(round(per_day, 1))}元"
    return text, split


def _offer_math(offer: str, price: float | None, en: bool) -> str:
    m = _CUT_RE.search(offer)
    if m:
        total, cut = float(m.group(1)), float(m.group(2))
        if 0 < cut < total:
            rate = round((total - cut) / total * 10, 1)
            if en:
                return f"that is {round(cut / total * 100)}% off at {_num(total)}"
            return f"相当于约{_num(rate)}折"
    h = _HALF_RE.search(offer)
    if h and price:
        unit = h.group(1)
        return (
            f"two for {_num(price * 1.5)}" if en else f"两{unit}平均每{unit}{_num(price * 0.75)}元"
        )
    return ""


def _clauses(text: str, terms: tuple[str, ...]) -> list[str]:
    return [p.strip() for p in _CLAUSE_RE.split(clean(text, terms)) if p.strip()]


def _address(name: str, lifecycle: str | None, terms: tuple[str, ...], en: bool) -> str:
    """How the copy addresses the segment. A lapsed segment's name is an internal label
    (沉睡VIP, 流失客户) that no customer should read about themselves: they are old friends."""
    if lifecycle in ("dormant", "declining", "churned"):
        return "old friends" if en else "老朋友"
    return clean(name, terms) or name


def facts_for(job: JobContext) -> Facts:
    campaign = job.brief.campaign
    lang = campaign.language
    en = lang == "en-US"
    terms = forbidden_terms(campaign.brand.banned_words, lang)
    product = campaign.product
    seg = job.segment
    price, split = _price(product.price, en)
    offer = clean(product.offer, terms)
    desc = _clauses(seg.description, terms)
    pains = [clean(p, terms) for p in seg.pain_points]
    pains = [p for p in pains if p] or [c for c in desc if any(h in c for h in _PAIN_HINT)]
    return Facts(
        lang=lang,
        goal=campaign.goal,
        brand=campaign.brand.name.replace("【", "").replace("】", ""),
        voice=clean(campaign.brand.voice, terms),
        product=clean(product.name, terms) or product.name,
        price=price,
        split=split,
        offer=offer,
        math=_offer_math(offer, product.price, en) if offer else "",
        deadline=_deadline(job, en),
        url=product.landing_url or "",
        points=[p for p in (clean(x, terms) for x in product.selling_points) if p],
        seg=_address(seg.name, seg.lifecycle, terms, en),
        seg_desc=[c for c in desc if c not in pains],
        pains=pains,
        interests=[i for i in (clean(x, terms) for x in seg.interests) if i],
        region=clean(seg.region or "", terms),
        tone=clean(seg.tone or "", terms),
        lifecycle=seg.lifecycle or "",
        must=[w for w in campaign.brand.must_include if w.strip()],
        terms=terms,
    )
