"""The lean plain-request path (llm/leanchat.py) against the SDK path it replaces: the same
request on the wire, the same answer, the same LLMError for every fault the fake server
injects (kind, message, retry_after, status)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from langchain_core.callbacks import AsyncCallbackHandler

from workbench.errors import LLMError
from workbench.llm.base import JsonSchema, LLMRequest
from workbench.llm.factory import resolve_endpoint
from workbench.llm.leanchat import LeanChatOpenAI
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.settings import LLMSettings
from workbench.testing import FakeLLMServer

KEY = "sk-test-secret-1234567890"
SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {"title": {"type": "string"}},
    "required": ["title"],
}
# headers an endpoint or proxy may look at (the SDK adds per-request x-stainless-* too)
HEADERS = ("authorization", "content-type", "accept", "user-agent", "x-stainless-lang")


def provider(base_url: str, **overrides: Any) -> OpenAICompatProvider:
    values: dict[str, Any] = {"model": "fake-model", "timeout": 5.0, "max_retries": 0}
    values.update(overrides)
    settings = LLMSettings(**values, stream=False)
    config = resolve_endpoint(settings, base_url=base_url, api_key=KEY)
    assert config is not None
    return OpenAICompatProvider(config, settings)


def ask() -> LLMRequest:
    messages = [{"role": "system", "content": "只答JSON。"}, {"role": "user", "content": "标题"}]
    return LLMRequest(messages=messages, json_schema=SCHEMA, schema_name="copy.v1", max_tokens=64)


async def both(base_url: str, **overrides: Any) -> list[LLMError | dict[str, Any]]:
    """One call through the lean path, then one through the SDK (no poster)."""
    outcomes: list[LLMError | dict[str, Any]] = []
    for lean in (True, False):
        llm = provider(base_url, **overrides)
        chat = llm.chat_model()
        if not lean:
            chat.use_poster(None)
        try:
            response = await llm.complete(ask())
        except LLMError as error:
            outcomes.append(error)
        else:
            outcomes.append(
                {
                    "text": response.text,
                    "tokens": (response.prompt_tokens, response.completion_tokens),
                    "extra": response.extra,
                }
            )
        await llm.aclose()
    return outcomes


def same(outcomes: list[LLMError | dict[str, Any]], detail: bool = True) -> None:
    lean, sdk = outcomes
    if isinstance(sdk, LLMError):
        assert isinstance(lean, LLMError), lean
        got = (lean.kind, lean.retry_after, lean.status, lean.retryable)
        assert got == (sdk.kind, sdk.retry_after, sdk.status, sdk.retryable)
        if detail:
            assert lean.message == sdk.message
        else:  # the same sentence; the lean path names the aiohttp error after the colon
            assert lean.message.split(": ")[0] == sdk.message.split(": ")[0]
    else:
        assert lean == sdk


async def test_the_same_request_goes_out(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "春季上新"}')
    outcomes = await both(fake_llm.base_url, temperature=0.3)
    same(outcomes)
    assert outcomes[0] == {
        "text": '{"title": "春季上新"}',
        "tokens": outcomes[0]["tokens"],  # type: ignore[index]
        "extra": {"finish_reason": "stop"},
    }
    lean, sdk = fake_llm.requests[-2:]
    assert (lean.method, lean.path) == (sdk.method, sdk.path) == ("POST", "/v1/chat/completions")
    assert lean.body == sdk.body
    assert lean.body["response_format"]["json_schema"]["name"] == "copy_v1"
    assert lean.body["max_tokens"] == 64 and lean.body["messages"][0]["content"] == "只答JSON。"
    assert {h: lean.headers.get(h) for h in HEADERS} == {h: sdk.headers.get(h) for h in HEADERS}
    assert lean.headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("fault", "options"),
    [
        ("rate_limit", {"retry_after": 7}),
        ("rate_limit", {"retry_after": None}),
        ("server_error", {}),
        ("auth", {"message": f"Incorrect API key provided: {KEY}"}),
        ("forbidden", {}),
        ("balance", {}),
        ("model_not_found", {}),
        ("not_found", {}),
        ("malformed", {}),
        ("truncated", {}),
        ("length", {}),
        ("invalid_content", {"content": "<think>先想想</think>{}"}),
        ("status", {"status": 500, "message": "response_format json_schema not supported"}),
        ("status", {"status": 429, "headers": (("x-ratelimit-reset-requests", "12s"),)}),
        ("status", {"status": 503, "message": "overloaded"}),
    ],
)
async def test_every_fault_maps_as_through_the_sdk(
    fake_llm: FakeLLMServer, fault: Any, options: dict[str, Any]
) -> None:
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "春季上新"}')
    fake_llm.fail_next(fault, times=2, **options)
    outcomes = await both(fake_llm.base_url, rate_limit_wait=0)
    # a body cut short: the SDK says only 'Connection error.', the lean path what broke
    same(outcomes, detail=fault != "truncated")


async def test_a_refused_connection_maps_as_through_the_sdk() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    outcomes = await both(f"http://127.0.0.1:{port}/v1")
    same(outcomes)
    error = outcomes[0]
    assert isinstance(error, LLMError) and error.kind == "connection"
    assert f"cannot connect to 127.0.0.1:{port}" in error.message


async def test_a_timeout_maps_as_through_the_sdk(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("slow", times=2, delay=2.0)
    outcomes = await both(fake_llm.base_url, timeout=0.2)
    same(outcomes)
    assert isinstance(outcomes[0], LLMError) and outcomes[0].kind == "timeout"


async def test_callbacks_still_see_every_call(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # acomplete skips langchain's run manager only when nothing would use it: with a
    # callback handler configured the call goes through ainvoke (and still the poster)
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "夏日"}')
    seen: list[str] = []

    class Handler(AsyncCallbackHandler):
        async def on_chat_model_start(self, serialized: Any, messages: Any, **kw: Any) -> None:
            seen.append("start")

        async def on_llm_end(self, response: Any, **kw: Any) -> None:
            seen.append("end")

    llm = provider(fake_llm.base_url)

    async def no_run_manager(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a plain call without callbacks skips ainvoke")

    with monkeypatch.context() as patch:
        patch.setattr(LeanChatOpenAI, "ainvoke", no_run_manager)
        plain = (await llm.complete(ask())).text
    assert seen == []
    chat = llm.chat_model()
    chat.callbacks = [Handler()]
    watched = await llm.complete(ask())
    assert seen == ["start", "end"]
    assert (plain, watched.text) == ('{"title": "春季上新"}', '{"title": "夏日"}')
    assert watched.extra == {"finish_reason": "stop"}
    assert chat._poster is not None and chat._poster._session is not None  # the lean post
    assert llm._http._transport.real is None  # type: ignore[union-attr]  # not the SDK's
    await llm.aclose()


async def test_a_proxy_from_the_environment_is_used_as_by_the_sdk(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # HTTP_PROXY names the fake server: both paths send it the absolute URL of a host that
    # does not resolve (it answers 404 for a path it does not serve)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", fake_llm.root_url)
    outcomes = await both("http://llm.invalid/v1")
    same(outcomes)
    assert isinstance(outcomes[0], LLMError) and outcomes[0].kind == "not_found"
    paths = [request.path for request in fake_llm.requests[-2:]]
    assert paths == ["http://llm.invalid/v1/chat/completions"] * 2


async def test_no_proxy_exempts_the_host_as_for_the_sdk(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a proxy that does not exist: used, both calls would fail to connect
    for name in ("no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "春季上新"}')
    outcomes = await both(fake_llm.base_url)
    same(outcomes)
    assert not isinstance(outcomes[0], LLMError)
    assert [r.path for r in fake_llm.requests[-2:]] == ["/v1/chat/completions"] * 2


async def test_a_netrc_entry_for_the_host_changes_nothing(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # the SDK (httpx) reads no netrc; aiohttp's trust_env would, and refuse its login next
    # to the Authorization header the request carries
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password hunter2\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    fake_llm.queue_replies('{"title": "春季上新"}', '{"title": "春季上新"}')
    outcomes = await both(fake_llm.base_url)
    same(outcomes)
    assert not isinstance(outcomes[0], LLMError)
    lean, sdk = fake_llm.requests[-2:]
    assert lean.headers["authorization"] == sdk.headers["authorization"] == f"Bearer {KEY}"
