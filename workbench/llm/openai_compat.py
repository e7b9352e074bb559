"""The OpenAI-compatible provider: any chat-completions endpoint through langchain-openai.

One ``ChatOpenAI`` (a ``LeanChatOpenAI``, llm/leanchat.py) and its pooled HTTP clients per
provider and event loop, not per call: plain requests are posted over one aiohttp session of
its own (``acomplete``), streams go through the openai SDK (its aiohttp transport).
ChatOpenAI's own retries are off; this module retries the retryable ``LLMError`` kinds
(timeout, server, connection: ``max_retries`` times) with exponential backoff and jitter.
A 429 is retried on its own budget: backoff with jitter honouring Retry-After and
``x-ratelimit-reset-*`` until ``rate_limit_wait`` seconds of waiting are spent (per-minute
limits need tens of seconds). A 4xx/5xx naming ``response_format`` is ``format_rejected``
(the runner falls back to a weaker mode instead of retrying it). An answer without usage
(llama-cpp-python ignores ``stream_options``) gets estimated token counts, marked so in
``extra["tokens_estimated"]``. Streaming is used when the settings ask for it and someone listens
(``on_token``); without a listener a plain request is cheaper and returns the same text.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, cast
from urllib.parse import urlsplit

import openai
from langchain_core.messages import BaseMessage
from pydantic import SecretStr

from workbench.errors import LLMError
from workbench.llm.base import LLMRequest, LLMResponse, ResponseExtra, TokenCallback
from workbench.llm.jsonparse import split_think
from workbench.llm.leanchat import JsonPoster, LeanChatOpenAI
from workbench.llm.presets import EndpointConfig
from workbench.llm.ratelimits import rate_limit_wait
from workbench.llm.tokens import estimate_messages_tokens, estimate_tokens
from workbench.llm.transport import (
    async_http_client,
    close_with_loop,
    connection_failed,
    sync_http_client,
)
from workbench.llm.wire import CallKwargs, ChatBody, ResponseFormat
from workbench.settings import LLMSettings

RETRY_AFTER_CAP = 30.0  # never sleep longer than this for one retry, whatever the server says
RATE_LIMIT_ATTEMPTS = 30  # a 429 budget is spent in seconds; this bounds a Retry-After: 0 loop

_BALANCE_WORDS = (
    "insufficient balance",
    "insufficient_balance",
    "insufficient_quota",
    "exceeded your current quota",
    "arrearage",
    "account balance",
    "余额不足",
    "欠费",
)
_MODEL_MISSING = re.compile(
    r"model.{0,80}(does not exist|not exist|not found|no such|unknown|not available|"
    r"不存在)|model_not_found|unknown model|no such model|模型不存在",
    re.IGNORECASE | re.DOTALL,
)
_FORMAT_REJECTED = re.compile(r"response_format|json_schema|json_object", re.IGNORECASE)
_SECRET_LIKE = re.compile(r"\b(sk|ak|pk)-[A-Za-z0-9_\-*]{6,}")
_SCHEMA_NAME = re.compile(r"[^A-Za-z0-9_-]")


class _CallbackFailed(Exception):
    """Wraps an exception raised by the caller's ``on_token`` so it is not mapped."""


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _body_message(body: object) -> str:
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            for key in ("message", "msg", "detail"):
                if inner.get(key):
                    return str(inner[key])
        return json.dumps(body, ensure_ascii=False)
    return "" if body is None else str(body)


def _scrub(text: str, secret: str | None) -> str:
    if secret and len(secret) >= 4:
        text = text.replace(secret, "***")
    return _SECRET_LIKE.sub(lambda m: m.group(1) + "-***", text)


