"""A fake OpenAI Batch API (files, batches, file content) on top of the fake chat server.

``FakeBatchServer`` is a ``FakeLLMServer`` (chat completions keep working, for the repair
rounds) that also serves ``POST /v1/files`` (multipart, ``purpose=batch``), ``GET
/v1/files/{id}`` and ``/content``, ``POST /v1/batches``, ``GET /v1/batches`` (list, for
finding a batch by metadata) and ``/v1/batches/{id}``, ``POST /v1/batches/{id}/cancel``.
Each request line is answered with the chat server's own answer logic (queued replies, the
reply function, ``invalid_content`` faults), so a test's reply function serves both paths.

A batch moves ``validating -> in_progress -> completed`` one step per status request, and
waits in ``in_progress`` while ``hold()`` is on (a slow completion). Faults, set before the
batch is created: ``fail_batch()`` (status ``failed`` with the provider's errors),
``expire_lines(n)`` (status ``expired``; the first n lines go to the error file as
``batch_expired``), ``error_lines(n)`` (n lines answered with a 500 in the error file).

    with FakeBatchServer(reply=reply) as srv:
        ...  # srv.batches, srv.files, srv.base_url
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from workbench.llm.wire import ApiError, BatchLine, BatchResponse, ChatBody, Completion
from workbench.testing.fakeserver import FakeLLMServer, RecordedRequest

_BOUNDARY = re.compile(r'boundary="?([^";]+)"?')
EXPIRED = "This request could not be executed before the completion window expired."


class FileInfo(TypedDict):
    """A Batch API file object (``/v1/files``)."""

    id: str
    object: Literal["file"]
    bytes: int
    created_at: int
    filename: str
    purpose: str
    """``batch`` for an upload, ``batch_output`` for a result file."""
    status: str


class ErrorList(TypedDict):
    """A failed batch's ``errors``."""

    object: Literal["list"]
    data: list[ApiError]


class RequestCounts(TypedDict):
    total: int
    completed: int
    failed: int


class BatchInfo(TypedDict):
    """A Batch API batch object (``/v1/batches``)."""

    id: str
    object: Literal["batch"]
    endpoint: str
    errors: ErrorList | None
    input_file_id: str
    completion_window: str
    status: str
    """``validating``, ``in_progress``, ``completed``, ``failed``, ``expired``, ..."""
    output_file_id: str | None
    error_file_id: str | None
    created_at: int
    request_counts: RequestCounts
    metadata: dict[str, str]


@dataclass
class FakeFile:
    id: str
    filename: str
    purpose: str
    data: bytes
    created_at: int = field(default_factory=lambda: int(time.time()))

    def info(self) -> FileInfo:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.data),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
        }


@dataclass
class FakeBatch:
    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    metadata: dict[str, str]
    fault: str = ""  # "" | failed | expire:N | error:N
    status: str = "validating"
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[ApiError] = field(default_factory=list)
    polls: int = 0
    created_at: int = field(default_factory=lambda: int(time.time()))

    def info(self) -> BatchInfo:
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": {"object": "list", "data": self.errors} if self.errors else None,
            "input_file_id": self.input_file_id,
            "completion_window": self.completion_window,
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "created_at": self.created_at,
            "request_counts": {
                "total": self.total,
                "completed": self.completed,
                "failed": self.failed,
            },
            "metadata": self.metadata,
        }


