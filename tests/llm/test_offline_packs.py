"""The offline composer satisfies its own lint in every product category: a brief per
category, every kind and channel, linted as the runner lints it: no ban, claim, internal
or limit finding; health food carries 本品不能代替药物 wherever the pack requires it."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from workbench.brief.models import CATEGORIES, STYLES, Brief
from workbench.kinds import get_kind
from workbench.lint.briefcontext import context_from_brief
from workbench.lint.engine import Linter
from workbench.lint.packs import active
from workbench.lint.rules import load_rules
from workbench.llm.base import JobContext, LLMRequest
from workbench.llm.offline import OfflineComposer

# name, short, form, price, unit, selling points, offer, proof
PRODUCTS: dict[str, tuple[str, str, str, float, str, list[str], str, list[str]]] = {
    "mother_baby": ("有机婴儿米粉", "米粉", "goods", 89, "盒",
                    ["有机认证", "高铁配方", "独立小包装"], "满199减50", []),
    "food": ("手工鲜肉月饼", "鲜肉月饼", "goods", 36, "盒",
             ["当天现烤", "猪前腿肉", "酥皮十八层"], "第二盒半价", []),
    "beverage": ("冷萃乌龙茶", "冷萃乌龙", "goods", 18, "瓶",
                 ["零添加蔗糖", "冷萃十二小时", "500ml大瓶"], "买二送一", []),
    "health_food": ("康宁堂鱼油软胶囊", "鱼油", "goods", 168, "瓶",
                    ["蓝帽子保健食品批号", "每粒1000mg"], "第二瓶半价",
                    ["2025年门店会员复购率41%（门店会员系统统计）"]),
    "cosmetics": ("玫瑰保湿面霜", "保湿面霜", "goods", 129, "瓶",
                  ["玫瑰精油", "清爽不黏", "50g大容量"], "下单送同款小样", []),
    "telecom": ("千兆家庭宽带", "千兆宽带", "service", 129, "月",
                ["千兆光纤入户", "免费上门安装", "送路由器"], "办理首月免费", []),
    "finance": ("稳盈理财课", "理财课", "service", 99, "期",
                ["银行从业讲师", "八节直播课", "课后答疑群"], "报名送理财手账", []),
    "education": ("少儿编程体验课", "编程课", "service", 199, "期",
                  ["小班教学", "每周两次课", "课后作业点评"], "报名立减50", []),
    "real_estate": ("滨江花园样板间开放", "滨江花园", "service", 0, "",
                    ["地铁三号线旁", "南北通透", "精装交付"], "到访送定制雨伞", []),
    "hotel": ("湖畔酒店大床房", "大床房", "service", 459, "晚",
              ["湖景阳台", "含双早", "延迟退房"], "连住两晚第二晚半价", []),
    "retail": ("社区生鲜周末集市", "生鲜集市", "goods", 0, "",
               ["产地直采", "当天到货", "满额免费配送"], "周末满88减10", []),
    "b2b_service": ("企业IT运维托管服务", "运维托管", "service", 36000, "年",
                    ["7x24小时响应", "专属工程师", "季度巡检报告"], "签约即送一次安全巡检", []),
    "other": ("社区洗车年卡", "洗车年卡", "service", 299, "年",
              ["不限次数", "室内洗车房", "周末营业"], "开卡送一次打蜡", []),
}  # fmt: skip

DELIVERABLES: list[dict[str, Any]] = [
    {"kind": "copy", "channel": "sms", "variants": 1, "styles": list(STYLES)},
    {"kind": "copy", "channel": "moments", "variants": 1, "styles": list(STYLES)},
    {"kind": "copy", "channel": "community", "variants": 1, "styles": list(STYLES)},
    {"kind": "copy", "channel": "push", "variants": 1, "styles": ["hybrid", "agent"]},
    {"kind": "copy", "channel": "xiaohongshu", "variants": 1, "styles": ["hybrid", "example"]},
    {"kind": "copy", "channel": "douyin", "variants": 1, "styles": ["agent"]},
    {"kind": "copy", "channel": "wechat_article", "variants": 1, "styles": ["hybrid"]},
    {"kind": "title", "channel": "xiaohongshu", "variants": 4},
    {"kind": "poster", "variants": 1, "styles": ["hybrid", "specific"]},
    {"kind": "video_script", "duration": 30, "variants": 1, "styles": ["agent", "example"]},
    {"kind": "live_script", "minutes": 30, "variants": 1, "styles": ["hybrid"]},
]


def category_brief(category: str) -> Brief:
    name, short, form, price, unit, points, offer, proof = PRODUCTS[category]
    data = {
        "campaign": {
            "id": f"pack-{category.replace('_', '-')}",
            "name": "秋季社区活动",
            "goal": "convert",
            "brand": {"name": "邻里优选"},
            "product": {
                "name": name,
                "short_name": short,
                "form": form,
                "category": category,
                "price": price,
                "price_unit": unit,
                "selling_points": points,
                "offer": offer,
                "proof": proof,
                "deadline": "2026-10-31",
                "landing_url": "https://example.com/autumn",
            },
        },
        "segments": [
            {
                "id": "neighbours",
                "name": "高频到店老客",
                "address_as": "街坊们",
                "description": "近30天到店三次以上，对价格敏感",
                "lifecycle": "mature",
            }
        ],
        "deliverables": DELIVERABLES,
    }
    return Brief.model_validate(json.loads(json.dumps(data)))


def pieces(brief: Brief) -> list[tuple[JobContext, dict[str, Any]]]:
    """Every parsed piece of the brief's offline output, with its job."""
    composer = OfflineComposer()
    out = []
    segment = brief.resolved_segments()[0]
    for index, d in enumerate(brief.deliverables):
        count = d.variants if d.kind == "title" else 1
        for style in d.styles:
            job = JobContext(brief, segment, d, index, style, 0, count)
            text = asyncio.run(composer.complete(LLMRequest([], job=job))).text
            for content in get_kind(d.kind).parse(json.loads(text), d, brief, count):
                out.append((job, content))
    return out


