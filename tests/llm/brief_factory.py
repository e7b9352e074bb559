"""Valid briefs nobody wrote by hand: ``random_brief(seed)`` (imported by module name).

Seeded, so a failing seed reproduces. Products of goods and services in every category,
zh-CN and en-US, with and without short_name, proof, address_as, price, price_unit,
currency and deadline; every kind, copy channel, video platform and poster size. Segment
names and descriptions carry operator notes (numbers, labels) a customer must never read.
"""

from __future__ import annotations

import random
from typing import Any

from workbench.brief.models import STYLES

# category: (name, short, form, unit, points, offers, proof)
Item = tuple[str, str, str, str, list[str], list[str], list[str]]
ZH: dict[str, list[Item]] = {
    "mother_baby": [
        ("有机婴儿米粉", "米粉", "goods", "盒", ["有机认证", "高铁配方", "独立小包装"],
         ["满199减50", "第二盒半价", "下单送辅食勺"], []),
        ("新生儿纯棉连体衣", "连体衣", "goods", "件", ["A类纯棉", "无骨缝制", "按扣开合"],
         ["买二送一", "满99减20"], []),
    ],
    "food": [
        ("手工鲜肉月饼", "鲜肉月饼", "goods", "盒", ["当天现烤", "猪前腿肉", "酥皮十八层"],
         ["第二盒半价", "满60减10"], []),
        ("招牌酸菜鱼双人餐", "酸菜鱼", "goods", "份", ["现杀黑鱼", "老坛酸菜", "30分钟出餐"],
         ["到店立减15元", "满100减20"], ["2025年大众点评评分4.8（店铺页面）"]),
    ],
    "beverage": [
        ("冷萃乌龙茶", "冷萃乌龙", "goods", "瓶", ["零添加蔗糖", "冷萃十二小时", "500ml大瓶"],
         ["买二送一", "第二瓶半价"], []),
        ("现磨美式咖啡", "美式", "goods", "杯", ["云南豆现磨", "可加燕麦奶", "早八点开门"],
         ["早市第二杯半价", "办卡送一杯"], []),
    ],
    "health_food": [
        ("康宁堂鱼油软胶囊", "鱼油", "goods", "瓶", ["蓝帽子保健食品批号", "每粒1000mg"],
         ["第二瓶半价", "买三送一"], ["2025年门店会员复购率41%（门店会员系统统计）"]),
        ("益生菌固体饮料", "益生菌", "goods", "盒", ["独立条装", "冷链配送", "每条20亿活菌"],
         ["满300减60", "下单送随行杯"], []),
    ],
    "cosmetics": [
        ("玫瑰保湿面霜", "保湿面霜", "goods", "瓶", ["玫瑰精油", "清爽不黏", "50g大容量"],
         ["下单送同款小样", "满200减30"], []),
    ],
    "telecom": [
        ("千兆家庭宽带", "千兆宽带", "service", "月", ["千兆光纤入户", "免费上门安装", "送路由器"],
         ["办理首月免费", "预存100送50话费"], []),
        ("5G畅享套餐", "5G套餐", "service", "月", ["每月100G流量", "500分钟通话", "可加副卡"],
         ["新开户前三个月八折", "老用户升级送20G流量", "首月9.9元体验"], []),
    ],
    "finance": [
        ("稳盈理财入门课", "理财课", "service", "期", ["银行从业讲师", "八节直播课", "课后答疑"],
         ["报名送理财手账", "两人同报立减30"], []),
    ],
    "education": [
        ("少儿编程体验课", "编程课", "service", "期", ["小班教学", "每周两次课", "作业点评"],
         ["报名立减50", "试听一节免费"], []),
        ("成人英语口语班", "口语班", "service", "月", ["外教小班", "晚间上课", "可回看录播"],
         ["首月半价", "老学员推荐送一节课"], []),
    ],
    "real_estate": [
        ("滨江花园样板间开放", "滨江花园", "service", "", ["地铁三号线旁", "南北通透", "精装交付"],
         ["到访送定制雨伞", "预约看房送停车券"], []),
    ],
    "hotel": [
        ("湖畔酒店大床房", "大床房", "service", "晚", ["湖景阳台", "含双早", "延迟退房"],
         ["连住两晚第二晚半价", "会员价立减80"], []),
    ],
    "retail": [
        ("社区生鲜周末集市", "生鲜集市", "goods", "", ["产地直采", "当天到货", "满额免费配送"],
         ["周末满88减10", "新客首单送鸡蛋"], []),
        ("家用电动牙刷", "电动牙刷", "goods", "支", ["声波震动", "续航30天", "两档力度"],
         ["以旧换新立减40", "下单送两支刷头"], []),
    ],
    "b2b_service": [
        ("企业IT运维托管服务", "运维托管", "service", "年", ["7x24小时响应", "专属工程师",
         "季度巡检报告"], ["签约即送一次安全巡检", "年付享九折"], []),
    ],
    "other": [
        ("社区洗车年卡", "洗车年卡", "service", "年", ["不限次数", "室内洗车房", "周末营业"],
         ["开卡送一次打蜡", "两人同办各减50"], []),
        ("宠物上门喂养", "上门喂猫", "service", "次", ["持证宠物护理师", "视频反馈", "钥匙托管"],
         ["首次体验半价", "包月立减100"], []),
    ],
}  # fmt: skip
EN: dict[str, list[Item]] = {
    "food": [
        ("Sourdough Breakfast Box", "Breakfast Box", "goods", "box",
         ["baked at 5am", "local butter", "two loaves"],
         ["buy 2, get 1 free", "$5 off", "first box $4.99"], []),
    ],
    "beverage": [
        ("Cold Brew Growler", "Cold Brew", "goods", "bottle",
         ["steeped 18 hours", "no added sugar"], ["second bottle half price"], []),
    ],
    "health_food": [
        ("Omega-3 Fish Oil Softgels", "Fish Oil", "goods", "bottle",
         ["1000mg per softgel", "third-party tested"], ["buy 2, get 1 free"],
         ["41% of members reordered in 2025 (store CRM)"]),
    ],
    "telecom": [
        ("Home Fiber 1 Gig", "Fiber 1 Gig", "service", "month",
         ["free installation", "router included", "no data cap"],
         ["first month free", "$10 off for 6 months"], []),
    ],
    "hotel": [
        ("Harbor Inn Deluxe King Room", "Deluxe King", "service", "night",
         ["harbor view", "free breakfast", "late checkout"],
         ["stay 3 nights, get the third night free", "15% off weekend stays"], []),
    ],
    "education": [
        ("Kids Coding Starter Course", "Coding Course", "service", "term",
         ["small classes", "two lessons a week"], ["first lesson free"], []),
    ],
    "retail": [
        ("Neighborhood Farmers Market", "Farmers Market", "goods", "",
         ["picked this morning", "local farms"], ["$10 off orders over $50"], []),
    ],
    "other": [
        ("Mobile Car Wash Pass", "Wash Pass", "service", "year",
         ["unlimited washes", "we come to you"], ["free wax with a new pass"], []),
    ],
}  # fmt: skip

