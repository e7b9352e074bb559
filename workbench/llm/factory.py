"""Which provider to use: resolve flags + settings + environment into an endpoint, or None.

Precedence, highest first: command-line flags, ``workbench.toml`` ``[llm]``, the preset,
then ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY`` from the environment. No endpoint anywhere
means the offline composer. The key is read from the environment when this runs and stays a
``SecretStr``; it is never printed.
"""

from __future__ import annotations

import importlib
import os
from urllib.parse import urlsplit

from pydantic import SecretStr

from workbench.errors import ConfigError
from workbench.llm.base import Provider
from workbench.llm.presets import CUSTOM, EndpointConfig, Preset, get_preset
from workbench.settings import LLMSettings, check_key_env

DEFAULT_KEY_ENV = "OPENAI_API_KEY"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "host.docker.internal"}

__all__ = ["EndpointConfig", "make_provider", "resolve_endpoint"]


def _is_local(base_url: str) -> bool:
    return (urlsplit(base_url).hostname or "") in _LOCAL_HOSTS


def _key_env_candidates(settings: LLMSettings, preset: Preset, flag: str | None) -> list[str]:
    if flag:
        return [check_key_env(flag)]
    if "api_key_env" in settings.model_fields_set and settings.api_key_env:
        return [check_key_env(settings.api_key_env)]
    names = [preset.api_key_env, settings.api_key_env or DEFAULT_KEY_ENV, DEFAULT_KEY_ENV]
    return list(dict.fromkeys(names))


def resolve_endpoint(
    settings: LLMSettings,
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key_env: str | None = None,
    preset: str | None = None,
    api_key: str | None = None,
    offline: bool = False,
) -> EndpointConfig | None:
    """The endpoint to call, or None for the offline composer.

    Raises ``ConfigError`` for an unknown preset, a missing model name, or a missing key
    where the endpoint needs one (naming the environment variable to set).
    """
    if offline:
        return None
    preset_name = (preset or settings.preset or "").strip()
    chosen = get_preset(preset_name) if preset_name else None
    url = (base_url or settings.base_url or "").strip()
    if not url:
        url = chosen.base_url if chosen else os.environ.get("OPENAI_BASE_URL", "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"LLM base URL {url!r} must start with http:// or https://")
    info = chosen or CUSTOM
    name = (model or settings.model or info.default_model).strip()
    if not name:
        raise ConfigError(
            f"no model named for {info.name} at {url}: set llm.model in workbench.toml "
            "or pass --model"
        )
    structured = (
        info.structured_output
        if settings.structured_output == "auto"
        else settings.structured_output
    )
    candidates = _key_env_candidates(settings, info, api_key_env)
    key: SecretStr | None = SecretStr(api_key) if api_key else None
    key_env = candidates[0]
    if key is None:
        for env_name in candidates:
            value = os.environ.get(env_name, "").strip()
            if value:
                key, key_env = SecretStr(value), env_name
                break
    if key is None:
        needs_key = info.key_required and not (chosen is None and _is_local(url))
        if needs_key:
            target = chosen.name if chosen else url
            raise ConfigError(
                f"no API key for {target}: set the environment variable {candidates[0]} "
                "(or name another one with llm.api_key_env / --api-key-env)"
            )
        if info.placeholder_key or chosen is None:
            key = SecretStr(info.placeholder_key or "EMPTY")
    return EndpointConfig(
        base_url=url.rstrip("/"),
        model=name,
        api_key=key,
        preset=chosen.name if chosen else "",
        structured_output=structured,
        api_key_env=key_env,
    )


def make_provider(
    config: EndpointConfig | None, settings: LLMSettings, link_base_url: str = ""
) -> Provider:
    """The OpenAI-compatible provider for ``config``, or the offline composer for None
    (which fits copy with the tracked links of ``link_base_url``, ``[tracking] base_url``)."""
    if config is None:
        # Imported by name at call time: the composer is optional for online-only use.
        offline = importlib.import_module("workbench.llm.offline")
        composer: Provider = offline.OfflineComposer(link_base_url)
        return composer
    from workbench.llm.openai_compat import OpenAICompatProvider

    return OpenAICompatProvider(config, settings)
