"""Advertising-Law and channel lint: rules as data, one compiled matcher, typed findings."""

from __future__ import annotations

from workbench.lint.engine import LintContext, Linter, has_ban, text_fields, worst
from workbench.lint.rules import RuleSet, load_rules, packaged_rules
from workbench.store.findings import Finding, stored_findings

__all__ = [
    "Finding",
    "LintContext",
    "Linter",
    "RuleSet",
    "has_ban",
    "load_rules",
    "packaged_rules",
    "stored_findings",
    "text_fields",
    "worst",
]
