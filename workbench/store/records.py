"""What the pipeline hands to the store: one job, one LLM call, the variants it produced.

Also the two small pure helpers every writer shares: the stable variant uid and the scrub
that keeps secrets out of stored settings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.guards.redact import redact
from workbench.store.findings import Finding

RUN_FINAL_STATUSES = ("done", "failed", "interrupted")
PURPOSES = ("generate", "repair")


@dataclass(frozen=True, slots=True)
class JobRecord:
    """One job (one LLM call's worth of variants), keyed by its deterministic hash."""

    key: str
    campaign_id: str
    run_id: int | None
    segment_id: str
    deliverable_index: int
    kind: str
    channel: str | None
    style: str
    framework: str | None
    variant_index: int
    count: int
    round: int


@dataclass(frozen=True, slots=True)
class GenerationRecord:
    """One LLM call, successful or not: what was sent, what came back, what it cost."""

    job_key: str
    run_id: int | None
    campaign_id: str
    provider: str
    model: str
    template: str
    template_hash: str
    variables: Mapping[str, Any]
    messages: list[dict[str, Any]]
    response_text: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float | None = None
    error: str | None = None
    attempt: int = 1
    purpose: str = "generate"  # generate | repair
    finish_reason: str | None = None  # stop | length | ... as the endpoint said
    tokens_estimated: bool = False  # no usage from the endpoint: the counts are estimates


@dataclass(frozen=True, slots=True)
class VariantRecord:
    """One parsed variant. ``slot`` is its variant index within the deliverable."""

    slot: int
    content: Mapping[str, Any]
    kind: str
    channel: str | None
    segment_id: str
    deliverable_index: int
    style: str
    framework: str | None
    provider: str
    model: str
    round: int
    lint: list[Finding] | None = None  # compliance findings, when linted before storing


def variant_uid(job_key: str, slot: int, version: int = 1) -> str:
    """Short stable id of a variant row: first 10 hex chars of sha256(job_key:slot).

    Later versions of the same slot (edits) hash ``job_key:slot:vN`` so every row keeps a
    unique uid while version 1 stays ``sha256(job_key:slot)``.
    """
    seed = f"{job_key}:{slot}" if version == 1 else f"{job_key}:{slot}:v{version}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


# A key is secret when one of its words (split on _ - . and camelCase) is one of these.
# Words, not substrings: ``max_tokens`` and ``keywords`` stay, ``api_key`` and
# ``accessToken`` go.
_SECRET_WORDS = frozenset(
    {
        "key",
        "apikey",
        "token",
        "secret",
        "password",
        "passwd",
        "authorization",
        "auth",
        "credential",
        "credentials",
        "cookie",
    }
)
_WORD_RE = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# Values that look like API keys are dropped whatever their key is called.
_SECRET_VALUE_RE = re.compile(r"^(?:Bearer\s+\S+|(?:sk|pk|rk|ak)-[A-Za-z0-9_\-]{12,})$")


def _secret_key(name: str) -> bool:
    words = {w.lower() for w in _WORD_RE.findall(name)}
    return bool(words & _SECRET_WORDS)


def _is_secret_value(value: Any) -> bool:
    if type(value).__name__ in {"SecretStr", "SecretBytes"}:
        return True
    return isinstance(value, str) and bool(_SECRET_VALUE_RE.match(value.strip()))


def scrub_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``settings`` without secrets, recursively (dicts inside lists too)."""

    def clean(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {
                str(k): clean(v)
                for k, v in value.items()
                if not _secret_key(str(k)) and not _is_secret_value(v)
            }
        if isinstance(value, list | tuple):
            return [clean(v) for v in value if not _is_secret_value(v)]
        return redact(value) if isinstance(value, str) else value  # e.g. user:key@ in a URL

    result: dict[str, Any] = clean(settings)
    return result
