"""``workbench llm test`` and ``llm presets`` against the local fake endpoint."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import run
from workbench.testing import FakeLLMServer

KEY = "sk-cli-test-secret-000000"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert KEY not in out + err
    return code, out, err


def test_offline_when_nothing_is_configured(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "llm", "test")
    assert code == 0 and "offline" in out


def test_endpoint_ok_reports_latency(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    code, out, _ = cli(
        capsys, "llm", "test", "--base-url", fake_llm.base_url, "--model", "fake-model", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True and data["latency_ms"] > 0


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("auth", "auth"), ("balance", "balance"), ("model_not_found", "model_not_found")],
)
def test_endpoint_failures_are_diagnosed_in_plain_words(
    fake_llm: FakeLLMServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    kind: str,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    fake_llm.pin("fake-model", fault)  # type: ignore[arg-type]
    code, _, err = cli(
        capsys, "llm", "test", "--base-url", fake_llm.base_url, "--model", "fake-model"
    )
    assert code == 4
    assert err.startswith(kind)


def test_wrong_base_url_is_a_404_diagnosis(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    code, _, err = cli(
        capsys, "llm", "test", "--base-url", fake_llm.root_url, "--model", "fake-model"
    )
    assert code == 4 and "404" in err


def test_missing_key_is_a_config_error(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "llm", "test", "--preset", "deepseek")
    assert code == 2
    assert "DEEPSEEK_API_KEY" in err and len(err.strip().splitlines()) == 1


def test_presets_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "llm", "presets", "--json")
    names = {p["name"] for p in json.loads(out)}
    assert (
        code == 0 and {"openai", "deepseek", "qwen", "moonshot", "zhipu", "ollama", "vllm"} <= names
    )
