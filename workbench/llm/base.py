"""What every LLM provider speaks: a request in, a response out, tokens streamed on the way.

Providers sit behind the tiny ``Provider`` protocol. The OpenAI-compatible adapter
(``workbench.llm.openai_compat``) talks to any chat-completions endpoint through
langchain-openai; the offline composer (``workbench.llm.offline``) needs no network and
fills the copy frameworks from the brief. Both return the model's raw text; parsing and
validation happen in ``workbench.kinds``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypedDict

from pydantic import JsonValue

if TYPE_CHECKING:
    from workbench.brief.models import Brief, Deliverable, Segment
    from workbench.errors import LLMError

WEAKER_MODE = {"json_schema": "json_object", "json_object": "none"}
"""The next structured-output mode to try when an endpoint rejects the current one."""

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": "..."}
TokenCallback = Callable[[str], None]
JsonSchema = dict[str, JsonValue]
"""A JSON Schema document (``KindSpec.json_schema``, the probe's): arbitrary JSON."""


@dataclass(frozen=True, repr=False)
class JobContext:
    """The job a request belongs to. The offline composer composes from these facts."""

    brief: Brief
    segment: Segment
    deliverable: Deliverable
    deliverable_index: int
    style: str
    variant_index: int  # first variant slot this call fills
    count: int = 1  # how many variants this call must return (titles: several)
    round: int = 1  # generation round (``--fresh`` starts a new one)

    @property
    def kind(self) -> str:
        return self.deliverable.kind

    def __repr__(self) -> str:  # the brief is large; asyncio and logs repr jobs
        return (
            f"JobContext({self.brief.campaign.key} {self.segment.id} "
            f"#{self.deliverable_index} {self.style} v{self.variant_index}+{self.count} "
            f"r{self.round})"
        )


class ResponseExtra(TypedDict, total=False):
    """What a provider tells about one answer besides its text and tokens (all optional)."""

    finish_reason: str
    """The endpoint's ``finish_reason`` (``length``: cut off at the token cap)."""
    reasoning: str
    """A reasoning model's ``<think>`` part, split off the answer."""
    tokens_estimated: bool
    """True when the endpoint sent no usage and the token counts are estimates."""
    attempts: int
    """How many attempts the answer took, when it took more than one."""
    first_token_ms: float
    """Milliseconds until the first streamed token."""
    batch: bool
    """True for an answer read from a Batch API result file."""
    offline: bool
    """True for the offline composer's answer."""


@dataclass
class LLMRequest:
    messages: list[Message]
    job: JobContext | None = None
    # JSON Schema of the expected answer (the kind's response model), or None for free text.
    json_schema: JsonSchema | None = None
    schema_name: str = "response"
    temperature: float | None = None
    # Overrides the configured cap for this call (the repair of a cut-off answer).
    max_tokens: int | None = None
    # Told about each failed attempt the provider is about to retry (AIMD listens).
    on_retry: Callable[[LLMError], None] | None = None


@dataclass
class LLMResponse:
    text: str
    provider: str
    model: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: float = 0.0
    extra: ResponseExtra = field(default_factory=ResponseExtra)

    @property
    def total_tokens(self) -> int:
        return (self.prompt_tokens or 0) + (self.completion_tokens or 0)


class Provider(Protocol):
    """An LLM provider. ``name`` is stored with every generation (``offline`` for the composer)."""

    name: str
    model: str

    async def complete(
        self, request: LLMRequest, on_token: TokenCallback | None = None
    ) -> LLMResponse:
        """Answer one request; raise ``workbench.errors.LLMError`` on failure."""
        ...
