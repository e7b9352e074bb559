"""File and folder names made from what operators type (campaign names, segment names).

Chinese stays (operators want ``双11会员日-review.xlsx``), but the name is NFC, has no path
separators, no characters Windows, macOS or zip tools refuse or mangle (``\\ / : * ? " < > |``),
no control characters, no leading dots or dashes, and fits ``max_bytes`` of UTF-8 without
cutting a character in half.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 120  # a file name is at most 255 bytes; leave room for suffixes and copies
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\s]+')
_DROPPED = ("Cc", "Cf", "Cs", "Co")  # controls, format marks, surrogates, private use
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def _cap(text: str, max_bytes: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", errors="ignore")


def safe_name(text: str, *, max_bytes: int = MAX_BYTES, fallback: str = "x") -> str:
    """``text`` as one path component: unsafe runs become ``-``, capped at ``max_bytes``."""
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", text))
    name = "".join(c for c in name if unicodedata.category(c) not in _DROPPED).strip("-. ")
    name = _cap(name, max_bytes).rstrip("-. ")
    if not name or name.split(".")[0].lower() in _RESERVED:
        name = f"{fallback}-{name}" if name else fallback
    return name
