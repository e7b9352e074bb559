"""Token estimates for answers that came without usage (a stream from a server that
ignores ``stream_options``): about one token per CJK character, four characters per
token for the rest. Only ever stored marked as estimated."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _wide(char: str) -> bool:
    return (
        "\u3000" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uff00" <= char <= "\uffef"
    )


def estimate_tokens(text: str) -> int:
    """A rough token count of ``text`` (0 for empty text)."""
    if not text:
        return 0
    wide = sum(1 for c in text if _wide(c))
    narrow = len(text) - wide
    return wide + (narrow + 3) // 4


def estimate_messages_tokens(messages: Iterable[Mapping[str, str]]) -> int:
    """A rough prompt token count: each message's content plus a few tokens of framing."""
    return sum(4 + estimate_tokens(str(m.get("content") or "")) for m in messages)
