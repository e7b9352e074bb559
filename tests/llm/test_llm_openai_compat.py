"""The adapter end to end: real openai SDK + ChatOpenAI against the local fake server."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import pytest

from workbench.errors import LLMError
from workbench.llm.base import LLMRequest
from workbench.llm.factory import resolve_endpoint
from workbench.llm.jsonparse import extract_json
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.settings import LLMSettings
from workbench.testing import FakeLLMServer

KEY = "sk-test-secret-1234567890"
SCHEMA = {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}


class Sleeps:
    """Records backoff sleeps instead of waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def provider(
    base_url: str,
    *,
    sleeps: Sleeps | None = None,
    preset: str | None = None,
    **overrides: Any,
) -> OpenAICompatProvider:
    values: dict[str, Any] = {"model": "fake-model", "timeout": 5.0, "max_retries": 2}
    values.update(overrides)
    settings = LLMSettings(**values)
    config = resolve_endpoint(settings, base_url=base_url, preset=preset, api_key=KEY)
    assert config is not None
    return OpenAICompatProvider(config, settings, backoff_base=0.001, sleep=sleeps or Sleeps())


def ask(json_schema: dict[str, Any] | None = None) -> LLMRequest:
    messages = [{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "hi"}]
    return LLMRequest(messages=messages, json_schema=json_schema, schema_name="copy.v1")


