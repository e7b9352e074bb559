"""ChatOpenAI with a lean plain-request path (bench/pipeline.py, issues 12 and 16).

langchain stays the interface (``ainvoke``, callbacks, the message conversion and the
result it builds) and the openai SDK stays for streaming, the Batch API and probes. What
changes is one call: a plain (not streamed) chat completion. Through the SDK it costs
about 5 ms of CPU per request: ``async_transform`` walks the messages TypedDicts (75
recursive calls a request), the request is built twice (httpx model, then aiohttp), the
answer is parsed into a pydantic ``ChatCompletion`` that langchain dumps back to a dict,
in a worker thread. Here langchain's own payload (``_get_request_payload``: the very body
the SDK would send, ``extra_body`` merged in) is encoded once with orjson and posted over
one pooled aiohttp session; the answer's JSON goes to ``_create_chat_result`` as the dict
it accepts. Failures are the SDK's exception classes built from a real ``httpx``
response (``_make_status_error_from_response``: same classes, status, body, headers), and
connection failures and timeouts are ``APIConnectionError`` / ``APITimeoutError`` caused
by the aiohttp error, as the SDK's aiohttp transport raises them, so ``map_error`` reads
them exactly as before.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any, cast
from urllib.parse import urlsplit

import aiohttp
import httpx2
import openai
import orjson
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun
from langchain_core.globals import get_llm_cache
from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from langchain_openai import ChatOpenAI
from langsmith.utils import tracing_is_enabled
from pydantic import PrivateAttr

from workbench.llm.wire import ChatBody


def env_proxy(url: str) -> str | None:
    """The proxy the environment names for ``url`` (``HTTP_PROXY``, ``HTTPS_PROXY``,
    ``ALL_PROXY``; none for a host ``NO_PROXY`` exempts), as httpx reads them."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    proxies = urllib.request.getproxies_environment()
    if not proxies or urllib.request.proxy_bypass(host):
        return None
    return proxies.get(parts.scheme) or proxies.get("all")


class JsonPoster:
    """POSTs JSON bodies to one base URL over one pooled aiohttp session (loop-bound)."""

    def __init__(self, client: openai.AsyncOpenAI, timeout: float | None) -> None:
        self._client = client  # the SDK client: its headers and its status-error classes
        self._url = str(client.base_url).rstrip("/") + "/chat/completions"
        headers = {**client.default_headers, **client.auth_headers}
        self._headers = {key: value for key, value in headers.items() if isinstance(value, str)}
        self._timeout = aiohttp.ClientTimeout(
            total=None, connect=timeout, sock_connect=timeout, sock_read=timeout
        )
        self._proxy = env_proxy(self._url)
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            # the SDK's pool size and keep-alive. Not ``trust_env``: that reads ~/.netrc
            # in a worker thread on every request (httpx, the SDK's path, reads no netrc,
            # and a netrc entry for the host next to our Authorization header makes aiohttp
            # raise); the proxy is resolved from the environment once, as httpx does
            connector = aiohttp.TCPConnector(limit=1000, keepalive_timeout=5.0)
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=self._timeout,
                skip_auto_headers=("User-Agent",),
                trust_env=False,
            )
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
        self._session = None

    async def post(self, body: ChatBody) -> Any:
        """The decoded JSON answer (the text itself when it is not JSON); an openai
        exception for an HTTP error, a broken connection or a timeout."""
        session = self._open()
        try:
            async with session.post(
                self._url, data=orjson.dumps(body), headers=self._headers, proxy=self._proxy
            ) as response:
                raw = await response.read()
                status = response.status
                if status >= 400:
                    raise self._status_error(status, response.raw_headers, raw)
                is_json = response.content_type.endswith("json")
        except TimeoutError as exc:  # aiohttp.ServerTimeoutError is one
            raise openai.APITimeoutError(request=self._request()) from exc
        except (aiohttp.ClientError, OSError) as exc:
            # refused, dropped, a body cut short (ClientPayloadError): what the SDK's
            # transport turns into a connection error
            raise openai.APIConnectionError(request=self._request()) from exc
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            text = raw.decode("utf-8", errors="replace")
            if is_json:  # as the SDK reads it: the json module's error (a ValueError)
                return json.loads(text)
            return text  # not JSON at all: the text, which langchain refuses

    def _request(self) -> httpx2.Request:
        return httpx2.Request("POST", self._url)

    def _status_error(self, status: int, headers: Any, raw: bytes) -> openai.APIStatusError:
        response = httpx2.Response(
            status_code=status,
            headers=[(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers],
            content=raw,
            request=self._request(),
        )
        return self._client._make_status_error_from_response(response)


class LeanChatOpenAI(ChatOpenAI):
    """``ChatOpenAI`` whose plain chat completions go through a :class:`JsonPoster`.

    Streaming, the Responses API and ``response_format`` given as a top-level argument
    (ChatOpenAI's beta ``parse`` helpers) keep ChatOpenAI's own SDK path."""

    _poster: JsonPoster | None = PrivateAttr(default=None)

    def use_poster(self, poster: JsonPoster | None) -> None:
        """Post plain requests with ``poster`` (None: through the SDK, as ChatOpenAI does)."""
        self._poster = poster

    async def acomplete(self, messages: LanguageModelInput, **kwargs: Any) -> AIMessage:
        """``ainvoke(messages, **kwargs)`` for a plain request: the same message (content,
        ``usage_metadata``, ``response_metadata`` with ``finish_reason``), built by the
        same payload and result code, without langchain's run manager when nothing would
        use it (no callbacks, cache, rate limiter or LangSmith tracing configured; the
        workbench configures none). The run manager (callback configuration, run ids, two
        gathered tasks per call) cost 0.65 of 0.8 ms of CPU per call in bench/pipeline.py."""
        poster = self._poster
        body = self._lean_body(messages, None, **kwargs) if poster and self._bare() else None
        if poster is None or body is None:
            answer = await self.ainvoke(messages, **kwargs)
            if not isinstance(answer, AIMessage):
                raise ValueError(f"the answer is a {answer.type} message, not the assistant's")
            return answer
        result = self._create_chat_result(await poster.post(body), {})
        generation = result.generations[0]
        message = generation.message
        if not isinstance(message, AIMessage):  # an answer is the assistant's message
            raise ValueError(f"the answer is a {message.type} message, not the assistant's")
        # what BaseChatModel.agenerate does: generation info joins the message metadata
        message.response_metadata = {
            **(generation.generation_info or {}),
            **message.response_metadata,
        }
        return message

    def _bare(self) -> bool:
        """True when a call has no run manager to feed."""
        no_cache = self.cache is False or (self.cache is None and get_llm_cache() is None)
        return (
            self.callbacks is None
            and no_cache
            and self.rate_limiter is None
            and not tracing_is_enabled()
        )

    def _lean_body(
        self, messages: LanguageModelInput, stop: list[str] | None, **kwargs: Any
    ) -> ChatBody | None:
        """The JSON body of a plain request, or None when ChatOpenAI's own path must
        send it (streaming, the Responses API, a top-level ``response_format``)."""
        if self.streaming:
            return None
        payload = self._get_request_payload(messages, stop=stop, **kwargs)
        if "response_format" in payload or self._use_responses_api(payload):
            return None
        extra = payload.pop("extra_body", None) or {}
        return cast(ChatBody, {**payload, **extra})

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        poster = self._poster
        body = None if poster is None else self._lean_body(messages, stop, **kwargs)
        if poster is None or body is None:
            return await super()._agenerate(messages, stop, run_manager, **kwargs)
        return self._create_chat_result(await poster.post(body), {})
