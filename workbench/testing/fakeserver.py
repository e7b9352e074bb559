"""A local fake OpenAI-compatible chat-completions server for tests and benchmarks.

It runs an asyncio loop in a background thread and speaks just enough HTTP/1.1 (keep-alive,
Content-Length requests, chunked SSE responses) for the openai SDK: ``POST
/v1/chat/completions`` (plain JSON or streamed ``data:`` chunks ending in ``data: [DONE]``)
and ``GET /v1/models``. One loop serves hundreds of concurrent connections with a fixed
artificial latency, which a thread-per-connection server cannot do cheaply.

Replies come from a queue (``queue_replies``), else a reply function or fixed string.
Faults are queued (``fail_next("rate_limit", times=2, retry_after=1)``) or pinned to a model
name (``pin("broken-model", "server_error")``). Every request is recorded.

    with FakeLLMServer(latency=0.2) as srv:
        client = AsyncOpenAI(base_url=srv.base_url, api_key="x")
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from pydantic import JsonValue

from workbench.llm.wire import (
    ChatBody,
    ChunkChoice,
    ChunkDelta,
    Completion,
    CompletionChunk,
    Usage,
)

FaultKind = Literal[
    "rate_limit",  # 429 with Retry-After
    "server_error",  # 500
    "slow",  # wait ``delay`` seconds before answering (beyond the client's timeout)
    "malformed",  # 200 whose body (or SSE chunk) is not valid JSON
    "invalid_content",  # a well-formed answer whose content is ``content`` verbatim
    "truncated",  # the connection closes in the middle of the answer
    "stall",  # streams half the answer, then goes silent for ``delay`` seconds
    "auth",  # 401
    "forbidden",  # 403
    "balance",  # 402 insufficient balance
    "model_not_found",  # 404 whose body says the model does not exist
    "not_found",  # 404 as for a wrong URL
    "status",  # any ``status`` with ``message`` and extra ``headers`` (503, a 500 naming
    # response_format as llama-cpp-python sends, a 429 with x-ratelimit-reset-*)
    "length",  # half the answer with finish_reason "length" (cut off at max_tokens)
]

Reply = str | Callable[[ChatBody], str]

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


_FAULT_STATUS: dict[str, tuple[int, str]] = {
    "rate_limit": (429, "Rate limit reached, slow down"),
    "server_error": (500, "The server had an error while processing your request"),
    "auth": (401, "Incorrect API key provided"),
    "forbidden": (403, "You are not allowed to use this resource"),
    "balance": (402, "Insufficient Balance"),
    "model_not_found": (404, "The model `{model}` does not exist or you do not have access to it."),
}


@dataclass(frozen=True)
class Fault:
    """One injected failure. Only the options relevant to ``kind`` are used."""

    kind: FaultKind
    retry_after: float | None = 1.0  # rate_limit: Retry-After seconds (None: no header)
    delay: float = 30.0  # slow: seconds before the answer starts
    content: str = ""  # invalid_content: the content returned
    message: str = ""  # status faults: replaces the default error message
    status: int = 500  # status: the HTTP status sent
    headers: tuple[tuple[str, str], ...] = ()  # status: extra response headers


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: Any  # parsed JSON, or the raw text when it is not JSON, or None


@dataclass
class _State:
    replies: deque[str] = field(default_factory=deque)
    faults: deque[Fault] = field(default_factory=deque)
    pinned: dict[str, Fault] = field(default_factory=dict)


class FakeLLMServer:
    """Fake chat-completions endpoint on ``host``; ``base_url`` ends in ``/v1``."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        reply: Reply = "Hello from the fake LLM.",
        chunk_chars: int = 4,
        models: tuple[str, ...] = ("fake-model",),
        stream_usage: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.latency = latency
        self.reply: Reply = reply
        self.chunk_chars = max(1, chunk_chars)
        self.models = models
        # False: streams never carry usage, whatever stream_options asks (llama-cpp-python)
        self.stream_usage = stream_usage
        # GET path -> JSON answered as is (a llama.cpp ``/props`` or ``/slots``)
        self.extra_get: dict[str, JsonValue] = {}
        # response_format types answered with a 500 naming response_format
        self.reject_formats: set[str] = set()
        self.requests: list[RecordedRequest] = []
        self.peak_in_flight = 0
        self.connections_opened = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._state = _State()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._ids = 0

    # -- control from test code (any thread) -------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def root_url(self) -> str:
        """The server without ``/v1`` (a typical wrong base URL)."""
        return f"http://{self.host}:{self.port}"

    @property
    def bodies(self) -> list[Any]:
        """JSON bodies of the chat-completions requests received, in order."""
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def queue_replies(self, *texts: str) -> None:
        """The next requests get these contents, one each, before the reply function."""
        with self._lock:
            self._state.replies.extend(texts)

    def fail_next(self, kind: FaultKind, times: int = 1, **options: Any) -> None:
        """The next ``times`` chat requests fail with ``kind`` (see ``Fault`` for options)."""
        fault = Fault(kind, **options)
        with self._lock:
            self._state.faults.extend([fault] * times)

    def pin(self, model: str, kind: FaultKind, **options: Any) -> None:
        """Every request for ``model`` fails with ``kind`` until ``unpin``."""
        with self._lock:
            self._state.pinned[model] = Fault(kind, **options)

    def unpin(self, model: str) -> None:
        with self._lock:
            self._state.pinned.pop(model, None)

    def reset(self) -> None:
        """Forget queued replies, faults, pins and the request log."""
        with self._lock:
            self._state = _State()
            self.requests.clear()
            self.peak_in_flight = 0

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeLLMServer:
        if self._thread is not None:
            return self
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="fake-llm", daemon=True)
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._open(), loop)
        future.result(timeout=10)
        return self

    def close(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(RuntimeError):
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        if not loop.is_running():
            loop.close()
        self._loop = None
        self._thread = None

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def _open(self) -> None:
        self._server = await asyncio.start_server(
            self._serve_connection, self.host, self.port, backlog=1024
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    # -- HTTP --------------------------------------------------------------------------

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.connections_opened += 1
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                parts = lines[0].split(" ")
                if len(parts) < 2:
                    return
                method, path = parts[0], parts[1].split("?", 1)[0]
                headers: dict[str, str] = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0") or 0)
                raw = await reader.readexactly(length) if length else b""
                keep = await self._handle(method, path, headers, raw, writer)
                if not keep or headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        except asyncio.CancelledError:
            # Only ``close()`` cancels handlers. Ending quietly (not re-raising) keeps
            # asyncio's stream callback from logging the cancellation as an error.
            writer.transport.abort()
            return
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    async def _handle(
        self, method: str, path: str, headers: dict[str, str], raw: bytes, writer: Any
    ) -> bool:
        """Answer one request; return False when the connection must close."""
        body: Any = None
        if raw:
            text = raw.decode("utf-8", errors="replace")
            try:
                body = json.loads(text)
            except ValueError:
                body = text
        self.requests.append(RecordedRequest(method, path, headers, body))
        if path == "/v1/models" and method == "GET":
            data = [{"id": m, "object": "model", "owned_by": "fake"} for m in self.models]
            self._send_json(writer, 200, {"object": "list", "data": data})
            await writer.drain()
            return True
        if method == "GET" and path in self.extra_get:  # e.g. llama.cpp's /props, /slots
            self._send_json(writer, 200, self.extra_get[path])
            await writer.drain()
            return True
        if path != "/v1/chat/completions":
            self._send_json(writer, 404, {"detail": "Not Found"})
            await writer.drain()
            return True
        if method != "POST":
            self._send_json(writer, 405, {"detail": "Method Not Allowed"})
            await writer.drain()
            return True
        if not isinstance(body, dict):
            self._send_error(writer, 400, "request body is not a JSON object", "invalid_request")
            await writer.drain()
            return True
        with self._lock:
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
        try:
            return await self._chat(cast(ChatBody, body), writer)
        finally:
            with self._lock:
                self._in_flight -= 1

    async def _chat(self, body: ChatBody, writer: Any) -> bool:
        model = str(body.get("model", ""))
        with self._lock:
            fault = self._state.pinned.get(model)
            if fault is None and self._state.faults:
                fault = self._state.faults.popleft()
            queued = self._state.replies.popleft() if self._state.replies else None
        if self.latency > 0:
            await asyncio.sleep(self.latency)
        if fault is not None and fault.kind == "slow":
            await asyncio.sleep(fault.delay)
            fault = None
        if fault is not None and self._send_fault(fault, model, writer):
            await writer.drain()
            return True
        fmt = body.get("response_format")
        if isinstance(fmt, dict) and fmt.get("type") in self.reject_formats:
            # as llama-cpp-python answers a json_schema it cannot turn into a grammar
            message = f"Internal error: response_format type {fmt.get('type')} is not supported"
            self._send_error(writer, 500, message, "server_error")
            await writer.drain()
            return True
        if fault is not None and fault.kind == "invalid_content":
            content = fault.content
        elif queued is not None:
            content = queued
        else:
            content = self.reply if isinstance(self.reply, str) else self.reply(body)
        stream = bool(body.get("stream"))
        broken = fault.kind if fault is not None else ""
        if stream:
            stall = fault.delay if fault is not None else 0.0
            return await self._send_stream(writer, body, model, content, broken, stall)
        return await self._send_completion(writer, body, model, content, broken)

    def _send_fault(self, fault: Fault, model: str, writer: Any) -> bool:
        """Write an error answer for status faults; False for faults shaped elsewhere."""
        kind = fault.kind
        if kind == "not_found":
            self._send_json(writer, 404, {"detail": fault.message or "Not Found"})
            return True
        if kind == "status":
            message = fault.message or _REASONS.get(fault.status, "error")
            self._send_error(writer, fault.status, message, "status", dict(fault.headers))
            return True
        if kind not in _FAULT_STATUS:
            return False
        status, default = _FAULT_STATUS[kind]
        message = fault.message or default.replace("{model}", model)
        extra: dict[str, str] = {}
        if kind == "rate_limit" and fault.retry_after is not None:
            extra["Retry-After"] = f"{fault.retry_after:g}"
        self._send_error(writer, status, message, kind, extra)
        return True

    async def _send_completion(
        self, writer: Any, body: ChatBody, model: str, content: str, broken: str
    ) -> bool:
        finish = "length" if broken == "length" else "stop"
        if broken == "length":
            content = content[: len(content) // 2]
        payload: Completion = {
            "id": self._next_id(),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                }
            ],
            "usage": _usage(body, content),
        }
        data = json.dumps(payload, ensure_ascii=False).encode()
        if broken == "malformed":
            data = data[: len(data) // 2]
        if broken == "truncated":
            head = _head(200, "application/json", {"Content-Length": str(len(data))})
            writer.write(head + data[: len(data) // 2])
            await writer.drain()
            writer.transport.abort()
            return False
        writer.write(_head(200, "application/json", {"Content-Length": str(len(data))}) + data)
        await writer.drain()
        return True

    async def _send_stream(
        self,
        writer: Any,
        body: ChatBody,
        model: str,
        content: str,
        broken: str,
        stall: float = 0.0,
    ) -> bool:
        ident, created = self._next_id(), int(time.time())
        finish = "length" if broken == "length" else "stop"
        if broken == "length":
            content = content[: len(content) // 2]

        def chunk(delta: ChunkDelta, finish: str | None = None) -> CompletionChunk:
            choice: ChunkChoice = {"index": 0, "delta": delta, "finish_reason": finish}
            return {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [choice],
            }

        events: list[bytes] = [_sse(chunk({"role": "assistant", "content": ""}))]
        step = self.chunk_chars
        events += [
            _sse(chunk({"content": content[i : i + step]})) for i in range(0, len(content), step)
        ]
        events.append(_sse(chunk({}, finish)))
        options = body.get("stream_options") or {}
        if self.stream_usage and isinstance(options, dict) and options.get("include_usage"):
            final: CompletionChunk = {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [],
                "usage": _usage(body, content),
            }
            events.append(_sse(final))
        events.append(b"data: [DONE]\n\n")
        if broken == "malformed":
            events.insert(1, b'data: {"id": "broken", "choices": [\n\n')
        head = _head(200, "text/event-stream", {"Transfer-Encoding": "chunked"})
        if broken == "stall":
            cut = max(2, len(events) // 2)
            writer.write(head + b"".join(_chunked(e) for e in events[:cut]))
            await writer.drain()
            await asyncio.sleep(stall)
            writer.write(b"".join(_chunked(e) for e in events[cut:]) + b"0\r\n\r\n")
            await writer.drain()
            return True
        if broken == "truncated":
            cut = max(2, len(events) // 2)
            writer.write(head + b"".join(_chunked(e) for e in events[:cut]))
            await writer.drain()
            writer.transport.abort()
            return False
        writer.write(head + b"".join(_chunked(e) for e in events) + b"0\r\n\r\n")
        await writer.drain()
        return True

    def _send_error(
        self,
        writer: Any,
        status: int,
        message: str,
        code: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        error = {"message": message, "type": "invalid_request_error", "code": code}
        self._send_json(writer, status, {"error": error}, extra)

    @staticmethod
    def _send_json(
        writer: Any, status: int, payload: Any, extra: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        headers = {"Content-Length": str(len(data)), **(extra or {})}
        writer.write(_head(status, "application/json", headers) + data)

    def _next_id(self) -> str:
        self._ids += 1
        return f"chatcmpl-fake-{self._ids}"


def _head(status: int, content_type: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", f"Content-Type: {content_type}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _sse(payload: CompletionChunk) -> bytes:
    return b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n"


def _chunked(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _usage(body: ChatBody, content: str) -> Usage:
    messages = body.get("messages") or []
    chars = sum(len(str(m.get("content", ""))) for m in messages if isinstance(m, dict))
    prompt, completion = chars // 4 + 1, len(content) // 4 + 1
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def main(argv: list[str] | None = None) -> None:
    """Run the fake server in its own process (so benchmarks measure client CPU alone).

    Prints the base URL on the first line of stdout, then serves until stdin closes or the
    process is interrupted: ``python -m workbench.testing --latency 0.2``.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--reply", default="Hello from the fake LLM.")
    args = parser.parse_args(argv)
    with FakeLLMServer(
        host=args.host, port=args.port, latency=args.latency, reply=args.reply
    ) as srv:
        print(srv.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            sys.stdin.read()


if __name__ == "__main__":
    main()
