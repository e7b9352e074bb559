"""A poster's QR code must hold its tracked link: checked at validate, not at render time.

The poster step encodes ``landing_url`` plus the tracking parameters (``utm_source``,
``utm_medium``, ``utm_campaign``, ``utm_content``) at error-correction level M, whose
largest symbol (version 40) holds 2,331 bytes. A longer link used to pass validate and then
crash the poster step on every run.
"""

from __future__ import annotations

from typing import Any

from workbench.brief.yamldoc import line_of, locate, parse
from workbench.errors import Problem

QR_CAPACITY_M = 2331  # bytes, byte mode, version 40, level M (ISO/IEC 18004 table 7)
TRACKING_OVERHEAD = 96  # "&utm_source=poster&utm_medium=poster&utm_campaign=...&utm_content=..."


def qr_problems(loaded: Any) -> list[Problem]:
    """One problem when a brief with QR posters has a landing_url too long for the symbol."""
    brief = loaded.brief
    wants_qr = any(getattr(d, "qr", False) for d in brief.deliverables)  # posters have qr
    url = brief.campaign.product.landing_url
    if not wants_qr or not url:
        return []
    room = QR_CAPACITY_M - TRACKING_OVERHEAD - len(brief.campaign.id.encode())
    size = len(url.encode())
    if size <= room:
        return []
    line = None
    doc = parse(loaded.raw, str(loaded.path))
    if doc.root is not None:
        found = locate(doc.root, ("campaign", "product", "landing_url"))
        line = line_of(found.node) if found.found else None
    message = (
        f"{size:,} bytes is too long for a poster's QR code (with the tracking parameters "
        f"it must stay within {room:,}); use a short link or set qr: false"
    )
    return [Problem(str(loaded.path), line, "campaign.product.landing_url", message)]
