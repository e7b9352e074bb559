"""``generate --batch --batch-repairs``: the repair round as a second Batch API batch.

Collecting a generate batch, a job whose answer needs its repair round (it did not parse,
broke a ban or a channel limit, or stopped at the token limit) does not call the model
interactively: ``DeferringRunner`` writes the request the interactive round would send (the
same messages, built by the same code) to a repair shard, and the job stays open, waiting in
that batch, so a re-run never sends it again. The repair batch is submitted like the first
(``purpose = repair``), waited for and collected by ``RepairRunner``: its answer is the job's
repair answer (attempt 2, purpose ``repair``), parsed, checked and stored, or the job is
recorded failed with the reason. There is no third round, as interactively.

Both runners are the workbench's own ``BatchRunner`` (same checks, same store, same
after-batch steps): ``like`` makes one of the same configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self, TypeVar

from pydantic import JsonValue

from workbench.errors import LLMError
from workbench.generate.batchfiles import Answers, ShardWriter
from workbench.generate.outcomes import Outcome, PlannedJob
from workbench.generate.recovery import length_problem
from workbench.generate.runner import (
    BatchRunner,
    _generation,
    _job_record,
    _parse,
    _RunState,
    _variant,
)
from workbench.kinds.base import ContentError
from workbench.llm.base import LLMResponse
from workbench.llm.wire import ChatBody

DEFERRED = "deferred"  # an outcome whose repair round went out as a batch line
RequestBody = Callable[[PlannedJob, list[dict[str, str]], int | None], ChatBody]


class _Deferred(Exception):
    """The repair call was written to the repair shard instead of being made."""


R = TypeVar("R", bound=BatchRunner)


def _like(cls: type[R], runner: BatchRunner) -> R:
    """A ``cls`` sharing ``runner``'s configuration (store, provider, checks, observer)."""
    made = object.__new__(cls)
    made.__dict__.update(runner.__dict__)
    return made


class DeferringRunner(BatchRunner):
    """Collects a generate batch; every call after a job's first answer (the repair round,
    or the same request again with room to finish) becomes a line of ``writer``."""

    writer: ShardWriter
    body: RequestBody
    deferred: list[str]

    @classmethod
    def like(cls, runner: BatchRunner, writer: ShardWriter, body: RequestBody) -> Self:
        made = _like(cls, runner)
        made.writer, made.body, made.deferred = writer, body, []
        return made

    async def _call(
        self,
        p: PlannedJob,
        messages: list[dict[str, str]],
        state: _RunState,
        max_tokens: int | None = None,
    ) -> LLMResponse:
        if messages is p.prompt.messages and max_tokens is None:
            return await super()._call(p, messages, state, max_tokens)  # the batch's answer
        self.writer.add(p.key, self.body(p, messages, max_tokens))
        self.deferred.append(p.key)
        raise _Deferred

    async def _run_job(self, p: PlannedJob, state: _RunState) -> Outcome:
        try:
            return await super()._run_job(p, state)
        except _Deferred:  # the first answer is stored as a generation; the job stays open
            return Outcome(p, DEFERRED)


class RepairRunner(BatchRunner):
    """Collects a repair batch: each job's prefetched answer is its repair round's answer
    to the request line in ``requests`` (the messages that went out)."""

    requests: Answers

    @classmethod
    def like(cls, runner: BatchRunner, requests: Answers) -> Self:
        made = _like(cls, runner)
        made.requests = requests
        return made

    async def _run_job(self, p: PlannedJob, state: _RunState) -> Outcome:
        line = self.requests.get(p.key)
        if line is None or self.prefetched is None:  # not one of this batch's repairs
            return await super()._run_job(p, state)
        messages: list[dict[str, str]] = list(line["body"]["messages"])
        record = _job_record(p, state.run_id)
        self.observer.job_started(p)
        try:
            response = self.prefetched(p)
            if response is None:
                raise LLMError("the repair batch has no answer for this job", kind="batch")
        except LLMError as exc:
            gen = _generation(p, state.run_id, messages, None, 2, "repair", error=str(exc))
            await self._write(self.store.variants.fail_job, record, gen, str(exc))
            return Outcome(p, "failed", error=str(exc))
        problems = ""
        contents: list[tuple[int, dict[str, JsonValue]]] = []
        if response.extra.get("finish_reason") == "length":
            limit = line["body"].get("max_tokens") or getattr(self.provider, "max_tokens", None)
            problems = length_problem(limit, response.completion_tokens)
        else:
            try:
                contents = _parse(p, response.text)
            except (ValueError, ContentError) as exc:
                problems = str(exc)
        tokens, latency = response.total_tokens, response.latency_ms
        if problems:
            gen = _generation(p, state.run_id, messages, response, 2, "repair", problems)
            await self._write(self.store.variants.fail_job, record, gen, problems)
            return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=problems)
        gen = _generation(p, state.run_id, messages, response, 2, "repair")
        variants = [
            _variant(p, response, slot, content, self._check(p, content))
            for slot, content in contents
        ]
        ids = await self._write(self.store.variants.complete_job, record, gen, variants)
        return Outcome(p, "ok", variant_ids=ids, tokens=tokens, latency_ms=latency, repaired=True)
