"""One lint finding: what the linter reports, the runner and review act on, the store keeps.

A ``Finding`` is immutable; the linter builds it once with every field it knows. It becomes
JSON in one place, :meth:`Finding.to_json` (the ``variants.lint`` column, ``lint --json``),
and is read back from that JSON with :meth:`Finding.from_json` (``stored_findings``). The
JSON keeps the shape findings have always had: the fourteen keys every finding carries, in
their order, then the clause keys only the findings that remove or replace a clause carry.

Key access (``finding["rule"]``, ``finding.get("pack")``) reads the same names as the JSON,
for code and tests written against the stored shape; new code uses the attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# The optional keys, in the order the linter has always written them: a pack or platform
# finding names its clause before the span the fix replaces; the rest after it.
_CLAUSE_FIRST = ("pack", "clause", "fix_start", "fix_end", "claim", "address")
_SPAN_FIRST = ("pack", "fix_start", "fix_end", "clause", "claim", "address")
_CLAUSE_FIRST_RULES = frozenset({"claim_pack", "platform_qr"})
_KEYS = frozenset(
    (
        "rule",
        "term",
        "category",
        "severity",
        "field",
        "start",
        "end",
        "suggestion",
        "fix",
        "basis",
        "message",
        "message_zh",
        "message_en",
        "ruleset",
        *_SPAN_FIRST,
    )
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a text: a banned term, an unsupported claim, a channel limit."""

    rule: str
    """The check that found it: ``term``, ``claim``, ``internal``, ``sms_opt_out``, ..."""
    term: str
    """The text found (the term, the claim, the label; ``""`` for a missing piece)."""
    category: str
    """What kind of problem: ``absolute_terms``, ``channel_limit``, ``unsupported_claim``, ..."""
    severity: str
    """``ban``, ``limit``, ``caution``, ``evidence``, ``warning`` or ``info``."""
    field: str | None
    """The content field the offsets point into (``body``, ``shots[0].voiceover``); None for
    a whole text or the whole variant."""
    start: int
    """Offset of the problem in the field's text."""
    end: int
    """End offset; equal to ``start`` for an insertion point (a missing opt-out)."""
    suggestion: str | None
    """Wording a human could use instead, when the rule has one."""
    fix: str | None
    """What an offline fix puts in place of the span (``""`` deletes it); None: needs a human."""
    basis: str
    """Why: the law, platform rule or brief field behind the rule."""
    message: str
    """The message in the lint's language."""
    message_zh: str
    """The message in Simplified Chinese."""
    message_en: str
    """The message in English."""
    ruleset: str
    """The version of the rule set that produced the finding."""
    pack: str | None = None
    """The claim pack (``art17`` or a product category) of a pack finding."""
    clause: str | None = None
    """The clause a fix removes (claims, operator labels, bans without offline wording)."""
    fix_start: int | None = None
    """Start of what the fix replaces when it is the clause, not just the term."""
    fix_end: int | None = None
    """End of what the fix replaces when it is the clause."""
    claim: str | None = None
    """For an unsupported claim: ``number``, ``proof`` or ``urgency``."""
    address: str | None = None
    """For an operator label: how the copy addresses the customers instead."""

    @property
    def fix_span(self) -> tuple[int, int]:
        """What a fix replaces: the clause when the finding names one, else its own span."""
        start = self.start if self.fix_start is None else self.fix_start
        end = self.end if self.fix_end is None else self.fix_end
        return start, end

    @property
    def is_ban(self) -> bool:
        return self.severity == "ban"

    def to_json(self) -> dict[str, Any]:
        """The stored and printed JSON object (``variants.lint``, ``lint --json``)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "term": self.term,
            "category": self.category,
            "severity": self.severity,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
            "fix": self.fix,
            "basis": self.basis,
            "message": self.message,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "ruleset": self.ruleset,
        }
        order = _CLAUSE_FIRST if self.rule in _CLAUSE_FIRST_RULES else _SPAN_FIRST
        for key in order:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """A finding read back from stored JSON (older rows may lack the newer keys)."""
        message = str(data.get("message") or "")
        return cls(
            rule=str(data.get("rule") or ""),
            term=str(data.get("term") or ""),
            category=str(data.get("category") or ""),
            severity=str(data.get("severity") or ""),
            field=data.get("field"),
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            suggestion=data.get("suggestion"),
            fix=data.get("fix"),
            basis=str(data.get("basis") or ""),
            message=message,
            message_zh=str(data.get("message_zh") or message),
            message_en=str(data.get("message_en") or message),
            ruleset=str(data.get("ruleset") or ""),
            pack=data.get("pack"),
            clause=data.get("clause"),
            fix_start=data.get("fix_start"),
            fix_end=data.get("fix_end"),
            claim=data.get("claim"),
            address=data.get("address"),
        )

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(key)
        value = getattr(self, key)
        if value is None and key in _SPAN_FIRST:
            raise KeyError(key)  # absent from the JSON, as it always was
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or key not in _KEYS:
            return False
        return key not in _SPAN_FIRST or getattr(self, key) is not None


def findings_json(findings: Iterable[Finding] | None) -> list[dict[str, Any]] | None:
    """The JSON list for the ``variants.lint`` column (None stays None: never linted)."""
    return None if findings is None else [f.to_json() for f in findings]


def stored_findings(lint: Sequence[dict[str, Any]] | None) -> list[Finding]:
    """The findings of a stored variant's ``lint`` value (none when it was never linted)."""
    return [Finding.from_json(item) for item in lint or []]