async def test_plain_completion(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies('{"title": "春季上新"}')
    llm = provider(fake_llm.base_url, stream=False)
    response = await llm.complete(ask())
    assert response.text == '{"title": "春季上新"}'
    assert response.provider == "openai-compatible" and response.model == "fake-model"
    assert response.prompt_tokens and response.completion_tokens
    assert response.latency_ms > 0
    body = fake_llm.bodies[-1]
    assert body["model"] == "fake-model" and body["messages"][1]["content"] == "hi"
    assert not body.get("stream")
    assert fake_llm.requests[-1].headers["authorization"] == f"Bearer {KEY}"


async def test_streaming_delivers_pieces_in_order_with_usage(fake_llm: FakeLLMServer) -> None:
    text = "第一句。Second sentence, streamed in small pieces."
    fake_llm.queue_replies(text)
    pieces: list[str] = []
    response = await provider(fake_llm.base_url).complete(ask(), on_token=pieces.append)
    assert len(pieces) > 3
    assert "".join(pieces) == text == response.text
    assert response.prompt_tokens and response.completion_tokens
    assert "first_token_ms" in response.extra
    body = fake_llm.bodies[-1]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


async def test_without_listener_no_stream_is_requested(fake_llm: FakeLLMServer) -> None:
    pieces: list[str] = []
    llm = provider(fake_llm.base_url, stream=False)
    response = await llm.complete(ask(), on_token=pieces.append)
    assert pieces == [response.text]
    await llm.complete(ask())
    assert not any(body.get("stream") for body in fake_llm.bodies)


async def test_rate_limit_then_success_honours_retry_after(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("rate_limit", times=2, retry_after=1.5)
    sleeps = Sleeps()
    response = await provider(fake_llm.base_url, sleeps=sleeps).complete(ask())
    assert response.text == "Hello from the fake LLM."
    assert sleeps.calls == [1.5, 1.5]
    assert response.extra["attempts"] == 3


async def test_retry_after_is_capped(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("rate_limit", retry_after=600)
    sleeps = Sleeps()
    await provider(fake_llm.base_url, sleeps=sleeps).complete(ask())
    assert sleeps.calls == [30.0]


async def test_rate_limits_do_not_spend_the_retry_count(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("rate_limit", times=5, retry_after=0)
    response = await provider(fake_llm.base_url, max_retries=1).complete(ask())
    assert response.extra["attempts"] == 6 and len(fake_llm.bodies) == 6


async def test_rate_limit_without_retry_after_backs_off_up_to_the_budget(
    fake_llm: FakeLLMServer,
) -> None:
    fake_llm.fail_next("rate_limit", times=100, retry_after=None)
    sleeps = Sleeps()
    llm = provider(fake_llm.base_url, sleeps=sleeps, max_retries=1, rate_limit_wait=60)
    llm._backoff_base = 0.5  # the default: rate-limit waits start at 1 s
    with pytest.raises(LLMError) as info:
        await llm.complete(ask())
    assert info.value.kind == "rate_limit"
    assert abs(sum(sleeps.calls) - 60.0) < 1e-6  # the whole budget, not ~3.5 s
    assert sleeps.calls[0] <= 1.0 and max(sleeps.calls) > 8  # exponential with jitter
    assert f"gave up after {len(sleeps.calls) + 1} attempts, 60 s of backoff" in str(info.value)


async def test_rate_limit_budget_zero_gives_up_at_once(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("rate_limit", times=5, retry_after=0)
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url, rate_limit_wait=0).complete(ask())
    assert info.value.kind == "rate_limit" and info.value.retry_after == 0
    assert len(fake_llm.bodies) == 1


async def test_server_error_then_success_with_backoff(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("server_error")
    sleeps = Sleeps()
    response = await provider(fake_llm.base_url, sleeps=sleeps).complete(ask())
    assert response.text and len(sleeps.calls) == 1 and 0 < sleeps.calls[0] <= 0.001


def test_backoff_grows_and_is_capped() -> None:
    config = resolve_endpoint(LLMSettings(base_url="http://127.0.0.1:9/v1", model="m"))
    assert config is not None
    llm = OpenAICompatProvider(config, LLMSettings())
    delays = [llm.backoff_delay(n) for n in range(8)]
    assert 0.25 <= delays[0] <= 0.5 and 0.5 <= delays[1] <= 1.0
    assert max(delays) <= 30.0
    assert llm.backoff_delay(0, retry_after=2.0) == 2.0


async def test_timeout_after_retries(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("slow", times=2, delay=5)
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url, timeout=0.3, max_retries=1).complete(ask())
    assert info.value.kind == "timeout"
    assert "0.3 s" in str(info.value) and "2 attempts" in str(info.value)


@pytest.mark.parametrize("stream", [False, True])
async def test_malformed_body_is_bad_response(fake_llm: FakeLLMServer, stream: bool) -> None:
    fake_llm.fail_next("malformed")
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url, stream=stream).complete(ask(), on_token=lambda _: None)
    assert info.value.kind == "bad_response"
    assert len(fake_llm.bodies) == 1  # not retried


async def test_truncated_stream_is_bad_response(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies("a long answer that will be cut off in the middle")
    fake_llm.fail_next("truncated")
    pieces: list[str] = []
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url).complete(ask(), on_token=pieces.append)
    assert info.value.kind == "bad_response" and "truncated" in str(info.value)
    assert pieces  # some of it arrived before the cut


async def test_truncated_plain_body_is_retried(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("truncated")
    response = await provider(fake_llm.base_url, stream=False).complete(ask())
    assert response.text and response.extra["attempts"] == 2


async def test_auth_is_not_retried_and_hides_the_key(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("auth", times=3, message=f"Incorrect API key provided: {KEY}")
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url).complete(ask())
    error = info.value
    assert error.kind == "auth" and not error.retryable
    assert len(fake_llm.bodies) == 1
    assert KEY not in str(error) and KEY not in repr(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        ("balance", "balance"),
        ("forbidden", "auth"),
        ("model_not_found", "model_not_found"),
        ("not_found", "not_found"),
    ],
)
async def test_status_faults(fake_llm: FakeLLMServer, fault: Any, kind: str) -> None:
    fake_llm.fail_next(fault, times=3)
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url).complete(ask())
    assert info.value.kind == kind
    assert len(fake_llm.bodies) == 1


async def test_quota_429_is_balance_not_rate_limit(fake_llm: FakeLLMServer) -> None:
    message = "You exceeded your current quota, please check your plan and billing details."
    fake_llm.fail_next("rate_limit", times=3, message=message)
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url).complete(ask())
    assert info.value.kind == "balance" and len(fake_llm.bodies) == 1


async def test_wrong_base_url_is_not_found(fake_llm: FakeLLMServer) -> None:
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.root_url).complete(ask())
    assert info.value.kind == "not_found" and "/v1" in str(info.value)


async def test_model_pinned_fault(fake_llm: FakeLLMServer) -> None:
    fake_llm.pin("ghost", "model_not_found")
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url, model="ghost").complete(ask())
    assert info.value.kind == "model_not_found" and "'ghost'" in str(info.value)
    assert (await provider(fake_llm.base_url).complete(ask())).text


async def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(LLMError) as info:
        await provider(f"http://127.0.0.1:{port}/v1", max_retries=1).complete(ask())
    assert info.value.kind == "connection" and info.value.retryable


async def test_json_schema_for_custom_endpoints(fake_llm: FakeLLMServer) -> None:
    await provider(fake_llm.base_url).complete(ask(SCHEMA))
    fmt = fake_llm.bodies[-1]["response_format"]
    assert fmt == {
        "type": "json_schema",
        "json_schema": {"name": "copy_v1", "schema": SCHEMA, "strict": False},
    }


