"""Phrase banks for scripts: props and cues for short videos, run-sheet lines for live streams.

Keys per language; placeholders are the offline context's values ({product}, {offer}...).
A template whose placeholders are empty is skipped. No absolute claims anywhere: live
scripts are the highest-risk content for the Advertising Law.
"""

# ruff: noqa: E501  (whole Chinese sentences; ruff counts CJK as double width)

from __future__ import annotations

PROPS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh-CN": {
        "hook": ("{product}一件", "{product}、手机支架"),
        "pain": ("对比用的普通款", "购物小票或手机购物页"),
        "point": ("{product}包装（露出{point}）", "{product}、小碗和勺子"),
        "scene": ("家里日常场景的小物件", "{product}、餐桌布置"),
        "price": ("活动海报、价签", "会员日海报、手机下单页"),
        "cta": ("门店招牌或二维码立牌", "{product}、二维码立牌"),
    },
    "en-US": {
        "hook": ("{product}", "{product}, phone stand"),
        "pain": ("a plain product to compare", "receipt or shopping page"),
        "point": ("{product} pack showing {point}", "{product}, bowl and spoon"),
        "scene": ("everyday props at home", "{product}, table setting"),
        "price": ("promo poster, price tag", "poster, checkout screen"),
        "cta": ("store sign or QR stand", "{product}, QR code stand"),
    },
}

# Co-creation scripts: what the customer films and says, with a cue for every line.
CUSTOMER: dict[str, dict[str, tuple[tuple[str, str, str, str], ...]]] = {
    # beat -> (visual, voiceover, cue, props)
    "zh-CN": {
        "hook": (
            ("手机贴近拍{product}包装", "猜猜我买了什么？", "手机竖拿，离包装一拳远，边拍边说", "{product}"),
            ("对着镜头举起{product}", "今天来试试这个！", "前置镜头，把{product}举到脸旁边，笑着说", "{product}"),
        ),
        "use": (
            ("在家打开{product}开始用", "{point}，我比较在意这点。用起来也很顺手。", "把手机靠在桌上固定，边做边说，不用看镜头", "{product}、手机支架"),
            ("展示使用中的{product}", "用了一段时间，挺顺手的。身边有需要的朋友可以试试。", "手机拿稳慢慢移过去，说完停两秒", "{product}"),
        ),
        "point": (
            ("特写包装上的{point}", "包装上写着{point}，买之前我仔细看过。", "手机慢慢推近到字能看清，说完停一下", "{product}包装"),
            ("手指点一点{point}的位置", "我很看重{point}，你们可以对照看看。", "用手指点着说，手机别晃", "{product}包装"),
        ),
        "cta": (
            ("对镜头比个手势", "现在{offer_short}，推荐你也试试！", "前置镜头，看着镜头把这句说完，结尾比个赞", ""),
            ("拍门店招牌或小程序页面", "我在{brand}买的，推荐给你！", "后退两步拍全招牌或下单页面，说完这句就结束", ""),
        ),
    },
    "en-US": {
        "hook": (
            ("Close on the {product} pack", "Guess what I got?", "Hold the phone upright, a fist from the pack, and say it", "{product}"),
            ("Hold {product} up to the camera", "Trying this today!", "Selfie camera, {product} next to your face, say it smiling", "{product}"),
        ),
        "use": (
            ("Using {product} at home", "{point}, that matters to me. Easy to use, too.", "Lean the phone on the table and talk while you use it", "{product}, phone stand"),
            ("{product} in use", "I have used it for a while. Friends who need it, try it.", "Move the phone slowly, pause two seconds after the line", "{product}"),
        ),
        "point": (
            ("Close on {point} on the pack", "It says {point}; I checked before buying.", "Move in slowly until the words are readable, then pause", "{product} pack"),
            ("Finger points at {point}", "{point} is what I check. Compare for yourself.", "Point while you say it; keep the phone still", "{product} pack"),
        ),
        "cta": (
            ("Wave at the camera", "{offer_short} now. Give it a try!", "Selfie camera, look at the lens, thumbs up at the end", ""),
            ("Film the store sign", "I got mine at {brand}. Try it!", "Step back for the whole sign, stop after the line", ""),
        ),
    },
}  # fmt: skip

