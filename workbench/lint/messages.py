"""Finding messages in plain Chinese and English (the lint's own words, stored with findings)."""

from __future__ import annotations

from collections.abc import Mapping

CATEGORIES: dict[str, tuple[str, str]] = {
    "absolute": ("绝对化用语", "absolute claim"),
    "medical_efficacy": ("医疗功效用语", "medical or efficacy claim"),
    "authority": ("权威背书", "authority endorsement"),
    "financial_guarantee": ("收益保证", "guaranteed return"),
    "induced_sharing": ("诱导分享", "induced sharing"),
    "time_urgency": ("紧迫性用语", "urgency wording"),
    "platform_diversion": ("站外导流", "off-platform diversion"),
    "education_guarantee": ("教培保证", "education guarantee"),
    "price_claim": ("价格用语", "price claim"),
    "superstition": ("迷信用语", "superstition"),
    "marketing_lure": ("营销诱导", "marketing lure"),
    "comparison": ("比较用语", "comparison"),
    "brand": ("品牌禁用词", "brand banned word"),
    "brief": ("简报要求", "brief requirement"),
    "channel_limit": ("渠道限制", "channel limit"),
    "custom": ("自定义规则", "custom rule"),
    "unsupported_claim": ("简报未载明的说法", "claim the brief does not state"),
    "operator_label": ("运营内部标签", "operator-only label"),
    "category_claim": ("品类禁用功效", "claim the product category may not make"),
}
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "ban": ("禁止使用", "not allowed"),
    "caution": ("慎用，视语境", "use with care"),
    "evidence": ("须有依据并注明出处", "needs a cited basis"),
    "limit": ("超出渠道限制", "over the channel limit"),
    "warning": ("提示", "warning"),
    "info": ("提示", "note"),
}