LINTER = Linter(load_rules())
BAD = {"claim", "internal", "claim_pack", "claim_required"}


@pytest.mark.parametrize("category", CATEGORIES)
def test_offline_output_lints_clean_in_every_category(category: str) -> None:
    assert set(PRODUCTS) == set(CATEGORIES)
    brief = category_brief(category)
    found = []
    for job, content in pieces(brief):
        d = job.deliverable
        ch = getattr(d, "channel", None) or getattr(d, "platform", None)
        ctx = context_from_brief(brief, ch, job.kind, job.segment, d)
        for f in LINTER.lint_content(job.kind, content, ctx):
            if f["severity"] in ("ban", "limit") or f["rule"] in BAD:
                found.append((job.kind, ch, job.style, f["rule"], f.get("term"), f.get("field")))
    assert not found, found


def test_health_food_pieces_carry_the_required_text() -> None:
    (need,) = [r for pack in active("health_food") for r in pack.require]
    assert need == "本品不能代替药物"
    brief = category_brief("health_food")
    for job, content in pieces(brief):
        if job.kind == "title":
            continue  # a headline candidate: the piece it heads carries the text
        assert need in json.dumps(content, ensure_ascii=False), (job, content)


def test_titles_need_not_carry_the_required_text() -> None:
    brief = category_brief("health_food")
    ctx = context_from_brief(brief, "xiaohongshu", "title", brief.resolved_segments()[0])
    found = LINTER.lint_content("title", {"text": "鱼油怎么选？", "angle": "提问型"}, ctx)
    assert not [f for f in found if f["rule"] == "claim_required"], found
    ctx = context_from_brief(brief, "community", "copy", brief.resolved_segments()[0])
    found = LINTER.lint_content("copy", {"body": "鱼油第二瓶半价", "cta": "下单"}, ctx)
    assert [f["rule"] for f in found if f["rule"] == "claim_required"] == ["claim_required"]
