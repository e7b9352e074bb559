"""Scanning a text for many terms at once, fast, with the semantics of one alternation.

The matcher's terms used to be one regular expression ``(?P<L>trie)|(?P<p0>..)|(?P<p1>..)``
compiled with IGNORECASE. That is exact but slow: IGNORECASE on CJK text defeats ``re``'s
first-character prefilter and every position tries every branch (about 1 ms for a 200-char
body, most of a variant's lint). Here each branch is its own compiled expression:

- the literal trie runs case-sensitively on ``text.lower()`` (the terms are lower-cased
  already), which keeps the prefilter: about 6x faster. When lower-casing changes the
  length of the text (a few non-CJK letters do), offsets would shift, so such a text is
  scanned with the single alternation instead;
- a pattern without any cased character outside ``\\d \\s \\w \\b`` is compiled without
  IGNORECASE (the flag cannot change what it matches), the others keep it.

Texts shorter than :data:`SHORT` are scanned with the single alternation (cheaper there).
``finditer`` merges the branches' matches exactly as the alternation found them: the
leftmost match wins, a tie goes to the earlier branch (the trie first), the scan resumes
where the winner ended, so overlapping hits are still reported once. Empty matches are
skipped (the matcher never reported them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

SHORT = 48  # characters: below this, one pass of the whole alternation is cheaper
_CLASS_ESCAPES = re.compile(r"\\[dDsSwWbBAZ]")


def needs_ignorecase(pattern: str) -> bool:
    """Whether IGNORECASE can change what ``pattern`` matches (any cased character left
    after removing the class escapes; conservative: ``\\x41`` or ``\\N{..}`` keep it)."""
    rest = _CLASS_ESCAPES.sub("", pattern)
    return any(ch.lower() != ch.upper() for ch in rest)


class BranchScan:
    """``finditer(text)`` yields ``(branch, start, end)`` for the alternation of a literal
    branch (``literal``: a regex of lower-cased words, or None) and ``patterns`` in order;
    branch 0 is the literal branch, pattern ``i`` is branch ``i + 1``."""

    def __init__(self, literal: str | None, patterns: Sequence[str], flags: int = 0) -> None:
        never = re.compile(r"(?!x)x")
        self._literal = re.compile(literal, flags) if literal else never
        self._patterns = [
            re.compile(p, flags | re.IGNORECASE if needs_ignorecase(p) else flags) for p in patterns
        ]
        # Short texts (titles, hashtags, CTAs): one pass of the whole alternation costs less
        # than one search per branch.
        named = [f"(?P<b{i}>{p})" for i, p in enumerate([literal or r"(?!x)x", *patterns])]
        self._combined = re.compile("|".join(named), flags | re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        lowered = text.lower() if len(text) >= SHORT else ""
        if len(lowered) != len(text):  # short, or lower() moved the offsets
            for m in self._combined.finditer(text):
                if m.end() > m.start():
                    yield int((m.lastgroup or "b0")[1:]), m.start(), m.end()
            return
        branches = [(self._literal, lowered), *((p, text) for p in self._patterns)]
        done = len(text) + 1  # the start of "no further match"
        found = [_next(rx, t, 0, done) for rx, t in branches]
        pos = 0
        while True:
            best = -1
            for i, hit in enumerate(found):
                if hit[0] < pos:  # overtaken by an earlier winner: look again from pos
                    rx, t = branches[i]
                    hit = found[i] = _next(rx, t, pos, done)
                if hit[0] < done and (best < 0 or hit[0] < found[best][0]):
                    best = i
            if best < 0:
                return
            start, end = found[best]
            yield best, start, end
            pos = end


def _next(rx: re.Pattern[str], text: str, pos: int, done: int) -> tuple[int, int]:
    """The branch's first non-empty match at or after ``pos``; ``(done, done)`` if none."""
    while pos < done:
        m = rx.search(text, pos)
        if m is None:
            break
        if m.end() > m.start():
            return m.start(), m.end()
        pos = m.start() + 1
    return done, done
