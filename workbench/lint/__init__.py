"""Advertising-Law and channel lint: rules as data, one compiled matcher, findings as dicts."""

from __future__ import annotations

from workbench.lint.engine import LintContext, Linter, has_ban, text_fields, worst
from workbench.lint.rules import RuleSet, load_rules, packaged_rules

__all__ = [
    "LintContext",
    "Linter",
    "RuleSet",
    "has_ban",
    "load_rules",
    "packaged_rules",
    "text_fields",
    "worst",
]
