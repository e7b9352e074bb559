"""How long a 429 asks the client to wait: ``retry-after-ms``, ``retry-after`` (seconds or
an HTTP date), else the ``x-ratelimit-reset-*`` headers (OpenAI's ``6m0s`` / ``1.5s`` /
``20ms`` durations, plain seconds, or an epoch timestamp)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNIT = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
RESET_HEADERS = (
    "x-ratelimit-reset-requests",
    "x-ratelimit-reset-tokens",
    "x-ratelimit-reset",
)
EPOCH_AFTER = 1e9  # a reset value this large is a Unix timestamp, not a duration


def parse_duration(raw: str, now: Callable[[], float] = time.time) -> float | None:
    """Seconds in ``raw``: ``1h2m3.5s``, ``20ms``, ``12`` or an epoch timestamp."""
    text = raw.strip().lower()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, value - now()) if value > EPOCH_AFTER else max(0.0, value)
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text.replace(" ", ""):
        return None
    return sum(float(number) * _UNIT[unit] for number, unit in parts)


def rate_limit_wait(headers: Any, now: Callable[[], float] = time.time) -> float | None:
    """The wait a 429's headers ask for, or None when they name none."""
    if headers is None:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw:
        try:
            return max(0.0, float(raw))
        except ValueError:
            pass
        try:
            return max(0.0, parsedate_to_datetime(raw).timestamp() - now())
        except (TypeError, ValueError, IndexError):
            pass
    resets = [parse_duration(str(raw), now) for name in RESET_HEADERS if (raw := headers.get(name))]
    present = [r for r in resets if r is not None]
    return max(present) if present else None
