"""Word-for-word host lines for live run sheets, from the brief's facts only.

Each beat opens with its own lines and is then filled, up to its share of the stream at
the host's speaking rate, with the restatements a host really makes on air (the product,
its points, the price, the offer, the deadline, how to ask), rotated so the loop does not
read the same twice in a row. Nothing here states a fact the brief does not hold.
"""

from __future__ import annotations

# ruff: noqa: E501  (whole Chinese sentences)

FILLER: dict[str, tuple[str, ...]] = {
    "zh-CN": (
        "刚进直播间的朋友，我再介绍一下：今天讲的是{product}。",
        "{short}的特点，我再说一遍：{points}。",
        "先说一点，{point}。",
        "再说一点，{point2}。",
        "给大家一个参考：{proof}。",
        "{short}的价格是{price}。",
        "今天的福利是：{offer}。",
        "{math}。",
        "活动截至{deadline}，时间以商品页为准。",
        "有问题打在公屏上，我们一条一条回答。",
        "还没点关注的朋友，点一下关注，下次开播能收到提醒。",
        "{get}之前，把规格、价格、福利看清楚，有疑问先问客服。",
        "详细规则以商品页和直播间公告为准。",
        "关注{interest}的朋友，可以多留意一下{short}。",
        "说到“{pain}”，今天就把要点一条条讲清楚。",
    ),
    "en-US": (
        "If you just joined: today we are talking about {product}.",
        "Once more, what {short} offers: {points}.",
        "Point one: {point}.",
        "One more point: {point2}.",
        "For reference: {proof}.",
        "{short} is {price}.",
        "Today's deal: {offer}.",
        "{math}.",
        "The offer ends {deadline}; the shop page has the details.",
        "Questions? Type them in the comments and we answer each one.",
        "If you have not followed yet, tap follow to get the next stream alert.",
        "Before you {get}, check the details, the price and the deal; ask support if unsure.",
        "The rules on the product page and pinned in the live room apply.",
        "If {interest} matters to you, keep an eye on {short}.",
        "If {pain} sounds familiar, we go through the key points one by one.",
    ),
}

# Beats that repeat to fill long phases: (segment, lines, action, interaction).
LOOP: dict[str, dict[str, tuple[tuple[str, str, str, str], ...]]] = {
    "zh-CN": {
        "爬坡": (
            ("互动答疑", "我们来看看公屏上的问题。问得多的，我统一回答一遍。", "助播挑出评论区的问题念给主播", "问答"),
            ("要点回顾", "给刚来的朋友把要点再过一遍。", "主播面向镜头逐条说明，助播在公屏置顶要点", ""),
        ),
        "高潮": (
            ("循环讲品", "再给大家完整讲一遍{product}。", "主播展示{short}相关资料，助播配合特写", ""),
            ("福利复述", "福利再说一遍，{offer}。", "助播举起活动信息牌，主播逐条说明", ""),
            ("互动答疑", "我们停一下，看看公屏上的问题。", "助播念出问题，主播逐一回答", "问答"),
        ),
    },
    "en-US": {
        "爬坡": (
            ("Q&A", "Let us look at the questions in the comments. I will answer the common ones.", "Assistant reads out questions from the comments", "问答"),
            ("Recap", "For everyone who just joined, the key points once more.", "Host goes through each point; assistant pins them", ""),
        ),
        "高潮": (
            ("Product again", "Let me walk through {product} once more.", "Host shows the {short} materials; assistant zooms in", ""),
            ("Deal again", "The deal once more: {offer}.", "Assistant holds up the deal card; host explains each line", ""),
            ("Q&A", "Let us pause and look at your questions.", "Assistant reads questions; host answers each", "问答"),
        ),
    },
}  # fmt: skip
