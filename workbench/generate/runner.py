"""Running jobs: bounded concurrency, a requests-per-minute cap, one repair round,
failure isolation, and resumable storage.

Jobs are rendered and keyed in small chunks while workers already call the model; jobs
whose key is already ``ok`` in the store are ``cached`` and make no LLM call. A finished
job is stored in one short transaction (its generation, its variants and its status), so a
run killed at any moment resumes to the exact expected count with no duplicates.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any, TypedDict, TypeVar

from pydantic import JsonValue

from workbench.brief.loader import LoadedBrief
from workbench.errors import LLMError, WorkbenchError
from workbench.generate.adaptive import AdaptiveLimit, EndpointHealth, is_busy_signal
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
    job_request,
    plan_jobs,
    provider_fingerprint,
    provider_json_mode,
)
from workbench.generate.ratelimit import RateLimiter
from workbench.generate.recovery import (
    FALLBACK,
    length_problem,
    raised_max_tokens,
)
from workbench.generate.repair import repair_messages
from workbench.generate.rounds import at_slot_rounds, next_round
from workbench.kinds import get_kind
from workbench.kinds.base import ContentError
from workbench.lint.repairs import repair_problems
from workbench.llm.base import LLMResponse, Provider
from workbench.llm.jsonparse import extract_json
from workbench.prompting import PromptLibrary
from workbench.store import GenerationRecord, JobRecord, Store, VariantRecord
from workbench.store.findings import Finding
from workbench.store.runs import Slot

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
    "RunAborted",
    "RunObserver",
    "RunOptions",
    "plan_jobs",
    "provider_fingerprint",
    "provider_json_mode",
]

T = TypeVar("T")


class CampaignRow(TypedDict):
    """The campaign as the store keeps it beside each brief (``Store.save_brief``)."""

    id: str
    """The campaign key."""
    name: str
    goal: str
    language: str
    brand: str
    """The brand's name."""


ContentCheck = Callable[[PlannedJob, dict[str, JsonValue]], list[Finding]]
"""Checks one variant's content before it is stored (e.g. compliance lint); returns findings."""
AfterBatch = Callable[[Store, "BatchResult"], None]
"""Runs after a brief's jobs finished (e.g. render the new posters)."""

PLAN_CHUNK = 16  # jobs rendered and looked up per step of the producer
WORKERS_PER_PLACE = 2  # workers per place at the gate: one calls while one stores


class _Place:
    """A worker's place at the concurrency gate, given back once: when its job's answer
    is checked and only the store write is left (so the next job's request goes out
    meanwhile), or when the job ends."""

    def __init__(self, gate: AdaptiveLimit) -> None:
        self.gate = gate
        self.held = True

    async def give_back(self, succeeded: bool) -> None:
        if self.held:
            self.held = False
            await self.gate.release(succeeded)


_PLACE: ContextVar[_Place | None] = ContextVar("workbench_gate_place", default=None)


class RunAborted(WorkbenchError):
    """A worker raised something that is not an LLM failure (a store error, a bug): the run
    ended cleanly (that job recorded failed, the others finished or cancelled)."""

    exit_code = 1


