"""Rich text for variants: lint findings highlighted in the content, half-block posters."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text

from workbench.guards.text import for_display
from workbench.halfblock import HalfBlockRow
from workbench.store.findings import Finding, stored_findings
from workbench.store.variantrecord import Variant
from workbench.textview import content_text

SEVERITY_STYLES = {
    "ban": "bold white on red",
    "limit": "black on dark_orange",
    "caution": "black on yellow",
    "evidence": "black on yellow",
    "warning": "black on yellow",
    "info": "underline",
}


def finding_style(finding: Finding) -> str:
    return SEVERITY_STYLES.get(finding.severity, "black on yellow")


def highlighted_content(variant: Variant) -> Text:
    """The variant's text with each lint finding's term marked by severity."""
    text = Text(for_display(content_text(variant.kind or "", variant.content or {})))
    for finding in stored_findings(variant.lint):
        term = for_display(finding.term)
        if term:
            text.highlight_words([term], style=finding_style(finding))
    return text


def findings_text(lint: list[dict[str, Any]] | None) -> Text:
    """A variant's stored findings (its ``lint`` JSON), one line each."""
    text = Text()
    for finding in stored_findings(lint):
        text.append(f" {finding.severity} ", style=finding_style(finding))
        if finding.term:
            text.append(f" {for_display(finding.term)}", style="bold")
        text.append(f" {for_display(finding.message or finding.rule)}\n")
    return text


def halfblock_text(rows: list[HalfBlockRow]) -> Text:
    """Each cell an upper half block: top pixel as foreground, bottom as background."""
    text = Text()
    for row in rows:
        for top, bottom in row:
            text.append("▀", Style(color=f"rgb{top}", bgcolor=f"rgb{bottom}"))
        text.append("\n")
    text.rstrip()
    return text