_TEMPLATES: dict[str, tuple[str, str]] = {
    "term": ("“{term}”：{category_zh}，{severity_zh}。", "'{term}': {category_en}, {severity_en}."),
    "term_scoped": (
        "“{term}”：{category_zh}，在 {channels} 渠道禁止；确认发布渠道。",
        "'{term}': {category_en}, not allowed on {channels}; check where this is posted.",
    ),
    "exception": (
        "“{term}”：{reason_zh}。",
        "'{term}': {reason_en}.",
    ),
    "banned_word": (
        "“{term}”是品牌禁用词，请删除或改写。",
        "'{term}' is on the brand's banned list; remove or rewrite it.",
    ),
    "must_include": (
        "缺少简报要求的“{term}”。",
        "Missing '{term}', which the brief requires in every piece.",
    ),
    "false_urgency": (
        "“{term}”：紧迫性用语，但简报没有截止日期；写明起止日期或删除（虚构紧迫违反《广告法》第四、二十八条）。",
        "'{term}': urgency wording but the brief has no deadline; state the real dates or "
        "remove it (false urgency breaches Advertising Law arts. 4 and 28).",
    ),
    "sms_length": (
        "短信共 {count} 字（含签名），超过 {limit} 字上限。",
        "The SMS is {count} characters with its signature, over the {limit} limit.",
    ),
    "sms_segments": (
        "短信共 {count} 字（含签名），按 {segments} 条计费"
        "（70 字 1 条，长短信每 67 字 1 条），上限 {limit} 条。",
        "The SMS is {count} characters with its signature: billed as {segments} messages "
        "(70 for one, 67 each when longer); at most {limit}.",
    ),
    "sms_billing": (
        "短信共 {count} 字（含签名），按 {segments} 条计费。",
        "The SMS is {count} characters with its signature: billed as {segments} messages.",
    ),
    "sms_signature": (
        "短信须以签名开头，如{signature}。",
        "An SMS must start with its signature, e.g. {signature}",
    ),
    "sms_brackets": (
        "正文中不能出现【】，会被当作签名。",
        "The body must not contain 【】: carriers read it as a signature.",
    ),
    "sms_opt_out": (
        "营销短信须带退订方式（{opt_out}）。",
        "A marketing SMS must carry an opt-out ({opt_out}).",
    ),
    "title_length": (
        "{channel}标题 {count} 字{counting_zh}，上限 {limit}。",
        "{channel} title is {count} characters{counting_en}; the limit is {limit}.",
    ),
    "title_short": (
        "{channel}短标题 {count} 字，须 {min}-{limit} 字。",
        "{channel} short title is {count} characters; it must be {min}-{limit}.",
    ),
    "body_length": (
        "{channel}正文 {count} 字{counting_zh}，上限 {limit}。",
        "{channel} body is {count} characters{counting_en}; the limit is {limit}.",
    ),
    "live_coverage": (
        "直播脚本逐字稿约 {spoken} 分钟，占全场 {minutes} 分钟的 {share}%"
        "（{units} {unit_zh}，每秒 {rate} {unit_zh}）；"
        "其余时间是各段提示里的循环讲解、演示与互动。",
        "The run sheet's word-for-word lines fill about {spoken} of its {minutes} minutes "
        "({share}%: {units} {unit_en} at {rate} {unit_en}/s); the rest is the cued loops, "
        "demos and interaction.",
    ),
    "fold": (
        "{channel}文案 {count} 字 / {lines} 行，超过约 {limit} 字或 6 行会被折叠，钩子放在前面。",
        "{channel} copy is {count} characters / {lines} lines; beyond about {limit} characters "
        "or 6 lines it is folded, so put the hook first.",
    ),
    # The fact guard (#11): claim and internal.
    "claim_number": (
        "“{term}”：简报没有这个数字（价格、优惠、截止日期、proof 都不含，也算不出来），"
        "删除“{clause}”或改成简报里的事实。",
        "'{term}': the brief states no such number (not in the price, offer, deadline or "
        "proof, nor simple arithmetic on them); remove the unsupported claim '{clause}' or use "
        "a fact from the brief.",
    ),
    "claim_proof": (
        "“{term}”：口碑/销量/用户证言，简报的 product.proof 里没有；删除“{clause}”或在 proof "
        "里写明可核实的依据。",
        "'{term}': social proof or a testimonial that product.proof does not carry; remove "
        "'{clause}' or add the verifiable claim to product.proof.",
    ),
    "claim_urgency": (
        "“{term}”：优惠本身没有这种紧迫性（没有恢复原价/限量）；删除“{clause}”。",
        "'{term}': urgency the offer does not carry (nothing returns to a price or runs "
        "out); remove '{clause}'.",
    ),
    "claim_pack": (
        "“{term}”：疾病、医疗或功效说法，非医疗广告禁止（《广告法》第十七条或品类规定）；"
        "没有合规的替代说法，修复时删除“{clause}”。",
        "'{term}': a disease, medical or efficacy claim, not allowed outside medical ads "
        "(Advertising Law art. 17 or the category's rules); no compliant wording replaces "
        "it, so the fix removes '{clause}'.",
    ),
    "platform_qr": (
        "“{term}”：{platforms}禁止站外导流（扫码、二维码、进群），删除该句。",
        "'{term}': {platforms} ban off-platform diversion (QR codes, joining a group); remove it.",
    ),
    "platform_qr_asked": (
        "“{term}”：交付要求带二维码，但{platforms}禁止站外导流，发布前请确认平台规则。",
        "'{term}': the deliverable asks for a QR code, but {platforms} ban off-platform "
        "diversion; check the platform's rules before posting.",
    ),
    "claim_required": (
        "缺少“{term}”：该品类的每条内容都必须显著标明。",
        "Missing '{term}': every piece in this product category must show it.",
    ),
    "internal": (
        "“{term}”是分群的运营标签（名称、描述、生命周期或 RFM），不能出现在客户看到的文字里；"
        "称呼用“{address}”。",
        "'{term}' is the segment's operator label (name, description, lifecycle or RFM) and "
        "must not appear in customer-facing text; address them as '{address}'.",
    ),
}


def render(rule: str, values: Mapping[str, str | int]) -> tuple[str, str]:
    """(zh, en) message for ``rule`` filled with ``values``."""
    zh, en = _TEMPLATES[rule]
    return zh.format(**values), en.format(**values)


def category_words(category: str) -> tuple[str, str]:
    return CATEGORIES.get(category, (category, category.replace("_", " ")))


def severity_words(severity: str) -> tuple[str, str]:
    return SEVERITY_WORDS.get(severity, (severity, severity))
