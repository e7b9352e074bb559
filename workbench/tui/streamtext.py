"""A streamed answer as a person reads it, while it is still arriving.

Models answer in JSON (``{"body": "第一行\\n第二行", "hashtags": ["辅食"]}``), and the
generate screen shows the answer as it streams. Raw, that is quotes, braces and ``\\n``
escapes; here every string value is decoded as far as it has arrived, each field starts a
line under its label (``正文：``, ``body: ``), list items are joined with `` · `` and objects inside
lists (a video's shots) start a line each. An unfinished escape at the very end waits for
the next chunk. Text before the JSON (a ``<think>`` block, a code fence) is kept or dropped
as a reader would want; anything that is not JSON is shown as it came.
"""

from __future__ import annotations

from collections.abc import Callable

_ESCAPES = {"n": "\n", "t": "\t", "r": "", '"': '"', "\\": "\\", "/": "/", "b": "", "f": ""}
_FENCES = ("", "```json", "```")


def readable(raw: str, label: Callable[[str], str] = str, colon: str = "：") -> str:
    """``raw`` (a partial or whole JSON answer) as readable text; ``label`` names a field
    and ``colon`` follows it (``"："`` in Chinese, ``": "`` in English)."""
    start = raw.find("{")
    if start < 0:
        return raw
    prefix, rest = raw[:start], raw[start:]
    head = prefix.strip()
    if head in _FENCES:
        return _Reader(rest, label, colon).read()
    if head.startswith("<think>") and head.endswith("</think>"):
        return prefix.rstrip() + "\n\n" + _Reader(rest, label, colon).read()
    return raw


class _Reader:
    def __init__(self, text: str, label: Callable[[str], str], colon: str) -> None:
        self.text = text
        self.label = label
        self.colon = colon
        self.out: list[str] = []
        self.stack: list[str] = []  # "o" (object) or "a" (array)
        self.expect_key = False
        self.items = 0  # scalars written in the innermost array

    def read(self) -> str:
        text, i, n = self.text, 0, len(self.text)
        while i < n:
            c = text[i]
            if c == '"':
                value, i, whole = _string(text, i + 1)
                self._string(value, whole)
                continue
            if c in "{[":
                if c == "{" and self.stack and self.stack[-1] == "a" and self.out:
                    self._newline()  # an object inside a list: a line of its own
                self.stack.append("o" if c == "{" else "a")
                self.expect_key = c == "{"
                self.items = 0
            elif c in "}]":
                if self.stack:
                    self.stack.pop()
                self.expect_key = False
            elif c == ",":
                self.expect_key = bool(self.stack) and self.stack[-1] == "o"
            elif c == ":":
                self.expect_key = False
            elif not c.isspace():
                end = i
                while end < n and text[end] not in ',]}: \n\r\t"':
                    end += 1
                if end == n:
                    break  # a number or literal still arriving ("nu" of null)
                self._scalar(text[i:end])
                i = end
                continue
            i += 1
        return "".join(self.out).strip()

    def _newline(self) -> None:
        if self.out and self.out[-1].startswith("\n"):
            self.out.pop()  # a list's object and its first field share one line start
        self.out.append("\n" + "  " * self._depth())

    def _depth(self) -> int:
        return sum(1 for kind in self.stack if kind == "a")

    def _string(self, value: str, whole: bool) -> None:
        if self.stack and self.stack[-1] == "o" and self.expect_key:
            if not whole:
                return  # a field's name shows once it has arrived whole
            if self.out:
                self._newline()
            self.out.append(self.label(value) + self.colon)
            return
        self._value(value)

    def _scalar(self, token: str) -> None:
        if token != "null":
            self._value(token)

    def _value(self, value: str) -> None:
        if self.stack and self.stack[-1] == "a":
            if self.items:
                self.out.append(" · ")
            self.items += 1
        self.out.append(value)


def _string(text: str, i: int) -> tuple[str, int, bool]:
    """The decoded string starting at ``i`` (after its quote), the index after it, and
    whether it ended; at the end of ``text``, what has arrived (an unfinished escape left
    out)."""
    parts: list[str] = []
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            return "".join(parts), i + 1, True
        if c != "\\":
            parts.append(c)
            i += 1
            continue
        if i + 1 >= n:
            break  # the escape's second half is in the next chunk
        code = text[i + 1]
        if code == "u":
            digits = text[i + 2 : i + 6]
            if len(digits) < 4:
                break
            try:
                point = int(digits, 16)
            except ValueError:
                parts.append(digits)
                i += 6
                continue
            i += 6
            if 0xD800 <= point < 0xDC00:  # a surrogate pair: wait for both halves
                if len(text) < i + 6:
                    return "".join(parts), n, False
                if text[i : i + 2] == "\\u":
                    try:
                        low = int(text[i + 2 : i + 6], 16)
                    except ValueError:
                        low = 0
                    if 0xDC00 <= low < 0xE000:
                        point = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
            if 0xD800 <= point < 0xE000:
                continue  # a lone half: nothing a reader can see
            parts.append(chr(point))
            continue
        parts.append(_ESCAPES.get(code, code))
        i += 2
    return "".join(parts), n, False
