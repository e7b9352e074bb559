"""What the clause checks (claims, operator labels, claim packs, 扫码 wording) hand the engine.

A ``ClauseHit`` is a raw match: where it is and which clause a fix would remove. The engine
turns it into a :class:`~workbench.store.findings.Finding` with messages and a severity.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClauseHit:
    """One raw match of a clause check."""

    rule: str
    """``claim``, ``internal``, ``claim_pack`` or ``platform_qr``."""
    term: str
    """The matched text."""
    start: int
    """Offset of the match in the text."""
    end: int
    """End offset of the match."""
    clause: str
    """The clause around the match, stripped."""
    fix_start: int
    """Start of what the fix replaces (the clause, or the label when it is the address)."""
    fix_end: int
    """End of what the fix replaces."""
    fix: str = ""
    """What the fix puts there: ``""`` removes it, an operator label becomes the address."""
    claim: str | None = None
    """For ``claim``: ``number``, ``proof`` or ``urgency``."""
    pack: str | None = None
    """For ``claim_pack``: the pack's name (``art17`` or a category)."""
    basis: str = ""
    """For ``claim_pack``: the pack's legal basis."""


@dataclass(frozen=True, slots=True)
class LimitHit:
    """One channel limit a text breaks (or a piece it lacks), before it has messages."""

    rule: str
    """``sms_signature``, ``sms_opt_out``, ``sms_segments``, ``title_length``, ``fold``, ..."""
    severity: str
    """``ban`` (a missing opt-out), ``limit``, or ``info`` (a billed long SMS)."""
    field: str | None
    """The content field, or None for a whole text."""
    start: int
    """Where the part past the limit starts (or the insertion point of a missing piece)."""
    end: int
    """Where it ends."""
    values: dict[str, str | int]
    """What the message template names: counts, limits, the channel's label."""
    term: str = ""
    """The offending text, when there is one (a stray 【】)."""
    suggestion: str | None = None
    """Wording a human could add (the signature, the opt-out)."""
    fix: str | None = None
    """What an offline fix inserts; None when it needs a human."""
    basis: str = ""
    """The carrier or platform rule."""
