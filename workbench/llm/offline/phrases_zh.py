"""Chinese phrase banks: sentences built only from the brief's facts and neutral words.

Placeholders: product (first mention), short, price, offer, math, deadline, point, point2,
points, proof, addr (how customers are addressed), pain, interest, region, brand,
occasion, get (下单 / 办理 / 预订 / 咨询), cta. A template is used only when all its
placeholders have values. No absolute terms, no statistics, no testimonials, no urgency
the offer does not carry: numbers come from the placeholders only.
"""

from __future__ import annotations

HELLO = {
    "named": ("{addr}好！", "{addr}，", "嗨，{addr}！"),
    "lapsed": ("{addr}，好久不见！", "{addr}好久不见，", "{addr}，"),
    "plain": ("{addr}好！", "{addr}，", "{addr}，你好！"),
}

BEATS: dict[str, list[str]] = {
    "hook": [
        "{addr}，{short}的本期福利来了。",
        "{addr}，给大家说说{product}。",
        "{addr}，{brand}有新消息。",
        "{occasion}来了，{product}有福利。",
    ],
    "pain": ["{pain}？", "关于“{pain}”，这里说清楚。"],
    "agitate": [
        "挑的时候多看一眼，心里更有底。",
        "与其反复比较，不如先看清楚要点。",
        "选之前，把关键信息看明白就好。",
    ],
    "feature": [
        "{product}：{points}。",
        "{product}的特点是{points}。",
        "这次介绍的是{product}，{points}。",
    ],
    "point": [
        "这次想重点说说{point}。",
        "{short}的亮点之一：{point}。",
        "{short}有一点值得知道：{point}。",
        "先说一个要点：{point}。",
    ],
    "evidence": ["{proof}。", "数据说话：{proof}。", "给大家一个参考：{proof}。"],
    "interest": [
        "关注{interest}的{addr}，可以看看{short}。",
        "说到{interest}，{short}是一个可以考虑的选择。",
    ],
    "price": ["{short}的价格是{price}。", "{short}定价{price}。", "说一下价格，{short}{price}。"],
    "offer": ["这次的福利是{offer}。", "{offer}。", "福利是这样的：{offer}。"],
    "math": ["算一下：{math}。", "{math}。"],
    "deadline": ["活动截至{deadline}。", "{deadline}截止。", "福利到{deadline}为止。"],
    "memorable": [
        "有问题随时问{brand}。",
        "有任何疑问，欢迎来问{brand}。",
        "{brand}在这里，有问题随时找我们。",
    ],
    "refer": ["身边有需要的朋友，可以转给Ta。", "觉得有用的话，分享给身边需要的朋友。"],
    "engage": ["有问题在评论区留言，我们一条条回复。", "想了解哪一点，留言告诉我们。"],
}

DIALECT = {
    "sichuan": {
        "deadline": "{deadline}截止，莫错过哈！",
        "plain": "有啥子问题，随时问我们哈！",
    }
}

# Verbs by product form and category: a service is 办理/预订/咨询, never 囤 or 用起来.
GET = {
    "goods": "下单",
    "telecom": "办理",
    "hotel": "预订",
    "b2b_service": "咨询",
    "education": "报名",
    "finance": "了解",
    "service": "预约",
}

