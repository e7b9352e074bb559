"""Chinese phrase banks: openings, framework beats, packaging, CTAs, titles, video beats.

Placeholders: product, price, split, offer, math, deadline, point, point2, points, seg,
pain, desc, interest, region, brand, greet. A template is used only when all its
placeholders have values. No absolute terms (最, 第一, 顶级...) anywhere.
"""

from __future__ import annotations

GREET = {
    "new": "欢迎新朋友",
    "dormant": "好久不见",
    "declining": "好久不见",
    "churned": "好久不见",
    "": "hello",
}

BEATS: dict[str, list[str]] = {
    "hook": [
        "{greet}！{seg}们，这条消息值得花10秒看完。",
        "{seg}们注意啦，{product}的福利来了。",
        "还在为{pain}发愁吗？",
        "{region}的{seg}们，今天给大家带来一个好消息。",
        "一句话说清楚：{product}，{offer}。",
        "如果你也{pain}，这条一定要看。",
        "{greet}，{seg}！给你留了一份福利。",
        "{seg}的日常里，{interest}总是绕不开的话题。",
    ],
    "persona": [
        "我是{brand}的社群运营小伙伴，",
        "作为陪了大家很久的{brand}店长，",
        "我是{brand}门店的小助手，",
    ],
    "testimony": [
        "上周群里一位{seg}问我：“{pain}，该怎么选？”",
        "常有{seg}跟我说：“{pain}。”",
        "很多{seg}私下问过同一个问题：{pain}怎么办？",
    ],
    "pain": [
        "{desc}，{pain}，这种心情我们都懂。",
        "{pain}，是很多{seg}的真实日常。",
        "每次选{product}的时候，是不是总担心{pain}？",
        "{desc}，总想找一个省心的选择。",
    ],
    "agitate": [
        "选错一次，不只是浪费钱，更是浪费时间和心情。",
        "比来比去，时间花了，心里还是没底。",
        "等到需要的时候再找，往往已经错过了合适的时机。",
    ],
    "feature": [
        "{product}，{point}。",
        "{product}主打{points}。",
        "这次推荐的是{product}：{points}。",
    ],
    "advantage": [
        "{point2}，用起来更省心。",
        "除了{point}，还有{point2}，细节都替你想到了。",
        "{point2}这一点，{seg}们反馈很实用。",
    ],
    "benefit": [
        "对{seg}来说，这意味着少操心、多安心。",
        "省下比较的时间，留给{interest}。",
        "{seg}用起来更放心，每天都轻松一点。",
        "买得明白，用得安心。",
    ],
    "evidence": [
        "{point}，每一项都写得清清楚楚。",
        "{brand}的老会员回购时，常提到{point}。",
        "看得见的{point}，心里更踏实。",
    ],
    "scene": [
        "想象一下：{desc}，打开手机就能把{product}安排好。",
        "{region}的午后，一份{product}，刚刚好。",
        "忙完一天，{product}已经在等你。",
    ],
    "anchor": [
        "到手价{price}，{split}。",
        "活动价算下来{math}。",
        "单价{price}，活动期间入手更划算。",
        "{split}，就能把{product}带回家。",
    ],
    "surprise": [
        "没想到吧，这次{offer}。",
        "惊喜在后面：{offer}。",
        "这次还有小惊喜：{offer}，{math}。",
    ],
    "social": [
        "好东西值得分享，转给身边同样需要的{seg}吧。",
        "晒出你的{product}，和群里的朋友交流心得。",
        "懂行的{seg}，都在悄悄囤。",
    ],
    "emotion": [
        "照顾好自己，也照顾好生活里的每个小细节。",
        "值得被认真对待的，不只是价格，还有你的每一天。",
        "一点小确幸，从{product}开始。",
    ],
    "engage": [
        "你平时怎么挑{product}？评论区聊聊。",
        "你会选哪一款？回复告诉我们。",
        "{interest}方面你还想了解什么？留言告诉我。",
    ],
    "memorable": [
        "{brand}，陪你把日子过得更好。",
        "选{product}，就是选省心。",
        "{brand}，一直都在。",
    ],
    "offer": [
        "{offer}。",
        "活动福利：{offer}。",
        "本期福利：{offer}，{math}。",
    ],
    "urgency": [
        "活动截至{deadline}，过期恢复原价。",
        "{deadline}前有效，需要的抓紧。",
        "福利只到{deadline}，别错过。",
    ],
}

