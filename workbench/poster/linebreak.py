"""Line breaking for Chinese and mixed text.

Text is cut into *atoms* that never split: one Chinese word (segmented with jieba, so
放心 and 社区 stay whole), one Latin word, one number with its unit (``199元``, ``3.5折``,
``0-12个月``, ``¥89``, ``50%``). 避头尾 glue: closing
punctuation (，。、！？）」》…) joins the atom before it so it never starts a line; opening
punctuation (（「《“) joins the atom after it so it never ends a line. Lines break between
atoms; spaces are break points that vanish at line edges.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

NO_START = set(
    "，。、！？；：）」』》〉】〕｝］”’…‥—～·・%‰℃°,.!?;:)]}>"
    "々〻ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
NO_END = set("（「『《〈【〔｛［“‘([{<¥￥$€£#")
# Units that stay with the number before them (longest first when matching).
UNITS = sorted(
    [
        "元",
        "块",
        "角",
        "毛",
        "分",
        "折",
        "件",
        "个",
        "克",
        "斤",
        "公斤",
        "千克",
        "毫升",
        "升",
        "米",
        "厘米",
        "毫米",
        "公里",
        "天",
        "日",
        "月",
        "年",
        "小时",
        "分钟",
        "秒",
        "岁",
        "倍",
        "次",
        "杯",
        "盒",
        "包",
        "袋",
        "瓶",
        "份",
        "人",
        "号",
        "点",
        "周",
        "期",
        "张",
        "支",
        "片",
        "条",
        "只",
        "箱",
        "罐",
        "套",
        "位",
        "名",
        "款",
        "家",
        "间",
        "层",
        "万",
        "亿",
        "千",
        "百",
        "个月",
        "周年",
        "折起",
        "元起",
        "W",
        "w",
        "K",
        "k",
    ],
    key=len,
    reverse=True,
)
_LATIN = re.compile(r"[¥￥$€£]?(?:[A-Za-z0-9]+(?:[.,:/'’&+\-_@][A-Za-z0-9]+)*)(?:%|‰|℃|°C?)?")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Marketing words jieba's dictionary splits (会员|日满, 试吃|装).
EXTRA_WORDS = ("会员日", "试吃装", "满减", "到手价", "无门槛券", "新人券", "第二杯", "第二件")


@cache
def _segmenter() -> Any:
    """jieba's tokenizer, loaded once per process (its dictionary takes about a second)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in EXTRA_WORDS:
        tokenizer.add_word(word, freq=100_000)
    return tokenizer


@lru_cache(maxsize=4096)
def words(run: str) -> tuple[str, ...]:
    """A run of Chinese characters as whole words."""
    if len(run) <= 1:
        return (run,)
    return tuple(w for w in _segmenter().cut(run, HMM=False) if w)


@dataclass(frozen=True)
class Atom:
    text: str
    space: bool = False  # a break opportunity that disappears at line edges


def tokenize(text: str, keep: tuple[str, ...] = ()) -> list[Atom]:
    """Unbreakable pieces before 避头尾 glue; ``keep`` phrases (a product or brand name)
    stay whole too."""
    tokens: list[Atom] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        phrase = next((k for k in keep if k and text.startswith(k, i)), None)
        if phrase:
            tokens.append(Atom(phrase))
            i += len(phrase)
            continue
        if ch.isspace():
            m = _SPACE.match(text, i)
            assert m is not None
            tokens.append(Atom(" ", space=True))
            i = m.end()
            continue
        m = _LATIN.match(text, i)
        if m and m.end() > i:
            end = m.end()
            if text[end - 1].isdigit():
                for unit in UNITS:
                    if text.startswith(unit, end):
                        end += len(unit)
                        break
            tokens.append(Atom(text[i:end]))
            i = end
            continue
        m = _CJK.match(text, i)
        if m:
            end = m.end()
            for k in keep:  # a keep phrase inside the run starts a new run
                at = text.find(k, i + 1, end) if k else -1
                if at != -1:
                    end = at
            tokens.extend(Atom(w) for w in words(text[i:end]))
            i = end
            continue
        tokens.append(Atom(ch))
        i += 1
    return tokens


def atoms(text: str, keep: tuple[str, ...] = ()) -> list[Atom]:
    """Tokens with 避头尾 glue applied."""
    return glue(tokenize(text, keep))


def glue(tokens: list[Atom]) -> list[Atom]:
    """Join closing punctuation to the atom before it and opening punctuation to the atom
    after it."""
    result: list[Atom] = []
    for token in tokens:
        if token.space:
            if result and not result[-1].space:
                result.append(token)
            continue
        prev = result[-1] if result else None
        if (
            prev is not None
            and not prev.space
            and (token.text[0] in NO_START or prev.text[-1] in NO_END)
        ):
            result[-1] = Atom(prev.text + token.text)
            continue
        result.append(token)
    while result and result[-1].space:
        result.pop()
    return result


Measure = Callable[[str], float]


def wrap(pieces: list[Atom], width: float, measure: Measure) -> list[str] | None:
    """Greedy lines no wider than ``width``; None if one atom alone is wider."""
    lines: list[str] = []
    line = ""
    pending = ""
    for atom in pieces:
        if atom.space:
            pending = atom.text if line else ""
            continue
        if measure(atom.text) > width:
            return None
        candidate = line + pending + atom.text
        if line and measure(candidate) > width:
            lines.append(line)
            line = atom.text
        else:
            line = candidate
        pending = ""
    if line:
        lines.append(line)
    return lines


def wrap_balanced(pieces: list[Atom], width: float, measure: Measure) -> list[str] | None:
    """The same number of lines as greedy wrapping, but as even as possible (no lone
    character on the last line): the narrowest width that keeps the line count."""
    lines = wrap(pieces, width, measure)
    if lines is None or len(lines) < 2:
        return lines
    lo, hi = max(measure(a.text) for a in pieces if not a.space), width
    best = lines
    for _ in range(12):
        if hi - lo < 1:
            break
        mid = (lo + hi) / 2
        trial = wrap(pieces, mid, measure)
        if trial is not None and len(trial) <= len(lines):
            best, hi = trial, mid
        else:
            lo = mid
    return best


def break_lines(
    text: str,
    width: float,
    measure: Measure,
    balance: bool = False,
    keep: tuple[str, ...] = (),
) -> list[str]:
    """Lines for ``text``; an atom wider than ``width`` is split by character as a last resort."""
    pieces = atoms(text, keep)
    lines = (wrap_balanced if balance else wrap)(pieces, width, measure)
    if lines is not None:
        return lines
    split: list[Atom] = []
    for atom in pieces:
        if atom.space or measure(atom.text) <= width:
            split.append(atom)
        else:
            split.extend(glue([Atom(c) for c in atom.text]))
    return wrap(split, width, measure) or []


def ellipsize(pieces: list[Atom], width: float, measure: Measure, mark: str = "…") -> str:
    """The longest run of whole atoms, plus ``mark``, that fits ``width``."""
    kept = [a for a in pieces]
    while kept:
        while kept and kept[-1].space:
            kept.pop()
        text = "".join(a.text for a in kept).rstrip("，。、；：,.;:—- ") + mark
        if measure(text) <= width:
            return text
        kept.pop()
    return mark if measure(mark) <= width else ""
