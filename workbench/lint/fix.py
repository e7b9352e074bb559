"""Repairs for findings: offline replacements, or one more model call with the findings.

Offline, each finding's ``fix`` replaces its span (``""`` deletes it; an empty span inserts,
e.g. the SMS opt-out at the end). Findings whose wording needs a human (a date, a report
number, a source) have no ``fix`` and are left for the reviewer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import JsonValue

from workbench.errors import LLMError
from workbench.llm.base import LLMRequest, LLMResponse, Message, Provider
from workbench.llm.jsonparse import extract_json
from workbench.store.findings import Finding

_PATH_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_DOUBLE_PUNCT = re.compile(r"([，,、；;：:])\s*([，,。.！!？?；;、])")
_LEADING_PUNCT = re.compile(r"^[，,、；;。.]+")


def _tidy(text: str) -> str:
    text = _DOUBLE_PUNCT.sub(r"\2", text)
    return _LEADING_PUNCT.sub("", text)


def _fix_span(finding: Finding) -> tuple[int, int]:
    """What a fix replaces: the finding's span, or the clause around it (``fix_start``)."""
    return finding.fix_span


def apply_fixes_text(text: str, findings: Sequence[Finding]) -> tuple[str, int]:
    """``text`` with every applicable fix; returns (new text, fixes applied)."""
    todo = sorted((f for f in findings if f.fix is not None), key=_fix_span, reverse=True)
    applied = 0
    limit = len(text) + 1
    deleted = False
    for f in todo:
        (start, end), fix = f.fix_span, str(f.fix)
        if end > limit or start > len(text):
            continue  # overlaps a fix already applied
        if start == end == len(text) and fix and text and not text.endswith((" ", "\n")):
            fix = ("" if text[-1] in "。！？.!?" else "，") + fix
        if fix and end < len(text) and text[end] == fix[-1] and ord(fix[-1]) > 127:
            end += 1  # 史上最低价 -> 活动价, not 活动价价
        text = text[:start] + fix + text[end:]
        deleted = deleted or not fix
        limit = start
        applied += 1
    return (_tidy(text) if deleted else text), applied


def _split(path: str) -> list[str | int]:
    return [int(i) if i else name for name, i in _PATH_RE.findall(path)]


def _get(content: Any, parts: list[str | int]) -> Any:
    for part in parts:
        content = content[part]
    return content


def _set(content: Any, parts: list[str | int], value: Any) -> None:
    target = _get(content, parts[:-1])
    target[parts[-1]] = value


def apply_fixes_content(
    content: dict[str, JsonValue], findings: Sequence[Finding]
) -> tuple[dict[str, JsonValue], int]:
    """A copy of ``content`` (any kind's stored JSON, fields addressed by the findings'
    paths) with the applicable fixes; returns (content, fixes applied)."""
    fixed: dict[str, JsonValue] = json.loads(json.dumps(content))
    by_field: dict[str, list[Finding]] = {}
    for f in findings:
        path = f.field
        if path and f.fix is not None and not path.endswith("hashtags"):
            by_field.setdefault(path, []).append(f)
    applied = 0
    for path, items in by_field.items():
        parts = _split(path)
        try:
            value = _get(fixed, parts)
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(value, str):
            continue
        new, n = apply_fixes_text(value, items)
        _set(fixed, parts, new)
        applied += n
    return fixed, applied


_ASK = {
    "zh-CN": (
        "你是广告合规编辑。下面的内容有合规或渠道问题，请逐条修正，保持原意、语气和长度，"
        "不要加入新的承诺。\n问题：\n{problems}\n\n内容：\n{content}\n\n{format}"
    ),
    "en-US": (
        "You are an advertising-compliance editor. Fix every problem below in this content, "
        "keeping its meaning, tone and length, and add no new claims.\nProblems:\n{problems}"
        "\n\nContent:\n{content}\n\n{format}"
    ),
}
_FORMAT = {
    ("zh-CN", True): "只输出修正后的 JSON 对象，键与原来完全相同，不要解释。",
    ("en-US", True): "Reply with the corrected JSON object only, with exactly the same keys.",
    ("zh-CN", False): "只输出修正后的全文，不要解释。",
    ("en-US", False): "Reply with the corrected text only, no commentary.",
}


def fix_messages(
    content: dict[str, JsonValue] | str, findings: Sequence[Finding], language: str
) -> list[Message]:
    lang = language if language in ("zh-CN", "en-US") else "zh-CN"
    english = lang == "en-US"
    lines = []
    for f in findings:
        message = (f.message_en if english else f.message_zh) or f.message
        tail = f" → {f.suggestion}" if f.suggestion else ""
        lines.append(f"- [{f.severity}] {f.field or ''} {message}{tail}")
    problems = "\n".join(lines)
    structured = isinstance(content, dict)
    shown = json.dumps(content, ensure_ascii=False, indent=2) if structured else str(content)
    ask = _ASK[lang].format(problems=problems, content=shown, format=_FORMAT[(lang, structured)])
    return [{"role": "user", "content": ask}]


async def llm_fix(
    provider: Provider,
    content: dict[str, JsonValue] | str,
    findings: Sequence[Finding],
    language: str,
) -> tuple[dict[str, JsonValue] | str, LLMResponse]:
    """Ask the model once with the findings; returns the repaired content and the response."""
    request = LLMRequest(messages=fix_messages(content, findings, language), schema_name="fix")
    response = await provider.complete(request)
    if not isinstance(content, dict):
        text = response.text.strip()
        if not text:
            raise LLMError("the model returned an empty repair", kind="bad_response")
        return text, response
    try:
        data = extract_json(response.text)
    except ValueError as exc:
        raise LLMError(f"the repair is not JSON: {exc}", kind="bad_response") from None
    if not isinstance(data, dict) or set(data) != set(content):
        raise LLMError("the repair does not have the same keys as the content", kind="bad_response")
    for key, value in content.items():
        if type(data[key]) is not type(value) and value is not None:
            raise LLMError(f"the repair changed the type of {key!r}", kind="bad_response")
    return data, response
