"""Pull one JSON value out of what a model actually wrote.

Models wrap JSON in prose, code fences and ``<think>`` blocks, and leave trailing commas.
``extract_json`` strips all that, finds the first balanced object or array and parses it,
or raises ``ValueError`` with a short plain message.
"""

from __future__ import annotations

import json
import re
from typing import Any

_THINK_BLOCK = re.compile(r"<think(?:ing)?>.*?</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
_THINK_CAPTURE = re.compile(r"<think(?:ing)?>(.*?)</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
_THINK_OPEN = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*(?:json5?|JSON|javascript|js)?[ \t]*\r?\n?(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_LOOKS_LIKE_JSON = re.compile(r'[{\[]\s*["{\[]')


def strip_think(text: str) -> str:
    """Remove reasoning blocks.

    Closed ``<think>...</think>`` blocks go. A ``</think>`` with no opening tag (some
    servers drop the opening one) removes everything before it. An unclosed ``<think>``
    drops the text from the tag up to the first ``{`` or ``[`` after it, or everything
    after the tag when no JSON follows.
    """
    text = _THINK_BLOCK.sub("", text)
    close = _THINK_CLOSE.search(text)
    if close is not None:
        text = text[close.end() :]
    opening = _THINK_OPEN.search(text)
    if opening is not None:
        rest = text[opening.end() :]
        starts = [i for i in (rest.find("{"), rest.find("[")) if i >= 0]
        text = text[: opening.start()] + (rest[min(starts) :] if starts else "")
    return text


def split_think(text: str) -> tuple[str, str]:
    """``(reasoning, answer)``: closed ``<think>`` blocks moved out of a model's answer.

    Only complete blocks are touched (the raw answer stays auditable); ``extract_json``
    also handles unclosed ones.
    """
    if "<think" not in text and "<THINK" not in text:
        return "", text
    blocks = [m.group(1).strip() for m in _THINK_CAPTURE.finditer(text)]
    if not blocks:
        return "", text
    return "\n\n".join(blocks), _THINK_BLOCK.sub("", text).lstrip()


def strip_fences(text: str) -> str:
    """The body of the first fenced code block that contains JSON, else ``text``."""
    for match in _FENCE.finditer(text):
        body = match.group(1)
        if "{" in body or "[" in body:
            return body
    return text


def _balanced_end(text: str, start: int) -> int:
    """Index just past the bracket that closes ``text[start]``, or -1 when it never closes."""
    stack: list[str] = []
    in_string = False
    escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack or stack.pop() != ch:
                return -1
            if not stack:
                return i + 1
    return -1


def _remove_trailing_commas(text: str) -> str:
    """Drop commas before ``}``/``]`` outside strings."""
    out: list[str] = []
    in_string = False
    escaped = False
    for i, ch in enumerate(text):
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch == ",":
            j = i + 1
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            if j < len(text) and text[j] in "}]":
                continue
        out.append(ch)
    return "".join(out)


def _loads(candidate: str) -> Any:
    try:
        return json.loads(candidate)
    except json.JSONDecodeError:
        pass
    if _TRAILING_COMMA.search(candidate):
        fixed = _remove_trailing_commas(candidate)
        try:
            return json.loads(fixed)
        except json.JSONDecodeError:
            pass
    try:
        return json.loads(candidate, strict=False)  # raw newlines/tabs inside strings
    except json.JSONDecodeError as exc:
        snippet = candidate[max(0, exc.pos - 20) : exc.pos + 20].replace("\n", " ")
        raise ValueError(f"invalid JSON at char {exc.pos}: {exc.msg} near {snippet!r}") from None


def extract_json(text: str) -> Any:
    """Parse the first JSON object or array in a model's answer.

    Handles a BOM, ``<think>`` blocks, code fences, prose before and after, and trailing
    commas. Raises ``ValueError("no JSON object found")`` or ``ValueError("invalid JSON at
    char N: ...")``; an answer nested too deeply for the parser is a ``ValueError`` too.
    """
    try:
        return _extract_json(text)
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply to parse") from None


def _extract_json(text: str) -> Any:
    text = strip_fences(strip_think(text.lstrip("\ufeff")))
    text = text.strip().lstrip("\ufeff")
    if not text:
        raise ValueError("no JSON object found (the answer is empty)")
    if text[0] in "{[":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass  # fall through: prose after the JSON, trailing commas...
    first_error: ValueError | None = None
    pos = 0
    while True:
        starts = [i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0]
        if not starts:
            break
        start = min(starts)
        end = _balanced_end(text, start)
        if end < 0:
            cut_off = ValueError(
                f"invalid JSON at char {start}: unbalanced brackets (the answer looks cut off)"
            )
            if _LOOKS_LIKE_JSON.match(text, start):
                raise cut_off  # a real document that never closes: do not return a fragment
            first_error = first_error or cut_off
            pos = start + 1  # a stray bracket in prose
            continue
        try:
            return _loads(text[start:end])
        except ValueError as exc:
            first_error = first_error or exc
            pos = end  # skip the whole bad block, not into its members
    if first_error is not None:
        raise first_error
    raise ValueError("no JSON object found")
