"""Which campaign an operator means: its id, a unique prefix of it, its name, or its number
in ``workbench campaigns``.

Campaign ids derived from Chinese names (``member-day-2026-03``, ``hui-yuan-ri``) are long
to type; wherever a command takes a CAMPAIGN, :func:`resolve_campaign` accepts

1. the id itself;
2. the list number (``1`` is the first row of ``workbench campaigns``, which lists
   campaigns in ``store.variants.campaigns()`` order, most recently updated first);
3. the campaign's name (``3月会员日``), case and surrounding spaces ignored;
4. a prefix of the id, or of the name, that only one campaign has.

Anything else is a one-line error that says what matched (several campaigns) or that
nothing did, and names ``workbench campaigns``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from workbench.errors import InputError, NotFoundError, Problem


class CampaignLister(Protocol):
    def campaigns(self) -> list[dict[str, Any]]: ...


def resolve_campaign(store: CampaignLister, text: str, where: str = "CAMPAIGN") -> str:
    """The id of the one campaign ``text`` names (see the module docstring)."""
    return match_campaign(store.campaigns(), text, where)


def match_campaign(campaigns: Sequence[dict[str, Any]], text: str, where: str = "CAMPAIGN") -> str:
    """:func:`resolve_campaign` over an already read list (in list order)."""
    wanted = text.strip()
    if not wanted:
        raise InputError(Problem(where, None, "", "give a campaign id, name or number"))
    ids = [str(c["id"]) for c in campaigns]
    if wanted in ids:
        return wanted
    if wanted.isascii() and wanted.isdigit():
        number = int(wanted)
        if 1 <= number <= len(campaigns):
            return ids[number - 1]
    folded = wanted.casefold()
    by_name = [
        str(c["id"]) for c in campaigns if str(c.get("name") or "").strip().casefold() == folded
    ]
    if len(by_name) == 1:
        return by_name[0]
    if not by_name:
        by_name = [
            str(c["id"])
            for c in campaigns
            if str(c["id"]).casefold().startswith(folded)
            or str(c.get("name") or "").strip().casefold().startswith(folded)
        ]
        if len(by_name) == 1:
            return by_name[0]
    if by_name:
        shown = ", ".join(by_name[:5]) + (" …" if len(by_name) > 5 else "")
        message = f"{wanted!r} matches {len(by_name)} campaigns ({shown}); give more of the id"
        raise InputError(Problem(where, None, "", message))
    hint = "no campaigns yet" if not campaigns else f"see workbench campaigns (1-{len(campaigns)})"
    raise NotFoundError(f"campaign {wanted!r} not found; {hint}")
