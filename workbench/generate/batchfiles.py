"""Batch API files: the JSONL requests going out (sharded) and the answers coming back.

A request line is ``{"custom_id": <job key>, "method": "POST", "url":
"/v1/chat/completions", "body": <exactly what the interactive call sends>}``. Shards close at
``max_requests`` lines or before ``max_bytes``; lines are written to disk as they are planned,
so a 10^5-job brief never sits in memory. Answers are indexed by byte offset (one small
tuple per line) and read back one at a time when the runner asks for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from workbench.errors import InputError, LLMError, Problem, WorkbenchError
from workbench.fsio import atomic_output
from workbench.generate.jobs import KEY_HEX
from workbench.llm.base import LLMResponse, Message, ResponseExtra
from workbench.llm.jsonparse import split_think
from workbench.llm.tokens import estimate_messages_tokens, estimate_tokens
from workbench.llm.wire import BatchLine, BatchRequestLine, ChatBody

URL = "/v1/chat/completions"


def request_line(key: str, body: ChatBody) -> bytes:
    """One line of a batch input file."""
    line: BatchRequestLine = {"custom_id": key, "method": "POST", "url": URL, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@dataclass
class Shard:
    """One batch input file and the job keys in it."""

    index: int
    path: Path
    keys: list[str] = field(default_factory=list)
    size: int = 0


class ShardWriter:
    """Writes request lines into ``folder/shard-N.jsonl`` files within both limits."""

    def __init__(self, folder: Path, max_requests: int, max_bytes: int) -> None:
        self.folder = folder
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.shards: list[Shard] = []
        self._handle: IO[bytes] | None = None
        self._context: Any = None

    def add(self, key: str, body: ChatBody) -> None:
        line = request_line(key, body)
        if len(line) > self.max_bytes:
            raise WorkbenchError(
                f"one request is {len(line)} bytes, above llm.batch.max_bytes "
                f"({self.max_bytes}); raise the limit"
            )
        shard = self.shards[-1] if self.shards else None
        if (
            shard is None
            or len(shard.keys) >= self.max_requests
            or shard.size + len(line) > self.max_bytes
        ):
            shard = self._open()
        assert self._handle is not None
        self._handle.write(line)
        shard.keys.append(key)
        shard.size += len(line)

    def _open(self) -> Shard:
        self._close()
        shard = Shard(len(self.shards), self.folder / f"shard-{len(self.shards)}.jsonl")
        self._context = atomic_output(shard.path, "wb")
        self._handle = self._context.__enter__()
        self.shards.append(shard)
        return shard

    def _close(self) -> None:
        if self._context is not None:
            self._context.__exit__(None, None, None)
        self._context = None
        self._handle = None

    def close(self) -> list[Shard]:
        """Finish the last file; returns every shard written."""
        self._close()
        return self.shards


@dataclass(frozen=True)
class Answers:
    """The lines of a batch's output and error files, by job key (offsets, not text)."""

    index: dict[str, tuple[int, int]]  # key -> (file number, byte offset)
    files: tuple[Path, ...]

    def get(self, key: str) -> BatchLine | None:
        where = self.index.get(key)
        if where is None:
            return None
        number, offset = where
        with self.files[number].open("rb") as handle:
            handle.seek(offset)
            line: BatchLine = json.loads(handle.readline())
        return line

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)


def index_answers(files: list[Path]) -> Answers:
    """Index result files; a key that appears in the output file wins over the error file."""
    index: dict[str, tuple[int, int]] = {}
    for number, path in enumerate(files):
        offset = 0
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise InputError(Problem(str(path), None, "file", exc.strerror or str(exc))) from None
        with handle:
            for lineno, raw in enumerate(handle, 1):
                here = offset
                offset += len(raw)
                if not raw.strip():
                    continue
                key = _custom_id(raw, path, lineno)
                if key not in index:
                    index[key] = (number, here)
    return Answers(index, tuple(files))


def _custom_id(raw: bytes, path: Path, lineno: int) -> str:
    try:
        line = json.loads(raw)
        key = line["custom_id"]
    except (ValueError, KeyError, TypeError):
        raise InputError(
            Problem(str(path), lineno, "custom_id", "a result line without custom_id")
        ) from None
    return str(key)[:KEY_HEX]  # lines sent before m220_scale_keys carry 64 hex digits


def answer(
    line: BatchLine, provider: str, model: str, messages: list[Message]
) -> LLMResponse:
    """A result line as the interactive call's ``LLMResponse``; raise the line's error."""
    response = line.get("response") or {}
    status = response.get("status_code")
    if line.get("error") or status != 200:
        raise LLMError(_line_error(line), kind="batch", status=status)
    completion = response.get("body") or {}
    try:
        choice = completion["choices"][0]
        text = choice["message"].get("content") or ""
    except (KeyError, IndexError, TypeError, AttributeError):
        raise LLMError("the batch answer is not a chat completion", kind="bad_response") from None
    extra: ResponseExtra = {"batch": True}
    finish = choice.get("finish_reason")
    if finish:
        extra["finish_reason"] = finish
    reasoning, text = split_think(text)
    if reasoning:
        extra["reasoning"] = reasoning
    usage = completion.get("usage") or {}
    prompt, completed = usage.get("prompt_tokens"), usage.get("completion_tokens")
    if prompt is None or completed is None:
        prompt = estimate_messages_tokens(messages)
        completed = estimate_tokens(text)
        extra["tokens_estimated"] = True
    return LLMResponse(
        text=text,
        provider=provider,
        model=str(completion.get("model") or model),
        prompt_tokens=int(prompt),
        completion_tokens=int(completed),
        latency_ms=0.0,
        extra=extra,
    )


def _line_error(line: BatchLine) -> str:
    error = line.get("error")
    response = line.get("response") or {}
    if not error:
        body = response.get("body") or {}
        error = body.get("error") if isinstance(body, dict) else None
    status = response.get("status_code")
    if isinstance(error, dict):
        code = error.get("code") or error.get("type") or "error"
        message = " ".join(str(error.get("message") or "").split())
        text = f"{code}: {message}" if message else str(code)
    else:
        text = " ".join(str(error or "no answer").split())
    where = f" (HTTP {status})" if status else ""
    return f"batch line failed{where}: {text}"[:300]


def iter_lines(path: Path) -> Iterator[BatchLine]:
    """Every JSON line of a file (tests and benchmarks read input files this way)."""
    with path.open("rb") as handle:
        for raw in handle:
            if raw.strip():
                yield json.loads(raw)
