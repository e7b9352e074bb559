"""Tracked QR codes: the landing URL with UTM parameters, and the QR module matrix.

``tracked_url`` keeps the landing URL's own query string (and fragment) and sets
``utm_source`` (the size preset, i.e. the channel), ``utm_medium=poster``, ``utm_campaign``
(the campaign id) and ``utm_content`` (the variant's short id), replacing same-named
parameters the URL already had.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

from qrcode.constants import ERROR_CORRECT_M

from workbench.poster.qrmask import build

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")


def tracked_url(landing_url: str, *, source: str, campaign: str, content: str) -> str:
    parts = urlsplit(landing_url.strip())
    ours = {
        "utm_source": source,
        "utm_medium": "poster",
        "utm_campaign": campaign,
        "utm_content": content,
    }
    kept = [
        p for p in parts.query.split("&") if p and unquote_plus(p.partition("=")[0]) not in ours
    ]
    added = [f"{k}={quote(v, safe='-_.~')}" for k, v in ours.items()]
    return urlunsplit(parts._replace(query="&".join(kept + added)))


@lru_cache(maxsize=256)
def _matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    matrix, _ = build(data, ERROR_CORRECT_M)  # qrcode's own mask choice, scored with numpy
    return tuple(tuple(row) for row in matrix.tolist())


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR symbol for ``data`` (error correction M, no quiet zone): rows of dark flags."""
    return [list(row) for row in _matrix(data)]
