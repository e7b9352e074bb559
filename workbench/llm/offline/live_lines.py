"""Word-for-word host lines for live run sheets, from the brief's facts only.

Each beat opens with its own lines and is then filled, up to its share of the stream at
the host's speaking rate, with its phase's restatements (the product, its points, the
price, the offer, the deadline, how to ask, questions to the audience), each at most once
in a beat and started at another line in every beat. Time left after that is the host
looping the beat's points and answering comments, said so in the beat's action. Nothing here states a fact the brief does
not hold.
"""

from __future__ import annotations

# ruff: noqa: E501  (whole Chinese sentences)

FILLER: dict[str, dict[str, tuple[str, ...]]] = {
    "zh-CN": {
        "开场": (
            "刚进来的朋友，欢迎！今天讲的是{product}。",
            "先点个关注，福利讲解马上开始。",
            "今天的福利先预告一下：{offer}。",
            "今天要讲的{short}，{points}，一会儿一条条说。",
            "活动截至{deadline}，时间以商品页为准。",
            "这里是{brand}的直播间，有问题随时打在公屏上。",
            "在的朋友扣个“到”，我看看谁在。",
            "今天的流程：先聊大家关心的问题，再讲{short}，然后说福利。",
            "{short}的价格是{price}，福利一会儿细讲。",
        ),
        "爬坡": (
            "说到“{pain}”，大家平时怎么处理，打在公屏上说说。",
            "关注{interest}的朋友，今天这场可以多听一会儿。",
            "选{short}之前，可以先想想自己更在意哪一点。",
            "你们平时选的时候，看重的是什么？打在公屏上告诉我。",
            "先说这一点：{point}。",
            "{point2}，这一点也值得记一下。",
            "给大家一个参考：{proof}。",
            "想问价格的朋友：{short}是{price}。",
            "还没点关注的朋友，点一下关注，下次开播能收到提醒。",
            "刚进来的朋友，我们在聊{short}，福利是{offer}。",
            "公屏上的问题我都看着，一会儿集中回答。",
        ),
        "高潮": (
            "我们来看{product}：{points}。",
            "先说{point}，这是{short}的要点之一。",
            "再看{point2}。",
            "价格：{short}{price}。",
            "福利再说一遍：{offer}。",
            "{math}。",
            "参考数据：{proof}。",
            "想{get}的朋友，点{cart}就能看到详情。",
            "{get}之前，把规格、价格、福利看清楚，有疑问先问客服。",
            "福利截至{deadline}，以商品页为准。",
            "详细规则以商品页和直播间公告为准。",
            "有疑问的朋友，公屏打出来，我们一条条回答。",
        ),
        "落幕": (
            "收尾前再回顾一下：{product}，{points}。",
            "福利是{offer}，截至{deadline}。",
            "还没{get}的朋友，可以再看看{cart}。",
            "有问题可以随时问{brand}的客服。",
            "没点关注的朋友点个关注，下次开播见。",
            "谢谢大家今天的陪伴。",
        ),
    },
    "en-US": {
        "开场": (
            "Welcome if you just joined! Today we are talking about {product}.",
            "Tap follow now; the deal is coming up in a minute.",
            "A preview of today's deal: {offer}.",
            "{short}: {points}. We go through each one shortly.",
            "The offer ends {deadline}; the shop page has the details.",
            "This is the {brand} live room; type your questions any time.",
            "Type 'here' in the comments so I can see who is with us.",
            "The plan: your questions first, then {short}, then the deal.",
            "{short} is {price}; more on the deal in a moment.",
        ),
        "爬坡": (
            "How do you deal with {pain} today? Tell me in the comments.",
            "If {interest} matters to you, stay a little longer today.",
            "Before you choose {short}, think about what matters most to you.",
            "Tell me in the comments what you look for when you choose.",
            "First point: {point}.",
            "{point2} is worth remembering too.",
            "For reference: {proof}.",
            "For anyone asking about the price: {short} is {price}.",
            "If you have not followed yet, tap follow to get the next stream alert.",
            "If you just joined: we are talking about {short}, and the deal is {offer}.",
            "I see your questions; I will answer them together in a moment.",
        ),
        "高潮": (
            "Let us look at {product}: {points}.",
            "Start with {point}, one of the key points of {short}.",
            "Next, {point2}.",
            "The price: {short} is {price}.",
            "The deal once more: {offer}.",
            "{math}.",
            "For reference: {proof}.",
            "If you want to {get}, tap {cart} for the details.",
            "Before you {get}, check the details, the price and the deal; ask support if unsure.",
            "The deal runs until {deadline}, as the shop page says.",
            "The rules on the product page and pinned in the live room apply.",
            "Type your questions in the comments and we answer each one.",
        ),
        "落幕": (
            "One last recap: {product}, {points}.",
            "The deal is {offer}, until {deadline}.",
            "If you have not yet, take another look at {cart}.",
            "For questions later, {brand} support is there for you.",
            "Follow us and see you at the next stream.",
            "Thank you all for being here today.",
        ),
    },
}
# When a beat has said every line of its phase once, the rest of its time is the host
# looping the beat's points and answering comments: stated in the beat's action, as run
# sheets do, never written out again word for word.
# What each phase's first beat states about its minutes (crew text: the action column), and
# the stream's share of word-for-word minutes (the rest is the stated loop and interaction).
COVERAGE = {
    "zh-CN": "本段逐字稿约{spoken}分钟，其余约{rest}分钟循环讲解与互动（见各段提示）",
    "en-US": "This phase: ~{spoken} min word for word, ~{rest} min loop and interaction (see cues)",
}
SHARE = {
    "zh-CN": "全场逐字稿约{spoken}分钟，占{share}%；其余时间按各段提示循环讲解、演示、读评论",
    "en-US": "Whole stream: ~{spoken} min word for word ({share}%); the rest loops, demos and "
    "answers comments as cued",
}
COMMENTS = {
    "zh-CN": "其余约{minutes}分钟：循环讲解本段要点，穿插读公屏评论并回答",
    "en-US": "Remaining ~{minutes} min: loop this beat's points, read and answer comments",
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