class FakeBatchServer(FakeLLMServer):
    """The fake chat server plus a Batch API; see the module docstring."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.files: dict[str, FakeFile] = {}
        self.batches: dict[str, FakeBatch] = {}
        self._held = threading.Event()
        self._next_fault = ""
        self._counter = 0

    # -- control from tests ------------------------------------------------------------

    def hold(self) -> None:
        """Keep batches ``in_progress`` until ``release()`` (a slow completion)."""
        self._held.set()

    def release(self) -> None:
        self._held.clear()

    def fail_batch(self) -> None:
        """The next batch created ends ``failed`` with a provider error and no output."""
        self._next_fault = "failed"

    def expire_lines(self, count: int) -> None:
        """The next batch ends ``expired``: its first ``count`` lines never ran."""
        self._next_fault = f"expire:{count}"

    def error_lines(self, count: int) -> None:
        """The next batch answers its first ``count`` lines with a 500 in the error file."""
        self._next_fault = f"error:{count}"

    def input_lines(self, batch_id: str) -> list[BatchLine]:
        """The request lines a batch was created with."""
        data = self.files[self.batches[batch_id].input_file_id].data
        return [json.loads(line) for line in data.splitlines() if line.strip()]

    # -- HTTP --------------------------------------------------------------------------

    async def _handle(
        self, method: str, path: str, headers: dict[str, str], raw: bytes, writer: Any
    ) -> bool:
        if not (path.startswith("/v1/files") or path.startswith("/v1/batches")):
            return await super()._handle(method, path, headers, raw, writer)
        body: Any = None
        if raw and "json" in headers.get("content-type", ""):
            body = json.loads(raw.decode("utf-8", errors="replace") or "null")
        self.requests.append(RecordedRequest(method, path, headers, body))
        with self._lock:
            status, payload, binary = self._route(method, path, headers, raw, body)
        if binary is not None:
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                f"Content-Length: {len(binary)}\r\n\r\n"
            ).encode("latin-1")
            writer.write(head + binary)
        elif status >= 400:
            self._send_error(writer, status, str(payload), "invalid_request")
        else:
            self._send_json(writer, status, payload)
        await writer.drain()
        return True

    def _route(
        self, method: str, path: str, headers: dict[str, str], raw: bytes, body: Any
    ) -> tuple[int, Any, bytes | None]:
        parts = path.strip("/").split("/")  # v1 files|batches [id] [content|cancel]
        if parts[1] == "files":
            if method == "POST" and len(parts) == 2:
                return self._upload(headers, raw)
            found = self.files.get(parts[2]) if len(parts) > 2 else None
            if found is None:
                return 404, "No such File object", None
            if len(parts) == 4 and parts[3] == "content":
                return 200, None, found.data
            return 200, found.info(), None
        if method == "POST" and len(parts) == 2:
            return self._create(body)
        if method == "GET" and len(parts) == 2:
            data = [b.info() for b in reversed(self.batches.values())]
            return 200, {"object": "list", "data": data, "has_more": False}, None
        batch = self.batches.get(parts[2])
        if batch is None:
            return 404, "No such Batch object", None
        if method == "POST" and len(parts) == 4 and parts[3] == "cancel":
            if batch.status in ("validating", "in_progress"):
                batch.status = "cancelling"
            return 200, batch.info(), None
        self._advance(batch)
        return 200, batch.info(), None

    def _upload(self, headers: dict[str, str], raw: bytes) -> tuple[int, Any, bytes | None]:
        found = _BOUNDARY.search(headers.get("content-type", ""))
        if found is None:
            return 400, "expected multipart/form-data", None
        fields: dict[str, tuple[str, bytes]] = {}
        for part in raw.split(b"--" + found.group(1).encode())[1:]:
            if part.startswith(b"--"):
                break
            head, _, content = part.partition(b"\r\n\r\n")
            text = head.decode("utf-8", errors="replace")
            name = re.search(r'name="([^"]*)"', text)
            filename = re.search(r'filename="([^"]*)"', text)
            if name:
                fields[name.group(1)] = (filename.group(1) if filename else "", content[:-2])
        if "file" not in fields or fields.get("purpose", ("", b""))[1] != b"batch":
            return 400, "a file with purpose=batch is required", None
        ident = self._ident("file")
        self.files[ident] = FakeFile(ident, fields["file"][0], "batch", fields["file"][1])
        return 200, self.files[ident].info(), None

    def _create(self, body: Any) -> tuple[int, Any, bytes | None]:
        if not isinstance(body, dict) or body.get("input_file_id") not in self.files:
            return 400, "input_file_id does not name an uploaded file", None
        if body.get("endpoint") != "/v1/chat/completions" or body.get("completion_window") != "24h":
            return 400, "endpoint must be /v1/chat/completions and completion_window 24h", None
        ident = self._ident("batch")
        data = self.files[body["input_file_id"]].data
        batch = FakeBatch(
            ident,
            body["input_file_id"],
            body["endpoint"],
            body["completion_window"],
            dict(body.get("metadata") or {}),
            fault=self._next_fault,
            total=sum(1 for line in data.splitlines() if line.strip()),
        )
        self._next_fault = ""
        self.batches[ident] = batch
        return 200, batch.info(), None

    # -- the batch's life --------------------------------------------------------------

    def _advance(self, batch: FakeBatch) -> None:
        batch.polls += 1
        if batch.status == "validating":
            batch.status = "in_progress"
        elif batch.status == "cancelling":
            batch.status = "cancelled"
        elif batch.status == "in_progress" and not self._held.is_set():
            self._finish(batch)

    def _finish(self, batch: FakeBatch) -> None:
        if batch.fault == "failed":
            batch.status = "failed"
            batch.errors = [
                {"code": "invalid_request", "message": "the model is not available for batch"}
            ]
            return
        kind, _, number = batch.fault.partition(":")
        broken = int(number) if number else 0
        outputs: list[bytes] = []
        errors: list[bytes] = []
        for n, request in enumerate(self.input_lines(batch.id)):
            key = request["custom_id"]
            if n < broken and kind == "expire":
                line: BatchLine = {"custom_id": key, "response": None, "error": _error()}
                errors.append(_line(self._ident("batch_req"), line))
            elif n < broken and kind == "error":
                body: Completion = {
                    "error": {"message": "The server had an error", "type": "server_error"}
                }
                response: BatchResponse = {"status_code": 500, "request_id": key[:12], "body": body}
                errors.append(
                    _line(
                        self._ident("batch_req"),
                        {"custom_id": key, "response": response, "error": None},
                    )
                )
            else:
                outputs.append(_line(self._ident("batch_req"), self._answer(key, request["body"])))
        batch.failed = len(errors)
        batch.completed = len(outputs)
        if outputs:
            batch.output_file_id = self._store_file("output.jsonl", b"".join(outputs))
        if errors:
            batch.error_file_id = self._store_file("errors.jsonl", b"".join(errors))
        batch.status = "expired" if kind == "expire" else "completed"

    def _answer(self, key: str, body: ChatBody) -> BatchLine:
        """One line answered by the chat server's logic (queue, invalid_content, reply)."""
        fault = self._state.faults.popleft() if self._state.faults else None
        queued = self._state.replies.popleft() if self._state.replies else None
        if fault is not None and fault.kind == "invalid_content":
            content = fault.content
        elif queued is not None:
            content = queued
        else:
            content = self.reply if isinstance(self.reply, str) else self.reply(body)
        messages = body.get("messages") or []
        chars = sum(len(str(m.get("content", ""))) for m in messages if isinstance(m, dict))
        completion: Completion = {
            "id": self._next_id(),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model", "")),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": chars // 4 + 1,
                "completion_tokens": len(content) // 4 + 1,
                "total_tokens": chars // 4 + len(content) // 4 + 2,
            },
        }
        response: BatchResponse = {"status_code": 200, "request_id": key[:12], "body": completion}
        return {"custom_id": key, "response": response, "error": None}

    def _store_file(self, name: str, data: bytes) -> str:
        ident = self._ident("file")
        self.files[ident] = FakeFile(ident, name, "batch_output", data)
        return ident

    def _ident(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}-fake-{self._counter}"


def _error() -> ApiError:
    return {"code": "batch_expired", "message": EXPIRED}


def _line(ident: str, payload: BatchLine) -> bytes:
    return json.dumps({"id": ident, **payload}, ensure_ascii=False).encode() + b"\n"
