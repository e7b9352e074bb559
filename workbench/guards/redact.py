"""Secret redaction: the one function to call on anything printed or stored.

Removes the password (and user) of URLs (``http://user:key@host`` -> ``http://***@host``),
every registered secret (the configured API key is registered when it is resolved), and
bearer tokens. Call :func:`redact` on error messages, base URLs, stored request settings
and model answers before they reach a terminal, a log or the database.
"""

from __future__ import annotations

import re
import threading

MASK = "***"
MIN_SECRET = 6  # shorter values would mask ordinary words
_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s?#]+)@")
_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}")
_SECRETS: set[str] = set()
_LOCK = threading.Lock()


def register_secret(value: str | None) -> None:
    """Remember ``value`` (e.g. the resolved API key) so that :func:`redact` masks it."""
    if value and len(value.strip()) >= MIN_SECRET:
        with _LOCK:
            _SECRETS.add(value.strip())


def forget_secrets() -> None:
    """Forget every registered secret (tests; switching workspaces)."""
    with _LOCK:
        _SECRETS.clear()


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with URL credentials, bearer tokens and every known secret masked."""
    if not text:
        return text
    text = _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)}{MASK}", text)
    with _LOCK:
        known = set(_SECRETS)
    known.update(s.strip() for s in secrets if s and len(s.strip()) >= MIN_SECRET)
    for secret in sorted(known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_data(value: object, *secrets: str | None) -> object:
    """:func:`redact` applied to every string inside JSON-like data."""
    if isinstance(value, str):
        return redact(value, *secrets)
    if isinstance(value, dict):
        return {k: redact_data(v, *secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_data(v, *secrets) for v in value]
    return value
