"""All terms of one channel scope compiled once into a single regular expression.

Literal terms become one trie-shaped alternation (so the longest term wins at a position
and the engine branches on the next character instead of trying 370 words); terms with a
``pattern`` follow as named groups. ``re`` prefilters positions by the possible first
characters, so a scan costs a few microseconds per hundred characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from workbench.kinds import KINDS
from workbench.kinds.channels import CHANNELS, VIDEO_PLATFORMS
from workbench.lint.rules import ExceptionRule, RuleSet, Term
from workbench.lint.scan import BranchScan

# The term data's own channel keys (``lint --channel`` takes them too).
TERM_SCOPES = ("community_group", "shipinhao", "official_account", "wecom", "poster")
# Content channels and platforms (their ``lint_scope`` in workbench.kinds.channels) and the
# term data's keys -> the channel keys used in the term data.
CHANNEL_SCOPES: dict[str, str] = {
    **{spec.id: spec.lint_scope or spec.id for spec in VIDEO_PLATFORMS.values()},
    **{spec.id: spec.lint_scope or spec.id for spec in CHANNELS.values()},
    **{scope: scope for scope in TERM_SCOPES},
}


def scope_of(channel: str | None, kind: str | None = None) -> str | None:
    """The term-data channel key for a content channel (posters: ``poster``)."""
    if channel:
        return CHANNEL_SCOPES.get(channel, channel)
    spec = KINDS.get(kind or "")
    return spec.lint_scope if spec is not None else None


TrieNode = dict[str, "TrieNode"]
"""A character trie: one child per next character; the key ``""`` marks a word's end."""


def _trie(words: list[str]) -> str:
    root: TrieNode = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(root)


def _node_regex(node: TrieNode) -> str:
    ends = "" in node
    branches: list[str] = []
    leaves: list[str] = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if list(child) == [""]:
            leaves.append(ch)
        else:
            branches.append(re.escape(ch) + _node_regex(child))
    if leaves:
        branches.append(
            re.escape(leaves[0])
            if len(leaves) == 1
            else "[" + "".join(re.escape(c) for c in leaves) + "]"
        )
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _scoped_pattern(pattern: str) -> str:
    """``(?i)X`` -> ``(?i:X)`` so a term's flags stay inside its own group."""
    found = _GLOBAL_FLAGS.match(pattern)
    if found:
        return f"(?{found.group(1)}:{pattern[found.end() :]})"
    return pattern


@dataclass(frozen=True)
class Hit:
    term: Term
    start: int
    end: int
    text: str


class Matcher:
    """Finds term hits in text for one channel scope (``None``: every term)."""

    def __init__(self, rules: RuleSet, scope: str | None) -> None:
        terms = [t for t in rules.terms.values() if scope is None or t.applies_to(scope)]
        literal = sorted({t.term.lower() for t in terms if not t.pattern}, key=len, reverse=True)
        self._patterns = [t for t in terms if t.pattern]
        # one alternation (the trie, then each pattern), scanned branch by branch (scan.py)
        self._scan = BranchScan(
            _trie(literal) if literal else None,
            [_scoped_pattern(t.pattern or "") for t in self._patterns],
            re.MULTILINE,
        )
        self._rules = rules
        exceptions: dict[str, list[tuple[re.Pattern[str], ExceptionRule]]] = {}
        for rule in rules.exceptions:
            compiled = re.compile(rule.pattern, re.IGNORECASE | re.MULTILINE)
            for name in rule.terms:
                exceptions.setdefault(name.lower(), []).append((compiled, rule))
        self._exceptions = exceptions

    def hits(self, text: str) -> Iterator[Hit]:
        for branch, start, end in self._scan.finditer(text):
            found = text[start:end]
            term = self._rules.term(found) if branch == 0 else self._patterns[branch - 1]
            if term is not None:
                yield Hit(term, start, end, found)

    def exception(self, text: str, hit: Hit) -> ExceptionRule | None:
        """The documented exception covering ``hit``, if any."""
        for regex, rule in self._exceptions.get(hit.term.term.lower(), ()):
            lo = max(0, hit.start - 24)
            for m in regex.finditer(text, lo, min(len(text), hit.end + 24)):
                if m.start() <= hit.start and m.end() >= hit.end:
                    return rule
                if m.start() > hit.start:
                    break
        return None
