"""The SDK's HTTP client: aiohttp's transport, closed with its event loop, errors kept apart."""

from __future__ import annotations

import asyncio
import gc
import warnings

import aiohttp
import httpx2
import openai

from workbench.llm.base import LLMRequest
from workbench.llm.factory import resolve_endpoint
from workbench.llm.openai_compat import OpenAICompatProvider, map_error
from workbench.llm.transport import connection_failed
from workbench.settings import LLMSettings
from workbench.testing import FakeLLMServer


def make(base_url: str, stream: bool = False) -> OpenAICompatProvider:
    settings = LLMSettings(model="fake-model", timeout=5.0, max_retries=0, stream=stream)
    config = resolve_endpoint(settings, base_url=base_url, api_key="sk-test-1234567890")
    assert config is not None
    return OpenAICompatProvider(config, settings)


def ask() -> LLMRequest:
    return LLMRequest(messages=[{"role": "user", "content": "hi"}])


def test_the_aiohttp_sessions_are_used_and_closed_with_the_loop(fake_llm: FakeLLMServer) -> None:
    # a plain request goes through the lean poster's session (llm/leanchat.py), a stream
    # through the SDK's aiohttp transport: both close when asyncio.run ends their loop
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "夏日"}', '{"title": "秋"}')
    llm = make(fake_llm.base_url)
    streamed = make(fake_llm.base_url, stream=True)
    sessions: list[aiohttp.ClientSession] = []

    async def call() -> str:
        text = (await llm.complete(ask())).text
        session = llm._poster._session  # type: ignore[union-attr]
        assert isinstance(session, aiohttp.ClientSession) and not session.closed
        assert llm._http._transport.real is None  # type: ignore[union-attr]  # never built
        sync = llm.chat_model().root_client._client
        assert sync._transport.real is None  # the sync client is never used, never built
        sessions.append(session)
        return text

    async def stream() -> str:
        text = (await streamed.complete(ask(), on_token=lambda piece: None)).text
        session = streamed._http._transport.real.client  # type: ignore[union-attr]
        assert isinstance(session, aiohttp.ClientSession) and not session.closed
        sessions.append(session)
        return text

    gc.collect()  # what earlier tests left behind is theirs, not this transport's
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        assert asyncio.run(call()) == '{"title": "春季上新"}'
        assert sessions[0].closed  # closed by asyncio.run, before its loop closed
        # a second loop gets a client of its own, closed the same way
        assert asyncio.run(call()) == '{"title": "夏日"}'
        assert sessions[1] is not sessions[0] and sessions[1].closed
        assert asyncio.run(stream()) == '{"title": "秋"}'
        assert sessions[2].closed
        gc.collect()


def test_aclose_then_loop_end_closes_once(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies("{}")
    llm = make(fake_llm.base_url)

    async def call_and_close() -> None:
        await llm.complete(ask())
        await llm.aclose()

    asyncio.run(call_and_close())  # the loop's own close of the client finds it closed


def test_a_broken_connection_is_not_a_timeout() -> None:
    # the SDK's aiohttp transport maps every aiohttp connection error to a connect timeout
    # (a refused connection end to end: test_llm_openai_compat.test_connection_refused)
    dropped = _chain(openai.APITimeoutError(request=REQUEST), aiohttp.ServerDisconnectedError())
    assert connection_failed(dropped) is not None
    error = map_error(dropped, base_url="http://127.0.0.1:9/v1", timeout=5)
    assert error.kind == "connection" and "cannot connect to 127.0.0.1:9" in error.message
    # a real timeout stays a timeout
    slow = _chain(openai.APITimeoutError(request=REQUEST), aiohttp.SocketTimeoutError())
    assert connection_failed(slow) is None
    assert map_error(slow, base_url="http://127.0.0.1:9/v1", timeout=5).kind == "timeout"


REQUEST = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")


def _chain(outer: BaseException, inner: BaseException) -> BaseException:
    outer.__cause__ = inner
    return outer
