"""The branch-by-branch term scan finds exactly what the single IGNORECASE alternation found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.lint.matcher import Matcher, _scoped_pattern, _trie
from workbench.lint.rules import RuleSet, packaged_rules
from workbench.lint.scan import BranchScan, needs_ignorecase


def reference_hits(rules: RuleSet, scope: str | None, text: str) -> list[tuple[str, int, int]]:
    """The matcher as it was: one alternation, IGNORECASE, named groups."""
    terms = [t for t in rules.terms.values() if scope is None or t.applies_to(scope)]
    literal = sorted({t.term.lower() for t in terms if not t.pattern}, key=len, reverse=True)
    parts = [f"(?P<L>{_trie(literal)})"] if literal else []
    named = {}
    for i, t in enumerate(t for t in terms if t.pattern):
        parts.append(f"(?P<p{i}>{_scoped_pattern(t.pattern or '')})")
        named[f"p{i}"] = t
    regex = re.compile("|".join(parts), re.IGNORECASE | re.MULTILINE)
    out = []
    for m in regex.finditer(text):
        term = rules.term(m.group()) if m.lastgroup == "L" else named[m.lastgroup or ""]
        if term is not None and m.end() > m.start():
            out.append((term.term, m.start(), m.end()))
    return out


RULES = packaged_rules()
PIECES = [
    *sorted({t.term for t in RULES.terms.values() if not t.pattern})[:400],
    "加V",
    "加 vx",
    "VX",
    "TOP 1",
    "No.1",
    "3天见效",
    "两个月回本",
    "¥0",
    "0元",
    "100%",
    "百分之百",
    "最后3件",
    "仅剩 2 份",
    "现在不买就晚了",
    "月入过万",
    "年化收益率 8%",
    "最好的",
    "第一。",
    "全网首家",
    "İ",
    "ẞ",
    "有机米粉",
    "会员日满199减50",
    "，",
    "\n",
    " ",
    "a",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=25),
    st.sampled_from([None, "xiaohongshu", "sms", "poster", "douyin"]),
)
def test_scan_matches_the_single_alternation(pieces: list[str], scope: str | None) -> None:
    text = "".join(pieces)
    got = [(h.term.term, h.start, h.end) for h in Matcher(RULES, scope).hits(text)]
    assert got == reference_hits(RULES, scope, text)


def test_overlapping_hits_resolve_as_the_alternation_did() -> None:
    scan = BranchScan("abc", ["bcd", "c"], re.MULTILINE)
    # the literal wins at 0 and the scan resumes at 3: "bcd" (1-4) and "c" (2) are inside it
    assert list(scan.finditer("abcd c")) == [(0, 0, 3), (2, 5, 6)]
    # at one position the earlier branch wins
    assert list(BranchScan(None, ["c", "cd"]).finditer("cd")) == [(1, 0, 1)]


def test_the_literal_branch_is_case_insensitive_even_when_lowering_changes_length() -> None:
    scan = BranchScan("vx", [])
    assert list(scan.finditer("加VX")) == [(0, 1, 3)]
    # "İ".lower() is two characters: offsets must still point into the original text
    assert list(scan.finditer("İ加VX")) == [(0, 2, 4)]


def test_ignorecase_is_kept_for_patterns_with_cased_characters() -> None:
    assert needs_ignorecase(r"(?:NO\.?|TOP)\s*1")
    assert needs_ignorecase(r"\x41")  # a hex escape may be a letter: kept
    assert not needs_ignorecase(r"[\d一二三]{1,6}\s*天")
    assert list(BranchScan(None, [r"top\s*1"]).finditer("TOP 1")) == [(1, 0, 5)]
