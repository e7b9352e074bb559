"""Helpers the kinds share: problem collection, model validation, hashtags, banned words.

(The answer models' JSON Schema, ``schema_of``, lives in ``workbench.kinds.sizelimits``.)"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from workbench.kinds.base import C, ContentError

if TYPE_CHECKING:
    from workbench.brief.models import Brief

M = TypeVar("M", bound=BaseModel)

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Answer(BaseModel):
    """Base of every response model: no extra keys, surrounding whitespace stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Problems:
    """Collects ``field: message`` lines and the safe repairs applied on the way."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.repairs: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}")

    def repair(self, message: str) -> None:
        self.repairs.append(message)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError("\n".join(self.items))

    def attach(self, content: C) -> C:
        """``content`` with the repairs listed under ``repairs`` (last key), if any."""
        if self.repairs:
            content["repairs"] = list(self.repairs)
        return content


def loc_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(answer)"


def validate(model: type[M], data: Any) -> M:
    """``model.model_validate(data)`` with errors turned into a ``ContentError``."""
    if not isinstance(data, dict):
        raise ContentError(f"(answer): expected a JSON object, got {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        lines = [f"{loc_path(e['loc'])}: {e['msg']}" for e in err.errors()]
        raise ContentError("\n".join(lines)) from None


def language(brief: Brief) -> str:
    return brief.campaign.language


def clean_hashtags(tags: list[str], cap: int, path: str, problems: Problems) -> list[str]:
    """Strip leading '#', drop empties and duplicates, keep the first ``cap`` (a repair)."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        text = tag.strip().lstrip("#＃").strip()
        key = text.lower()
        if text and key not in seen:
            seen.add(key)
            out.append(text)
    if len(out) < len([t for t in tags if t.strip().lstrip("#＃").strip()]):
        problems.repair(f"{path}: removed duplicate hashtags")
    if len(out) > cap:
        if cap:
            problems.repair(f"{path}: kept the first {cap} of {len(out)} hashtags")
        else:
            problems.repair(f"{path}: dropped {len(out)} hashtags (this channel takes none)")
        out = out[:cap]
    return out


def check_banned(fields: dict[str, str], brief: Brief, problems: Problems) -> None:
    """Brand banned words anywhere in the given fields (case-insensitive)."""
    banned = [w for w in brief.campaign.brand.banned_words if w.strip()]
    for path, text in fields.items():
        low = text.lower()
        hits = [w for w in banned if w.lower() in low]
        if hits:
            problems.add(path, f"contains banned words {', '.join(hits)}; rewrite without them")


def speech_units(text: str, lang: str) -> int:
    """What a voice-over costs in time: CJK characters and digits (zh), words (en)."""
    if lang == "en-US":
        return len(_WORD_RE.findall(text))
    cjk = len(_CJK_RE.findall(text))
    rest = _CJK_RE.sub(" ", text)
    words = 0
    for token in _WORD_RE.findall(rest):
        words += len(token) if token.isdigit() else 1
    return cjk + words
