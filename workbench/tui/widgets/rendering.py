"""Rich text for variants: lint findings highlighted in the content, half-block posters."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text

from workbench.guards.text import for_display
from workbench.halfblock import HalfBlockRow
from workbench.textview import content_text

SEVERITY_STYLES = {
    "ban": "bold white on red",
    "limit": "black on dark_orange",
    "caution": "black on yellow",
    "evidence": "black on yellow",
    "warning": "black on yellow",
    "info": "underline",
}


def finding_style(finding: dict[str, Any]) -> str:
    return SEVERITY_STYLES.get(str(finding.get("severity") or ""), "black on yellow")


def highlighted_content(variant: dict[str, Any]) -> Text:
    """The variant's text with each lint finding's term marked by severity."""
    text = Text(for_display(content_text(variant.get("kind") or "", variant.get("content") or {})))
    for finding in variant.get("lint") or []:
        term = for_display(str(finding.get("term") or ""))
        if term:
            text.highlight_words([term], style=finding_style(finding))
    return text


def findings_text(findings: list[dict[str, Any]]) -> Text:
    text = Text()
    for finding in findings:
        severity = str(finding.get("severity") or "")
        text.append(f" {severity} ", style=finding_style(finding))
        term = finding.get("term")
        if term:
            text.append(f" {for_display(str(term))}", style="bold")
        text.append(f" {for_display(str(finding.get('message') or finding.get('rule') or ''))}\n")
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
