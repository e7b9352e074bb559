"""Known OpenAI-compatible endpoints: base URL, default model, how each one takes JSON.

A preset only fills gaps: an explicit base URL or model in the settings or on the command
line wins. ``structured_output`` is what the endpoint accepts in ``response_format``:
``json_schema`` (schema-constrained), ``json_object`` (any JSON object) or ``none``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import SecretStr

from workbench.errors import ConfigError

StructuredOutput = Literal["json_schema", "json_object", "none"]


@dataclass(frozen=True)
class Preset:
    name: str
    base_url: str
    default_model: str  # "" when the user must name the model (vLLM serves whatever it loaded)
    structured_output: StructuredOutput
    key_required: bool = True
    api_key_env: str = "OPENAI_API_KEY"
    placeholder_key: str = ""  # sent when no key is needed but the SDK insists on one
    description: str = ""


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "openai",
            "https://api.openai.com/v1",
            "gpt-4o-mini",
            "json_schema",
            description="OpenAI",
        ),
        Preset(
            "deepseek",
            "https://api.deepseek.com/v1",
            "deepseek-chat",
            "json_object",
            api_key_env="DEEPSEEK_API_KEY",
            description="DeepSeek",
        ),
        Preset(
            "qwen",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "qwen-plus",
            "json_object",
            api_key_env="DASHSCOPE_API_KEY",
            description="Alibaba Cloud DashScope (Qwen), compatible mode",
        ),
        Preset(
            "moonshot",
            "https://api.moonshot.cn/v1",
            "moonshot-v1-8k",
            "json_object",
            api_key_env="MOONSHOT_API_KEY",
            description="Moonshot AI (Kimi)",
        ),
        Preset(
            "zhipu",
            "https://open.bigmodel.cn/api/paas/v4",
            "glm-4-flash",
            "json_object",
            api_key_env="ZHIPUAI_API_KEY",
            description="Zhipu AI (GLM)",
        ),
        Preset(
            "ollama",
            "http://localhost:11434/v1",
            "qwen2.5:7b",
            "json_object",
            key_required=False,
            placeholder_key="ollama",
            description="Ollama on this machine",
        ),
        Preset(
            "vllm",
            "http://localhost:8000/v1",
            "",
            "json_schema",
            key_required=False,
            placeholder_key="EMPTY",
            description="vLLM OpenAI-compatible server (name the model)",
        ),
        Preset(
            "llamacpp",
            "http://localhost:8080/v1",
            "local-model",
            "json_object",
            key_required=False,
            placeholder_key="no-key",
            description="llama.cpp server",
        ),
    )
}

ALIASES = {
    "llama.cpp": "llamacpp",
    "llama-cpp": "llamacpp",
    "dashscope": "qwen",
    "kimi": "moonshot",
}

# A bare base URL with no preset: assume the full OpenAI feature set.
CUSTOM = Preset("openai-compatible", "", "", "json_schema", description="custom endpoint")


def get_preset(name: str) -> Preset:
    """The preset called ``name`` (case-insensitive, aliases allowed) or a ConfigError."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    try:
        return PRESETS[key]
    except KeyError:
        raise ConfigError(
            f"unknown LLM preset {name!r}; known presets: {', '.join(PRESETS)}"
        ) from None


@dataclass(frozen=True)
class EndpointConfig:
    """A resolved OpenAI-compatible endpoint. The key stays a SecretStr and out of repr."""

    base_url: str
    model: str
    api_key: SecretStr | None = field(default=None, repr=False, compare=False)
    preset: str = ""  # "" for a custom base URL
    structured_output: StructuredOutput = "json_schema"
    api_key_env: str = "OPENAI_API_KEY"  # where the key came from (or should come from)

    @property
    def provider_name(self) -> str:
        return self.preset or CUSTOM.name

    def __repr__(self) -> str:
        key = "set" if self.api_key is not None else "none"
        return (
            f"EndpointConfig(base_url={self.base_url!r}, model={self.model!r}, "
            f"preset={self.preset!r}, structured_output={self.structured_output!r}, "
            f"api_key_env={self.api_key_env!r}, api_key={key})"
        )

    __str__ = __repr__
