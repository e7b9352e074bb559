"""Control characters: stripped from text at ingestion, made visible at display.

C0 controls (except tab and newline), DEL and the C1 range can move a terminal's cursor,
change its title or colours (escape-sequence injection), and openpyxl refuses them in a
worksheet. Text entering the workbench loses them (``\\r\\n`` and a lone ``\\r`` become
``\\n``); text shown on a terminal shows any that remain as visible ``\\xNN`` escapes.
Lone UTF-16 surrogates (which cannot be encoded) become U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CRLF = re.compile(r"\r\n?")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character (other than tab/newline) or a surrogate."""
    return bool(_CONTROLS.search(text) or _SURROGATES.search(text))


def clean_text(text: str) -> str:
    """``text`` without control characters; CR/CRLF become LF, lone surrogates U+FFFD."""
    if not has_controls(text):
        return text
    text = _SURROGATES.sub("\ufffd", _CRLF.sub("\n", text))
    return _CONTROLS.sub("", text)


def clean_data(value: Any) -> Any:
    """``value`` (JSON-like data) with every string, key included, cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {
            (clean_text(k) if isinstance(k, str) else k): clean_data(v) for k, v in value.items()
        }
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_data(v) for v in value)
    return value


_CELL_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_cell(text: str) -> str:
    """``text`` for a spreadsheet cell: like :func:`clean_text` but CR is kept as written
    (a leading CR is a formula trigger the caller neutralises)."""
    if not has_controls(text):
        return text
    return _CELL_CONTROLS.sub("", _SURROGATES.sub("\ufffd", text))


def _visible(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}"


def for_display(text: str) -> str:
    """``text`` safe for a terminal: controls (and surrogates) shown as ``\\xNN``."""
    if not has_controls(text):
        return text
    text = _SURROGATES.sub("\ufffd", text)
    return _CONTROLS.sub(_visible, text)
