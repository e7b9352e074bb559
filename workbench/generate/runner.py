"""Running jobs: bounded concurrency, a requests-per-minute cap, one repair round,
failure isolation, and resumable storage.

Jobs are rendered and keyed in small chunks while workers already call the model; jobs
whose key is already ``ok`` in the store are ``cached`` and make no LLM call. A finished
job is stored in one short transaction (its generation, its variants and its status), so a
run killed at any moment resumes to the exact expected count with no duplicates.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from typing import Any, TypeVar

from workbench.brief.loader import LoadedBrief
from workbench.errors import LLMError
from workbench.generate.jobs import Job, expand_jobs
from workbench.generate.outcomes import (
    OUTCOMES,
    BatchResult,
    NullObserver,
    Outcome,
    PlannedJob,
    RunObserver,
    RunOptions,
)
from workbench.generate.planning import (
    Planner,
    plan_jobs,
    provider_fingerprint,
    provider_json_mode,
)
from workbench.generate.ratelimit import RateLimiter
from workbench.generate.repair import repair_messages
from workbench.kinds import get_kind
from workbench.kinds.base import ContentError
from workbench.llm.base import LLMRequest, LLMResponse, Provider
from workbench.llm.jsonparse import extract_json
from workbench.prompting import PromptLibrary
from workbench.store import GenerationRecord, JobRecord, Store, VariantRecord

__all__ = [
    "OUTCOMES",
    "AfterBatch",
    "BatchResult",
    "BatchRunner",
    "ContentCheck",
    "NullObserver",
    "Outcome",
    "PlannedJob",
    "Planner",
    "RunObserver",
    "RunOptions",
    "plan_jobs",
    "provider_fingerprint",
    "provider_json_mode",
]

T = TypeVar("T")


ContentCheck = Callable[[PlannedJob, dict[str, Any]], list[dict[str, Any]]]
"""Checks one variant's content before it is stored (e.g. compliance lint); returns findings."""
AfterBatch = Callable[[Store, "BatchResult"], None]
"""Runs after a brief's jobs finished (e.g. render the new posters)."""

PLAN_CHUNK = 16  # jobs rendered and looked up per step of the producer