def map_error(
    exc: BaseException,
    *,
    base_url: str = "",
    model: str = "",
    timeout: float | None = None,
    secret: str | None = None,
    stream_started: bool = False,
    sent_format: bool = False,
) -> LLMError:
    """Translate an openai / langchain / parsing exception into a one-line ``LLMError``."""
    host = urlsplit(base_url).netloc or base_url
    if isinstance(exc, LLMError):
        return exc
    within = f" within {timeout:g} s" if timeout else ""
    broken = connection_failed(exc)  # aiohttp's refused/broken connections come as timeouts
    if stream_started and isinstance(exc, openai.APIConnectionError | TimeoutError):
        # Part of the answer already reached the listener: a retry would repeat it, so the
        # failure is reported as a broken answer (not retried here).
        what = (
            f"went silent for more than {timeout or 0:g} s"
            if isinstance(exc, TimeoutError | openai.APITimeoutError) and broken is None
            else "closed the connection"
        )
        return LLMError(
            f"{host} {what} in the middle of the answer (truncated stream)",
            kind="bad_response",
        )
    if isinstance(exc, openai.APITimeoutError | TimeoutError) and broken is None:
        return LLMError(f"{host} did not answer{within} (timeout)", kind="timeout")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        detail = _one_line(str(cause)) if cause is not None and str(cause) else "connection error"
        detail = _one_line(broken) if broken else detail
        return LLMError(_scrub(f"cannot connect to {host}: {detail}", secret), kind="connection")
    if isinstance(exc, openai.APIResponseValidationError):
        return LLMError(f"{host} sent a response the SDK could not read", kind="bad_response")
    if isinstance(exc, openai.APIStatusError):
        return _map_status(exc, host=host, model=model, secret=secret, sent_format=sent_format)
    if isinstance(exc, ValueError | KeyError):
        detail = _one_line(str(exc), 120)
        if any(word in detail.lower() for word in _BALANCE_WORDS):
            return LLMError(_scrub(f"{host}: account balance: {detail}", secret), kind="balance")
        return LLMError(
            _scrub(f"{host} sent a response that is not a valid chat completion: {detail}", secret),
            kind="bad_response",
        )
    detail = _one_line(str(exc), 160) or type(exc).__name__
    return LLMError(_scrub(f"{host}: the call failed: {detail}", secret), kind="bad_response")


def _map_status(
    exc: openai.APIStatusError,
    *,
    host: str,
    model: str,
    secret: str | None,
    sent_format: bool = False,
) -> LLMError:
    status = exc.status_code
    detail = _one_line(_body_message(exc.body) or exc.message)
    lowered = detail.lower()

    def err(kind: str, text: str, retry_after: float | None = None) -> LLMError:
        message = _scrub(f"{text} (HTTP {status} from {host}): {detail}", secret)
        return LLMError(message, kind=kind, retry_after=retry_after, status=status)

    if status == 402 or any(word in lowered for word in _BALANCE_WORDS):
        return err("balance", "the account has no balance or quota left")
    if status in (401, 403):
        return err("auth", "the endpoint rejected the API key")
    if status in (400, 404) and _MODEL_MISSING.search(detail):
        return err("model_not_found", f"model {model!r} does not exist on this endpoint")
    if status == 404:
        return err("not_found", "the base URL answers 404 (check it, most end in /v1)")
    if status == 429:
        wait = rate_limit_wait(exc.response.headers)
        return err("rate_limit", "rate limited", retry_after=wait)
    if sent_format and status >= 400 and _FORMAT_REJECTED.search(detail):
        # llama-cpp-python answers an unsupported json_schema with a 500: not a server
        # fault to retry, a capability the runner falls back from.
        return err(
            "format_rejected",
            "the endpoint rejected response_format "
            '(set llm.structured_output = "json_object" or "none")',
        )
    if status == 408:
        return err("timeout", "the endpoint timed out")
    if status == 409 or status >= 500:
        return err("server", "the endpoint had a server error")
    if status == 400 and _FORMAT_REJECTED.search(detail):
        return err(
            "bad_request",
            "the endpoint rejected response_format "
            '(set llm.structured_output = "json_object" or "none")',
        )
    return err("bad_request", "the endpoint rejected the request")


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in content
            if isinstance(part, str | dict)
        )
    return str(content or "")


