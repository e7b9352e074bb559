"""Cut customers into segments: the 8 RFM segments or 4 lifecycle stages.

Per customer: R = days from the last counted payment to the as-of date, F = counted
orders, M = sum of (paid - refund). ``rfm``: each dimension is high or low against its
threshold, the mean (default) or the median over all customers: R near <=> R <= threshold,
F high <=> F >= threshold, M high <=> M >= threshold. The comparisons are exact (integer
arithmetic on cents and sums, no rounding). ``lifecycle``: ``new`` when the first counted
payment is at most ``new_days`` before as-of, else ``churned`` when R > ``churned_days``,
``dormant`` when R > ``dormant_days``, ``active`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from workbench.customers.orders import Customers

Threshold = Literal["mean", "median"]


@dataclass(frozen=True)
class SegmentDef:
    id: str
    name: str
    description: str
    rfm: tuple[bool, bool, bool] | None = None  # (recent, frequent, high spend)
    lifecycle: str | None = None


# The 8 segments of the RFM method, each with the action it recommends to the operator.
RFM_SEGMENTS = (
    SegmentDef(
        "important-value",
        "重要价值客户",
        "最近买过、买得勤、花得多（R近 F高 M高）：最优质的客户。建议：保持现状，给VIP专属服务、"
        "新品优先体验和会员权益，不用频繁打折。",
        (True, True, True),
    ),
    SegmentDef(
        "important-keep",
        "重要保持客户",
        "买得勤、花得多，但有一段时间没来了（R远 F高 M高）：忠实客户出现流失苗头。建议：主动联系、"
        "一对一关怀，用专属权益唤回。",
        (False, True, True),
    ),
    SegmentDef(
        "important-develop",
        "重要发展客户",
        "最近买过、花得多，但买得少（R近 F低 M高）：有潜力的高价值客户。建议：提高购买频次，"
        "推荐复购和会员计划，培养成忠诚客户。",
        (True, False, True),
    ),
    SegmentDef(
        "important-retain",
        "重要挽留客户",
        "花得多，但买得少、很久没来（R远 F低 M高）：即将流失的高价值客户。建议：重点挽留，"
        "了解流失原因，用高价值券或专属优惠召回。",
        (False, False, True),
    ),
    SegmentDef(
        "general-value",
        "一般价值客户",
        "最近买过、买得勤，但花得少（R近 F高 M低）：活跃但客单价低。建议：提升客单价，"
        "做搭配推荐、满减凑单和升级款。",
        (True, True, False),
    ),
    SegmentDef(
        "general-keep",
        "一般保持客户",
        "买得勤但花得少，最近没来（R远 F高 M低）：曾经常买的小额客户。建议：低成本唤醒，"
        "发优惠券或新品提醒。",
        (False, True, False),
    ),
    SegmentDef(
        "general-develop",
        "一般发展客户",
        "最近买过，但买得少、花得少（R近 F低 M低）：多为新客。建议：培育和引导复购，"
        "发首单后复购券、介绍店铺。",
        (True, False, False),
    ),
    SegmentDef(
        "general-retain",
        "一般挽留客户",
        "很久没来、买得少、花得少（R远 F低 M低）：价值低且即将流失。建议：控制成本，"
        "只做低成本的批量触达（大促通知），不单独投入。",
        (False, False, False),
    ),
)

LIFECYCLE_SEGMENTS = (
    SegmentDef(
        "new",
        "新客",
        "首次成交在{new}天内的新客户。建议：做好首单体验和售后，引导关注店铺、加入社群，推动第二单。",
        lifecycle="new",
    ),
    SegmentDef(
        "active",
        "活跃客户",
        "{dormant}天内有成交的老客户。建议：保持互动，推新品和会员权益，鼓励分享。",
        lifecycle="active",
    ),
    SegmentDef(
        "dormant",
        "沉睡客户",
        "{dormant}到{churned}天没有成交。建议：及时唤醒，发专属券或新品提醒，问问没再来的原因。",
        lifecycle="dormant",
    ),
    SegmentDef(
        "churned",
        "流失客户",
        "超过{churned}天没有成交。建议：低成本召回（大促通知、回归礼），效果差就减少打扰。",
        lifecycle="churned",
    ),
)


@dataclass(frozen=True)
class Cut:
    """A threshold as the exact fraction ``num / den`` (den: count, 2 or 1)."""

    num: int
    den: int

    @property
    def value(self) -> float:
        return self.num / self.den

    def at_most(self, values: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """``values <= num / den``, exactly."""
        return _scaled(values, self.den) <= self.num

    def at_least(self, values: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """``values >= num / den``, exactly."""
        return _scaled(values, self.den) >= self.num


def _scaled(values: npt.NDArray[np.int64], factor: int) -> npt.NDArray[np.int64]:
    biggest = int(np.abs(values).max()) if values.size else 0
    if biggest * factor < 2**62:
        return values * factor
    return values.astype(object) * factor  # exact Python integers, beyond int64


def cut(values: npt.NDArray[np.int64], threshold: Threshold) -> Cut:
    """The mean or median of ``values`` as an exact fraction (0/1 for no values)."""
    if values.size == 0:
        return Cut(0, 1)
    if threshold == "mean":
        biggest = int(np.abs(values).max())
        exact = values if biggest * values.size < 2**62 else values.astype(object)
        return Cut(int(exact.sum()), int(values.size))
    ordered = np.sort(values)
    mid = ordered.size // 2
    if ordered.size % 2:
        return Cut(int(ordered[mid]), 1)
    return Cut(int(ordered[mid - 1]) + int(ordered[mid]), 2)


@dataclass(frozen=True)
class Cuts:
    recency: Cut
    frequency: Cut
    monetary: Cut  # cents

    def as_dict(self) -> dict[str, float]:
        return {
            "recency_days": round(self.recency.value, 2),
            "frequency": round(self.frequency.value, 2),
            "monetary": round(self.monetary.value / 100, 2),
        }


def recency(customers: Customers, as_of: int) -> npt.NDArray[np.int64]:
    return as_of - customers.last


def rfm_cuts(customers: Customers, as_of: int, threshold: Threshold) -> Cuts:
    return Cuts(
        cut(recency(customers, as_of), threshold),
        cut(customers.orders, threshold),
        cut(customers.cents, threshold),
    )


Members = dict[str, npt.NDArray[np.intp]]  # segment id -> indices into Customers


def rfm_members(customers: Customers, as_of: int, cuts: Cuts) -> Members:
    recent = cuts.recency.at_most(recency(customers, as_of))
    frequent = cuts.frequency.at_least(customers.orders)
    spends = cuts.monetary.at_least(customers.cents)
    members: Members = {}
    for segment in RFM_SEGMENTS:
        assert segment.rfm is not None
        r, f, m = segment.rfm
        mask = (recent == r) & (frequent == f) & (spends == m)
        members[segment.id] = np.flatnonzero(mask)
    return members


@dataclass(frozen=True)
class LifecycleDays:
    new: int = 30
    dormant: int = 90
    churned: int = 180


def lifecycle_members(customers: Customers, as_of: int, days: LifecycleDays) -> Members:
    r = recency(customers, as_of)
    new = (as_of - customers.first) <= days.new
    churned = ~new & (r > days.churned)
    dormant = ~new & ~churned & (r > days.dormant)
    active = ~new & ~churned & ~dormant
    masks = {"new": new, "active": active, "dormant": dormant, "churned": churned}
    return {d.id: np.flatnonzero(masks[d.id]) for d in LIFECYCLE_SEGMENTS}
