"""The OpenAI-compatible Batch API: upload a JSONL file, create a batch, poll, download.

OpenAI, Qwen/DashScope, Zhipu and Moonshot speak the same four calls: ``POST /v1/files``
(``purpose=batch``), ``POST /v1/batches`` (``completion_window: 24h``), ``GET
/v1/batches/{id}`` and ``GET /v1/files/{id}/content``. Files are streamed from and to disk,
never held in memory whole. Every failure is a one-line ``LLMError`` (the same mapping as the
interactive adapter).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import openai

from workbench.errors import LLMError
from workbench.fsio import atomic_output
from workbench.llm.openai_compat import map_error
from workbench.llm.presets import EndpointConfig

ENDPOINT: Literal["/v1/chat/completions"] = "/v1/chat/completions"
WINDOW: Literal["24h"] = "24h"
TAG = "workbench_batch"
"""Metadata key naming the local batch row, so a batch created by a killed process is found."""


@dataclass(frozen=True)
class BatchState:
    """What the provider says about one batch."""

    batch_id: str
    status: str
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[str] = field(default_factory=list)
    metadata: Mapping[str, str] = field(default_factory=dict)


def _state(batch: Any) -> BatchState:
    counts = getattr(batch, "request_counts", None)
    errors: list[str] = []
    found = getattr(batch, "errors", None)
    for item in getattr(found, "data", None) or []:
        where = f" (line {item.line})" if getattr(item, "line", None) else ""
        errors.append(f"{item.code or 'error'}: {item.message or ''}{where}".strip())
    return BatchState(
        batch_id=batch.id,
        status=batch.status,
        total=getattr(counts, "total", 0) or 0,
        completed=getattr(counts, "completed", 0) or 0,
        failed=getattr(counts, "failed", 0) or 0,
        output_file_id=batch.output_file_id,
        error_file_id=batch.error_file_id,
        errors=errors,
        metadata=dict(batch.metadata or {}),
    )


class BatchAPI:
    """Batch API calls against one endpoint (synchronous: a handful of calls per batch)."""

    def __init__(self, config: EndpointConfig, timeout: float = 120.0) -> None:
        self.config = config
        self._timeout = timeout
        key = config.api_key.get_secret_value() if config.api_key else "EMPTY"
        self._secret = key
        self._client = openai.OpenAI(
            base_url=config.base_url, api_key=key, timeout=timeout, max_retries=2
        )

    def _fail(self, exc: Exception) -> LLMError:
        return map_error(
            exc,
            base_url=self.config.base_url,
            model=self.config.model,
            timeout=self._timeout,
            secret=self._secret,
        )

    def upload(self, path: Path) -> str:
        """Upload one JSONL file for a batch; returns the provider's file id."""
        try:
            with path.open("rb") as handle:
                created = self._client.files.create(file=(path.name, handle), purpose="batch")
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None
        return str(created.id)

    def create(self, input_file_id: str, metadata: Mapping[str, str]) -> BatchState:
        try:
            batch = self._client.batches.create(
                input_file_id=input_file_id,
                endpoint=ENDPOINT,
                completion_window=WINDOW,
                metadata=dict(metadata),
            )
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None
        return _state(batch)

    def retrieve(self, batch_id: str) -> BatchState:
        try:
            return _state(self._client.batches.retrieve(batch_id))
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None

    def cancel(self, batch_id: str) -> BatchState:
        try:
            return _state(self._client.batches.cancel(batch_id))
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None

    def find(self, tag: str) -> BatchState | None:
        """The batch whose metadata carries ``TAG = tag`` (newest first), or None."""
        try:
            for batch in self._client.batches.list(limit=100):
                if (batch.metadata or {}).get(TAG) == tag:
                    return _state(batch)
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None
        return None

    def download(self, file_id: str, target: Path) -> Path:
        """Stream one result file to ``target`` (written atomically)."""
        try:
            with (
                self._client.files.with_streaming_response.content(file_id) as response,
                atomic_output(target, "wb") as out,
            ):
                for chunk in response.iter_bytes(1 << 16):
                    out.write(chunk)
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None
        return target
