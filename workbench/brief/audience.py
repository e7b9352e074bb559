"""How customer-facing text may address a segment, and which of its words are operator notes.

A segment's ``name``, ``description`` (and every clause of it), ``rfm`` and ``lifecycle`` steer
the prompt; they are the operator's labels ("沉睡VIP", "价格敏感型", "近90天没有下单") and
never appear in what a customer reads. Customers are addressed with ``address_as`` or, without
one, a neutral address that fits the language. The offline composer and the ``internal`` lint
rule both use these two functions, so what one writes the other accepts.
"""

from __future__ import annotations

import re

from workbench.brief.models import Segment

NEUTRAL_ADDRESS: dict[str, tuple[str, ...]] = {
    "zh-CN": ("大家", "各位"),
    "en-US": ("friends", "everyone"),
}
# Words the lifecycle stages are known by in operator reports.
LIFECYCLE_LABELS: dict[str, tuple[str, ...]] = {
    "new": ("新客户", "新用户", "新客群", "new customer"),
    "growing": ("成长期", "成长型客户", "growing customer"),
    "mature": ("成熟期", "成熟客户", "mature customer"),
    "declining": ("衰退期", "流失风险", "at-risk customer", "declining customer"),
    "dormant": ("沉睡客户", "沉睡用户", "沉睡会员", "休眠客户", "dormant", "lapsed customer"),
    "churned": ("流失客户", "流失用户", "已流失", "churned"),
    "active": ("活跃客户", "活跃用户", "active customer"),
}
# Words RFM levels are known by (recency low = long since the last order).
RFM_LABELS: dict[tuple[str, str], tuple[str, ...]] = {
    ("monetary", "high"): ("高价值", "高消费", "高客单", "high-value", "big spender"),
    ("monetary", "low"): ("低价值", "低消费", "低客单", "low-value"),
    ("frequency", "high"): ("高频客户", "高频用户", "high-frequency"),
    ("frequency", "low"): ("低频客户", "低频用户", "low-frequency"),
    ("recency", "low"): ("久未消费", "久未下单", "近期未购"),
}
_CLAUSE_SPLIT = re.compile(r"[，,、；;。！!？?：:（）()\[\]【】\n]+|\s+[-–—]\s+|\.\s+")
_NAME_SUFFIX = re.compile(r"(型|类|群体|人群|客户|用户|客群)$")
_CJK = re.compile(r"[\u3400-\u9fff]")


def address_for(segment: Segment | None, language: str = "zh-CN") -> str:
    """What customer-facing text may call the segment: ``address_as`` or a neutral word."""
    if segment is not None and segment.address_as:
        return segment.address_as
    return neutral_address(language)


def neutral_address(language: str = "zh-CN") -> str:
    return NEUTRAL_ADDRESS.get(language, NEUTRAL_ADDRESS["zh-CN"])[0]


def _long_enough(text: str) -> bool:
    """Clauses short enough to occur by chance ("怕买错") are not labels worth matching."""
    if _CJK.search(text):
        return len(text) >= 4
    return len(text) >= 12


def description_clauses(description: str) -> list[str]:
    """The description and each clause of it, longest first, short clauses left out."""
    description = description.strip()
    parts = [p.strip(" \t\"'“”‘’") for p in _CLAUSE_SPLIT.split(description)]
    out = [description] if description else []
    out += [p for p in parts if p and p != description and _long_enough(p)]
    return out


def operator_labels(segment: Segment) -> tuple[str, ...]:
    """Every text that is an operator-only label of ``segment``, longest first, no duplicates.

    The name (and the name without a 型/人群/客户 suffix), the description and its clauses,
    and the words its lifecycle stage and RFM levels are reported by. Parts of
    ``address_as`` are left out: the operator chose that wording for customers.
    """
    labels: list[str] = []
    name = segment.name.strip()
    if name:
        labels.append(name)
        bare = _NAME_SUFFIX.sub("", name)
        if bare != name and len(bare) >= 2:
            labels.append(bare)
    labels += description_clauses(segment.description)
    if segment.lifecycle:
        labels += LIFECYCLE_LABELS.get(segment.lifecycle, ())
    if segment.rfm is not None:
        for dimension in ("recency", "frequency", "monetary"):
            level = getattr(segment.rfm, dimension)
            if level:
                labels += RFM_LABELS.get((dimension, level), ())
    address = (segment.address_as or "").lower()
    seen: set[str] = set()
    unique: list[str] = []
    for label in labels:
        key = label.lower()
        if key in seen or (address and key in address):
            continue
        seen.add(key)
        unique.append(label)
    return tuple(sorted(unique, key=len, reverse=True))
