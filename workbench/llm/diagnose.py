"""``workbench llm test``: send one tiny prompt and explain what went wrong in plain words.

``test_endpoint`` never raises for endpoint failures: it returns a ``DiagnosisResult`` with
the failure kind and a one-paragraph explanation in English and Chinese; the face picks
the language. The API key never appears in a message.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import openai

from workbench.errors import LLMError
from workbench.llm.base import LLMRequest
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.llm.presets import EndpointConfig
from workbench.llm.probe import ModeProbe, parallel_slots, probe_modes
from workbench.settings import LLMSettings

PROBE = [{"role": "user", "content": "Reply with the single word: pong"}]
MODELS_TIMEOUT = 5.0


@dataclass(frozen=True)
class DiagnosisResult:
    ok: bool
    kind: str  # "ok", "offline", or an LLMError kind (auth, not_found, timeout, ...)
    message_en: str
    message_zh: str
    latency_ms: float | None = None
    model: str = ""
    base_url: str = ""
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reply: str = ""
    detail: str = ""  # the underlying one-line error with the server's own message
    tokens_estimated: bool = False  # the endpoint sent no usage: counts are estimates
    structured_output: str = ""  # the mode runs use now
    modes: tuple[ModeProbe, ...] = ()  # probes of that mode and the weaker ones
    recommended: str = ""  # the first mode that worked ("" when none was probed)
    slots: int | None = None  # llama.cpp parallel slots, when the server says

    @property
    def total_tokens(self) -> int | None:
        if self.prompt_tokens is None and self.completion_tokens is None:
            return None
        return (self.prompt_tokens or 0) + (self.completion_tokens or 0)

    def message(self, language: str = "en-US") -> str:
        return self.message_zh if language.lower().startswith("zh") else self.message_en


def _explain(kind: str, config: EndpointConfig, settings: LLMSettings) -> tuple[str, str]:
    url, model, env = config.base_url, config.model, config.api_key_env
    texts: dict[str, tuple[str, str]] = {
        "not_found": (
            f"The base URL {url} answers 404: check it ends with /v1 (or the path your "
            "provider documents, e.g. /compatible-mode/v1 for DashScope, /api/paas/v4 for "
            "Zhipu) and has no /chat/completions on the end.",
            f"基础地址 {url} 返回 404：请检查它是否以 /v1 结尾（或服务商文档给出的路径，如"
            "百炼为 /compatible-mode/v1、智谱为 /api/paas/v4），且末尾不要带 /chat/completions。",
        ),
        "auth": (
            f"The endpoint rejected the API key (401/403). Check the key in ${env} is "
            "correct, not expired, and belongs to this provider.",
            f"接口拒绝了 API Key（401/403）。请检查环境变量 {env} 中的 Key 是否正确、"
            "未过期，并且属于这个服务商。",
        ),
        "balance": (
            "The account has no balance or quota left (402). Top up or check the billing "
            "page of your provider.",
            "账户余额或额度不足（402）。请充值，或到服务商的计费页面查看。",
        ),
        "rate_limit": (
            "The endpoint is rate limiting this key (429). Wait a moment, or lower "
            "generate.concurrency / set generate.rpm in workbench.toml.",
            "接口正在对这个 Key 限流（429）。请稍等片刻，或在 workbench.toml 中调低 "
            "generate.concurrency、设置 generate.rpm。",
        ),
        "timeout": (
            f"No answer within {settings.timeout:g} s. The endpoint may be overloaded or "
            "the network slow; raise llm.timeout or try again.",
            f"{settings.timeout:g} 秒内没有响应。服务可能过载或网络较慢；可调大 llm.timeout "
            "后重试。",
        ),
        "model_not_found": (
            f"The endpoint does not know the model {model!r}. Check the name (llm.model or "
            "--model) against the provider's model list.",
            f"接口找不到模型 {model!r}。请对照服务商的模型列表检查名称（llm.model 或 --model）。",
        ),
        "connection": (
            f"Cannot connect to {url}. Check the address and your network; for a local "
            "server (Ollama, vLLM, llama.cpp) make sure it is running.",
            f"无法连接到 {url}。请检查地址和网络；如果是本地服务（Ollama、vLLM、llama.cpp），"
            "请确认它已经启动。",
        ),
        "server": (
            "The endpoint had a server error (5xx). This is on the provider's side; try "
            "again later.",
            "接口返回服务器错误（5xx），问题在服务商一侧，请稍后重试。",
        ),
        "bad_response": (
            f"{url} answered, but not like an OpenAI-compatible chat-completions API. "
            "Check the base URL points at the API, not a web page.",
            f"{url} 有响应，但不像 OpenAI 兼容的 chat-completions 接口。请确认基础地址指向 "
            "API 而不是网页。",
        ),
        "bad_request": (
            "The endpoint rejected the request (400). If it mentions response_format, set "
            'llm.structured_output = "json_object" or "none".',
            "接口拒绝了请求（400）。如果提示与 response_format 有关，请把 "
            'llm.structured_output 设为 "json_object" 或 "none"。',
        ),
    }
    return texts.get(
        kind,
        (f"The call failed ({kind}).", f"调用失败（{kind}）。"),
    )


async def _list_models(provider: OpenAICompatProvider) -> list[str]:
    """Model ids the endpoint offers (best effort, empty on any API failure)."""
    client = provider.chat_model().root_async_client
    if client is None:
        return []
    try:
        page = await asyncio.wait_for(client.models.list(), MODELS_TIMEOUT)
    except (openai.OpenAIError, TimeoutError):
        return []
    return [m.id for m in page.data][:12]


async def test_endpoint(config: EndpointConfig | None, settings: LLMSettings) -> DiagnosisResult:
    """Send one tiny prompt to ``config`` and report latency, model and tokens, or why not."""
    if config is None:
        return DiagnosisResult(
            ok=True,
            kind="offline",
            message_en="No LLM endpoint is configured: the offline composer will be used.",
            message_zh="未配置 LLM 接口：将使用离线生成器。",
        )
    probe_settings = settings.model_copy(
        update={"max_retries": 0, "stream": False, "rate_limit_wait": 0.0}
    )
    provider = OpenAICompatProvider(config, probe_settings)
    try:
        response = await provider.complete(LLMRequest(messages=list(PROBE)))
    except LLMError as error:
        en, zh = _explain(error.kind, config, settings)
        if error.kind == "model_not_found":
            models = await _list_models(provider)
            if models:
                en += f" Available: {', '.join(models)}."
                zh += f"可用模型：{', '.join(models)}。"
        await provider.aclose()
        return DiagnosisResult(
            ok=False,
            kind=error.kind,
            message_en=en,
            message_zh=zh,
            model=config.model,
            base_url=config.base_url,
            detail=error.message,
        )
    current = config.structured_output
    modes = tuple(await probe_modes(provider, current))
    await provider.aclose()
    working = [m.mode for m in modes if m.ok]
    key = config.api_key.get_secret_value() if config.api_key else None
    slots = await parallel_slots(config.base_url, key)
    tokens = response.total_tokens
    return DiagnosisResult(
        ok=True,
        kind="ok",
        message_en=(
            f"OK: {config.model} at {config.base_url} answered in "
            f"{response.latency_ms:.0f} ms ({tokens} tokens)."
        ),
        message_zh=(
            f"连接正常：{config.base_url} 上的 {config.model} 用时 "
            f"{response.latency_ms:.0f} 毫秒（{tokens} tokens）。"
        ),
        latency_ms=response.latency_ms,
        model=config.model,
        base_url=config.base_url,
        prompt_tokens=response.prompt_tokens,
        completion_tokens=response.completion_tokens,
        reply=response.text.strip()[:200],
        tokens_estimated=bool(response.extra.get("tokens_estimated")),
        structured_output=current,
        modes=modes,
        recommended=working[0] if working else "none",
        slots=slots,
    )


test_endpoint.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
