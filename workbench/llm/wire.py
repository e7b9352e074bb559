"""The JSON the workbench sends to and reads from OpenAI-compatible endpoints, as TypedDicts.

These are wire formats (the chat-completions request body, a Batch API line, a completion),
so they stay JSON objects: a ``TypedDict`` names their keys without changing one byte of
what is sent.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from workbench.llm.base import JsonSchema, Message


class SchemaFormat(TypedDict):
    """``response_format.json_schema``: the schema the answer must follow."""

    name: str
    """``[A-Za-z0-9_-]{1,64}``: the schema's name as the endpoint requires it."""
    schema: JsonSchema
    """The JSON Schema of one answer."""
    strict: bool
    """Always False: compatible servers reject or ignore strict mode."""


class ResponseFormat(TypedDict):
    """The ``response_format`` of a chat-completions request."""

    type: Literal["json_schema", "json_object"]
    """``json_schema`` (with ``json_schema``) or ``json_object`` (any JSON object)."""
    json_schema: NotRequired[SchemaFormat]
    """The schema, for ``type == "json_schema"`` only."""


class ChatBody(TypedDict, total=False):
    """A chat-completions request body (``POST /v1/chat/completions``, a batch line's
    ``body``): the keys the workbench sets; langchain's payload may add others."""

    model: str
    """The model name."""
    messages: list[Message]
    """The conversation: system, user (and few-shot assistant) messages."""
    temperature: float
    """Sampling temperature, when the call or the settings give one."""
    max_tokens: int
    """The answer's token cap on compatible endpoints."""
    max_completion_tokens: int
    """The answer's token cap on OpenAI itself."""
    response_format: ResponseFormat
    """Structured output, when the endpoint supports it."""
    stream: bool
    """True for a streamed request."""
    stream_options: dict[str, bool]
    """``{"include_usage": True}`` on a streamed request."""


class CallKwargs(TypedDict, total=False):
    """What one call passes to ``ChatOpenAI`` besides the messages."""

    extra_body: ChatBody
    """Body keys ChatOpenAI sends as they are (token cap, ``response_format``)."""
    temperature: float
    """This call's temperature (overrides the configured one)."""


class Usage(TypedDict, total=False):
    """A completion's ``usage``."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChoiceMessage(TypedDict, total=False):
    """``choices[i].message`` of a completion."""

    role: str
    content: str | None


class Choice(TypedDict, total=False):
    """One of a completion's ``choices``."""

    index: int
    message: ChoiceMessage
    finish_reason: str | None
    """``stop``, or ``length`` when the answer was cut off at the token cap."""


class Completion(TypedDict, total=False):
    """A chat-completions answer (``chat.completion``)."""

    id: str
    object: str
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    error: ApiError
    """Only in an error body (a failed batch line's ``response.body``)."""


class ApiError(TypedDict, total=False):
    """An error object as endpoints and the Batch API write it."""

    code: str | None
    type: str
    message: str


class BatchRequestLine(TypedDict):
    """One line of a Batch API input file."""

    custom_id: str
    """The job key."""
    method: Literal["POST"]
    url: str
    """``/v1/chat/completions``."""
    body: ChatBody
    """Exactly what the interactive call sends."""


class BatchResponse(TypedDict, total=False):
    """A result line's ``response``: the HTTP status and the completion (or an error body)."""

    status_code: int
    request_id: str
    body: Completion
    """The completion; an error body (``{"error": ...}``) when the status is not 200."""


class BatchLine(TypedDict, total=False):
    """One line of a Batch API file as read back: a request line (input file: ``custom_id``,
    ``method``, ``url``, ``body``) or a result line (output or error file: ``id``,
    ``custom_id``, ``response``, ``error``)."""

    id: str
    custom_id: str
    """The job key the line belongs to."""
    method: str
    url: str
    body: ChatBody
    """A request line's request body."""
    response: BatchResponse | None
    """A result line's answer."""
    error: ApiError | str | None
    """Why a result line failed (the error file), None on success."""


class ChunkDelta(TypedDict, total=False):
    """``choices[i].delta`` of a streamed chunk: the next piece of the answer."""

    role: str
    content: str


class ChunkChoice(TypedDict):
    """One choice of a streamed chunk."""

    index: int
    delta: ChunkDelta
    finish_reason: str | None
    """None until the last content chunk."""


class CompletionChunk(TypedDict):
    """One ``chat.completion.chunk`` event of a stream (the last may carry only usage)."""

    id: str
    object: str
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: NotRequired[Usage]
