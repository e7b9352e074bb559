"""What ``llm test`` asks beyond "does it answer": which structured-output mode the endpoint
really accepts (the one runs will use first, then the weaker ones), and how many parallel
slots a llama.cpp server has (``/props``, ``/slots``).

A mode works when the endpoint accepts the ``response_format`` and the reply is one JSON
object; ``none`` works whenever the endpoint answers at all (the prompt spells the schema).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

import httpx

from workbench.errors import LLMError
from workbench.llm.base import WEAKER_MODE, JsonSchema, LLMRequest
from workbench.llm.jsonparse import extract_json
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.llm.presets import StructuredOutput

PROBE_SCHEMA: JsonSchema = {
    "title": "Probe",
    "type": "object",
    "properties": {"answer": {"type": "string", "minLength": 1, "maxLength": 16}},
    "required": ["answer"],
    "additionalProperties": False,
}
PROBE_MESSAGES = [
    {
        "role": "user",
        "content": 'Reply with this JSON object only: {"answer": "pong"} '
        '(JSON Schema: {"type": "object", "properties": {"answer": {"type": "string"}}})',
    }
]
SLOTS_TIMEOUT = 3.0


@dataclass(frozen=True)
class ModeProbe:
    mode: str  # json_schema | json_object | none
    ok: bool
    reason: str = ""  # why it failed: the endpoint's error, or "the reply was not JSON"
    latency_ms: float | None = None


async def probe_modes(provider: OpenAICompatProvider, first: str) -> list[ModeProbe]:
    """Probe ``first`` (the mode runs use), then weaker ones until one works."""
    probes: list[ModeProbe] = []
    mode: str | None = first
    while mode is not None:
        probe = await _probe(provider, mode)
        probes.append(probe)
        if probe.ok:
            break
        mode = WEAKER_MODE.get(mode)
    return probes


async def _probe(provider: OpenAICompatProvider, mode: str) -> ModeProbe:
    provider.structured_output = cast(StructuredOutput, mode)
    request = LLMRequest(
        messages=list(PROBE_MESSAGES), json_schema=PROBE_SCHEMA, schema_name="probe"
    )
    try:
        response = await provider.complete(request)
    except LLMError as error:
        return ModeProbe(mode, False, error.message)
    if mode == "none":
        return ModeProbe(mode, True, latency_ms=response.latency_ms)
    try:
        data = extract_json(response.text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        snippet = " ".join(response.text.split())[:60]
        return ModeProbe(mode, False, f"the reply was not one JSON object: {snippet!r}")
    return ModeProbe(mode, True, latency_ms=response.latency_ms)


def server_root(base_url: str) -> str:
    """``http://host:8080/v1`` -> ``http://host:8080`` (llama.cpp serves /props at the root)."""
    parts = urlsplit(base_url)
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


async def parallel_slots(base_url: str, api_key: str | None = None) -> int | None:
    """The server's parallel slots when it says (llama.cpp ``/props`` total_slots, else the
    length of ``/slots``); None for servers that do not expose them."""
    root = server_root(base_url)
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    async with httpx.AsyncClient(timeout=SLOTS_TIMEOUT, headers=headers) as client:
        props = await _get_json(client, f"{root}/props")
        if isinstance(props, dict):
            total = props.get("total_slots")
            if isinstance(total, int) and not isinstance(total, bool) and total > 0:
                return total
        slots = await _get_json(client, f"{root}/slots")
        if isinstance(slots, list) and slots and all(isinstance(s, dict) for s in slots):
            return len(slots)
    return None


async def _get_json(client: httpx.AsyncClient, url: str) -> Any:
    try:
        response = await asyncio.wait_for(client.get(url), SLOTS_TIMEOUT)
    except (httpx.HTTPError, TimeoutError):
        return None
    if response.status_code != 200:
        return None
    try:
        return response.json()
    except ValueError:
        return None
