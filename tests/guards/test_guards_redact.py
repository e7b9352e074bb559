from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbench.guards.redact import forget_secrets, redact, redact_data, register_secret


@pytest.fixture(autouse=True)
def _no_secrets() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


def test_url_userinfo_is_masked() -> None:
    text = "cannot reach http://user:sk-live-123456@llm.example.com:8080/v1 (timeout)"
    assert redact(text) == "cannot reach http://***@llm.example.com:8080/v1 (timeout)"
    assert redact("https://example.com/path?a=1") == "https://example.com/path?a=1"


def test_registered_and_given_secrets_are_masked_everywhere() -> None:
    register_secret("sk-proj-abcdef123456")
    assert redact("echo: sk-proj-abcdef123456!") == "echo: ***!"
    assert redact("key qwerty-987654 here", "qwerty-987654") == "key *** here"
    assert redact_data({"a": ["sk-proj-abcdef123456"], "n": 1}) == {"a": ["***"], "n": 1}


def test_short_values_and_bearer_tokens() -> None:
    register_secret("abc")  # too short to mask without hiding ordinary words
    assert redact("abc abc") == "abc abc"
    assert redact("Authorization: Bearer eyJhbGciOi.xyz") == "Authorization: Bearer ***"
