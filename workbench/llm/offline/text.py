"""Picking templates whose facts exist, and trimming text to a limit at a sensible break."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

Measure = Callable[[str], int]

_SENTENCE_END = "。！？!?.…"
_CLAUSE_END = "，、；：,;: "
_FORMATTER = string.Formatter()


@lru_cache(maxsize=4096)
def fields_of(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def usable(templates: Sequence[str], values: Mapping[str, str]) -> list[str]:
    """Templates whose every placeholder has a non-empty value."""
    return [t for t in templates if all(values.get(f) for f in fields_of(t))]


def pick(
    templates: Sequence[str],
    values: Mapping[str, str],
    rng: random.Random,
    rotate: int | None = None,
) -> str:
    """One usable template filled in; ``rotate`` picks by index (distinct per variant)."""
    options = usable(templates, values)
    if not options:
        return ""
    index = rotate % len(options) if rotate is not None else rng.randrange(len(options))
    return options[index].format_map(values)


def fit(text: str, limit: int, measure: Measure = len) -> str:
    """``text`` if it fits, else its longest head of whole sentences, else of whole clauses;
    "" when not even the first clause fits. Words are never cut."""
    text = text.strip()
    if measure(text) <= limit:
        return text
    for breaks in (_SENTENCE_END, _CLAUSE_END.replace(" ", "")):
        best = ""
        for i, ch in enumerate(text):
            if ch in breaks and not _inside_number(text, i):
                head = text[: i + 1] if ch in _SENTENCE_END else text[:i]
                if measure(head.strip()) <= limit:
                    best = head.strip()
                else:
                    break
        if best:
            return best
    return ""


def _inside_number(text: str, i: int) -> bool:
    """The "." of 9.9 or the "," of 1,200: a digit on both sides, not a break."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def fits(text: str, limit: int, measure: Measure = len) -> bool:
    return measure(text.strip()) <= limit


def first_fitting(options: Sequence[str], limit: int, measure: Measure = len) -> str:
    """The first option that fits whole ("" if none does)."""
    return next((o for o in options if o and measure(o) <= limit), "")


def fit_parts(parts: list[tuple[str, int]], limit: int, measure: Measure, sep: str) -> str:
    """Join parts; while too long, drop the lowest-priority part (later first on ties)."""
    kept = [(t, p, i) for i, (t, p) in enumerate(parts) if t]
    while len(kept) > 1 and measure(sep.join(t for t, _, _ in kept)) > limit:
        victim = min(kept, key=lambda item: (item[1], -item[2]))
        kept.remove(victim)
    return fit(sep.join(t for t, _, _ in kept), limit, measure)


def lines_of(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def squash(text: str) -> str:
    """Tidy punctuation left by optional facts: doubled marks, leading commas."""
    text = re.sub(r"([，。！？、；])\1+", r"\1", text)
    text = re.sub(r"，([。！？])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip("，、； ")


_SENTENCE_START = re.compile(
    r"(^[^\w\n]*|】|[.!?]\s+|\n[^\w\n]*|\b[QA]:\s+)([a-z])(?![a-z0-9+.-]*://)"  # not a URL
)


def sentence_case(text: str) -> str:
    """English text with each sentence and line starting upper-case, single spaces."""
    text = re.sub(r"(?<=\S) {2,}", " ", text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def sentence_case_all(data: object) -> object:
    """``sentence_case`` on every string in a JSON-like answer."""
    if isinstance(data, str):
        return sentence_case(data)
    if isinstance(data, list):
        return [sentence_case_all(x) for x in data]
    if isinstance(data, dict):
        return {k: sentence_case_all(v) for k, v in data.items()}
    return data


def first_mention(text: str, product: str, short: str) -> str:
    """``text`` whose first mention of the product is its full name: a short name met
    before any full name becomes the full name (later mentions keep the short name)."""
    if not short or short == product or not text:
        return text
    inside = product.find(short)  # where the short name sits inside the full name, or -1
    at = text.find(short)
    while at != -1 and inside != -1 and text.startswith(product, at - inside):
        at = text.find(short, at - inside + len(product))  # part of a full name: go on
    at_full = text.find(product)
    if at == -1 or (at_full != -1 and at_full < at):
        return text
    return text[:at] + product + text[at + len(short) :]
