"""The fact guard's ``claim`` rule: what customer-facing text says that the brief does not.

Three kinds of unsupported claim, all severity ``ban``:

- a number (price, date, duration, percentage, 折 discount, count) that is not a stated fact
  and not one arithmetic step on two of them (see :mod:`workbench.lint.facts`);
- social proof or a testimonial (都在囤, 回购, 好评, 销量, "群里一位…问我", customers love)
  that no ``product.proof`` entry carries;
- urgency the offer does not carry ("过期恢复原价" when nothing returns to a price, 库存告急
  when nothing is limited).

Text the brief itself supplies is never a claim: its fact texts and names verbatim, URLs,
the 【signature】, the SMS opt-out, list markers. Each raw finding names the claim's span
(``start``/``end``) and the clause around it (``clause``), which ``--fix`` removes.
"""

from __future__ import annotations

import re

from workbench.lint.facts import CN_NUMERAL, Facts, cn_value
from workbench.lint.hits import ClauseHit

_UNIT_QTY = (
    r"个月|个小时|小时|分钟|秒钟|秒|天|周|星期|岁|元|块|毛|人|位|件|盒|次|杯|份|款|种|袋|瓶|箱|"
    r"包|斤|公斤|克|名|单|期|节|课|晚|间|套|张|台|部|支|片|粒|颗|条|桌|项|步|年"
)
_UNIT_DATE = r"月|日|号"
_UNIT_EN = (
    r"days?|weeks?|months?|hours?|hrs?|minutes?|mins?|years?|yrs?|people|customers|orders|"
    r"boxes|cups|items|nights?|times|off|percent"
)
_NUMBER = re.compile(
    r"(?P<cur>[¥￥$€£]\s?)?"
    r"(?<![0-9.,A-Za-z_])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<mag>\s?[万千百亿])?"
    r"(?P<unit>\s?(?:%|％|‰|折|倍|成)|\s?(?:" + _UNIT_QTY + "|" + _UNIT_DATE + r")"
    r"|\s(?:" + _UNIT_EN + r")\b|(?:" + _UNIT_EN + r")\b)?",
    re.I,
)
_TIME = re.compile(r"(?<![0-9])(?:[01]?\d|2[0-3])[:：][0-5]\d(?![0-9])")
_DATE = re.compile(r"(?<![0-9])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2})(?![0-9])")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_EN_DATE = re.compile(
    r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?",
    re.I,
)
_CN_NUMBER = re.compile(
    r"(?<![第])(?P<num>" + CN_NUMERAL + r")(?P<unit>折|倍|成|" + _UNIT_QTY + "|" + _UNIT_DATE + ")"
)
_EXEMPT = [
    re.compile(r"https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.I),
    re.compile(r"【[^【】\n]{1,16}】"),
    re.compile(
        r"拒收请回复\s*R|回复?\s*[RT]{1,2}\s*退订|退订回?\s*[RT]{1,2}|reply\s+(?:R|STOP)", re.I
    ),
    re.compile(r"(?m)(?:^|(?<=\s))\d{1,2}\s*(?:[、)）]|\.(?=\s))"),  # list markers
    re.compile(r"\d\ufe0f?\u20e3"),  # keycap emoji
    re.compile(r"#[^#\s]{1,30}#?"),  # hashtags: named by the brief's words or not facts
]
_PRICE_UNITS = frozenset({"元", "块", "毛", "%", "％", "折"})
_SOCIAL_ZH = (
    r"都在囤|都在买|都在用|都在抢|都说好|都夸|抢疯|卖爆|爆卖|卖断货|断货|热卖|热销|销量|已售|已卖出?|"
    r"人已买|人已抢|人在用|人购买|人下单|回购|复购|回头客|好评|五星|口碑|反馈|晒单|被问爆|网红|爆款|"
    r"明星同款|大家都|"
    r"(?:很多|不少|好多|许多)(?:妈妈|宝妈|顾客|客人|客户|家长|朋友|会员|街坊|人)|"
    r"(?:老|新)?(?:会员|顾客|客人|客户|妈妈|宝妈|家长|街坊)们?(?:都|常|总|经常)(?:说|提到|夸|回来|推荐)|"
    r"常提到|群里(?:一位|有位|有个|的一位)|(?:一位|有位)[^，。！？\n]{0,8}?(?:问我|告诉我|跟我说)|"
    r"推荐率|满意度|回头率"
)
_SOCIAL_EN = (
    r"customers (?:love|say|tell|rave)|everyone(?:'s| is) (?:buying|talking|loving)|"
    r"best[- ]?sell(?:er|ing)|sold out|selling fast|flying off|reviews?|five[- ]star|5[- ]star|"
    r"testimonials?|people (?:have )?(?:bought|love)|most popular|crowd favou?rite|"
    r"(?:moms|parents|neighbou?rs) (?:love|swear)|rave"
)
_SOCIAL = re.compile(f"{_SOCIAL_ZH}|\\b(?:{_SOCIAL_EN})\\b", re.I)
_RESTORE = re.compile(
    r"(?:过期|活动结束|之后|后)?(?:恢复|回到|涨回)原价|即将涨价|马上涨价|明天涨价|"
    r"back to full price|prices? go(?:es)? up",
    re.I,
)
_SCARCE = re.compile(
    r"仅剩|只剩|最后\s*\d*\s*[份件盒个名]|库存告急|手慢无|限量|售完即止|数量有限|名额有限|抢完即止|"
    r"即将售罄|先到先得|only \d+ left|limited (?:stock|quantity|spots)|"
    r"while (?:stocks|supplies) last|selling out|last (?:few|chance)",
    re.I,
)
_PRICE_DROP = re.compile(r"折|特价|直降|优惠价|活动价|限时价|秒杀|半价|% off|sale price", re.I)
_LIMITED = re.compile(r"限量|名额|仅|前\s*\d+|先到先得|limited|first \d+", re.I)
_CLAUSE_END = "，,。！!？?；;\n、~～【】…"


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: to the punctuation before, through the one after."""
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_END:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _CLAUSE_END:
        right += 1
    if right < len(text) and text[right] not in "\n【】":
        right += 1
    return left, right


def exempt_spans(text: str, facts: Facts, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans the brief supplies (fact texts, names) or that are not claims (URLs, 【】...)."""
    spans: list[tuple[int, int]] = []
    for pattern in _EXEMPT:
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    low = text.lower()
    for phrase in (*facts.texts, *names):
        needle = phrase.strip().lower()
        if len(needle) < 2:
            continue
        at = low.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = low.find(needle, at + 1)
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _supported_number(value: float, unit: str, mag: str, facts: Facts, money: bool) -> bool:
    unit = unit.strip().lower()
    if mag:
        scale = {"万": 10000, "千": 1000, "百": 100, "亿": 100000000}[mag.strip()]
        if facts.supports(value * scale):
            return True
    if facts.supports(value):
        return True
    if value == 1 and not money and unit not in _PRICE_UNITS:
        return True  # "1次", "1对1": a single thing is not a claim
    if unit in ("折",):
        tenths = value / 10 if value >= 10 else value
        off = round((10 - tenths) * 10, 2)  # 8折 = 20% off
        return (
            facts.supports_ratio(tenths) or facts.supports_ratio(tenths * 10) or off in facts.ratios
        )
    if unit in ("%", "％", "percent", "off"):
        off = round(100 - value, 2)
        return (
            facts.supports_ratio(value) or off in facts.ratios or facts.supports_ratio(value / 10)
        )
    if unit == "成":
        return facts.supports_ratio(value * 10)
    return False


def number_claims(text: str, facts: Facts, spans: list[tuple[int, int]]) -> list[ClauseHit]:
    out: list[ClauseHit] = []
    times = [(m.start(), m.end()) for m in _TIME.finditer(text)]
    for start, end in times:
        if not _inside(start, end, spans):
            out.append(_claim("number", text, start, end))
    for m in _DATE.finditer(text):
        times.append((m.start(), m.end()))
        parts = [float(p) for p in re.findall(r"\d+", m.group(0))]
        if not _inside(m.start(), m.end(), spans) and not all(p in facts.dates for p in parts):
            out.append(_claim("number", text, m.start(), m.end()))
    for m in _EN_DATE.finditer(text):  # Apr 30, April 30th, 2026
        times.append((m.start(), m.end()))
        month = float(_MONTHS.index(m.group(1)[:3].lower()) + 1)
        parts = [month] + [float(g) for g in m.groups()[1:] if g]
        if not _inside(m.start(), m.end(), spans) and not all(p in facts.dates for p in parts):
            out.append(_claim("number", text, m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        start, end = m.start(), m.end()
        if _inside(m.start("num"), m.end("num"), spans + times):
            continue
        raw = m.group("num").replace(",", "")
        unit = (m.group("unit") or "").strip()
        value = float(raw)
        year = len(raw) == 4 and 1900 <= value <= 2100 and unit in ("", "年")
        if unit in ("月", "日", "号") or (year and not m.group("cur")):  # ¥1999, 1999元: prices
            if value in facts.dates:
                continue
        elif "." in raw and all(float(p) in facts.dates for p in raw.split(".") if p):
            continue  # 3.15 as a date
        elif _supported_number(value, unit, m.group("mag") or "", facts, bool(m.group("cur"))):
            continue
        out.append(_claim("number", text, start, end))
    for m in _CN_NUMBER.finditer(text):
        if _inside(m.start(), m.end(), spans):
            continue
        cn = cn_value(m.group("num"))
        if cn is None or cn == 1:
            continue  # 一次, 一位, 一份心意: idiom, not a count
        unit = m.group("unit")
        if unit in ("月", "日", "号"):
            if cn in facts.dates:
                continue
        elif _supported_number(cn, unit, "", facts, False):
            continue
        out.append(_claim("number", text, m.start(), m.end()))
    return out


def proof_claims(text: str, facts: Facts, spans: list[tuple[int, int]]) -> list[ClauseHit]:
    out = []
    proof = " ".join(facts.proof).lower()
    for m in _SOCIAL.finditer(text):
        if _inside(m.start(), m.end(), spans) or (proof and m.group(0).lower() in proof):
            continue
        out.append(_claim("proof", text, m.start(), m.end()))
    return out


def urgency_claims(text: str, facts: Facts, spans: list[tuple[int, int]]) -> list[ClauseHit]:
    out = []
    restores = facts.has_deadline and bool(_PRICE_DROP.search(facts.offer))
    limited = bool(_LIMITED.search(facts.offer))
    for pattern, allowed in ((_RESTORE, restores), (_SCARCE, limited)):
        if allowed:
            continue
        for m in pattern.finditer(text):
            if not _inside(m.start(), m.end(), spans):
                out.append(_claim("urgency", text, m.start(), m.end()))
    return out


def _claim(kind: str, text: str, start: int, end: int) -> ClauseHit:
    left, right = clause_span(text, start, end)
    return ClauseHit(
        rule="claim",
        claim=kind,
        term=text[start:end],
        start=start,
        end=end,
        clause=text[left:right].strip(),
        fix_start=left,
        fix_end=right,
    )


def claim_findings(text: str, facts: Facts, names: tuple[str, ...]) -> list[ClauseHit]:
    """Every unsupported claim in ``text`` (raw findings; the engine adds messages)."""
    spans = exempt_spans(text, facts, names)
    found = number_claims(text, facts, spans)
    found += proof_claims(text, facts, spans)
    found += urgency_claims(text, facts, spans)
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[ClauseHit] = []
    for f in found:  # one finding per span: a longer match covers what it contains
        if out and f.start < out[-1].end:
            continue
        last = out[-1] if out else None
        if last and last.claim == f.claim == "number" and f.start == last.end:
            out[-1] = _claim("number", text, last.start, f.end)  # 5月 + 17日
            continue
        out.append(f)
    return out


NO_DIVERSION = frozenset({"douyin", "xiaohongshu"})
PLATFORM_NAMES = {"douyin": "抖音", "xiaohongshu": "小红书"}
# QR wording and joining a (WeChat) group: both send a 抖音/小红书 reader off the platform.
DIVERSION = re.compile(
    r"扫码|扫一扫|扫描二维码|二维码|长按识别|QR\s?code|scan (?:the |our |this )?code"
    r"|进群|加群|入群|拉群|微信群|join (?:our|the) (?:wechat )?group",
    re.I,
)


def diversion_hits(text: str) -> list[ClauseHit]:
    """扫码 / QR / 进群 wording (raw findings; the platforms come from the context)."""
    out = []
    for m in DIVERSION.finditer(text):
        left, right = clause_span(text, m.start(), m.end())
        out.append(
            ClauseHit(
                rule="platform_qr",
                term=m.group(0),
                start=m.start(),
                end=m.end(),
                clause=text[left:right].strip(),
                fix_start=left,
                fix_end=right,
            )
        )
    return out