# Live run sheets: (segment, lines, action, interaction) per beat, by phase.
LIVE: dict[str, dict[str, tuple[tuple[str, str, str, str], ...]]] = {
    "zh-CN": {
        "开场": (
            ("欢迎进场", "欢迎来到{brand}直播间！刚进来的朋友先点个关注，今天是会员日专场，{offer_short}，福利一会儿一个一个讲清楚。", "主播举起{product}向镜头打招呼，助播在公屏置顶福利预告", ""),
            ("签到盖楼", "在的朋友在评论区扣一个“到”，我们盖楼签到。看到好多老朋友回来了，谢谢大家！今天的流程是：先聊聊大家关心的问题，再讲{product}，中间有抽奖，后面有限时秒杀。", "助播念出评论区昵称，主播挥手回应", "盖楼"),
        ),
        "爬坡": (
            ("痛点共鸣", "很多朋友跟我聊过这件事：{pain}。这个担心特别正常，我们今天就把这件事讲明白：看什么、怎么选、哪些地方要留心。", "主播拿出普通款和{product}并排摆在镜头前", ""),
            ("场景还原", "说到{interest}，手边有{product}，{point}，心里会踏实很多。你们平时是怎么选的？打在公屏上，我一条一条看。", "主播演示日常使用场景，助播补充评论区的问题", "问答"),
            ("整点抽奖", "现在开一轮抽奖：在评论区打出“{product_short}”就能参与，五分钟后开奖，中奖的朋友联系客服登记地址。抽奖规则以直播间公告为准。", "助播展示奖品并开始五分钟倒计时", "抽奖"),
        ),
        "高潮": (
            ("产品讲解·特点", "我们来看{product}。一是{point}，二是{point2}。包装上都写着，我把镜头拉近给大家看。", "主播把包装转向镜头，助播推近特写", ""),
            ("产品讲解·证据", "光说不算，看资料：{evidence}。有疑问随时问，我们当场解答。", "主播展示包装标识和资质文件，逐一停留三秒", "问答"),
            ("福利说明", "今天的福利是：{offer}。{math_line}{deadline_line}", "助播举起活动海报，主播用手指着价格逐条说明", ""),
            ("限时秒杀", "接下来是限时秒杀，链接马上上架，数量以后台为准，拍下请在十分钟内付款。想要的朋友准备好，三、二、一，上链接！", "助播上架链接并报剩余时间，主播展示下单页面", "限时秒杀"),
        ),
        "落幕": (
            ("福袋收尾", "还没下单的朋友，可以再看看购物车一号链接。收尾福袋现在发出，评论区打出“会员日”参与。", "助播发放福袋，主播再次展示{product}", "福袋"),
            ("复盘感谢", "{recap}", "主播面对镜头总结，助播在公屏置顶复盘要点", ""),
        ),
    },
    "en-US": {
        "开场": (
            ("Welcome", "Welcome to the {brand} live room! Tap follow if you just joined. Today is a member-day session: {offer_short}. I will go through every perk.", "Host lifts {product} and waves; assistant pins the perk preview", ""),
            ("Check-in chain", "If you are here, type 'here' in the comments and let us build the chain. Great to see old friends back! Today: your questions first, then {product}, a lucky draw in the middle and a flash sale later.", "Assistant reads out names from the comments; host waves back", "盖楼"),
        ),
        "爬坡": (
            ("Pain point", "Many of you tell me: {pain}. That worry is normal, so today we make it clear: what to look at, how to choose, what to watch for.", "Host sets a plain product next to {product}", ""),
            ("Scene", "Picture {interest} with {product} at hand: {point}. How do you choose today? Type it in the comments and I will read every one.", "Host shows everyday use; assistant relays questions", "问答"),
            ("Lucky draw", "Lucky draw time: type '{product_short}' in the comments to enter, we draw in five minutes, and winners contact support to give an address. The rules pinned in the live room apply.", "Assistant shows the prize and starts a five-minute countdown", "抽奖"),
        ),
        "高潮": (
            ("Product: features", "Let us look at {product}. One: {point}. Two: {point2}. It is all on the pack; we zoom in for you.", "Host turns the pack to camera; assistant zooms in", ""),
            ("Product: evidence", "Do not take my word for it: {evidence}. Ask anything and we answer on the spot.", "Host holds up the pack labels and documents, three seconds each", "问答"),
            ("The deal", "Today's deal: {offer}. {math_line}{deadline_line}", "Assistant holds up the poster; host points at each line", ""),
            ("Flash sale", "Flash sale next: the link goes up now, quantities as shown in the shop, please pay within ten minutes. Ready? Three, two, one, link is live!", "Assistant lists the link and calls the time left; host shows checkout", "限时秒杀"),
        ),
        "落幕": (
            ("Gift bag", "If you have not ordered yet, link one in the cart is still there. The last gift bag goes out now: type 'member day' to enter.", "Assistant sends the gift bag; host shows {product} again", "福袋"),
            ("Recap and thanks", "{recap}", "Host sums up to camera; assistant pins the recap", ""),
        ),
    },
}  # fmt: skip

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
        "title": "{brand}会员日专场｜{product}",
        "title_short": "{brand}直播间｜{product}",
        "evidence": "包装上写明的{points}，镜头前逐一展示；资质和检测报告以实物和官方页面为准",
        "evidence_plain": "产品包装和资质文件现场展示，以实物和官方页面为准",
        "advantage": "相比只看价格的普通款，{points}都写在包装上，选的时候有据可查",
        "advantage_plain": "{point}，日常用起来更省心",
        "benefit": "对{seg}来说，{point}让挑选更安心，{point2}让日常更省事",
        "benefit_plain": "{seg}选起来更安心，用起来更顺手",
        "math_line": "算下来{math}。",
        "deadline_line": "活动截至{deadline}。",
        "recap": "今天我们讲了{product}：{points}。福利是{offer}{deadline_part}。还没下单的朋友，{cta}。谢谢大家的陪伴，我们下场直播见！",
        "deadline_part": "，截至{deadline}",
    },
    "en-US": {
        "title": "{brand} member day | {product}",
        "title_short": "{brand} live | {product}",
        "evidence": "the {points} marks on the pack, shown on camera; certificates and test reports as on the product and official pages",
        "evidence_plain": "the pack and product documents, shown on camera; details as on the official pages",
        "advantage": "unlike a plain product, {points} are printed on the pack, so you can check before you buy",
        "advantage_plain": "{point}, easier every day",
        "benefit": "for {seg}, {point} makes choosing easier and {point2} makes every day simpler",
        "benefit_plain": "{seg} choose with more peace of mind",
        "math_line": "That is {math}. ",
        "deadline_line": "Ends {deadline}.",
        "recap": "Today we covered {product}: {points}. The deal: {offer}{deadline_part}. If you have not ordered yet: {cta}. Thank you for watching, see you next stream!",
        "deadline_part": ", until {deadline}",
    },
}  # fmt: skip
