"""The fact guard's ``internal`` rule: operator labels of a segment in customer-facing text.

A segment's name, description (and each clause of it), lifecycle and RFM words are the
operator's notes (:func:`workbench.brief.audience.operator_labels`); a customer reading
"hello，高价值老客！" or "还在价格敏感？" reads the shop's spreadsheet. Occurrences inside
``address_as`` or a name the brief allows are not findings. The fix replaces a label used as
the whole address ("沉睡VIP们，") with the segment's address and removes any other clause.
"""

from __future__ import annotations

from workbench.lint.claims import clause_span
from workbench.lint.hits import ClauseHit

_ADDRESS_TAIL = "们！!，,：: "


def _spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    out = []
    low = text.lower()
    for phrase in phrases:
        needle = phrase.strip().lower()
        if len(needle) < 2:
            continue
        at = low.find(needle)
        while at >= 0:
            out.append((at, at + len(needle)))
            at = low.find(needle, at + 1)
    return out


def internal_findings(
    text: str, labels: tuple[str, ...], allowed: tuple[str, ...], address: str
) -> list[ClauseHit]:
    """Raw findings for every operator label in ``text`` (longest label wins a span)."""
    if not labels:
        return []
    free = _spans(text, allowed)
    taken: list[tuple[int, int]] = []
    out: list[ClauseHit] = []
    low = text.lower()
    for label in labels:  # longest first
        needle = label.strip().lower()
        if not needle:
            continue
        at = low.find(needle)
        while at >= 0:
            end = at + len(needle)
            covered = any(s <= at and end <= e for s, e in free + taken)
            if not covered:
                taken.append((at, end))
                out.append(_finding(text, at, end, address))
            at = low.find(needle, end)
    return sorted(out, key=lambda f: f.start)


def _finding(text: str, start: int, end: int, address: str) -> ClauseHit:
    left, right = clause_span(text, start, end)
    clause = text[left:right]
    bare = clause.strip().rstrip(_ADDRESS_TAIL)
    as_address = bare.lower() == text[start:end].lower() or bare.lower() in (
        f"hello{text[start:end].lower()}",
        f"hi{text[start:end].lower()}",
    )
    if as_address and address:
        fix_start, fix_end, fix = start, end, address
        if text[end : end + 1] == "们" and address.endswith("们"):
            fix_end = end + 1
    else:
        fix_start, fix_end, fix = left, right, ""
    return ClauseHit(
        rule="internal",
        term=text[start:end],
        start=start,
        end=end,
        clause=clause.strip(),
        fix_start=fix_start,
        fix_end=fix_end,
        fix=fix,
    )
