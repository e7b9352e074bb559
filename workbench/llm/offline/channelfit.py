"""Channel fit for offline copy: the limit a body must keep, and SMS parts as carriers bill.

A body is shortened by dropping optional parts (``text.fit_parts``), never by cutting a
word, until it fits: SMS in ``sms_parts`` parts with 【signature】, opt-out and link
counted; 朋友圈 above the fold (120 characters, 6 lines) unless ``max_chars`` says otherwise.
"""

from __future__ import annotations

from typing import Any

from workbench.kinds.channels import ChannelSpec, sms_opt_out, sms_signature

# Bodies the composer aims for on roomy channels (the channel limit stays the cap).
TARGET = {"community": 300, "xiaohongshu": 420, "douyin": 260}
FOLD_LINES = 6


def sms_wrap(brand: str, body: str, lang: str) -> str:
    """The SMS as sent: 【signature】 body opt-out."""
    sep = " " if lang == "en-US" else ""
    body = body.strip() + (" " if body.endswith(" ") else "")
    gap = sep if not body.endswith(" ") else ""
    return f"{sms_signature(brand, lang)}{body}{gap}{sms_opt_out(lang)}"


def wanted_parts(deliverable: Any) -> int:
    return max(1, int(getattr(deliverable, "sms_parts", None) or 1))


def body_limit(spec: ChannelSpec, deliverable: Any, en: bool) -> int:
    """Characters a non-SMS body may take: ``max_chars``, else above the fold, else a
    readable target within the channel's cap."""
    cap = spec.body_max or 500
    given = getattr(deliverable, "max_chars", None)
    if given:
        return min(int(given), cap)
    if spec.id == "moments" and spec.body_fold:
        return spec.body_fold
    target = TARGET.get(spec.id, cap)
    return min(cap, target * 3 if en else target)


def line_cap(spec: ChannelSpec, deliverable: Any) -> int:
    """Lines a body may take (朋友圈 folds after six lines unless ``max_chars`` is set)."""
    if spec.id == "moments" and not getattr(deliverable, "max_chars", None):
        return FOLD_LINES
    return 10_000
