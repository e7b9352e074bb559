"""Phrase banks for scripts: props and cues for short videos, run-sheet lines for live streams.

Keys per language; placeholders are the offline context's values ({product}, {offer}...).
A template whose placeholders are empty is skipped. No absolute claims anywhere: live
scripts are the highest-risk content for the Advertising Law.
"""

# ruff: noqa: E501  (whole Chinese sentences; ruff counts CJK as double width)

from __future__ import annotations

# Co-creation scripts: what the customer films and says, with a cue for every line.
CUSTOMER: dict[str, dict[str, dict[str, tuple[tuple[str, str, str, str], ...]]]] = {
    # lang -> form -> beat -> (visual, voiceover, cue, props); the customer says only facts
    # from the brief and what they themselves choose to check.
    "zh-CN": {
        "goods": {
            "hook": (
                ("手机贴近拍{short}", "猜猜我买了什么？", "手机竖拿，离{short}一拳远，边拍边说", "{short}"),
                ("对着镜头举起{short}", "今天来看看这个！", "前置镜头，把{short}举到脸旁边，笑着说", "{short}"),
            ),
            "use": (
                ("在家打开{short}", "{point}，我比较在意这点。", "把手机靠在桌上固定，边做边说，不用看镜头", "{short}、手机支架"),
                ("展示手里的{short}", "这是{product}。", "手机拿稳慢慢移过去，说完稍作停顿", "{short}"),
            ),
            "point": (
                ("特写{short}上的{point}", "写着{point}，买之前我看过。", "手机慢慢推近到字能看清，说完停一下", "{short}"),
                ("手指点一点{point}的位置", "我会看{point}，你们可以对照看看。", "用手指点着说，手机别晃", "{short}"),
            ),
            "cta": (
                ("对镜头比个手势", "现在{offer_short}，可以看看！", "前置镜头，看着镜头把这句说完，结尾比个赞", ""),
                ("拍门店招牌或下单页面", "我在{brand}买的。", "往后退，拍全招牌或下单页面，说完这句就结束", ""),
            ),
        },
        "service": {
            "hook": (
                ("前置镜头打招呼", "说说我近期办的{short}。", "前置镜头，自然地说", ""),
                ("拍{brand}的门头或页面", "今天聊聊{short}。", "手机竖拿，先拍门头或页面再转向自己", ""),
            ),
            "use": (
                ("前置镜头讲述", "选的是{product}。", "看着镜头说，语速放慢", ""),
                ("拍手机上的服务页面", "我选的是{product}。", "手机拍屏幕，别反光", "手机"),
            ),
            "point": (
                ("字幕卡或服务页面", "我看重的是{point}。", "对着镜头说，说完停一下", ""),
                ("前置镜头讲述", "{point}，这是我选它的原因。", "看着镜头说，手机别晃", ""),
            ),
            "cta": (
                ("对镜头比个手势", "现在{offer_short}，可以了解一下！", "看着镜头把这句说完，结尾比个赞", ""),
                ("拍{brand}的页面", "我是在{brand}{get}的。", "拍清页面，说完这句就结束", ""),
            ),
        },
    },
    "en-US": {
        "goods": {
            "hook": (
                ("Close on {short}", "Guess what I got?", "Hold the phone upright, a fist from {short}, and say it", "{short}"),
                ("Hold {short} up to the camera", "Taking a look at this today!", "Selfie camera, {short} next to your face, say it smiling", "{short}"),
            ),
            "use": (
                ("{short} at home", "{point}, that matters to me.", "Lean the phone on the table and talk while you use it", "{short}, phone stand"),
                ("{short} in hand", "This is {product}.", "Move the phone slowly, pause briefly after the line", "{short}"),
            ),
            "point": (
                ("Close on {point} on {short}", "It says {point}; I checked before buying.", "Move in slowly until the words are readable, then pause", "{short}"),
                ("Finger points at {point}", "{point} is what I check. Compare for yourself.", "Point while you say it; keep the phone still", "{short}"),
            ),
            "cta": (
                ("Wave at the camera", "{offer_short} now. Take a look!", "Selfie camera, look at the lens, thumbs up at the end", ""),
                ("Film the store sign or order page", "I got mine at {brand}.", "Step back for the whole sign, stop after the line", ""),
            ),
        },
        "service": {
            "hook": (
                ("Selfie camera, say hi", "Let me tell you about {short}.", "Selfie camera, say it naturally", ""),
                ("Film the {brand} sign or page", "Talking about {short} today.", "Film the sign or page first, then turn to yourself", ""),
            ),
            "use": (
                ("Selfie camera, talking", "I chose {product}.", "Look at the lens, speak slowly", ""),
                ("Film the service page on a phone", "This is the plan I chose: {product}.", "Film the screen without glare", "phone"),
            ),
            "point": (
                ("Caption card or service page", "What I care about: {point}.", "Say it to camera, pause after", ""),
                ("Selfie camera, talking", "{point}, that is why I chose it.", "Look at the lens; keep the phone still", ""),
            ),
            "cta": (
                ("Wave at the camera", "{offer_short} now. Take a look!", "Look at the lens, thumbs up at the end", ""),
                ("Film the {brand} page", "I went with {brand}.", "Film the page clearly, stop after the line", ""),
            ),
        },
    },
}  # fmt: skip

