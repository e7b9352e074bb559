"""What the database keeps of text that came from outside: cleaned, redacted, bounded.

- variant content: control characters removed, secrets masked (an endpoint may echo the
  key it was sent);
- model answers: a bounded prefix (a rejected 10 MB answer is evidence, not content; the
  first :data:`MAX_ANSWER` characters show what went wrong), secrets masked;
- error messages: one bounded, redacted text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.guards.redact import redact, redact_data
from workbench.guards.text import clean_data, clean_text

MAX_ANSWER = 64_000
MAX_ERROR = 2_000


def _prefix(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n…[{len(text) - limit:,} more characters not stored]"


def stored_content(content: Mapping[str, Any]) -> dict[str, Any]:
    """Variant content as stored: clean text, no secrets."""
    cleaned = redact_data(clean_data(dict(content)))
    assert isinstance(cleaned, dict)
    return cleaned


def stored_answer(text: str | None) -> str | None:
    """A model answer as stored: a redacted prefix of at most :data:`MAX_ANSWER` characters."""
    if text is None:
        return None
    return redact(_prefix(text, MAX_ANSWER))


def stored_error(text: str) -> str:
    """An error message as stored: redacted, controls removed, bounded."""
    return _prefix(clean_text(redact(text)), MAX_ERROR)
