"""The HTTP client under the OpenAI SDK (and so under ChatOpenAI).

aiohttp's transport (the SDK's ``DefaultAioHttpClient``) parses HTTP in C; the default
httpx pool is pure Python and, at concurrency 32, checks every pooled connection on each
request. bench/pipeline.py: about 2 ms less CPU per call, which at 32 calls in flight is
the difference between a batch paced by the endpoint and one paced by our own CPU. The
httpx client is the fallback when aiohttp is not installed.

Two differences of the aiohttp client are handled here:

- its session must be closed inside the event loop that used it (else aiohttp prints
  "Unclosed client session" at exit): :func:`close_with_loop` closes it when the loop
  shuts down its async generators, which ``asyncio.run`` does before closing the loop;
- the SDK's vendored transport maps every aiohttp connection error, a refused connection
  included, to a connect *timeout*: :func:`connection_failed` tells the two apart by the
  original exception, so a dead endpoint is still "cannot connect" (and stops a batch).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Any

import httpx2
import openai

try:
    import aiohttp
except ImportError:  # pragma: no cover - aiohttp is a dependency; httpx still works
    aiohttp = None  # type: ignore[assignment]


def async_http_client() -> Any:
    """A new pooled async client for the SDK: aiohttp's when installed, else httpx's.
    Its transport (an SSL context, a connection pool: about 50-100 ms of CPU) is built
    on its first request: plain requests go through llm/leanchat.py, so a run that
    never streams never builds it."""
    if aiohttp is not None:
        return _LazyAioHttpClient()
    return openai.DefaultAsyncHttpxClient()


def sync_http_client() -> Any:
    """The SDK's sync client for ChatOpenAI, which builds one whether or not it is used
    (the workbench calls models only asynchronously): its transport too is built on
    its first request, so an SSL context and httpcore are not paid for at start."""
    return openai.DefaultHttpxClient(transport=_LazySyncTransport(httpx2.HTTPTransport))


class _LazySyncTransport(httpx2.BaseTransport):
    """Builds the real transport on the first request."""

    def __init__(self, build: Callable[[], httpx2.BaseTransport]) -> None:
        self._build = build
        self.real: httpx2.BaseTransport | None = None

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if self.real is None:
            self.real = self._build()
        return self.real.handle_request(request)

    def close(self) -> None:
        if self.real is not None:
            self.real.close()


class _LazyTransport(httpx2.AsyncBaseTransport):
    """Builds the real transport on the first request."""

    def __init__(self, build: Callable[[], httpx2.AsyncBaseTransport]) -> None:
        self._build = build
        self.real: httpx2.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if self.real is None:
            self.real = self._build()
        return await self.real.handle_async_request(request)

    async def aclose(self) -> None:
        if self.real is not None:
            await self.real.aclose()


class _LazyAioHttpClient(openai.DefaultAioHttpClient):
    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx2.AsyncBaseTransport:
        if kwargs.get("transport") is not None:
            return super()._init_transport(*args, **kwargs)
        return _LazyTransport(partial(super()._init_transport, *args, **kwargs))


async def _closer(client: Any) -> AsyncIterator[None]:
    try:
        yield
    finally:
        await client.aclose()


def close_with_loop(client: Any, loop: asyncio.AbstractEventLoop) -> object:
    """Close ``client`` when ``loop`` shuts down its async generators (``asyncio.run`` and
    ``asyncio.Runner`` do, before closing the loop). Returns the guard: keep a reference
    to it for as long as the client lives (the loop only holds it weakly)."""
    guard = _closer(client)
    loop.create_task(guard.__anext__())  # type: ignore[arg-type]  # parks at the yield
    return guard


def connection_failed(exc: BaseException) -> str | None:
    """The reason when ``exc`` (an SDK error) comes from a connection that could not be
    made or broke, not from a slow server: the text of the original error, else None."""
    if aiohttp is None:
        return None
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, aiohttp.ServerTimeoutError):
            return None  # a real timeout (connect or read)
        if isinstance(cause, aiohttp.ClientConnectionError):
            return " ".join(str(cause).split()) or type(cause).__name__
        cause = cause.__cause__ or cause.__context__
    return None
