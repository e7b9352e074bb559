"""The linter: terms, brief rules, false urgency and channel limits over text or content.

``Linter(rules).lint_content(kind, content, ctx)`` lints every public text field of a
variant (offsets are into that field's text, named by ``field``);
``lint_text(text, ctx)`` lints a whole file (offsets into the file's text). Each finding is
a :class:`~workbench.store.findings.Finding` (rule, term, category, severity, field, start,
end, message in ``ctx.language``, message_zh, message_en, suggestion, fix, basis, ruleset).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from workbench.brief.audience import neutral_address
from workbench.kinds import KINDS
from workbench.lint.claims import PLATFORM_NAMES, claim_findings, clause_span, diversion_hits
from workbench.lint.facts import Facts
from workbench.lint.hits import ClauseHit, LimitHit
from workbench.lint.internal import internal_findings
from workbench.lint.limits import content_limits, text_limits
from workbench.lint.matcher import Hit, Matcher, scope_of
from workbench.lint.messages import category_words, render, severity_words
from workbench.lint.packs import missing_required, pack_hits
from workbench.lint.rules import RuleSet
from workbench.store.findings import Finding

# Keys whose text is direction for the crew, not published copy.
SKIP_KEYS = frozenset(
    {"repairs", "angle", "visual", "shot_size", "sound", "props", "notes", "action", "music"}
)
SEVERITY_ORDER = {"ban": 0, "limit": 1, "caution": 2, "evidence": 3, "warning": 4, "info": 5}
# Urgency terms that are fine when the offer really ends on a stated date.
_DEADLINE_TERMS = frozenset(
    {
        "仅此一次",
        "仅此一天",
        "最后一天",
        "最后一波",
        "仅限今天",
        "仅限今日",
        "错过不再",
        "错过再等一年",
        "最后机会",
        "即将恢复原价",
        "限时秒杀",
        "马上涨价",
    }
)
_DATE_IN_TEXT = re.compile(
    r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|截[止至]|\d{1,2}/\d{1,2}"
)
_PLACEHOLDER = re.compile(r"X|（|\(")
_TRADEMARK_AFTER = re.compile(r"\w{0,8}[®™]")


@dataclass(frozen=True)
class LintContext:
    """What a lint needs to know beyond the text."""

    channel: str | None = None
    kind: str | None = None
    language: str = "zh-CN"
    banned_words: tuple[str, ...] = ()
    must_include: tuple[str, ...] = ()
    deadline: date | str | None = None
    allow: tuple[str, ...] = ()  # brand and product names, registered names
    brand: str | None = None
    marketing: bool = True  # marketing SMS needs an opt-out
    # The fact guard (#11): what the brief states, and the segment's operator labels.
    facts: Facts | None = None
    labels: tuple[str, ...] = ()  # operator_labels(segment)
    address: str = ""  # address_for(segment): what a fix puts in place of a label
    category: str | None = None  # product.category: switches on its claim pack
    sms_parts: int | None = None  # the deliverable's sms_parts (None: the channel's)
    max_chars: int | None = None  # the deliverable's max_chars (replaces the fold)
    # Platforms the piece is for that ban off-platform diversion (抖音, 小红书), and whether
    # the deliverable asked for a QR code itself (poster ``qr: true``).
    no_diversion: tuple[str, ...] = ()
    qr_requested: bool = False


def _fix_for(replacement: str | None, severity: str) -> str | None:
    """The text an offline fix puts in place of a hit, or None when it needs a human."""
    if replacement and not _PLACEHOLDER.search(replacement):
        return replacement
    if replacement is None and severity == "ban":
        return ""
    return None


class Linter:
    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._matchers: dict[str | None, Matcher] = {}
        self._ban_cache: dict[str, bool] = {}

    def matcher(self, scope: str | None) -> Matcher:
        found = self._matchers.get(scope)
        if found is None:
            found = self._matchers[scope] = Matcher(self.rules, scope)
        return found

    # -- public API ---------------------------------------------------------------------

    def lint_text(self, text: str, ctx: LintContext) -> list[Finding]:
        """A whole text (a file): terms, brief rules and channel limits; offsets into it."""
        findings = self._field(text, None, ctx)
        findings += self._must_include({"": text}, ctx)
        if ctx.category:
            findings += self._required({"": text}, ctx)
        findings += [self._limit(f, ctx) for f in text_limits(text, ctx)]
        return _sorted(findings)

    def lint_content(self, kind: str, content: dict[str, Any], ctx: LintContext) -> list[Finding]:
        """Every public text field of a variant; offsets into the field named by ``field``."""
        if ctx.kind is None:
            ctx = _with(ctx, kind=kind)
        fields = dict(text_fields(content))
        findings: list[Finding] = []
        for path, text in fields.items():
            findings += self._field(text, path, ctx)
        findings += self._must_include(fields, ctx)
        if ctx.category:
            findings += self._required(fields, ctx)
        if ctx.qr_requested and ctx.no_diversion and _carries_qr(kind):
            raw = ClauseHit("platform_qr", "QR", 0, 0, clause="", fix_start=0, fix_end=0)
            findings.append(self._diversion(raw, None, ctx))
        findings += [self._limit(f, ctx) for f in content_limits(kind, content, ctx)]
        return findings

    # -- pieces -------------------------------------------------------------------------

    def _field(self, text: str, path: str | None, ctx: LintContext) -> list[Finding]:
        if not text:
            return []
        out: list[Finding] = []
        scope = scope_of(ctx.channel, ctx.kind)
        matcher = self.matcher(scope)
        allowed: list[tuple[int, int]] | None = None
        dated: bool | None = None
        for hit in matcher.hits(text):
            if allowed is None:
                allowed = _spans(text, ctx.allow + self.rules.allow)
            if _inside(hit, allowed) or _TRADEMARK_AFTER.match(text, hit.end):
                continue
            term = hit.term
            if term.term in _DEADLINE_TERMS:
                if dated is None:
                    dated = bool(ctx.deadline) or bool(_DATE_IN_TEXT.search(text))
                if dated:
                    continue
                out.append(
                    self._finding("false_urgency", hit, path, ctx, rule_name="false_urgency")
                )
                continue
            exception = matcher.exception(text, hit)
            if exception is not None:
                if exception.action == "skip":
                    continue
                finding = self._finding(
                    "exception",
                    hit,
                    path,
                    ctx,
                    severity=exception.action,
                    extra={"reason_zh": exception.reason_zh, "reason_en": exception.reason_en},
                )
                if exception.action != "ban":
                    finding = replace(finding, fix=None)  # needs a cited basis, not other words
                out.append(finding)
                continue
            if scope is None and not term.applies_to("all"):
                out.append(
                    self._finding(
                        "term_scoped",
                        hit,
                        path,
                        ctx,
                        severity="caution",
                        extra={"channels": "/".join(term.channels)},
                    )
                )
                continue
            out.append(self._finding("term", hit, path, ctx))
        out += self._banned(text, path, ctx)
        out += self._packs(text, path, ctx, out)
        taken = [(f.start, f.end) for f in out if f.severity == "ban"]
        for g in self._guard(text, path, ctx):
            if g.rule == "platform_qr" and any(s < g.end and g.start < e for s, e in taken):
                continue  # the platform's own term list already bans it
            out.append(g)
        return [self._no_swap(f, text) for f in out]

    def _diversion(self, f: ClauseHit, path: str | None, ctx: LintContext) -> Finding:
        """扫码/QR on 抖音 or 小红书: a ban, or a caution when the deliverable asked for it."""
        platforms = "/".join(PLATFORM_NAMES.get(p, p) for p in ctx.no_diversion)
        asked = ctx.qr_requested
        template = "platform_qr_asked" if asked else "platform_qr"
        zh, en = render(template, {"term": f.term, "platforms": platforms})
        clause = (
            {} if asked else {"clause": f.clause, "fix_start": f.fix_start, "fix_end": f.fix_end}
        )
        return self._pack(
            rule="platform_qr",
            term=f.term,
            category="platform_diversion",
            severity="caution" if asked else "ban",
            field=path,
            start=f.start,
            end=f.end,
            zh=zh,
            en=en,
            suggestion=None,
            fix=None if asked else "",
            basis="抖音/小红书社区规范：禁止站外导流（二维码、扫码进群）",
            ctx=ctx,
            **clause,
        )

    def _no_swap(self, finding: Finding, text: str) -> Finding:
        """A disease/efficacy ban, a ban whose replacement is itself a ban, or one that has no
        offline wording, is fixed by removing its clause: ``--fix`` never leaves a ban and
        never swaps one claim for another."""
        if finding.severity != "ban" or finding.fix_start is not None:
            return finding
        fix = finding.fix
        medical = finding.category == "medical_efficacy"
        if fix == "" and finding.start == finding.end:
            return finding  # an insertion point (a missing piece), nothing to remove
        if not medical and fix is not None and not (fix and self._is_ban(fix)):
            return finding
        left, right = clause_span(text, finding.start, finding.end)
        clause = text[left:right].strip()
        return replace(
            finding, fix="", fix_start=left, fix_end=right, suggestion=None, clause=clause
        )

    def _is_ban(self, text: str) -> bool:
        """Whether a replacement wording is itself banned (cached; no brief context)."""
        found = self._ban_cache.get(text)
        if found is None:
            hits = self.matcher(None).hits(text)
            found = any(h.term.severity == "ban" for h in hits) or bool(pack_hits(text, None))
            self._ban_cache[text] = found
        return found

    def _packs(
        self, text: str, path: str | None, ctx: LintContext, done: list[Finding]
    ) -> list[Finding]:
        """Art. 17 and the category pack; spans an existing ban already covers are skipped."""
        taken = [(f.start, f.end) for f in done if f.severity == "ban"]
        out = []
        matcher = self.matcher(None)
        for f in pack_hits(text, ctx.category):
            if any(s < f.end and f.start < e for s, e in taken):
                continue
            term = self.rules.term(f.term)
            if term is not None:  # documented exceptions (治愈系插画) hold for packs too
                hit = Hit(term, f.start, f.end, f.term)
                exception = matcher.exception(text, hit)
                if exception is not None and exception.action == "skip":
                    continue
            zh, en = render("claim_pack", {"term": f.term, "clause": f.clause})
            finding = self._pack(
                rule="claim_pack",
                term=f.term,
                category="medical_efficacy" if f.pack == "art17" else "category_claim",
                severity="ban",
                field=path,
                start=f.start,
                end=f.end,
                zh=zh,
                en=en,
                suggestion=None,
                fix="",
                basis=f.basis,
                ctx=ctx,
                pack=f.pack,
                clause=f.clause,
                fix_start=f.fix_start,
                fix_end=f.fix_end,
            )
            out.append(finding)
        return out

    def _required(self, fields: dict[str, str], ctx: LintContext) -> list[Finding]:
        """Text the category requires in every piece (health food: 本品不能代替药物); a
        title is a headline candidate, not a piece: the copy it heads carries the text."""
        spec = KINDS.get(ctx.kind or "")
        if spec is not None and not spec.standalone:
            return []
        whole = "\n".join(fields.values())
        target = max(fields, key=lambda k: len(fields[k])) if fields else ""
        out = []
        for need, pack in missing_required(whole, ctx.category):
            end = len(fields.get(target, ""))
            zh, en = render("claim_required", {"term": need})
            finding = self._pack(
                rule="claim_required",
                term=need,
                category="category_claim",
                severity="ban",
                field=target or None,
                start=end,
                end=end,
                zh=zh,
                en=en,
                suggestion=need,
                fix=need,
                basis=pack.basis_zh,
                ctx=ctx,
                pack=pack.name,
            )
            out.append(finding)
        return out

    def _guard(self, text: str, path: str | None, ctx: LintContext) -> list[Finding]:
        """``claim`` and ``internal``: what the brief does not state, operator labels."""
        names = ctx.allow + self.rules.allow + ((ctx.address,) if ctx.address else ())
        address = ctx.address or neutral_address(ctx.language)
        raw = internal_findings(text, ctx.labels, names, address)
        labelled = [(f.start, f.end) for f in raw]
        if ctx.facts is not None:
            raw += [
                f
                for f in claim_findings(text, ctx.facts, names)
                if not any(s < f.end and f.start < e for s, e in labelled)
            ]
        if ctx.no_diversion:
            raw += diversion_hits(text)
        out = []
        for f in raw:
            if f.rule == "platform_qr":
                out.append(self._diversion(f, path, ctx))
                continue
            internal = f.rule == "internal"
            template = "internal" if internal else f"claim_{f.claim}"
            values = {"term": f.term, "clause": f.clause, "address": address}
            zh, en = render(template, values)
            finding = self._pack(
                rule=f.rule,
                term=f.term,
                category="operator_label" if internal else "unsupported_claim",
                severity="ban",
                field=path,
                start=f.start,
                end=f.end,
                zh=zh,
                en=en,
                suggestion=ctx.address if internal and f.fix else None,
                fix=f.fix,
                basis="brief: segments[] (operator notes)"
                if internal
                else "brief: campaign.product (price, offer, deadline, proof)",
                ctx=ctx,
                fix_start=f.fix_start,
                fix_end=f.fix_end,
                clause=f.clause,
                address=address if internal else None,
                claim=None if internal else f.claim,
            )
            out.append(finding)
        return out

    def _finding(
        self,
        template: str,
        hit: Hit,
        path: str | None,
        ctx: LintContext,
        *,
        severity: str | None = None,
        extra: dict[str, str] | None = None,
        rule_name: str = "term",
    ) -> Finding:
        term = hit.term
        severity = severity or term.severity
        cat_zh, cat_en = category_words(term.category)
        sev_zh, sev_en = severity_words(severity)
        values = {
            "term": hit.text,
            "category_zh": cat_zh,
            "category_en": cat_en,
            "severity_zh": sev_zh,
            "severity_en": sev_en,
            **(extra or {}),
        }
        zh, en = render(template, values)
        return self._pack(
            rule=rule_name,
            term=hit.text,
            category=term.category,
            severity=severity,
            field=path,
            start=hit.start,
            end=hit.end,
            zh=zh,
            en=en,
            suggestion=term.replacement,
            fix=_fix_for(term.replacement, severity) if template != "false_urgency" else None,
            basis=term.basis,
            ctx=ctx,
        )

    def _banned(self, text: str, path: str | None, ctx: LintContext) -> list[Finding]:
        out = []
        low = text.lower()
        for word in ctx.banned_words:
            needle = word.strip().lower()
            if not needle:
                continue
            at = low.find(needle)
            while at >= 0:
                zh, en = render("banned_word", {"term": text[at : at + len(needle)]})
                out.append(
                    self._pack(
                        rule="banned_word",
                        term=text[at : at + len(needle)],
                        category="brand",
                        severity="ban",
                        field=path,
                        start=at,
                        end=at + len(needle),
                        zh=zh,
                        en=en,
                        suggestion=None,
                        fix="",
                        basis="brief: campaign.brand.banned_words",
                        ctx=ctx,
                    )
                )
                at = low.find(needle, at + len(needle))
        return out

    def _must_include(self, fields: dict[str, str], ctx: LintContext) -> list[Finding]:
        if not ctx.must_include:
            return []
        whole = "\n".join(fields.values()).lower()
        out = []
        for word in ctx.must_include:
            if word.strip() and word.strip().lower() not in whole:
                zh, en = render("must_include", {"term": word.strip()})
                out.append(
                    self._pack(
                        rule="must_include",
                        term=word.strip(),
                        category="brief",
                        severity="caution",
                        field=None,
                        start=0,
                        end=0,
                        zh=zh,
                        en=en,
                        suggestion=word.strip(),
                        fix=None,
                        basis="brief: campaign.brand.must_include",
                        ctx=ctx,
                    )
                )
        return out

    def _limit(self, raw: LimitHit, ctx: LintContext) -> Finding:
        zh, en = render(raw.rule, raw.values)
        return self._pack(
            rule=raw.rule,
            term=raw.term,
            category="channel_limit",
            severity=raw.severity,
            field=raw.field,
            start=raw.start,
            end=raw.end,
            zh=zh,
            en=en,
            suggestion=raw.suggestion,
            fix=raw.fix,
            basis=raw.basis,
            ctx=ctx,
        )

    def _pack(self, *, zh: str, en: str, ctx: LintContext, **values: Any) -> Finding:
        """The finding, with its message in the context's language and the rule set."""
        return Finding(
            **values,
            message=en if ctx.language == "en-US" else zh,
            message_zh=zh,
            message_en=en,
            ruleset=self.rules.version,
        )