# Live run sheets: (segment, lines, action, interaction) per beat, by phase.
LIVE: dict[str, dict[str, tuple[tuple[str, str, str, str], ...]]] = {
    "zh-CN": {
        "开场": (
            ("欢迎进场", "欢迎来到{brand}直播间！刚进来的朋友先点个关注。今天讲{product}，{offer_short}，福利一会儿一个一个讲清楚。", "主播向镜头打招呼，助播在公屏置顶福利预告", ""),
            ("签到盖楼", "在的朋友在评论区扣一个“到”，我们盖楼签到。今天的流程是：先聊聊大家关心的问题，再讲{short}，中间有抽奖，后面有限时秒杀。", "助播念出评论区昵称，主播挥手回应", "盖楼"),
        ),
        "爬坡": (
            ("痛点共鸣", "如果你也在意“{pain}”这件事，今天我们把它讲明白：看什么、怎么选、哪些地方要留心。", "主播面向镜头讲解，助播在公屏置顶要点", ""),
            ("场景还原", "说到{interest}，{short}的一个特点是{point}。你们平时是怎么选的？打在公屏上，我一条一条看。", "主播讲解，助播补充评论区的问题", "问答"),
            ("整点抽奖", "现在开一轮抽奖：在评论区打出“{product_short}”就能参与，倒计时结束就开奖，中奖的朋友联系客服登记。奖品和抽奖规则以直播间公告为准。", "助播展示直播间公告的抽奖规则，开始五分钟倒计时", "抽奖"),
        ),
        "高潮": (
            ("产品讲解·特点", "我们来看{product}。一是{point}，二是{point2}。", "主播逐条讲解，助播在公屏打出要点", ""),
            ("产品讲解·证据", "{evidence}。有疑问随时问，我们当场解答。", "主播展示相关资料，逐一停留三秒", "问答"),
            ("福利说明", "今天的福利是：{offer}。{math_line}{deadline_line}", "助播举起活动信息牌，主播逐条说明", ""),
            ("限时秒杀", "接下来上链接，福利和数量以商品页为准。想要的朋友准备好，三、二、一，上链接！", "助播上架链接并报剩余时间，主播展示下单页面", "限时秒杀"),
        ),
        "落幕": (
            ("福袋收尾", "还没{get}的朋友，可以再看看{cart_one}。收尾福袋现在发出，评论区打出“{product_short}”参与，福袋内容以直播间公告为准。", "助播发放福袋，主播再次介绍{short}", "福袋"),
            ("复盘感谢", "{recap}", "主播面对镜头总结，助播在公屏置顶复盘要点", ""),
        ),
    },
    "en-US": {
        "开场": (
            ("Welcome", "Welcome to the {brand} live room! Tap follow if you just joined. Today it is {product}: {offer_short}. I will go through every perk.", "Host waves; assistant pins the perk preview", ""),
            ("Check-in chain", "If you are here, type 'here' in the comments and let us build the chain. Today: your questions first, then {short}, a lucky draw in the middle and a flash sale later.", "Assistant reads out names from the comments; host waves back", "盖楼"),
        ),
        "爬坡": (
            ("Pain point", "On {pain}, today we make it clear: what to look at, how to choose, what to watch for.", "Host talks to camera; assistant pins the key points", ""),
            ("Scene", "For {interest}, one thing about {short}: {point}. How do you choose today? Type it in the comments and I will read every one.", "Host explains; assistant relays questions", "问答"),
            ("Lucky draw", "Lucky draw time: type '{product_short}' in the comments to enter, we draw when the countdown ends, and winners contact support. The prize and rules pinned in the live room apply.", "Assistant shows the pinned draw rules and starts a five-minute countdown", "抽奖"),
        ),
        "高潮": (
            ("Product: features", "Let us look at {product}. One: {point}. Two: {point2}. ", "Host explains each point; assistant types them in the comments", ""),
            ("Product: evidence", "{evidence}. Ask anything and we answer on the spot.", "Host shows the materials, three seconds each", "问答"),
            ("The deal", "Today's deal: {offer}. {math_line}{deadline_line}", "Assistant holds up the deal card; host explains each line", ""),
            ("Flash sale", "Link next: the deal and quantities are as shown in the shop. Ready? Three, two, one, link is live!", "Assistant lists the link and calls the time left; host shows checkout", "限时秒杀"),
        ),
        "落幕": (
            ("Gift bag", "No rush: {cart_one} is still there. The last gift bag goes out now: type '{product_short}' to enter; the pinned rules apply.", "Assistant sends the gift bag; host sums up {short}", "福袋"),
            ("Recap and thanks", "{recap}", "Host sums up to camera; assistant pins the recap", ""),
        ),
    },
}  # fmt: skip