class BatchRunner:
    """Runs planned jobs against one provider and stores what they make."""

    def __init__(
        self,
        store: Store,
        provider: Provider,
        options: RunOptions,
        observer: RunObserver | None = None,
        clock: Callable[[], float] = time.perf_counter,
        checks: Sequence[ContentCheck] = (),
        after_batch: Sequence[AfterBatch] = (),
    ) -> None:
        self._writer: ThreadPoolExecutor | None = None
        self.checks = list(checks)
        self.after_batch = list(after_batch)
        self.store = store
        self.provider = provider
        self.options = options
        self.observer: RunObserver = observer or NullObserver()
        self._clock = clock
        self._limiter = RateLimiter(options.rpm)

    async def run(self, briefs: Sequence[LoadedBrief], library: PromptLibrary) -> BatchResult:
        outcomes: list[Outcome] = []
        run_ids: list[int] = []
        for loaded in briefs:
            try:
                result = await self._run_brief(loaded, library)
            finally:
                if self._writer is not None:
                    self._writer.shutdown(wait=True)
                    self._writer = None
            outcomes.extend(result.outcomes)
            run_ids.extend(result.run_ids)
        return BatchResult(outcomes, run_ids)

    async def _run_brief(self, loaded: LoadedBrief, library: PromptLibrary) -> BatchResult:
        brief = loaded.brief
        brief_id = self.store.save_brief(
            campaign=_campaign_row(loaded),
            segments=[s.model_dump(mode="json") for s in brief.resolved_segments()],
            raw=loaded.raw,
            sha256=loaded.content_hash,
            path=str(loaded.path),
        )
        cid = brief.campaign.key
        round_ = self.store.new_round(cid) if self.options.fresh else self.store.current_round(cid)
        jobs = list(expand_jobs(brief, round=round_, only=self.options.only))
        self.observer.planned(cid, len(jobs))
        run_id = self.store.start_run(
            cid,
            brief_id,
            self.provider.name,
            self.provider.model,
            {
                "concurrency": self.options.concurrency,
                "rpm": self.options.rpm,
                "only": {k: sorted(v) for k, v in self.options.only.items()},
                "fresh": self.options.fresh,
                "round": round_,
                **provider_fingerprint(self.provider),
            },
        )
        outcomes: list[Outcome] = []
        status = "interrupted"
        try:
            await self._pipeline(Planner(loaded, library, self.provider), jobs, run_id, outcomes)
            status = "done"
        finally:
            counts = {s: sum(1 for o in outcomes if o.status == s) for s in OUTCOMES}
            if status == "done" and counts["failed"]:
                status = "failed"
            self.store.finish_run(run_id, status, counts)
        result = BatchResult(outcomes, [run_id])
        for hook in self.after_batch:
            hook(self.store, result)
        return result

    async def _pipeline(
        self, planner: Planner, jobs: list[Job], run_id: int, outcomes: list[Outcome]
    ) -> None:
        """Plan jobs in chunks while workers already call the model.

        Rendering every prompt before the first call would idle the endpoint; instead a
        producer renders and keys a chunk, looks its keys up in one query (finished jobs
        become ``cached`` outcomes at once) and queues the rest for the workers.
        """
        workers = max(1, min(self.options.concurrency, len(jobs)))
        queue: asyncio.Queue[PlannedJob | None] = asyncio.Queue(maxsize=2 * workers)

        def finished(outcome: Outcome) -> None:
            outcomes.append(outcome)
            self.observer.job_finished(outcome)

        async def produce() -> None:
            try:
                for start in range(0, len(jobs), PLAN_CHUNK):
                    chunk = [planner.plan(job) for job in jobs[start : start + PLAN_CHUNK]]
                    states = self.store.job_status([p.key for p in chunk])
                    for p in chunk:
                        if states.get(p.key) == "ok":
                            p.status = "cached"
                            finished(Outcome(p, "cached"))
                        else:
                            await queue.put(p)
            finally:
                for _ in range(workers):
                    await queue.put(None)

        async def work() -> None:
            while (p := await queue.get()) is not None:
                finished(await self._run_job(p, run_id))

        await asyncio.gather(produce(), *(work() for _ in range(workers)))

    async def _write(self, write: Callable[..., T], *args: Any) -> T:
        """Run one store write on the runner's single writer thread.

        SQLite releases the GIL while it works, so the event loop keeps serving responses
        meanwhile (bench/pipeline.py: wall 1.10-1.14x ideal with writes inline, 1.08-1.09x
        this way). One thread keeps writes in the order jobs finished, as inline writes
        did, so variant ids stay in a stable order. Each write is still one transaction.
        """
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wb-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, partial(write, *args))

    def _check(self, p: PlannedJob, content: dict[str, Any]) -> list[dict[str, Any]] | None:
        if not self.checks:
            return None
        return [finding for check in self.checks for finding in check(p, content)]

    async def _call(self, p: PlannedJob, messages: list[dict[str, str]]) -> LLMResponse:
        await self._limiter.acquire()
        request = LLMRequest(
            messages=messages,
            job=p.job.ctx,
            json_schema=p.schema,
            schema_name=f"{p.job.ctx.deliverable.kind}_answer",
        )
        on_token = None
        if self.observer.wants_tokens:
            observer = self.observer

            def on_token(text: str) -> None:
                observer.token(p, text)

        return await self.provider.complete(request, on_token)

    async def _run_job(self, p: PlannedJob, run_id: int) -> Outcome:
        self.observer.job_started(p)
        record = _job_record(p, run_id)
        messages = p.prompt.messages
        tokens = 0
        latency = 0.0
        for attempt, purpose in enumerate(("generate", "repair"), start=1):
            try:
                response = await self._call(p, messages)
            except LLMError as exc:
                gen = replace(
                    _generation(p, run_id, messages, None, attempt, purpose, error=str(exc)),
                    provider=self.provider.name,
                    model=self.provider.model,
                )
                self.store.fail_job(record, gen, str(exc))
                return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=str(exc))
            tokens += response.total_tokens
            latency += response.latency_ms
            try:
                contents = _parse(p, response.text)
            except (ValueError, ContentError) as exc:
                problems = str(exc)
                gen = _generation(p, run_id, messages, response, attempt, purpose, problems)
                if purpose == "repair":
                    self.store.fail_job(record, gen, problems)
                    return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=problems)
                self.store.record_generation(gen)
                language = p.job.ctx.brief.campaign.language
                messages = repair_messages(messages, response.text, problems, language)
                continue
            gen = _generation(p, run_id, messages, response, attempt, purpose)
            variants = [
                _variant(p, response, slot, content, self._check(p, content))
                for slot, content in contents
            ]
            ids = await self._write(self.store.complete_job, record, gen, variants)
            return Outcome(
                p,
                "ok",
                variant_ids=ids,
                tokens=tokens,
                latency_ms=latency,
                repaired=purpose == "repair",
            )
        raise AssertionError("unreachable: the repair round always returns")