CTA: dict[str, list[str]] = {
    "acquire": ["扫码进群领福利", "进群领新人福利", "来店里试试看", "点链接加入社群"],
    "activate": ["点开领取你的福利", "回来看看新福利", "点击查看专属福利", "打开小程序看看"],
    "convert": ["点击链接立即下单", "现在下单更划算", "点击抢购", "马上下单"],
    "repurchase": ["老朋友直接回购", "趁活动囤一波", "点击回购", "会员日下单"],
    "refer": ["转给需要的朋友", "分享给身边的朋友", "告诉同样需要的人", "推荐给好友"],
}

LABELS = {"product": "产品", "offer": "福利", "deadline": "截止", "price": "价格", "cta": "行动"}
BULLET_MARKS = ("✅", "▪", "①②③④⑤⑥")
EMOJI = ("✨", "🎁", "⏰", "👉", "💛", "🌿", "📣", "🌸")

TITLES: dict[str, list[str]] = {
    "数字型": [
        "{n}个理由选{product}", "{price}就能带走{product}", "{n}秒看懂{product}",
        "{seg}必看的{n}个细节", "{offer_short}，{n}天有效",
    ],
    "痛点型": [
        "{pain}？看这里", "还在{pain}？", "{seg}别再{pain}了", "{pain}的{seg}看过来",
    ],
    "好奇型": [
        "{seg}都在悄悄买的{product}", "原来{product}可以这样选", "{product}的秘密藏在这里",
        "为什么{seg}都回购它",
    ],
    "利益型": [
        "{offer_short}，{seg}快来", "{product}限时福利", "{split}的{product}",
        "{product}福利到{deadline}", "会员专享：{offer_short}",
    ],
    "身份型": [
        "写给{seg}的{product}清单", "{seg}专属福利", "{region}{seg}看过来", "给{seg}的一份礼物",
    ],
    "对比型": [
        "选对{product}，省心一整季", "{point}和普通款差在哪", "同样的钱，{seg}这样买",
        "{point}vs普通款",
    ],
    "场景型": [
        "{interest}的日子，有{product}", "{region}的{seg}都在囤", "下午三点，来份{product}",
        "{interest}时，用上{product}",
    ],
    "提问型": [
        "{seg}怎么选{product}？", "{product}值不值得买？", "{pain}怎么办？", "{point}有多重要？",
    ],
}  # fmt: skip

VIDEO: dict[str, list[str]] = {
    "hook": ["{pain}？", "{seg}看过来！", "{product}来了！", "三秒看懂{product}", "别划走！"],
    "pain": ["{pain}，是很多{seg}的烦恼。", "选{product}总怕选错？", "每次挑都要比半天？"],
    "point": ["{point}，看得见的安心。", "亮点是{point}。", "{point}，细节很用心。"],
    "scene": ["{interest}的时候，{product}刚刚好。", "在家就能轻松搞定。", "日常用起来很顺手。"],
    "price": ["到手{price}，{split}。", "活动价算下来{math}。", "{offer}。"],
    "cta": ["{cta}，截至{deadline}！", "{cta}！", "现在就{cta}！"],
}

SHOT_VISUALS: dict[str, list[str]] = {
    "hook": [
        "主播对镜头举起{product}",
        "{product}包装特写，快速推近",
        "生活场景里突然出现{product}",
    ],
    "pain": ["{seg}皱眉对比商品的画面", "货架前犹豫不决的手", "手机里翻来翻去的购物页面"],
    "point": ["{product}细节特写", "手指点出包装上的{point}", "产品使用过程近景"],
    "scene": ["{seg}在日常场景中使用{product}", "全家人一起的温馨画面", "门店环境全景"],
    "price": ["价签与活动海报同框", "手机下单页面", "店员展示活动福利"],
    "cta": ["主播指向屏幕下方", "二维码与门店招牌同框", "品牌Logo收尾"],
}

SOUNDS = ("轻快背景音乐", "节奏鼓点", "温暖钢琴", "环境音", "音效：叮", "轻松口哨")
HASHTAGS = ("好物推荐", "生活小技巧", "福利", "会员日", "种草", "省心好物", "宝藏好物")