SEGMENTS_ZH = [
    ("高价值老客", "只占11%客户却贡献62%毛利", "mature", "街坊们"),
    ("价格敏感新客", "刚注册，还在比价，怕上当受骗", "new", "新朋友们"),
    ("沉睡会员", "90天未下单，曾买过3次", "dormant", "老朋友们"),
    ("宝妈群体", "孩子0-3岁，关注成分和安全", "growing", "宝妈们"),
    ("周边写字楼白领", "午饭时间短，工作日中午下单", "active", "各位"),
    ("银发家庭", "60岁以上，子女代下单", "mature", "叔叔阿姨们"),
]
SEGMENTS_EN = [
    ("lapsed high spenders", "booked twice in 2024, nothing since", "dormant", "old friends"),
    ("bargain hunters", "compare 3 stores before buying", "new", "neighbors"),
    ("weekend planners", "book 2 weeks ahead", "active", "weekenders"),
]
PAINS_ZH = ["网速慢", "排队太久", "不知道怎么选", "下班太晚"]
PAINS_EN = ["hidden fees", "long waits", "too many choices"]
REGIONS_ZH = ["成都", "城南", "浦东", "天河区"]
TONES_ZH = ["有点巴适的成都味", "带梗", "亲切口语"]
BRANDS_ZH = ["邻里优选", "巷口小馆", "城南营业厅", "一杯茶研所", "康宁堂", "云帆科技"]
BRANDS_EN = ["Harbor Inn", "Maple Corner", "Northside Fiber", "Good Day Bakery"]
CAMPAIGNS_ZH = ["618年中大促", "秋季社区活动", "新店开业周", "会员回馈月", "国庆出游季"]
CAMPAIGNS_EN = ["Spring stay", "Back to school", "Holiday weekend", "Grand opening week"]
COPY_CHANNELS = ["community", "moments", "sms", "push", "xiaohongshu", "douyin", "wechat_article"]
PLATFORMS = ["douyin", "channels", "kuaishou", "xiaohongshu"]
POSTER_SIZES: list[Any] = [
    "xiaohongshu",
    "douyin",
    "channels",
    "moments",
    "square",
    "wechat_cover",
    ["square", "moments"],
]
CURRENCIES_EN = {"USD": "$", "EUR": "€", "GBP": "£"}


