"""One tracked link per variant: its short code, the short URL and the redirect target.

A variant's code is its 10-hex uid written in base 62, always ``CODE_LENGTH`` (7)
characters of ``[0-9A-Za-z]`` (so it also fits a mini-program ``scene``); the uid comes
back from the code alone, so nothing has to be stored to resolve one. With ``[tracking]
base_url`` the link is ``{base_url}/s/{code}``; without it, the link is the target itself.

The target is the landing URL as the brand wrote it, every parameter kept (``utm_source``,
``utm_medium`` and any other), with ``utm_content=<variant uid>`` set and ``utm_source`` /
``utm_medium`` / ``utm_campaign`` added only where the brand left them out. A poster size
is never a source.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

ALPHABET = string.digits + string.ascii_uppercase + string.ascii_lowercase
CODE_LENGTH = 7  # 62**7 > 16**10: every 10-hex uid fits
UID_LENGTH = 10
SHORT_PATH = "/s/"


def code_for(uid: str) -> str:
    """The short code of a variant uid (10 hex digits)."""
    number = int(uid, 16)
    digits = []
    while number:
        number, rem = divmod(number, 62)
        digits.append(ALPHABET[rem])
    return "".join(reversed(digits)).rjust(CODE_LENGTH, "0")


def uid_for(code: str) -> str | None:
    """The variant uid a code stands for, or None when it is not a code at all."""
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    number = 0
    for ch in code:
        number = number * 62 + ALPHABET.index(ch)
    if number >= 16**UID_LENGTH:
        return None
    return f"{number:0{UID_LENGTH}x}"


def target_url(landing_url: str, *, uid: str, campaign: str, source: str, medium: str) -> str:
    """The landing URL with ``utm_content=uid``; the brand's own parameters kept as written."""
    parts = urlsplit(landing_url.strip())
    pairs = [p for p in parts.query.split("&") if p]
    names = {unquote_plus(p.partition("=")[0]) for p in pairs}
    kept = [p for p in pairs if unquote_plus(p.partition("=")[0]) != "utm_content"]
    defaults = {"utm_source": source, "utm_medium": medium, "utm_campaign": campaign}
    added = {k: v for k, v in defaults.items() if k not in names and v}
    added["utm_content"] = uid
    query = kept + [f"{k}={quote(v, safe='-_.~')}" for k, v in added.items()]
    return urlunsplit(parts._replace(query="&".join(query)))


def short_url(base_url: str, code: str) -> str:
    return base_url.rstrip("/") + SHORT_PATH + code


@dataclass(frozen=True)
class Link:
    """``variants ... --json``'s ``link``: ``code``, ``url`` (what the customer sees),
    ``target`` (where ``url`` redirects to)."""

    code: str
    url: str
    target: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "url": self.url, "target": self.target}


def variant_link(
    landing_url: str,
    *,
    base_url: str,
    uid: str,
    campaign: str,
    kind: str,
    channel: str | None,
) -> Link:
    """The tracked link of one variant of a deliverable with a landing URL."""
    target = target_url(
        landing_url, uid=uid, campaign=campaign, source=channel or kind, medium=kind
    )
    code = code_for(uid)
    return Link(code, short_url(base_url, code) if base_url else target, target)


def link_text_length(
    landing_url: str, *, base_url: str, campaign: str, kind: str, channel: str | None
) -> int:
    """How many characters the tracked link takes in a body, for any variant of this
    deliverable (codes and uids have fixed lengths): what SMS fitting must reserve."""
    link = variant_link(
        landing_url,
        base_url=base_url,
        uid="0" * UID_LENGTH,
        campaign=campaign,
        kind=kind,
        channel=channel,
    )
    return len(link.url)