class OpenAICompatProvider:
    """``Provider`` for any OpenAI-compatible chat-completions endpoint."""

    def __init__(
        self,
        config: EndpointConfig,
        settings: LLMSettings,
        *,
        backoff_base: float = 0.5,
        backoff_cap: float = RETRY_AFTER_CAP,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.name = config.provider_name
        self.model = config.model
        self.config = config
        self.structured_output = config.structured_output
        self.max_retries = settings.max_retries
        self.rate_limit_budget = settings.rate_limit_wait
        self.max_tokens = settings.max_tokens
        self.stream = settings.stream
        self.timeout = settings.timeout
        self._temperature = settings.temperature
        self._max_tokens = settings.max_tokens
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._sleep = sleep
        self._key = config.api_key or SecretStr("EMPTY")
        self._llm: LeanChatOpenAI | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http: openai.DefaultAsyncHttpxClient | None = None
        self._poster: JsonPoster | None = None  # plain requests (llm/leanchat.py)
        self._closing: tuple[object, object] | None = None  # close both with their loop
        self._payload_model: LeanChatOpenAI | None = None  # builds Batch API bodies

    def __repr__(self) -> str:
        return f"OpenAICompatProvider({self.config!r})"

    # -- the client, built once per event loop ---------------------------------------

    def chat_model(self) -> LeanChatOpenAI:
        """The shared ChatOpenAI for the running loop (pooled connections are loop-bound)."""
        loop = asyncio.get_running_loop()
        if self._llm is not None and self._loop is loop:
            return self._llm
        # The SDK's default pool (1,000 connections, 100 kept alive) covers any sensible
        # concurrency; one client per provider and loop lets every call reuse connections.
        # aiohttp's transport when installed (llm/transport.py), closed with its loop.
        # Plain requests skip the SDK's request and response models: they are posted
        # over one aiohttp session of their own (llm/leanchat.py); streams use the SDK.
        self._http = async_http_client()
        llm = self._build_chat_model(http_async_client=self._http, http_client=sync_http_client())
        self._poster = JsonPoster(llm.root_async_client, self.timeout)
        llm.use_poster(self._poster)
        self._closing = (
            close_with_loop(self._http, loop),
            close_with_loop(self._poster, loop),
        )
        self._llm = llm
        self._loop = loop
        return self._llm

    def _build_chat_model(self, **client: Any) -> LeanChatOpenAI:
        # OpenAI itself takes max_completion_tokens (ChatOpenAI renames max_tokens to it);
        # compatible servers expect max_tokens, which goes in the body via _call_kwargs.
        limits: dict[str, int] = {}
        if self._max_tokens is not None and self.config.preset == "openai":
            limits["max_tokens"] = self._max_tokens
        return LeanChatOpenAI(
            model=self.model,
            base_url=self.config.base_url,
            api_key=self._key,
            temperature=self._temperature,
            **limits,
            timeout=self.timeout,
            max_retries=0,
            stream_usage=True,
            stream_chunk_timeout=None,  # httpx's read timeout bounds silences already
            use_responses_api=False,  # compatible endpoints speak chat completions only
            **client,
        )

    def request_body(self, request: LLMRequest) -> ChatBody:
        """The JSON body a plain (not streamed) ``complete(request)`` sends, built by the
        same ChatOpenAI payload code: a Batch API line's ``body`` (issue 16)."""
        if self._payload_model is None:
            self._payload_model = self._build_chat_model()
        payload = self._payload_model._get_request_payload(
            request.messages, **self._call_kwargs(request)
        )
        extra = payload.pop("extra_body", None) or {}
        return cast(ChatBody, {**payload, **extra})

    async def aclose(self) -> None:
        """Close the pooled HTTP connections (optional; they also close with the loop)."""
        if self._http is not None:
            await self._http.aclose()
        if self._poster is not None:
            await self._poster.aclose()
        self._http = None
        self._poster = None
        self._llm = None
        self._loop = None

    # -- requests ----------------------------------------------------------------------

    def response_format(self, request: LLMRequest) -> ResponseFormat | None:
        """The ``response_format`` sent for ``request`` under this endpoint's capability."""
        if request.json_schema is None or self.structured_output == "none":
            return None
        if self.structured_output == "json_object":
            return {"type": "json_object"}
        name = _SCHEMA_NAME.sub("_", request.schema_name or "response")[:64] or "response"
        return {
            "type": "json_schema",
            "json_schema": {"name": name, "schema": request.json_schema, "strict": False},
        }

    def _call_kwargs(self, request: LLMRequest) -> CallKwargs:
        kwargs: CallKwargs = {}
        body: ChatBody = {}
        if request.max_tokens is not None:
            # a raised cap for one call (the repair of a cut-off answer)
            if self.config.preset == "openai":
                body["max_completion_tokens"] = request.max_tokens
            else:
                body["max_tokens"] = request.max_tokens
        elif self._max_tokens is not None and self.config.preset != "openai":
            body["max_tokens"] = self._max_tokens
        fmt = self.response_format(request)
        if fmt is not None:
            # extra_body keeps ChatOpenAI on the plain create() path (its response_format
            # handling switches to the beta parse/stream helpers, which cost more per chunk).
            body["response_format"] = fmt
        if body:
            kwargs["extra_body"] = body
        if request.temperature is not None:
            kwargs["temperature"] = request.temperature
        return kwargs

    async def complete(
        self, request: LLMRequest, on_token: TokenCallback | None = None
    ) -> LLMResponse:
        """Answer one request, retrying retryable failures; raise ``LLMError`` otherwise."""
        kwargs = self._call_kwargs(request)
        retries = 0  # timeouts, server and connection errors: at most max_retries
        limited = 0  # 429s: until rate_limit_wait seconds of waiting are spent
        waited = 0.0
        while True:
            try:
                response = await self._attempt(request, kwargs, on_token)
            except LLMError as error:
                delay = self._retry_delay(error, retries, limited, waited)
                if delay is None:
                    attempts = retries + limited
                    if attempts:
                        waited_note = f", {waited:.0f} s of backoff" if limited else ""
                        raise LLMError(
                            f"{error.message} (gave up after {attempts + 1} attempts{waited_note})",
                            kind=error.kind,
                            retry_after=error.retry_after,
                            status=error.status,
                        ) from error
                    raise
                if request.on_retry is not None:
                    request.on_retry(error)
                await self._sleep(delay)
                waited += delay
                if error.kind == "rate_limit":
                    limited += 1
                else:
                    retries += 1
                continue
            if retries or limited:
                response.extra["attempts"] = retries + limited + 1
            return response

    def _retry_delay(
        self, error: LLMError, retries: int, limited: int, waited: float
    ) -> float | None:
        """Seconds to wait before retrying ``error``, or None to give up."""
        if not error.retryable:
            return None
        if error.kind == "rate_limit":
            left = self.rate_limit_budget - waited
            if left <= 0 or limited >= RATE_LIMIT_ATTEMPTS:
                return None
            return min(
                left, self.backoff_delay(limited, error.retry_after, base=2 * self._backoff_base)
            )
        if retries >= self.max_retries:
            return None
        return self.backoff_delay(retries, error.retry_after)

    def backoff_delay(
        self, attempt: int, retry_after: float | None = None, base: float | None = None
    ) -> float:
        """Seconds before retry ``attempt + 1``: Retry-After when given, else exponential
        with jitter (half to all of ``base * 2**attempt``, capped)."""
        if retry_after is not None:
            return min(retry_after, self._backoff_cap)
        start = self._backoff_base if base is None else base
        delay = min(self._backoff_cap, start * (2**attempt))
        return delay * random.uniform(0.5, 1.0)

    async def _attempt(
        self, request: LLMRequest, kwargs: CallKwargs, on_token: TokenCallback | None
    ) -> LLMResponse:
        llm = self.chat_model()
        started = time.perf_counter()
        extra: ResponseExtra = {}
        streaming = self.stream and on_token is not None
        try:
            if streaming and on_token is not None:
                text, usage, finish = await self._stream(
                    llm.astream(request.messages, **kwargs), on_token, started, extra
                )
            else:
                message = await llm.acomplete(request.messages, **kwargs)
                text = _text(message.content)
                usage = message.usage_metadata
                finish = message.response_metadata.get("finish_reason")
        except _CallbackFailed as failed:
            raise failed.__cause__ or failed from None
        except (openai.OpenAIError, TimeoutError, ValueError, KeyError) as exc:
            raise map_error(
                exc,
                base_url=self.config.base_url,
                model=self.model,
                timeout=self.timeout,
                secret=self._key.get_secret_value(),
                stream_started="first_token_ms" in extra,
                sent_format="response_format" in kwargs.get("extra_body", {}),
            ) from None
        latency_ms = (time.perf_counter() - started) * 1000
        if not streaming and on_token is not None and text:
            on_token(text)  # not streamed: the whole answer is the one delta
        if finish:
            extra["finish_reason"] = finish
        reasoning, answer = split_think(text)
        if reasoning:
            extra["reasoning"] = reasoning
        if usage:
            prompt_tokens, completion_tokens = usage["input_tokens"], usage["output_tokens"]
        else:  # no usage from the server (a stream without stream_options support)
            prompt_tokens = estimate_messages_tokens(request.messages)
            completion_tokens = estimate_tokens(text)
            extra["tokens_estimated"] = True
        return LLMResponse(
            text=answer,
            provider=self.name,
            model=self.model,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            latency_ms=latency_ms,
            extra=extra,
        )

    async def _stream(
        self,
        chunks: AsyncIterator[BaseMessage],
        on_token: TokenCallback,
        started: float,
        extra: ResponseExtra,
    ) -> tuple[str, Any, str | None]:
        parts: list[str] = []
        usage = None
        finish: str | None = None
        async for chunk in chunks:
            piece = chunk.content
            if piece:
                if not parts:
                    extra["first_token_ms"] = (time.perf_counter() - started) * 1000
                piece = piece if isinstance(piece, str) else _text(piece)
                parts.append(piece)
                try:
                    on_token(piece)
                except Exception as exc:
                    raise _CallbackFailed() from exc
            chunk_usage = getattr(chunk, "usage_metadata", None)
            if chunk_usage:
                usage = chunk_usage
            finish = chunk.response_metadata.get("finish_reason") or finish
        if finish is None:
            raise LLMError(
                f"{urlsplit(self.config.base_url).netloc} ended the stream before the answer "
                "finished (truncated stream)",
                kind="bad_response",
            )
        return "".join(parts), usage, finish