def _maybe(rng: random.Random, p: float = 0.5) -> bool:
    return rng.random() < p


def _deliverables(rng: random.Random) -> list[dict[str, Any]]:
    def styles(n: int) -> list[str]:
        return rng.sample(list(STYLES), n)

    out: list[dict[str, Any]] = []
    for ch in COPY_CHANNELS:
        d: dict[str, Any] = {"kind": "copy", "channel": ch, "styles": styles(2)}
        if ch == "sms" and _maybe(rng, 0.3):
            d["sms_parts"] = 2
        if ch == "moments" and _maybe(rng, 0.2):
            d["max_chars"] = rng.choice([80, 200])
        out.append(d)
    out.append({"kind": "title", "channel": rng.choice(COPY_CHANNELS), "variants": 4})
    out.append(
        {
            "kind": "poster",
            "styles": styles(2),
            "size": rng.choice(POSTER_SIZES),
            "template": rng.choice(["bold-sale", "festival", "minimal-card"]),
        }
    )
    for platform in rng.sample(PLATFORMS, 2):
        out.append(
            {
                "kind": "video_script",
                "platform": platform,
                "duration": rng.choice([15, 30, 60]),
                "audience": rng.choice(["crew", "customer"]),
                "styles": styles(1),
            }
        )
    live: dict[str, Any] = {"kind": "live_script", "minutes": rng.choice([20, 30, 60])}
    if _maybe(rng, 0.7):
        live["platform"] = rng.choice(PLATFORMS)
    live["styles"] = styles(1)
    out.append(live)
    return out


def random_brief(seed: int) -> dict[str, Any]:
    """One valid brief as its YAML would load (plain dicts and lists)."""
    rng = random.Random(seed)
    en = _maybe(rng, 0.3)
    pool = EN if en else ZH
    category = rng.choice(sorted(pool))
    name, short, form, unit, points, offers, proof = rng.choice(pool[category])
    product: dict[str, Any] = {
        "name": name,
        "form": form,
        "category": category,
        "selling_points": rng.sample(points, rng.randint(1, len(points))),
        "offer": rng.choice(offers),
    }
    if _maybe(rng, 0.7):
        product["short_name"] = short
    if proof and _maybe(rng, 0.7):
        product["proof"] = proof
    if _maybe(rng, 0.85):
        product["price"] = rng.choice([9.9, 18, 39, 89, 129, 168, 299, 1999, 36000])
        if unit and _maybe(rng, 0.8):
            product["price_unit"] = unit
    if en:  # the offer written in the brief's currency, as its author would
        product["currency"] = rng.choice(sorted(CURRENCIES_EN))
        product["offer"] = product["offer"].replace("$", CURRENCIES_EN[product["currency"]])
    elif _maybe(rng, 0.15):
        product["currency"] = "CNY"
    if _maybe(rng, 0.7):
        product["deadline"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if _maybe(rng, 0.6):
        product["landing_url"] = "https://example.com/p?utm_source=wb"
    brand: dict[str, Any] = {"name": rng.choice(BRANDS_EN if en else BRANDS_ZH)}
    if category == "health_food" and not en:
        brand["must_include"] = ["本品不能代替药物"]
    segments = []
    pool_seg = SEGMENTS_EN if en else SEGMENTS_ZH
    for i, (sname, desc, life, address) in enumerate(rng.sample(pool_seg, rng.randint(1, 2))):
        seg: dict[str, Any] = {"id": f"seg{i}", "name": sname, "description": desc}
        if _maybe(rng, 0.6):
            seg["address_as"] = address
        if _maybe(rng, 0.6):
            seg["lifecycle"] = life
        if _maybe(rng, 0.4):
            seg["pain_points"] = [rng.choice(PAINS_EN if en else PAINS_ZH)]
        if not en and _maybe(rng, 0.3):
            seg["region"] = rng.choice(REGIONS_ZH)
        if not en and _maybe(rng, 0.3):
            seg["tone"] = rng.choice(TONES_ZH)
        if _maybe(rng, 0.3):
            seg["rfm"] = {"recency": rng.choice(["low", "mid", "high"])}
        segments.append(seg)
    campaign: dict[str, Any] = {
        "id": f"unseen-{seed}",
        "name": rng.choice(CAMPAIGNS_EN if en else CAMPAIGNS_ZH),
        "goal": rng.choice(["acquire", "activate", "convert", "repurchase", "refer"]),
        "brand": brand,
        "product": product,
    }
    if en:
        campaign["language"] = "en-US"
    return {"campaign": campaign, "segments": segments, "deliverables": _deliverables(rng)}
