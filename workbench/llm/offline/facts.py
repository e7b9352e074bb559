"""The brief's facts, cleaned for copy: only what the brief states, formatted for customers.

Truthful by construction: a number in offline copy is the brief's price, offer, deadline or
``proof`` text, or arithmetic on them that holds for one purchase (満减 only when one item
reaches the threshold). A segment's name, description, rfm and lifecycle are operator
notes: customers are addressed by ``address_as`` or a neutral 各位 / friends.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.guards.dates import short_date
from workbench.lint.packs import active as active_packs
from workbench.pricing import amount_text, money, price_text

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
_CUT_RE = re.compile(r"满\s*(\d+(?:\.\d+)?)\s*(?:元)?\s*减\s*(\d+(?:\.\d+)?)")
_CUT_EN_RE = re.compile(r"\$?(\d+(?:\.\d+)?)\s*off\s+(?:orders?\s+)?over\s+\$?(\d+(?:\.\d+)?)")
_DISCOUNT_RE = re.compile(r"(?<![\d.])(\d(?:\.\d)?)\s*折")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Occasion words the copy may repeat (taken from the brief's offer or campaign name only).
OCCASIONS_ZH = (
    "会员日", "开业", "周年庆", "店庆", "618", "双11", "双十一", "双12", "年货节", "春节",
    "元宵", "中秋", "国庆", "七夕", "情人节", "母亲节", "父亲节", "儿童节", "女神节", "开学季",
    "新品", "上新", "暑期", "寒假", "圣诞", "元旦", "端午", "清明", "五一", "十一",
)  # fmt: skip
OCCASIONS_EN = (
    "member day", "grand opening", "opening", "anniversary", "black friday", "cyber monday",
    "christmas", "holiday", "new year", "summer", "back to school", "spring",
)  # fmt: skip
SERVICE_CATEGORIES = frozenset({"telecom", "finance", "education", "hotel", "b2b_service"})


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


@dataclass(frozen=True)
class Facts:
    lang: str
    goal: str
    brand: str
    voice: str
    product: str  # the full name, for the first mention
    short: str  # product.short_name (or the name): later mentions, posters, SMS
    form: str  # goods | service
    category: str
    price: str  # "89元", "129元/月", "$24/month", or "" (no price, or 0)
    offer: str
    math: str  # arithmetic that holds for one purchase: "单件89元，满减后…", or ""
    deadline: str  # "3月15日" / "Mar 15", or ""
    url: str
    points: list[str]
    proof: list[str]  # the only statistics and social proof copy may use, verbatim
    address: str  # how customers are addressed: address_as, 老朋友们 (lapsed), 各位 / friends
    named: bool  # the brief gave address_as (a real form of address, not the neutral one)
    pains: list[str]
    interests: list[str]
    region: str
    tone: str
    lifecycle: str
    occasion: str  # an occasion word from the offer or campaign name (会员日, 618), or ""
    dialect: str  # "sichuan" when the tone asks for 成都/四川 flavour, else ""
    must: list[str]
    terms: tuple[str, ...] = field(default=())

    @property
    def en(self) -> bool:
        return self.lang == "en-US"

    @property
    def service(self) -> bool:
        return self.form == "service"

    def point(self, i: int) -> str:
        return self.points[i % len(self.points)] if self.points else ""

    def pain(self, i: int) -> str:
        return self.pains[i % len(self.pains)] if self.pains else ""

    def interest(self, i: int) -> str:
        return self.interests[i % len(self.interests)] if self.interests else ""

    @property
    def lapsed(self) -> bool:
        return self.lifecycle in ("dormant", "declining", "churned")

    @property
    def ask(self) -> str:
        """The goal as a call to action may put it to this segment: a new customer has
        nothing to buy "again" (再次下单) nor to "come back" to (回来看看), so repurchase
        asks them to convert and activate to have a look."""
        if self.lifecycle == "new":
            return {"repurchase": "convert", "activate": "acquire"}.get(self.goal, self.goal)
        return self.goal


def _deadline(job: JobContext, en: bool) -> str:
    d = job.brief.campaign.product.deadline
    if d is None:
        return ""
    return short_date(d, "en-US" if en else "zh-CN")  # with the year when not this year


def offer_math(offer: str, price: float | None, currency: str, unit: str, lang: str) -> str:
    """What the offer comes to for one purchase, only where that arithmetic holds: one item
    reaches the 满减 threshold, or a stated discount (8折) on the stated price."""
    if not offer or price is None or price <= 0 or unit:
        return ""
    en = lang == "en-US"
    m = _CUT_RE.search(offer)
    total = cut = 0.0
    if m:
        total, cut = float(m.group(1)), float(m.group(2))
    else:
        m = _CUT_EN_RE.search(offer)
        if m:
            cut, total = float(m.group(1)), float(m.group(2))
    if m:
        if 0 < cut < total <= price:
            paid = money(price - cut, currency, lang)
            full = money(price, currency, lang)
            return (
                f"{full} with {money(cut, currency, lang)} off: {paid}"
                if en
                else (f"单件{full}，满减后实付{paid}")
            )
        return ""
    d = _DISCOUNT_RE.search(offer)
    if d and not en:
        rate = float(d.group(1))
        if 0 < rate < 10:
            cost = math.floor(price * rate * 10 + 0.5) / 100
            full, after = money(price, currency, lang), money(cost, currency, lang)
            return f"原价{full}，{amount_text(rate)}折后{after}"
    return ""


def _occasion(job: JobContext, en: bool) -> str:
    campaign = job.brief.campaign
    text = f"{campaign.product.offer} {campaign.name}"
    bank = OCCASIONS_EN if en else OCCASIONS_ZH
    low = text.lower()
    return next((w for w in bank if w in low), "")


def _address(seg: object, terms: tuple[str, ...], en: bool) -> tuple[str, bool]:
    given = clean(str(getattr(seg, "address_as", None) or ""), terms)
    if given:
        return given, True
    if getattr(seg, "lifecycle", None) in ("dormant", "declining", "churned"):
        return ("old friends" if en else "老朋友们"), False
    return ("friends" if en else "各位"), False


def _form(product: object) -> tuple[str, str]:
    category = str(getattr(product, "category", None) or "other")
    form = getattr(product, "form", None)
    explicit = "form" in getattr(product, "model_fields_set", set())
    if form not in ("goods", "service") or not explicit:
        form = "service" if category in SERVICE_CATEGORIES else "goods"
    return str(form), category


def _dialect(*hints: str) -> str:
    text = " ".join(hints)
    return "sichuan" if any(w in text for w in ("成都", "四川", "川味", "巴适")) else ""


def _must(must_include: list[str], category: str) -> list[str]:
    """The brand's must-include words and the text the category's pack requires in every
    piece (health food: 本品不能代替药物), each once."""
    words = [w for w in must_include if w.strip()]
    words += [need for pack in active_packs(category) for need in pack.require]
    return list(dict.fromkeys(words))


def facts_for(job: JobContext) -> Facts:
    campaign = job.brief.campaign
    lang = campaign.language
    en = lang == "en-US"
    terms = forbidden_terms(campaign.brand.banned_words, lang)
    product = campaign.product
    seg = job.segment
    currency = str(getattr(product, "currency", None) or "CNY")
    unit = str(getattr(product, "price_unit", None) or "")
    form, category = _form(product)
    name = clean(product.name, terms) or product.name
    short = clean(str(getattr(product, "short_name", None) or ""), terms) or name
    offer = clean(product.offer, terms)
    address, named = _address(seg, terms, en)
    region = clean(seg.region or "", terms)
    if region and not named and region not in address:  # address_as is used as written
        address = f"{address} in {region}" if en else f"{region}的{address}"
    proof = [p for p in (clean(x, terms) for x in getattr(product, "proof", None) or []) if p]
    return Facts(
        lang=lang,
        goal=campaign.goal,
        brand=campaign.brand.name.replace("【", "").replace("】", ""),
        voice=clean(campaign.brand.voice, terms),
        product=name,
        short=short,
        form=form,
        category=category,
        price=price_text(product.price, currency, unit, lang),
        offer=offer,
        math=offer_math(offer, product.price, currency, unit if form == "service" else "", lang),
        deadline=_deadline(job, en),
        url=product.landing_url or "",
        points=[p for p in (clean(x, terms) for x in product.selling_points) if p],
        proof=proof,
        address=address,
        named=named,
        pains=[p for p in (clean(x, terms) for x in seg.pain_points) if p],
        interests=[i for i in (clean(x, terms) for x in seg.interests) if i],
        region=region,
        tone=clean(seg.tone or "", terms),
        lifecycle=seg.lifecycle or "",
        occasion=_occasion(job, en),
        dialect="" if en else _dialect(seg.tone or "", campaign.brand.voice),
        must=_must(campaign.brand.must_include, category),
        terms=terms,
    )
