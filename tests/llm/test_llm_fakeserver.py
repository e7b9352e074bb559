"""The fake server itself, driven by the bare openai SDK."""

from __future__ import annotations

import asyncio
import time

import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from workbench.testing import FakeLLMServer

MESSAGES: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hello"}]


def client(server: FakeLLMServer) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=server.base_url, api_key="x", max_retries=0)


async def test_plain_and_models(fake_llm: FakeLLMServer) -> None:
    api = client(fake_llm)
    answer = await api.chat.completions.create(model="fake-model", messages=MESSAGES)
    assert answer.choices[0].message.content == "Hello from the fake LLM."
    assert answer.usage is not None and answer.usage.total_tokens > 0
    models = await api.models.list()
    assert [m.id for m in models.data] == ["fake-model"]


async def test_stream_with_usage(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies("abcdefghij")
    stream = await client(fake_llm).chat.completions.create(
        model="fake-model",
        messages=MESSAGES,
        stream=True,
        stream_options={"include_usage": True},
    )
    pieces, usage = [], None
    async for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        usage = chunk.usage or usage
    assert pieces == ["abcd", "efgh", "ij"]
    assert usage is not None


async def test_reply_queue_function_and_recording(fake_llm: FakeLLMServer) -> None:
    fake_llm.reply = lambda body: f"echo {body['messages'][0]['content']}"
    fake_llm.queue_replies("first")
    api = client(fake_llm)
    one = await api.chat.completions.create(model="fake-model", messages=MESSAGES)
    two = await api.chat.completions.create(model="fake-model", messages=MESSAGES)
    assert one.choices[0].message.content == "first"
    assert two.choices[0].message.content == "echo hello"
    assert len(fake_llm.bodies) == 2 and fake_llm.bodies[0]["messages"] == MESSAGES
    fake_llm.reset()
    assert fake_llm.bodies == []


async def test_queued_faults_then_normal(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("rate_limit", times=2, retry_after=7)
    api = client(fake_llm)
    for _ in range(2):
        with pytest.raises(openai.RateLimitError) as info:
            await api.chat.completions.create(model="fake-model", messages=MESSAGES)
        assert info.value.response.headers["retry-after"] == "7"
    await api.chat.completions.create(model="fake-model", messages=MESSAGES)


async def test_latency_is_concurrent(fake_llm: FakeLLMServer) -> None:
    fake_llm.latency = 0.2
    api = client(fake_llm)
    started = time.perf_counter()
    await asyncio.gather(
        *(api.chat.completions.create(model="fake-model", messages=MESSAGES) for _ in range(40))
    )
    assert time.perf_counter() - started < 1.5  # 40 x 0.2 s in parallel, not in series
    assert fake_llm.peak_in_flight == 40


def test_close_stops_a_slow_request_promptly() -> None:
    server = FakeLLMServer().start()
    server.fail_next("slow", delay=60)

    async def hang() -> None:
        api = openai.AsyncOpenAI(base_url=server.base_url, api_key="x", max_retries=0, timeout=0.2)
        with pytest.raises(openai.APITimeoutError):
            await api.chat.completions.create(model="fake-model", messages=MESSAGES)

    asyncio.run(hang())
    started = time.perf_counter()
    server.close()
    assert time.perf_counter() - started < 2