def _with(ctx: LintContext, **changes: Any) -> LintContext:
    return replace(ctx, **changes)


def _spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    low = text.lower()
    for name in names:
        needle = name.strip().lower()
        if len(needle) < 2:
            continue
        at = low.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = low.find(needle, at + 1)
    return spans


def _carries_qr(kind: str) -> bool:
    spec = KINDS.get(kind)
    return spec is not None and spec.carries_qr


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(s <= hit.start and hit.end <= e for s, e in spans)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, SEVERITY_ORDER.get(f.severity, 9)))


def text_fields(content: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """``(path, text)`` for every public string in a variant's content, in order."""
    if isinstance(content, str):
        yield path, content
    elif isinstance(content, dict):
        for key, value in content.items():
            if key in SKIP_KEYS:
                continue
            yield from text_fields(value, f"{path}.{key}" if path else str(key))
    elif isinstance(content, list):
        if content and all(isinstance(v, str) for v in content) and path.endswith("hashtags"):
            yield path, " ".join(f"#{v}" for v in content)
            return
        for i, value in enumerate(content):
            yield from text_fields(value, f"{path}[{i}]")


def worst(findings: Sequence[Finding] | None) -> str | None:
    """The most serious severity among ``findings``."""
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: SEVERITY_ORDER.get(s, 9))


def has_ban(findings: Sequence[Finding] | None) -> bool:
    return any(f.severity == "ban" for f in findings or [])
