"""What the LLM repair round is told when a parsed answer breaks the fact guard or a limit.

Only findings a model can act on go back: ``ban`` (claims, operator labels, art. 17 and
category packs, banned words) and ``limit`` (channel limits, named with their figures).
Each becomes one imperative line: "remove the unsupported claim '3天有效'".
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.store.findings import Finding

REPAIRABLE = frozenset({"ban", "limit"})

_LINES = {
    "claim": (
        "删除简报没有的说法“{clause}”（“{term}”不是简报里的事实）",
        "remove the unsupported claim '{clause}' ('{term}' is not a fact in the brief)",
    ),
    "claim_pack": (
        "删除疾病/功效说法“{clause}”，不要换成别的功效说法",
        "remove the disease or efficacy claim '{clause}'; do not replace it with another claim",
    ),
    "internal": (
        "不要对客户说运营标签“{term}”，称呼用“{address}”",
        "do not show customers the operator label '{term}'; address them as '{address}'",
    ),
}


def _line(f: Finding, lang: str) -> str:
    index = 1 if lang == "en-US" else 0
    where = f"{f.field}: " if f.field else ""
    template = _LINES.get(f.rule)
    if template is not None:
        values = {
            "clause": f.clause or f.term,
            "term": f.term,
            "address": f.address or f.suggestion or ("friends" if lang == "en-US" else "大家"),
        }
        return where + template[index].format(**values)
    message = (f.message_en if lang == "en-US" else f.message_zh) or f.message
    return where + message


def repair_problems(findings: Iterable[Finding], language: str) -> str:
    """One line per repairable finding (duplicates once), or "" when nothing needs a repair."""
    lines: list[str] = []
    for f in findings:
        if f.severity not in REPAIRABLE:
            continue
        line = "- " + _line(f, language)
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)