CTA: dict[str, list[str]] = {
    "acquire": ["点链接了解{short}", "戳链接看看详情", "了解一下{short}", "详情在链接里",
                "打开链接看{short}"],
    "activate": ["点开看看本期福利", "回来看看新福利", "点击查看福利", "福利在链接里",
                 "打开链接领福利"],
    "convert": ["点链接{get}", "现在就{get}", "需要的话点链接{get}", "打开链接即可{get}",
                "从链接进入{get}"],
    "repurchase": ["点链接再次{get}", "需要的话现在{get}", "趁活动{get}", "打开链接即可{get}",
                   "从链接进入{get}"],
    "refer": ["转给需要的朋友", "分享给身边的朋友", "推荐给需要的人", "转发给用得上的朋友",
              "发给身边的朋友看看"],
}  # fmt: skip
CTA_NO_LINK: dict[str, list[str]] = {
    "acquire": ["联系{brand}了解{short}", "来{brand}了解一下", "想了解{short}就找{brand}",
                "问问{brand}就知道", "找{brand}客服了解详情"],
    "activate": ["联系{brand}领取福利", "回来看看本期福利", "找{brand}领本期福利",
                 "问{brand}领福利", "找{brand}客服领福利"],
    "convert": ["联系{brand}{get}", "现在联系{brand}{get}", "想{get}就找{brand}",
                "找{brand}客服{get}", "{get}请找{brand}"],
    "repurchase": ["联系{brand}再次{get}", "趁活动联系{brand}{get}", "想再{get}就找{brand}",
                   "找{brand}客服{get}", "{get}请找{brand}"],
    "refer": ["转给需要的朋友", "分享给身边的朋友", "推荐给需要的人", "转发给用得上的朋友",
              "发给身边的朋友看看"],
}  # fmt: skip
# A short video carries no clickable link: the platform's own buying action (小黄车, 主页,
# 商品卡片), by platform and product form.
PLATFORM_CTA: dict[str, dict[str, list[str]]] = {
    "douyin": {"goods": ["点左下角小黄车{get}", "小黄车里就能{get}"],
               "service": ["点头像进主页{get}", "去主页橱窗{get}"]},
    "kuaishou": {"goods": ["点左下角小黄车{get}", "小黄车里就能{get}"],
                 "service": ["点头像进主页{get}", "去主页{get}"]},
    "channels": {"goods": ["点视频下方的商品{get}", "视频下方商品卡片可以{get}"],
                 "service": ["点视频下方的链接{get}", "视频下方链接可以{get}"]},
    "xiaohongshu": {"goods": ["点笔记里的商品卡片{get}", "笔记里的商品卡片可以{get}"],
                    "service": ["点笔记里的商品卡片{get}", "笔记里的商品卡片可以{get}"]},
}  # fmt: skip
POSTER_CTA = {
    "acquire": ("了解详情", "立即了解"),
    "activate": ("查看福利", "回来看看"),
    "convert": ("立即{get}", "现在{get}"),
    "repurchase": ("再次{get}", "立即{get}"),
    "refer": ("分享好友", "推荐好友"),
}

LABELS = {
    "product": "产品",
    "service": "服务",
    "price": "价格",
    "offer": "福利",
    "deadline": "截止",
    "points": "特点",
    "proof": "参考",
    "cta": "行动",
    "link": "链接",
    "how": "怎么{get}",
    "for": "适合",
}
# Lines of the layouts (``layouts.py``): the letter's scene-led opening, the headline card.
SCENES: list[str] = [
    "{occasion}到了，来聊聊{product}。",
    "说到{interest}，{product}值得看一看。",
    "如果也遇到过“{pain}”，不妨看看{product}。",
    "今天聊聊{product}。",
    "今天想介绍的是{product}。",
]
LAYOUT: dict[str, str] = {
    "for": "关注{interest}的朋友",
    "from": "这里是{brand}。",
    "hybrid_name": "{product}：",
    "hybrid_after": "以上是{product}的要点。",
    "hybrid_until": "{addr}，{until}，{cta}",
}
# The instruction sheet's first row: how to get it, as a concrete step (never the CTA again
# after "怎么下单：", never "了解一下" as the answer to "how").
HOW: dict[str, tuple[str, ...]] = {
    "below": ("打开下方链接", "点文末的链接", "从下方链接进入"),
    "link": ("打开链接", "点这个链接", "用这个链接"),
    "contact": ("联系{brand}", "找{brand}客服", "问{brand}"),
    "terse": ("问我们",),  # a card too tight for more (the brand posts it)
}
# How the letter signs off (the letter only: the other layouts end on their CTA).
SIGN_OFF = ("有问题随时问我们。", "想多了解一点，随时来问。", "有什么想知道的，尽管问我们。")
QA: dict[str, list[str]] = {
    "what": ["问：{product}是什么？", "问：{product}有哪些特点？", "问：{product}怎么样？"],
    "what_a": ["答：{points}。"],
    "price": ["问：多少钱？"],
    "price_a": ["答：{price}。"],
    "offer": ["问：现在有什么福利？", "问：这次有什么活动？", "问：本期福利是什么？"],
    "offer_a": ["答：{offer}。"],
    "when": ["问：到什么时候？", "问：活动到哪天？", "问：截止到什么时候？"],
    "when_a": ["答：到{deadline}为止。", "答：{deadline}截止。", "答：截至{deadline}。"],
    "proof": ["问：有什么可以参考的？", "问：有数据吗？", "问：有什么依据？"],
    "proof_a": ["答：{proof}。"],
    "how": ["问：怎么{get}？", "问：在哪里{get}？", "问：想{get}怎么办？"],
    "how_a": ["答：{cta}"],
}
# How the deadline is said, taking turns (styles and variants say it differently).
UNTIL = ("{deadline}截止", "截至{deadline}", "到{deadline}为止", "{deadline}前有效")
ASK = ("{short}有什么福利？", "{short}这期有什么活动？", "{short}本期福利：")
ARTICLE_HEADS = ("一、{short}是什么", "二、本期福利", "三、怎么{get}")
BULLET_MARKS = ("✅", "▪", "·")
EMOJI = ("✨", "🎁", "⏰", "👉", "💛", "🌿", "📣", "🌸")

