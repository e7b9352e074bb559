"""A LiteLLM proxy pre-call hook for the integration tests (loaded by the proxy, never by
pytest): it answers each request with a realistic answer and injects queued faults.

Answers come from WB_LITE_ANSWERS (JSON: sha256 of the request's first user message ->
answer text), written by the test from the offline composer's output for the very jobs it
runs, so every kind gets an answer of its own shape. A control file (WB_LITE_CTL, JSON
``{"queue": [{"do": ...}, ...]}``) injects faults in order: rate_limit, server_error,
garbage, length. Every request is logged to WB_LITE_LOG (one JSON line).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from typing import Any

from litellm.integrations.custom_logger import CustomLogger
from litellm.types.utils import Choices, Message, ModelResponse, Usage

_seen = {"n": 0}


def _load(path: str) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _next_fault() -> dict[str, Any]:
    path = os.environ["WB_LITE_CTL"]
    try:
        ctl = _load(path)
    except (OSError, ValueError):
        return {}
    queue = ctl.get("queue") or []
    if not queue:
        return {}
    fault = queue.pop(0)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"queue": queue}, f)
    return dict(fault)


def _key(data: dict[str, Any]) -> str:
    first: dict[str, Any] = next(
        (m for m in data.get("messages", []) if m.get("role") == "user"), {}
    )
    return hashlib.sha256(str(first.get("content", "")).encode("utf-8")).hexdigest()


def _response(content: str, finish: str = "stop") -> ModelResponse:
    _seen["n"] += 1
    completion = len(content) // 2 + 1
    return ModelResponse(
        id=f"chatcmpl-wb-{_seen['n']}",
        created=int(time.time()),
        model="wb-mock",
        choices=[
            Choices(
                index=0,
                finish_reason=finish,
                message=Message(role="assistant", content=content),
            )
        ],
        usage=Usage(prompt_tokens=120, completion_tokens=completion, total_tokens=120 + completion),
    )


class WorkbenchAnswers(CustomLogger):
    async def async_pre_call_hook(
        self, user_api_key_dict: Any, cache: Any, data: dict[str, Any], call_type: str
    ) -> dict[str, Any]:
        if call_type not in ("completion", "acompletion"):
            return data
        answers = _load(os.environ["WB_LITE_ANSWERS"])
        answer = answers.get(_key(data), '{"note": "no answer for this prompt"}')
        fault = _next_fault()
        do = fault.get("do", "")
        fmt = data.get("response_format")
        with open(os.environ["WB_LITE_LOG"], "a", encoding="utf-8") as f:
            line = {
                "do": do,
                "model": data.get("model"),
                "response_format": fmt.get("type") if isinstance(fmt, dict) else fmt,
                "max_tokens": data.get("max_tokens"),
                "stream": data.get("stream"),
                "n_messages": len(data.get("messages", [])),
            }
            f.write(json.dumps(line) + "\n")
        if do == "rate_limit":
            data["mock_response"] = "litellm.RateLimitError"
        elif do == "server_error":
            data["mock_response"] = "litellm.InternalServerError"
        elif do == "garbage":
            data["mock_response"] = _response("Sure! Here is your copy: 会员日快来买 ...")
        elif do == "length":
            data["mock_response"] = _response(answer[: len(answer) // 2], finish="length")
        else:
            data["mock_response"] = _response(answer)
        return data


proxy_handler_instance = WorkbenchAnswers()
