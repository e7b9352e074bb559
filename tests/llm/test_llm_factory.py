from __future__ import annotations

import importlib

import pytest

from workbench.errors import ConfigError
from workbench.guards.redact import redact
from workbench.llm.factory import make_provider, resolve_endpoint
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.llm.presets import PRESETS, get_preset
from workbench.settings import LLMSettings

KEY = "sk-factory-secret-987654"
ENV_NAMES = [
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "DEEPSEEK_API_KEY",
    "DASHSCOPE_API_KEY",
    "MOONSHOT_API_KEY",
    "ZHIPUAI_API_KEY",
    "MY_KEY",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


def test_presets_table() -> None:
    assert {"openai", "deepseek", "qwen", "moonshot", "zhipu", "ollama", "vllm", "llamacpp"} <= set(
        PRESETS
    )
    assert PRESETS["openai"].structured_output == "json_schema"
    assert PRESETS["deepseek"].base_url == "https://api.deepseek.com/v1"
    assert PRESETS["qwen"].base_url == "https://dashscope.aliyuncs.com/compatible-mode/v1"
    assert PRESETS["zhipu"].default_model == "glm-4-flash"
    assert not PRESETS["ollama"].key_required
    assert get_preset("llama.cpp").name == "llamacpp"
    assert get_preset("DeepSeek").name == "deepseek"


def test_nothing_configured_means_offline() -> None:
    assert resolve_endpoint(LLMSettings()) is None
    assert resolve_endpoint(LLMSettings(preset="openai"), offline=True) is None


def test_unknown_preset_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError) as info:
        resolve_endpoint(LLMSettings(preset="gpt5000"))
    assert "deepseek" in str(info.value) and "ollama" in str(info.value)


def test_environment_base_url_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "https://llm.example.com/v1/")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    config = resolve_endpoint(LLMSettings(model="m1"))
    assert config is not None
    assert config.base_url == "https://llm.example.com/v1"
    assert config.model == "m1"
    assert config.preset == "" and config.provider_name == "openai-compatible"
    assert config.structured_output == "json_schema"
    assert config.api_key is not None and config.api_key.get_secret_value() == KEY
    assert KEY not in repr(config) and KEY not in str(config)


def test_custom_endpoint_needs_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with pytest.raises(ConfigError, match="model"):
        resolve_endpoint(LLMSettings(base_url="https://llm.example.com/v1"))


def test_preset_key_variable_then_openai_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError) as info:
        resolve_endpoint(LLMSettings(preset="deepseek"))
    assert "DEEPSEEK_API_KEY" in str(info.value)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    config = resolve_endpoint(LLMSettings(preset="deepseek"))
    assert config is not None and config.api_key_env == "OPENAI_API_KEY"
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-deep")
    config = resolve_endpoint(LLMSettings(preset="deepseek"))
    assert config is not None
    assert config.api_key_env == "DEEPSEEK_API_KEY"
    assert config.model == "deepseek-chat"
    assert config.structured_output == "json_object"
    assert config.provider_name == "deepseek"


def test_explicit_key_variable_is_the_only_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with pytest.raises(ConfigError, match="MY_KEY"):
        resolve_endpoint(LLMSettings(preset="qwen", api_key_env="MY_KEY"))
    with pytest.raises(ConfigError, match="MY_KEY"):
        resolve_endpoint(LLMSettings(preset="qwen"), api_key_env="MY_KEY")
    monkeypatch.setenv("MY_KEY", "sk-mine")
    config = resolve_endpoint(LLMSettings(preset="qwen", api_key_env="MY_KEY"))
    assert config is not None and config.api_key is not None
    assert config.api_key.get_secret_value() == "sk-mine"


def test_a_key_pasted_as_the_variable_name_is_refused_unshown() -> None:
    # Before: "set the environment variable sk-..." printed the pasted key.
    settings = LLMSettings(base_url="https://api.example.com/v1", model="m", api_key_env=KEY)
    for call in (
        lambda: resolve_endpoint(settings),
        lambda: resolve_endpoint(LLMSettings(preset="qwen"), api_key_env=KEY),
    ):
        with pytest.raises(ConfigError, match="NAME of an environment variable") as caught:
            call()
        assert KEY not in str(caught.value)
    assert KEY not in redact(f"value {KEY}")


def test_flags_override_settings_and_preset() -> None:
    settings = LLMSettings(preset="moonshot", model="moonshot-v1-32k")
    config = resolve_endpoint(
        settings, base_url="http://127.0.0.1:9/v1", model="other", api_key="sk-flag"
    )
    assert config is not None
    assert (config.base_url, config.model, config.preset) == (
        "http://127.0.0.1:9/v1",
        "other",
        "moonshot",
    )
    config = resolve_endpoint(settings, api_key="sk-flag", preset="zhipu")
    assert config is not None and config.base_url == "https://open.bigmodel.cn/api/paas/v4"
    assert config.model == "moonshot-v1-32k"  # the settings' model still applies


def test_local_presets_need_no_key() -> None:
    config = resolve_endpoint(LLMSettings(preset="ollama"))
    assert config is not None and config.api_key is not None
    assert config.api_key.get_secret_value() == "ollama"
    assert config.model == "qwen2.5:7b"
    with pytest.raises(ConfigError, match="model"):
        resolve_endpoint(LLMSettings(preset="vllm"))
    config = resolve_endpoint(LLMSettings(preset="vllm", model="Qwen/Qwen2.5-7B-Instruct"))
    assert config is not None and config.structured_output == "json_schema"
    local = resolve_endpoint(LLMSettings(base_url="http://localhost:1234/v1", model="m"))
    assert local is not None  # a local custom server does not need a key either


def test_structured_output_override() -> None:
    config = resolve_endpoint(
        LLMSettings(preset="deepseek", structured_output="none"), api_key="sk-x"
    )
    assert config is not None and config.structured_output == "none"
    config = resolve_endpoint(
        LLMSettings(preset="openai", structured_output="json_object"), api_key="sk-x"
    )
    assert config is not None and config.structured_output == "json_object"


def test_bad_scheme() -> None:
    with pytest.raises(ConfigError, match="http"):
        resolve_endpoint(LLMSettings(base_url="api.deepseek.com/v1", model="m"), api_key="k")


def test_make_provider() -> None:
    settings = LLMSettings(preset="deepseek")
    config = resolve_endpoint(settings, api_key=KEY)
    provider = make_provider(config, settings)
    assert isinstance(provider, OpenAICompatProvider)
    assert provider.name == "deepseek" and provider.model == "deepseek-chat"
    assert KEY not in repr(provider)


def test_make_provider_offline() -> None:
    offline = importlib.import_module("workbench.llm.offline")
    if not hasattr(offline, "OfflineComposer"):
        pytest.skip("the offline composer is not in the tree yet")
    provider = make_provider(None, LLMSettings())
    assert provider.name == "offline"