@dataclass
class _RunState:
    """What one brief's pipeline shares between its producer and workers."""

    planner: Planner
    run_id: int
    gate: AdaptiveLimit
    health: EndpointHealth
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None
    since: str | None = None
    fell_back: bool = False
    skipped: int = 0  # jobs ``select`` left out (another batch's): neither run nor pending
    slots: dict[Slot, tuple[int, bool]] = field(default_factory=dict)  # rounds per slot
    new_round: tuple[int, int] | None = None  # (round, jobs) re-run as a new round


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
        wall_clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._writer: ThreadPoolExecutor | None = None
        self.checks = list(checks)
        self.after_batch = list(after_batch)
        self.store = store
        self.provider = provider
        self.options = options
        self.observer: RunObserver = observer or NullObserver()
        self._clock = clock
        self._wall_clock = wall_clock
        self._limiter = RateLimiter(options.rpm)
        # Batch API collection (generate/batchrun.py): a job's first answer may already be
        # here (``prefetched``), and only the batch's jobs run (``select``).
        self.prefetched: Callable[[PlannedJob], LLMResponse | None] | None = None
        self.select: Callable[[PlannedJob], bool] | None = None
        # Batch API collection plans at the round the batch was submitted in (a ``--fresh``
        # batch is a new round that every slot's latest finished round would otherwise hide).
        self.at_round: int | None = None
        # campaign -> (round, jobs): jobs re-run as a new round because their rendered
        # prompt changed (generate/rounds.py); the run summary names them.
        self.new_rounds: dict[str, tuple[int, int]] = {}

    async def run(self, briefs: Sequence[LoadedBrief], library: PromptLibrary) -> BatchResult:
        outcomes: list[Outcome] = []
        run_ids: list[int] = []
        stopped: str | None = None
        since: str | None = None
        not_started = 0
        for loaded in briefs:
            try:
                result = await self._run_brief(loaded, library)
            finally:
                if self._writer is not None:
                    self._writer.shutdown(wait=True)
                    self._writer = None
            outcomes.extend(result.outcomes)
            run_ids.extend(result.run_ids)
            not_started += result.not_started
            if result.stopped:
                stopped, since = result.stopped, result.stopped_since
                break  # the endpoint is gone: the next briefs would fail the same way
        return BatchResult(
            outcomes, run_ids, stopped=stopped, not_started=not_started, stopped_since=since
        )

    async def _run_brief(self, loaded: LoadedBrief, library: PromptLibrary) -> BatchResult:
        brief = loaded.brief
        brief_id = self.store.variants.save_brief(
            campaign=_campaign_row(loaded),
            segments=[s.model_dump(mode="json") for s in brief.resolved_segments()],
            raw=loaded.raw,
            sha256=loaded.content_hash,
            path=str(loaded.path),
        )
        cid = brief.campaign.key
        if self.at_round is not None:
            round_ = self.at_round
        elif self.options.fresh:
            round_ = self.store.runs.new_round(cid)
        else:
            round_ = self.store.runs.current_round(cid)
        jobs = list(expand_jobs(brief, round=round_, only=self.options.only))
        pinned = self.options.fresh or self.at_round is not None
        slots = {} if pinned else self.store.runs.slot_rounds(cid)
        jobs = at_slot_rounds(jobs, slots)  # each slot in its own latest round
        self.observer.planned(cid, len(jobs))
        run_id = self.store.runs.start(
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
        workers = max(1, min(self.options.concurrency, len(jobs)))
        state = _RunState(
            planner=Planner(loaded, library, self.provider),
            run_id=run_id,
            gate=AdaptiveLimit(workers, on_change=self._concurrency_changed),
            health=EndpointHealth(clock=self._wall_clock),
            slots=slots,
        )
        status = "interrupted"
        aborted: RunAborted | None = None
        try:
            await self._pipeline(state, jobs, min(WORKERS_PER_PLACE * workers, len(jobs)) or 1)
            status = "done"
        except* RunAborted as group:
            aborted = _first(group)
            status = "failed"
        finally:
            outcomes = state.outcomes
            counts = {s: sum(1 for o in outcomes if o.status == s) for s in OUTCOMES}
            if status == "done" and (counts["failed"] or state.stopped):
                status = "failed"
            not_started = len(jobs) - len(outcomes) - state.skipped
            counts["not_started"] = not_started
            closing = self._write(self.store.runs.finish, run_id, status, counts)
            if aborted is None:
                await closing
            else:  # the store may be what failed: the one-line error matters more
                await _quietly(closing)
        if aborted is not None:
            raise RunAborted(f"{aborted.message}; {not_started} jobs not started; {_RERUN}")
        result = BatchResult(
            outcomes,
            [run_id],
            stopped=state.stopped,
            not_started=not_started,
            stopped_since=state.since,
        )
        if state.new_round:
            self.new_rounds[cid] = state.new_round
        if state.stopped:
            return result
        for hook in self.after_batch:
            hook(self.store, result)
        return result

    async def _pipeline(self, state: _RunState, jobs: list[Job], workers: int) -> None:
        """Plan jobs in chunks while workers already call the model.

        Rendering every prompt before the first call would idle the endpoint; instead a
        producer renders and keys a chunk, looks its keys up in one query (finished jobs
        become ``cached`` outcomes at once) and queues the rest for the workers.

        Producer and workers run in one task group: anything one of them raises cancels
        the others, so no task is left waiting on the queue (a run never hangs).
        """
        queue: asyncio.Queue[PlannedJob | None] = asyncio.Queue(maxsize=2 * workers)

        def finished(outcome: Outcome) -> None:
            outcome.planned.release()  # stored: keep no rendered prompt (flat memory)
            state.outcomes.append(outcome)
            self.observer.job_finished(outcome)

        async def produce() -> None:
            for start in range(0, len(jobs), PLAN_CHUNK):
                if state.stopped:
                    break
                chunk = []
                for job in jobs[start : start + PLAN_CHUNK]:
                    chunk.append(state.planner.plan(job))
                    await asyncio.sleep(0)  # answers waiting on the loop go first
                states = await self._write(self.store.variants.job_status, [p.key for p in chunk])
                for p in chunk:
                    if self.select is not None and not self.select(p):
                        state.skipped += 1
                    elif states.get(p.key) == "ok":
                        p.status = "cached"
                        finished(Outcome(p, "cached"))
                    elif (todo := await self._this_round(p, state)) is not None:
                        await queue.put(todo)
            for _ in range(workers):
                await queue.put(None)

        async def work() -> None:
            while (p := await queue.get()) is not None:
                if state.stopped:
                    continue  # drain: the endpoint is unreachable, start nothing more
                await state.gate.acquire()
                if state.stopped:  # stopped while this worker waited for a place
                    await state.gate.release()
                    continue
                place = _Place(state.gate)
                _PLACE.set(place)
                succeeded = False
                try:
                    outcome = await self._run_job(p, state)
                    succeeded = outcome.status == "ok"
                except Exception as exc:  # a store error or a bug: end the run, never hang
                    error = _one_line(exc)
                    finished(Outcome(p, "failed", error=error))
                    raise RunAborted(f"generate stopped: {p.job.label}: {error}") from exc
                finally:
                    await place.give_back(succeeded)
                finished(outcome)
                if outcome.status == "failed" and state.health.dead and not state.stopped:
                    since = state.health.since or self._wall_clock()
                    state.since = f"{since:%H:%M}"
                    state.stopped = f"endpoint unreachable since {state.since}"

        async with asyncio.TaskGroup() as group:
            group.create_task(produce())
            for _ in range(workers):
                group.create_task(work())

    def _concurrency_changed(self, old: int, new: int) -> None:
        self.observer.notice("generate.concurrency", {"old": old, "new": new})

    async def _write(self, write: Callable[..., T], *args: Any) -> T:
        """Run one store call on the runner's single writer thread.

        SQLite releases the GIL while it works, so the event loop keeps serving responses
        meanwhile (bench/pipeline.py: wall 1.10-1.14x ideal with writes inline, 1.08-1.09x
        this way). One thread keeps writes in the order jobs finished, as inline writes
        did, so variant ids stay in a stable order. Each write is still one transaction,
        and a database lock held elsewhere blocks that thread, never the loop.
        """
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wb-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, partial(write, *args))

    def _check(self, p: PlannedJob, content: dict[str, JsonValue]) -> list[Finding] | None:
        if not self.checks:
            return None
        return [finding for check in self.checks for finding in check(p, content)]

    def _lint_problems(self, p: PlannedJob, purpose: str, variants: list[VariantRecord]) -> str:
        """The ban and limit findings of a model's first answer, as repair instructions
        ("remove the unsupported claim '3天有效'"); "" for the offline composer or a repair."""
        if purpose != "generate" or self.provider.name == "offline":
            return ""
        findings = [f for v in variants for f in (v.lint or [])]
        return repair_problems(findings, p.job.ctx.brief.campaign.language)

    async def _call(
        self,
        p: PlannedJob,
        messages: list[dict[str, str]],
        state: _RunState,
        max_tokens: int | None = None,
    ) -> LLMResponse:
        if self.prefetched is not None and messages is p.prompt.messages and max_tokens is None:
            ready = self.prefetched(p)  # a Batch API answer (raises the line's error)
            if ready is not None:
                return ready
        await self._limiter.acquire()

        def on_retry(error: LLMError) -> None:
            if is_busy_signal(error):
                state.gate.busy()

        request = job_request(p, messages, max_tokens=max_tokens, on_retry=on_retry)
        on_token = None
        if self.observer.wants_tokens:
            observer = self.observer

            def on_token(text: str) -> None:
                observer.token(p, text)

        return await self.provider.complete(request, on_token)

    async def _fall_back(self, p: PlannedJob, state: _RunState, error: LLMError) -> bool:
        """Switch the run to the next weaker structured-output mode, once; say so, record it."""
        current = provider_json_mode(self.provider)
        weaker = FALLBACK.get(current)
        if state.fell_back or weaker is None or not hasattr(self.provider, "structured_output"):
            return False
        state.fell_back = True
        setattr(self.provider, "structured_output", weaker)  # noqa: B010 (not in Provider)
        state.planner = Planner(state.planner.loaded, state.planner.library, self.provider)
        note = {
            "event": "structured_output_fallback",
            "from": current,
            "to": weaker,
            "job": p.job.label,
            "error": error.message,
        }
        await self._write(self.store.runs.add_note, state.run_id, note)
        self.observer.notice("generate.fallback", {"old": current, "new": weaker})
        return True

    async def _this_round(self, p: PlannedJob, state: _RunState) -> PlannedJob | None:
        """The job to run for ``p``: ``p`` itself, or ``p`` as the next round when its slot
        finished in ``p``'s round under another key (the rendered prompt changed, e.g. a
        promoted winner joined the examples of its kind and channel); the campaign's round
        is raised to that round. None when that next round is already done (cached)."""
        job = next_round(p.job, state.slots)
        if job is None:
            return p
        again = state.planner.plan(job)
        round_, count = state.new_round or (job.ctx.round, 0)
        state.new_round = (max(round_, job.ctx.round), count + 1)
        await self._write(self.store.runs.raise_round, again.campaign_id, job.ctx.round)
        states = await self._write(self.store.variants.job_status, [again.key])
        if states.get(again.key) != "ok":
            return again
        again.status = "cached"
        again.release()
        outcome = Outcome(again, "cached")
        state.outcomes.append(outcome)
        self.observer.job_finished(outcome)
        return None

    async def _replanned(self, p: PlannedJob, state: _RunState) -> PlannedJob | None:
        """``p`` under the run's current structured-output mode; None when that is cached."""
        if p.json_mode == state.planner.json_mode:
            return p
        fresh = state.planner.plan(p.job)
        states = await self._write(self.store.variants.job_status, [fresh.key])
        return None if states.get(fresh.key) == "ok" else fresh

    async def _run_job(self, p: PlannedJob, state: _RunState) -> Outcome:
        planned = await self._replanned(p, state)
        if planned is None:
            p.status = "cached"
            return Outcome(p, "cached")
        p = planned
        run_id = state.run_id
        self.observer.job_started(p)
        record = _job_record(p, run_id)
        messages = p.prompt.messages
        tokens = 0
        latency = 0.0
        max_tokens: int | None = None
        attempt = 0
        purposes = ["generate", "repair"]
        while purposes:
            purpose = purposes.pop(0)
            attempt += 1
            try:
                response = await self._call(p, messages, state, max_tokens)
            except LLMError as exc:
                state.health.failed(exc)
                if is_busy_signal(exc):
                    state.gate.busy()
                if exc.kind == "format_rejected" and (
                    p.json_mode != state.planner.json_mode  # another job fell back already
                    or await self._fall_back(p, state, exc)
                ):
                    return await self._run_job(p, state)  # re-planned for the weaker mode
                gen = replace(
                    _generation(p, run_id, messages, None, attempt, purpose, error=str(exc)),
                    provider=self.provider.name,
                    model=self.provider.model,
                )
                await self._write(self.store.variants.fail_job, record, gen, str(exc))
                return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=str(exc))
            state.health.answered()
            tokens += response.total_tokens
            latency += response.latency_ms
            if response.extra.get("finish_reason") == "length":
                limit = max_tokens or getattr(self.provider, "max_tokens", None)
                problems = length_problem(limit, response.completion_tokens)
                gen = _generation(p, run_id, messages, response, attempt, purpose, problems)
                if purpose == "repair":
                    await self._write(self.store.variants.fail_job, record, gen, problems)
                    return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=problems)
                await self._write(self.store.variants.record_generation, gen)
                max_tokens = raised_max_tokens(limit, response.completion_tokens)
                continue  # the same request again, with room to finish
            try:
                contents = _parse(p, response.text)
            except (ValueError, ContentError) as exc:
                problems = str(exc)
                gen = _generation(p, run_id, messages, response, attempt, purpose, problems)
                if purpose == "repair":
                    await self._write(self.store.variants.fail_job, record, gen, problems)
                    return Outcome(p, "failed", tokens=tokens, latency_ms=latency, error=problems)
                await self._write(self.store.variants.record_generation, gen)
                language = p.job.ctx.brief.campaign.language
                messages = repair_messages(messages, response.text, problems, language)
                continue
            gen = _generation(p, run_id, messages, response, attempt, purpose)
            variants = [
                _variant(p, response, slot, content, self._check(p, content))
                for slot, content in contents
            ]
            problems = self._lint_problems(p, purpose, variants)
            if problems:  # claims, operator labels, limits: the model gets one repair round
                gen = _generation(p, run_id, messages, response, attempt, purpose, problems)
                await self._write(self.store.variants.record_generation, gen)
                language = p.job.ctx.brief.campaign.language
                messages = repair_messages(messages, response.text, problems, language)
                continue
            place = _PLACE.get()
            if place is not None:  # the answer is in: the next job may call while this stores
                await place.give_back(True)
            ids = await self._write(self.store.variants.complete_job, record, gen, variants)
            return Outcome(
                p,
                "ok",
                variant_ids=ids,
                tokens=tokens,
                latency_ms=latency,
                repaired=purpose == "repair",
            )
        raise AssertionError("unreachable: the repair round always returns")


_RERUN = "re-run to continue"


def _first(group: BaseExceptionGroup[RunAborted]) -> RunAborted:
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            return _first(exc)
        return exc
    raise AssertionError("an exception group is never empty")


async def _quietly(closing: Any) -> None:
    """Await a closing store write whose own failure must not hide the run's error."""
    try:
        await closing
    except (WorkbenchError, sqlite3.Error, OSError):
        return


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def _parse(p: PlannedJob, text: str) -> list[tuple[int, dict[str, JsonValue]]]:
    ctx = p.job.ctx
    data = extract_json(text)
    contents = get_kind(ctx.deliverable.kind).parse(data, ctx.deliverable, ctx.brief, ctx.count)
    return [(ctx.variant_index + i, content) for i, content in enumerate(contents)]


def _campaign_row(loaded: LoadedBrief) -> CampaignRow:
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
        finish_reason=response.extra.get("finish_reason") if response else None,
        tokens_estimated=bool(response.extra.get("tokens_estimated")) if response else False,
    )


def _variant(
    p: PlannedJob,
    response: LLMResponse,
    slot: int,
    content: dict[str, JsonValue],
    lint: list[Finding] | None = None,
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