# Where a live room's viewer buys, by platform: (the place, its first item). 抖音 and 快手
# live rooms sell from the 小黄车, 视频号 from the 购物袋 below the stream, 小红书 from
# the product card; without a platform, the room's link.
LIVE_CART: dict[str, dict[str | None, tuple[str, str]]] = {
    "zh-CN": {
        "douyin": ("左下角小黄车", "小黄车一号链接"),
        "kuaishou": ("左下角小黄车", "小黄车一号链接"),
        "channels": ("直播间下方的购物袋", "购物袋里的一号商品"),
        "xiaohongshu": ("直播间的商品卡片", "商品卡片"),
        None: ("下方链接", "一号链接"),
    },
    "en-US": {
        "douyin": ("the yellow cart at the bottom left", "item one in the yellow cart"),
        "kuaishou": ("the yellow cart at the bottom left", "item one in the yellow cart"),
        "channels": ("the shopping bag below the stream", "item one in the shopping bag"),
        "xiaohongshu": ("the product card", "the product card"),
        None: ("the link below", "link one"),
    },
}

LIVE_GOALS: dict[str, dict[str, str]] = {
    "zh-CN": {
        "开场": "暖场留人：欢迎、预告福利、签到盖楼",
        "爬坡": "拉升在线：痛点共鸣、场景互动、抽奖",
        "高潮": "集中成交：FABE 讲透主推品，限时秒杀",
        "落幕": "复盘收尾：福利回顾、感谢、预告下场",
    },
    "en-US": {
        "开场": "Warm up and keep viewers: welcome, perk preview, check-in chain",
        "爬坡": "Grow the audience: pain points, scenes, lucky draw",
        "高潮": "Close sales: FABE on the main product, flash sale",
        "落幕": "Wrap up: perk recap, thanks, next stream",
    },
}

LIVE_TEXT: dict[str, dict[str, str]] = {
    "zh-CN": {
        "title": "{brand}{occasion}专场｜{short}",
        "title_short": "{brand}直播间｜{short}",
        "evidence": "给大家一个参考：{proof}",
        "evidence_plain": "{short}的详细信息以商品页和官方说明为准",
        "advantage": "{points}，选的时候可以逐条对照",
        "advantage_plain": "{short}的要点可以逐条对照",
        "benefit": "对{addr}来说，{point}和{point2}都是选择时可以对照的要点",
        "benefit_plain": "{addr}选的时候心里更有数",
        "math_line": "算下来{math}。",
        "deadline_line": "活动截至{deadline}。",
        "recap": "今天我们讲了{product}：{points}。福利是{offer}{deadline_part}。还没{get}的朋友，{cta}。谢谢大家的陪伴，我们下场直播见！",
        "deadline_part": "，截至{deadline}",
    },
    "en-US": {
        "title": "{brand} {occasion} | {short}",
        "title_short": "{brand} live | {short}",
        "evidence": "for reference: {proof}",
        "evidence_plain": "the details of {short} are as on the product page",
        "advantage": "{points}: points you can check one by one",
        "advantage_plain": "the key points of {short} can be checked one by one",
        "benefit": "for {addr}, {point} and {point2} are points to compare when choosing",
        "benefit_plain": "{addr} can choose knowing the facts",
        "math_line": "That is {math}. ",
        "deadline_line": "Ends {deadline}.",
        "recap": "Today we covered {product}: {points}. The deal: {offer}{deadline_part}. Still deciding? {cta}. Thank you for watching, see you next stream!",
        "deadline_part": ", until {deadline}",
    },
}  # fmt: skip
