"""The compliance rule set as data: packaged terms and exceptions, plus a workspace file.

Packaged: ``templates/compliance/compliance-terms.json`` (the 370 Advertising-Law and
platform terms) and ``templates/compliance/exceptions.json`` (documented exceptions such as
最佳食用期 and 第一家店, written from each term's note). A workspace may add a
``compliance.yaml`` (or ``compliance.json``)::

    terms:            # new terms, or fields overriding a packaged term of the same name
      - {term: 秒杀全网, category: absolute, severity: ban, replacement: 限时优惠}
      - {term: 首选, severity: ban}
    disable: [独家]   # packaged terms to switch off
    allow: [第一坊]   # registered names / trademarks that are never findings
    exceptions:       # same shape as the packaged exceptions
      - {terms: [最好], pattern: 最好吃的面包坊, action: skip}

``RuleSet.version`` hashes everything that decides a finding; it is stored with each one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from workbench.brief.yamldoc import field_path, line_of, locate, parse, read_text
from workbench.errors import InputError, Problem
from workbench.guards.patterns import pattern_problem
from workbench.locations import resource_dir

WORKSPACE_FILES = ("compliance.yaml", "compliance.yml", "compliance.json")
Severity = Literal["ban", "caution", "evidence"]
Action = Literal["skip", "ban", "caution", "evidence"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _check_regex(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    problem = pattern_problem(value)  # catastrophic backtracking would hang lint
    if problem is not None:
        raise ValueError(problem)
    return value


class Term(_Model):
    """One term: what to match, how bad it is, why, where, and a safer wording."""

    term: str = Field(min_length=1)
    category: str = "custom"
    severity: Severity = "caution"
    replacement: str | None = None
    basis: str = ""
    channels: list[str] = Field(default_factory=lambda: ["all"])
    note: str = ""
    pattern: str | None = None
    source: str = ""

    _pattern = field_validator("pattern")(_check_regex)

    def applies_to(self, scope: str | None) -> bool:
        return "all" in self.channels or (scope is not None and scope in self.channels)


class TermPatch(_Model):
    """A workspace entry: a new term, or the fields to change on a packaged one."""

    term: str = Field(min_length=1)
    category: str | None = None
    severity: Severity | None = None
    replacement: str | None = None
    basis: str | None = None
    channels: list[str] | None = None
    note: str | None = None
    pattern: str | None = None

    _pattern = field_validator("pattern")(_check_regex)


class ExceptionRule(_Model):
    """Hits of ``terms`` inside a match of ``pattern`` are skipped or re-graded."""

    terms: list[str] = Field(min_length=1)
    pattern: str = Field(min_length=1)
    action: Action = "skip"
    reason_zh: str = ""
    reason_en: str = ""

    _pattern = field_validator("pattern")(_check_regex)


class WorkspaceRules(_Model):
    terms: list[TermPatch] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)
    exceptions: list[ExceptionRule] = Field(default_factory=list)


@dataclass(frozen=True)
class RuleSet:
    """Effective terms (by lower-cased term), exceptions and allowed names, with a version."""

    terms: dict[str, Term]
    exceptions: tuple[ExceptionRule, ...]
    allow: tuple[str, ...]
    source: str
    version: str = field(default="")

    @classmethod
    def build(
        cls,
        terms: list[Term],
        exceptions: list[ExceptionRule],
        allow: list[str],
        source: str,
    ) -> RuleSet:
        by_key = {t.term.lower(): t for t in terms}
        payload = {
            "terms": [by_key[k].model_dump() for k in sorted(by_key)],
            "exceptions": [e.model_dump() for e in exceptions],
            "allow": sorted(set(allow)),
        }
        digest = hashlib.sha256(
            json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
        ).hexdigest()[:12]
        return cls(by_key, tuple(exceptions), tuple(sorted(set(allow))), source, digest)

    def term(self, text: str) -> Term | None:
        return self.terms.get(text.lower())


def packaged_dir() -> Path:
    return resource_dir("templates") / "compliance"


@lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[Term, ...], tuple[ExceptionRule, ...]]:
    folder = packaged_dir()
    raw_terms = json.loads((folder / "compliance-terms.json").read_text(encoding="utf-8"))
    raw_ex = json.loads((folder / "exceptions.json").read_text(encoding="utf-8"))
    overrides: dict[str, str] = raw_ex.get("patterns", {})
    terms = []
    for item in raw_terms:
        data = {k: v for k, v in item.items() if k in Term.model_fields}
        if item["term"] in overrides:
            data["pattern"] = overrides[item["term"]]
        terms.append(Term.model_validate(data))
    exceptions = tuple(ExceptionRule.model_validate(e) for e in raw_ex["exceptions"])
    return tuple(terms), exceptions


def packaged_rules() -> RuleSet:
    terms, exceptions = _packaged()
    return RuleSet.build(list(terms), list(exceptions), [], "packaged")


def workspace_file(workspace: Path) -> Path | None:
    for name in WORKSPACE_FILES:
        path = workspace / name
        if path.is_file():
            return path
    return None


def load_rules(workspace: Path | None = None, path: Path | None = None) -> RuleSet:
    """Packaged rules merged with the workspace file (``path``, else found in ``workspace``)."""
    if path is None and workspace is not None:
        path = workspace_file(workspace)
    if path is None:
        return packaged_rules()
    return _load_with_file(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_with_file(path: Path, _mtime: int) -> RuleSet:
    extra = _read_workspace(path)
    terms, exceptions = _packaged()
    by_key: dict[str, Term] = {t.term.lower(): t for t in terms}
    for patch in extra.terms:
        key = patch.term.lower()
        changes = patch.model_dump(exclude_none=True, exclude={"term"})
        if key in by_key:
            by_key[key] = by_key[key].model_copy(update=changes)
        else:
            by_key[key] = Term(term=patch.term, **changes)
    for name in extra.disable:
        by_key.pop(name.strip().lower(), None)
    return RuleSet.build(
        list(by_key.values()),
        [*exceptions, *extra.exceptions],
        [a for a in extra.allow if a.strip()],
        str(path),
    )


def _read_workspace(path: Path) -> WorkspaceRules:
    label = str(path)
    doc = parse(read_text(path, label), label)
    if doc.problems:
        raise InputError(doc.problems)
    data: Any = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InputError(Problem(label, 1, "", "expected a mapping with terms/disable/allow"))
    try:
        return WorkspaceRules.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
            line = None
            if doc.root is not None:
                found = locate(doc.root, loc)
                line = line_of(found.key_node or found.node)
            problems.append(Problem(label, line, field_path(loc), err["msg"]))
        raise InputError(problems) from None
