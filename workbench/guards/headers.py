"""Column headers in the workspace's language, and headers read back in either language.

Exports from a zh-CN workspace carry Chinese headers (``变体ID``, ``审核决定``, …), English
ones in en-US; every import maps a header to its column key whatever language (or case, or
padding with spaces) it was written in, so a sheet exported in one workspace and filled in by
a reviewer imports anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

# column key: (zh-CN, en-US)
LABELS: dict[str, tuple[str, str]] = {
    # review exports
    "variant_id": ("变体ID", "variant_id"),
    "uid": ("UID", "uid"),
    "version": ("版本", "version"),
    "hash": ("校验码", "hash"),
    "segment": ("人群", "segment"),
    "kind": ("类型", "kind"),
    "channel": ("渠道", "channel"),
    "style": ("风格", "style"),
    "framework": ("框架", "framework"),
    "status": ("状态", "status"),
    "content": ("内容", "content"),
    "findings": ("合规提示", "findings"),
    "decision": ("审核决定", "decision"),
    "comment": ("审核意见", "comment"),
    "reviewer": ("审核人", "reviewer"),
    "approvals": ("审核记录", "approvals"),
    "poster": ("海报", "poster"),
    "link": ("追踪链接", "link"),
    "provider": ("来源", "provider"),
    "model": ("模型", "model"),
    "template": ("模板", "template"),
    "template_hash": ("模板校验码", "template_hash"),
    "ruleset": ("规则集", "ruleset"),
    "generated_at": ("生成时间", "generated_at"),
    # A/B results
    "experiment": ("实验", "experiment"),
    "date": ("日期", "date"),
    "impressions": ("曝光", "impressions"),
    "clicks": ("点击", "clicks"),
    "conversions": ("转化", "conversions"),
    "shares": ("分享", "shares"),
    "cost": ("花费", "cost"),
    "revenue": ("收入", "revenue"),
}
# What Chinese spreadsheets also call these columns.
_ALIASES = {
    "变体id": "variant_id",
    "变体编号": "variant_id",
    "决定": "decision",
    "意见": "comment",
    "备注": "comment",
    "审核员": "reviewer",
    "曝光量": "impressions",
    "点击量": "clicks",
    "转化量": "conversions",
    "分享量": "shares",
    "费用": "cost",
}
_INDEX = {"zh-CN": 0, "en-US": 1}
_KEYS: dict[str, str] = {}
for _key, (_zh, _en) in LABELS.items():
    _KEYS[_zh.lower()] = _key
    _KEYS[_en.lower()] = _key
_KEYS.update(_ALIASES)


def label(key: str, language: str) -> str:
    """The header of column ``key`` in ``language`` (the key itself when unknown)."""
    labels = LABELS.get(key)
    return labels[_INDEX.get(language, 1)] if labels else key


def labels(keys: Iterable[str], language: str) -> list[str]:
    return [label(k, language) for k in keys]


def column_key(header: str) -> str:
    """The column key of a header as a file has it: either language, any case, padded,
    with a BOM or a full-width space; an unknown header comes back stripped and lower-case."""
    name = header.replace("\ufeff", "").replace("\u3000", " ").strip().lower()
    return _KEYS.get(name, name)


def column_keys(headers: Iterable[str]) -> list[str]:
    return [column_key(h) for h in headers]
