from __future__ import annotations

import socket
from typing import Any

import pytest

from workbench.llm import diagnose
from workbench.llm.factory import resolve_endpoint
from workbench.llm.presets import EndpointConfig
from workbench.settings import LLMSettings
from workbench.testing import FakeLLMServer

KEY = "sk-diagnose-secret-555555"


def setup(base_url: str, **overrides: Any) -> tuple[EndpointConfig, LLMSettings]:
    values: dict[str, Any] = {"model": "fake-model", "timeout": 5.0, "max_retries": 3}
    values.update(overrides)
    settings = LLMSettings(**values)
    config = resolve_endpoint(settings, base_url=base_url, api_key=KEY)
    assert config is not None
    return config, settings


def assert_clean(result: diagnose.DiagnosisResult) -> None:
    for text in (result.message_en, result.message_zh, result.detail, repr(result)):
        assert KEY not in text
    assert result.message_en and result.message_zh
    assert result.message("zh-CN") == result.message_zh
    assert result.message("en-US") == result.message_en


async def test_ok_reports_latency_model_tokens(fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies("pong")
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url))
    assert result.ok and result.kind == "ok"
    assert result.latency_ms is not None and result.latency_ms > 0
    assert result.model == "fake-model" and result.reply == "pong"
    assert result.prompt_tokens and result.completion_tokens
    assert "fake-model" in result.message_en and "毫秒" in result.message_zh
    assert_clean(result)


async def test_offline_when_nothing_is_configured() -> None:
    result = await diagnose.test_endpoint(None, LLMSettings())
    assert result.ok and result.kind == "offline"


@pytest.mark.parametrize(
    ("fault", "kind", "en", "zh"),
    [
        ("auth", "auth", "API key", "Key"),
        ("balance", "balance", "balance", "余额"),
        ("rate_limit", "rate_limit", "rate limiting", "限流"),
        ("server_error", "server", "server error", "服务器错误"),
        ("malformed", "bad_response", "OpenAI-compatible", "OpenAI 兼容"),
    ],
)
async def test_failures_in_plain_words(
    fake_llm: FakeLLMServer, fault: Any, kind: str, en: str, zh: str
) -> None:
    fake_llm.fail_next(fault, retry_after=0)
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url))
    assert not result.ok and result.kind == kind
    assert en in result.message_en and zh in result.message_zh
    assert len(fake_llm.bodies) == 1  # diagnosis reports the first failure, no retries
    assert_clean(result)


async def test_wrong_base_url(fake_llm: FakeLLMServer) -> None:
    result = await diagnose.test_endpoint(*setup(fake_llm.root_url))
    assert result.kind == "not_found"
    assert "404" in result.message_en and "/v1" in result.message_en
    assert "/v1" in result.message_zh
    assert_clean(result)


async def test_model_not_found_lists_models(fake_llm: FakeLLMServer) -> None:
    fake_llm.pin("ghost", "model_not_found")
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url, model="ghost"))
    assert result.kind == "model_not_found"
    assert "'ghost'" in result.message_en and "fake-model" in result.message_en
    assert "可用模型" in result.message_zh
    assert_clean(result)


async def test_timeout(fake_llm: FakeLLMServer) -> None:
    fake_llm.fail_next("slow", delay=5)
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url, timeout=0.2))
    assert result.kind == "timeout"
    assert "0.2 s" in result.message_en and "0.2 秒" in result.message_zh
    assert_clean(result)


async def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = await diagnose.test_endpoint(*setup(f"http://127.0.0.1:{port}/v1"))
    assert result.kind == "connection"
    assert "running" in result.message_en and "启动" in result.message_zh
    assert_clean(result)