@pytest.mark.parametrize(
    ("preset", "override", "expected"),
    [
        ("openai", "auto", "json_schema"),
        ("deepseek", "auto", "json_object"),
        ("qwen", "auto", "json_object"),
        ("vllm", "auto", "json_schema"),
        ("deepseek", "json_schema", "json_schema"),
        ("openai", "none", None),
    ],
)
async def test_response_format_per_preset(
    fake_llm: FakeLLMServer, preset: str, override: Any, expected: str | None
) -> None:
    llm = provider(fake_llm.base_url, preset=preset, structured_output=override)
    await llm.complete(ask(SCHEMA), on_token=lambda _: None)
    fmt = fake_llm.bodies[-1].get("response_format")
    assert (fmt["type"] if fmt else None) == expected
    await llm.complete(ask(None))
    assert "response_format" not in fake_llm.bodies[-1]  # free text asks for nothing


async def test_max_tokens_and_temperature(fake_llm: FakeLLMServer) -> None:
    llm = provider(fake_llm.base_url, preset="deepseek", max_tokens=300, temperature=0.5)
    request = ask()
    await llm.complete(request)
    assert fake_llm.bodies[-1]["max_tokens"] == 300
    assert fake_llm.bodies[-1]["temperature"] == 0.5
    request.temperature = 1.1
    await llm.complete(request)
    assert fake_llm.bodies[-1]["temperature"] == 1.1


@pytest.mark.parametrize("stream", [False, True])
async def test_think_blocks_are_split_off(fake_llm: FakeLLMServer, stream: bool) -> None:
    fake_llm.queue_replies('<think>\nThe user wants JSON {"draft": 1}.\n</think>\n{"title": "好"}')
    response = await provider(fake_llm.base_url, stream=stream).complete(
        ask(SCHEMA), on_token=lambda _: None
    )
    assert response.text == '{"title": "好"}'
    assert "draft" in response.extra["reasoning"]
    assert extract_json(response.text) == {"title": "好"}


async def test_invalid_content_is_returned_verbatim(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("invalid_content", content='{"wrong": true}')
    response = await provider(fake_llm.base_url).complete(ask(SCHEMA))
    assert response.text == '{"wrong": true}'


async def test_callback_errors_propagate_unmapped(fake_llm: FakeLLMServer) -> None:
    def boom(_: str) -> None:
        raise ValueError("listener bug")

    with pytest.raises(ValueError, match="listener bug"):
        await provider(fake_llm.base_url).complete(ask(), on_token=boom)


async def test_concurrency_shares_one_connection_pool(fake_llm: FakeLLMServer) -> None:
    fake_llm.latency = 0.05
    fake_llm.reply = lambda body: body["messages"][-1]["content"].upper()
    llm = provider(fake_llm.base_url, stream=False)
    gate = asyncio.Semaphore(32)

    async def one(i: int) -> str:
        async with gate:
            request = LLMRequest(messages=[{"role": "user", "content": f"job {i}"}])
            return (await llm.complete(request)).text

    texts = await asyncio.gather(*(one(i) for i in range(128)))
    assert texts == [f"JOB {i}" for i in range(128)]
    assert fake_llm.peak_in_flight == 32
    assert fake_llm.connections_opened <= 32  # kept alive and reused
    await llm.aclose()


def test_provider_survives_a_new_event_loop(fake_llm: FakeLLMServer) -> None:
    llm = provider(fake_llm.base_url)
    first = asyncio.run(llm.complete(ask()))
    second = asyncio.run(llm.complete(ask()))
    assert first.text == second.text


async def test_stream_stalling_mid_answer_is_not_retried(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies("an answer long enough to stall halfway through")
    fake_llm.fail_next("stall", delay=5)
    pieces: list[str] = []
    with pytest.raises(LLMError) as info:
        await provider(fake_llm.base_url, timeout=0.3).complete(ask(), on_token=pieces.append)
    assert info.value.kind == "bad_response" and "silent" in str(info.value)
    assert len(fake_llm.bodies) == 1  # the listener already saw part of it: no repeat
    assert pieces


async def test_stream_timeout_before_any_token_is_retried(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("slow", delay=5)
    pieces: list[str] = []
    response = await provider(fake_llm.base_url, timeout=0.3).complete(
        ask(), on_token=pieces.append
    )
    assert "".join(pieces) == response.text and response.extra["attempts"] == 2


def test_retry_after_header_forms() -> None:
    from email.utils import formatdate

    from workbench.llm.ratelimits import rate_limit_wait as _retry_after

    assert _retry_after({"retry-after-ms": "1500"}) == 1.5
    assert _retry_after({"retry-after": "2"}) == 2.0
    assert _retry_after({"retry-after": "soon"}) is None
    assert _retry_after({}) is None
    in_a_minute = _retry_after({"retry-after": formatdate(time.time() + 60, usegmt=True)})
    assert in_a_minute is not None and 50 < in_a_minute <= 60