def _parse(p: PlannedJob, text: str) -> list[tuple[int, dict[str, Any]]]:
    ctx = p.job.ctx
    data = extract_json(text)
    contents = get_kind(ctx.deliverable.kind).parse(data, ctx.deliverable, ctx.brief, ctx.count)
    return [(ctx.variant_index + i, content) for i, content in enumerate(contents)]


def _campaign_row(loaded: LoadedBrief) -> dict[str, Any]:
    c = loaded.brief.campaign
    return {
        "id": c.key,
        "name": c.name,
        "goal": c.goal,
        "language": c.language,
        "brand": c.brand.name,
    }


def _job_record(p: PlannedJob, run_id: int) -> JobRecord:
    ctx = p.job.ctx
    return JobRecord(
        key=p.key,
        campaign_id=p.campaign_id,
        run_id=run_id,
        segment_id=ctx.segment.id,
        deliverable_index=ctx.deliverable_index,
        kind=ctx.deliverable.kind,
        channel=p.job.channel,
        style=ctx.style,
        framework=ctx.deliverable.framework,
        variant_index=ctx.variant_index,
        count=ctx.count,
        round=ctx.round,
    )


def _generation(
    p: PlannedJob,
    run_id: int,
    messages: list[dict[str, str]],
    response: LLMResponse | None,
    attempt: int,
    purpose: str,
    error: str | None = None,
) -> GenerationRecord:
    return GenerationRecord(
        job_key=p.key,
        run_id=run_id,
        campaign_id=p.campaign_id,
        provider=response.provider if response else "",
        model=response.model if response else "",
        template=p.prompt.template,
        template_hash=p.prompt.template_hash,
        variables=p.prompt.variables,
        messages=messages,
        response_text=response.text if response else None,
        prompt_tokens=response.prompt_tokens if response else None,
        completion_tokens=response.completion_tokens if response else None,
        latency_ms=response.latency_ms if response else None,
        error=error,
        attempt=attempt,
        purpose=purpose,
    )


def _variant(
    p: PlannedJob,
    response: LLMResponse,
    slot: int,
    content: dict[str, Any],
    lint: list[dict[str, Any]] | None = None,
) -> VariantRecord:
    ctx = p.job.ctx
    return VariantRecord(
        slot=slot,
        content=content,
        kind=ctx.deliverable.kind,
        channel=p.job.channel,
        segment_id=ctx.segment.id,
        deliverable_index=ctx.deliverable_index,
        style=ctx.style,
        framework=ctx.deliverable.framework,
        provider=response.provider,
        model=response.model,
        round=ctx.round,
        lint=lint,
    )
