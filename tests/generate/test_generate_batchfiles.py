"""Batch files: shards within both limits, result lines as responses or the provider's error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.errors import LLMError, WorkbenchError
from workbench.generate.batchfiles import ShardWriter, answer, index_answers, iter_lines
from workbench.llm.base import Message
from workbench.llm.wire import ChatBody

MESSAGES: list[Message] = [{"role": "user", "content": "写一条文案"}]
BODY: ChatBody = {"model": "m", "messages": MESSAGES}


def test_shards_close_at_the_request_limit(tmp_path: Path) -> None:
    writer = ShardWriter(tmp_path, max_requests=2, max_bytes=10_000)
    for i in range(5):
        writer.add(f"k{i}", BODY)
    shards = writer.close()
    assert [s.keys for s in shards] == [["k0", "k1"], ["k2", "k3"], ["k4"]]
    lines = list(iter_lines(shards[0].path))
    assert lines[0] == {
        "custom_id": "k0",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": BODY,
    }


def test_shards_close_before_the_byte_limit(tmp_path: Path) -> None:
    one = (
        len(
            json.dumps(
                {"custom_id": "k0", "method": "POST", "url": "/v1/chat/completions", "body": BODY},
                ensure_ascii=False,
                separators=(",", ":"),
            ).encode()
        )
        + 1
    )
    writer = ShardWriter(tmp_path, max_requests=100, max_bytes=2 * one + 1)
    for i in range(5):
        writer.add(f"k{i}", BODY)
    shards = writer.close()
    assert [len(s.keys) for s in shards] == [2, 2, 1]
    assert all(s.path.stat().st_size <= 2 * one + 1 for s in shards)
    with pytest.raises(WorkbenchError, match=r"above llm\.batch\.max_bytes"):
        ShardWriter(tmp_path / "x", max_requests=10, max_bytes=10).add("k", BODY)


def _write(path: Path, *lines: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_answers_are_indexed_and_read_back_one_at_a_time(tmp_path: Path) -> None:
    completion = {
        "model": "m-2026",
        "choices": [
            {"message": {"content": '<think>想想</think>{"a": 1}'}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 12, "completion_tokens": 5},
    }
    out = _write(
        tmp_path / "out.jsonl",
        {"custom_id": "k1", "response": {"status_code": 200, "body": completion}, "error": None},
    )
    errors = _write(
        tmp_path / "err.jsonl",
        {
            "custom_id": "k2",
            "response": None,
            "error": {"code": "batch_expired", "message": "not executed in time"},
        },
        {
            "custom_id": "k3",
            "response": {
                "status_code": 400,
                "body": {"error": {"message": "bad  request", "type": "invalid_request_error"}},
            },
            "error": None,
        },
    )
    found = index_answers([out, errors])
    assert len(found) == 3 and "k1" in found and "k9" not in found
    line = found.get("k1")
    assert line is not None
    response = answer(line, "openai-compatible", "m", MESSAGES)
    assert response.text == '{"a": 1}' and response.extra["reasoning"] == "想想"
    assert (response.prompt_tokens, response.completion_tokens, response.model) == (12, 5, "m-2026")
    assert response.extra["finish_reason"] == "stop"
    for key, expected in (
        ("k2", "batch_expired: not executed in time"),
        ("k3", "(HTTP 400): invalid_request_error: bad request"),
    ):
        line = found.get(key)
        assert line is not None
        with pytest.raises(LLMError, match=r"batch line failed") as caught:
            answer(line, "p", "m", [])
        assert expected in caught.value.message and caught.value.kind == "batch"


def test_a_result_line_without_custom_id_is_one_line_error(tmp_path: Path) -> None:
    bad = _write(tmp_path / "out.jsonl", {"response": {}})
    with pytest.raises(WorkbenchError, match="a result line without custom_id"):
        index_answers([bad])