# {you} is the segment's address_as (empty without one, so those titles are skipped): a
# title that speaks to the reader uses it, never the segment's name or description.
TITLES: dict[str, list[str]] = {
    "利益型": [
        "{offer_short}", "{you}：{offer_short}", "{short}本期福利", "{offer_short}，到{deadline}",
        "{short}：{offer_short}",
    ],
    "价格型": ["{short}{price}", "{you}，{short}{price}", "{short}，{price}"],
    "特点型": ["{short}：{point}", "{point}的{short}", "{point}，{point2}"],
    "身份型": ["写给{you}的{short}", "{addr}看过来", "{addr}，{short}福利来了"],
    "痛点型": ["{pain}？看看{short}", "{pain}？先看这条"],
    "提问型": ["{short}怎么选？", "{short}有什么特点？", "{point}，{short}怎么样？"],
    "时间型": ["{short}福利到{deadline}", "{you}，{short}福利到{deadline}",
             "{short}{occasion}福利"],
}  # fmt: skip

VIDEO: dict[str, list[str]] = {
    "hook": ["{short}来了！", "{addr}看过来！", "{pain}？", "一条看懂{short}", "{offer_short}！"],
    "pain": ["{pain}？", "是不是也遇到过{pain}？"],
    "point": ["{point}。", "重点来了：{point}。", "{short}的特点：{point}。"],
    "proof": ["{proof}。"],
    "scene": ["关注{interest}的朋友看过来。", "说到{interest}，可以看看{short}。"],
    "price": ["{offer}。", "{short}{price}。", "{offer}，{math}。"],
    "cta": ["{cta}，截至{deadline}！", "{cta}！", "现在就{cta}！"],
}

# What the camera shows, by product form: a service is shown as the people and the work,
# never as a packaged object held up to the lens.
SHOT_VISUALS: dict[str, dict[str, list[str]]] = {
    "goods": {
        "hook": ["主播对镜头举起{short}", "{short}特写，快速推近", "桌面上出现{short}"],
        "pain": ["手机里翻来翻去的购物页面", "货架前犹豫的手"],
        "point": ["{short}细节特写，字幕：{point}", "手指点出{short}上的{point}"],
        "proof": ["字幕完整显示：{proof}"],
        "scene": ["日常场景里的{short}", "家中桌面上的{short}"],
        "price": ["价签与活动信息同框", "手机下单页面"],
        "cta": ["主播对镜头说出行动号召，字幕同步", "品牌Logo收尾"],
    },
    "service": {
        "hook": ["主播对镜头打招呼，字幕：{short}", "{brand}门头或工作现场空镜"],
        "pain": ["手机上反复对比套餐的画面", "皱眉看手机的特写"],
        "point": ["字幕卡：{point}", "服务人员工作场景，字幕：{point}"],
        "proof": ["字幕完整显示：{proof}"],
        "scene": ["顾客在日常场景中使用{short}", "服务现场全景"],
        "price": ["字幕卡：价格与福利", "手机上的{get}页面"],
        "cta": ["主播对镜头说出行动号召，字幕同步", "品牌Logo收尾"],
    },
}
PROPS: dict[str, dict[str, tuple[str, ...]]] = {
    "goods": {
        "hook": ("{short}实物", "{short}、手机支架"),
        "pain": ("手机购物页",),
        "point": ("{short}、要点字幕卡",),
        "proof": ("字幕卡",),
        "scene": ("家中日常小物件", "{short}"),
        "price": ("活动海报、价签", "手机下单页"),
        "cta": ("品牌Logo牌", "{short}"),
    },
    "service": {
        "hook": ("{brand}工牌或门头",),
        "pain": ("手机",),
        "point": ("字幕卡",),
        "proof": ("字幕卡",),
        "scene": ("服务现场",),
        "price": ("价格字幕卡", "手机{get}页面"),
        "cta": ("品牌Logo牌",),
    },
}

SOUNDS = ("轻快背景音乐", "节奏鼓点", "温暖钢琴", "环境音", "音效：叮", "轻松口哨")
HASHTAGS = {
    "goods": ("好物推荐", "本期福利", "实用分享"),
    "service": ("生活服务", "本期福利", "实用分享"),
}
