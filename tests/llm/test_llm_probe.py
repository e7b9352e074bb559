"""``llm test`` probes the structured-output mode runs use, recommends one that works,
reports llama.cpp's parallel slots, usage, and the server's own error text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workbench.cli.main import run
from workbench.llm import diagnose
from workbench.llm.factory import resolve_endpoint
from workbench.llm.presets import EndpointConfig
from workbench.llm.probe import server_root
from workbench.settings import LLMSettings
from workbench.testing import FakeLLMServer

KEY = "sk-probe-secret-777777"
PONG = '{"answer": "pong"}'


def setup(base_url: str, **overrides: Any) -> tuple[EndpointConfig, LLMSettings]:
    settings = LLMSettings(**{"model": "fake-model", "timeout": 5.0, **overrides})
    config = resolve_endpoint(settings, base_url=base_url, api_key=KEY)
    assert config is not None
    return config, settings


async def test_the_mode_runs_use_is_probed_and_a_working_one_recommended(
    fake_llm: FakeLLMServer,
) -> None:
    fake_llm.reply = PONG
    fake_llm.reject_formats = {"json_schema"}  # as llama-cpp-python's server does
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url))
    assert result.ok and result.structured_output == "json_schema"
    assert [(m.mode, m.ok) for m in result.modes] == [("json_schema", False), ("json_object", True)]
    assert "response_format" in result.modes[0].reason
    assert result.recommended == "json_object"
    sent = [b.get("response_format", {}).get("type") for b in fake_llm.bodies]
    assert sent == [None, "json_schema", "json_object"]


async def test_a_reply_that_is_not_json_does_not_count_as_working(
    fake_llm: FakeLLMServer,
) -> None:
    fake_llm.reply = "pong"
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url))
    assert [(m.mode, m.ok) for m in result.modes] == [
        ("json_schema", False),
        ("json_object", False),
        ("none", True),
    ]
    assert "not one JSON object" in result.modes[0].reason and result.recommended == "none"


async def test_llama_cpp_slots_come_from_props_or_slots(fake_llm: FakeLLMServer) -> None:
    fake_llm.reply = PONG
    fake_llm.extra_get["/props"] = {"total_slots": 1, "default_generation_settings": {}}
    result = await diagnose.test_endpoint(*setup(fake_llm.base_url))
    assert result.slots == 1 and result.recommended == "json_schema"
    fake_llm.extra_get.clear()
    fake_llm.extra_get["/slots"] = [{"id": i} for i in range(4)]
    assert (await diagnose.test_endpoint(*setup(fake_llm.base_url))).slots == 4
    fake_llm.extra_get.clear()
    assert (await diagnose.test_endpoint(*setup(fake_llm.base_url))).slots is None


def test_server_root() -> None:
    assert server_root("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080"
    assert server_root("http://h/api/v1/") == "http://h/api"
    assert server_root("http://h:1/") == "http://h:1"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and KEY not in out + err
    return code, out, err


def test_the_cli_shows_usage_probes_recommendation_and_slots(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    fake_llm.reply = PONG
    fake_llm.reject_formats = {"json_schema"}
    fake_llm.extra_get["/props"] = {"total_slots": 2}
    code, out, _ = cli(
        capsys, "llm", "test", "--base-url", fake_llm.base_url, "--model", "fake-model"
    )
    assert code == 0
    assert "- tokens" not in out
    assert "usage: " in out and "prompt" in out and "completion tokens" in out
    assert "structured output json_schema: fails" in out
    assert "structured output json_object: works" in out
    assert 'recommended: llm.structured_output = "json_object"' in out
    assert "server parallel slots: 2" in out
    code, out, _ = cli(
        capsys,
        "llm",
        "test",
        "--base-url",
        fake_llm.base_url,
        "--model",
        "fake-model",
        "--json",
    )
    data = json.loads(out)
    assert data["structured_output"]["recommended"] == "json_object"
    assert data["usage"]["prompt_tokens"] > 0 and data["slots"] == 2


def test_the_cli_shows_the_servers_error_text(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    fake_llm.fail_next("status", status=400, message="No connected db.")
    code, _, err = cli(
        capsys, "llm", "test", "--base-url", fake_llm.base_url, "--model", "fake-model"
    )
    assert code == 4 and err.startswith("bad_request")
    assert "the server said:" in err and "No connected db." in err
