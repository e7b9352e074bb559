"""Running jobs: bounded concurrency, a requests-per-minute cap, one repair round,
failure isolation, and resumable storage.

Each job is rendered and keyed up front; jobs whose key is already ``ok`` in the store are
``cached`` and make no LLM call. A finished job is stored in one short transaction (its
generation, its variants and its status), so a run killed at any moment resumes to the
exact expected count with no duplicates.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from workbench.brief.loader import LoadedBrief
from workbench.errors import LLMError
from workbench.generate.jobs import Job, expand_jobs, job_key
from workbench.generate.ratelimit import RateLimiter
from workbench.generate.repair import repair_messages
from workbench.kinds import get_kind
from workbench.kinds.base import ContentError
from workbench.llm.base import LLMRequest, LLMResponse, Provider
from workbench.llm.jsonparse import extract_json
from workbench.prompting import PromptLibrary, RenderedPrompt
from workbench.store import GenerationRecord, JobRecord, Store, VariantRecord


@dataclass
class RunOptions:
    concurrency: int = 8
    rpm: int = 0
    only: Mapping[str, set[str]] = field(default_factory=dict)
    fresh: bool = False


@dataclass
class PlannedJob:
    job: Job
    key: str
    prompt: RenderedPrompt
    schema: dict[str, Any]
    campaign_id: str
    status: str = "pending"  # pending | cached | ok | failed


@dataclass
class Outcome:
    planned: PlannedJob
    status: str  # ok | failed | cached
    variant_ids: list[int] = field(default_factory=list)
    tokens: int = 0
    latency_ms: float = 0.0
    error: str | None = None
    repaired: bool = False


class RunObserver(Protocol):
    wants_tokens: bool

    def planned(self, jobs: Sequence[PlannedJob]) -> None: ...
    def job_started(self, job: PlannedJob) -> None: ...
    def token(self, job: PlannedJob, text: str) -> None: ...
    def job_finished(self, outcome: Outcome) -> None: ...


class NullObserver:
    wants_tokens = False

    def planned(self, jobs: Sequence[PlannedJob]) -> None:
        return None

    def job_started(self, job: PlannedJob) -> None:
        return None

    def token(self, job: PlannedJob, text: str) -> None:
        return None

    def job_finished(self, outcome: Outcome) -> None:
        return None


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    run_ids: list[int]

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.status == "failed")

    def summary(self) -> list[dict[str, Any]]:
        """One row per campaign × segment × deliverable: ok, failed, cached, variants, tokens."""
        rows: dict[tuple[str, str, int], dict[str, Any]] = {}
        for o in self.outcomes:
            ctx = o.planned.job.ctx
            k = (o.planned.campaign_id, ctx.segment.id, ctx.deliverable_index)
            row = rows.setdefault(
                k,
                {
                    "campaign": k[0],
                    "segment": k[1],
                    "deliverable": k[2],
                    "kind": ctx.deliverable.kind,
                    "channel": o.planned.job.channel,
                    "ok": 0,
                    "failed": 0,
                    "cached": 0,
                    "variants": 0,
                    "tokens": 0,
                },
            )
            row[o.status] += 1
            row["variants"] += (
                o.planned.job.ctx.count if o.status == "cached" else len(o.variant_ids)
            )
            row["tokens"] += o.tokens
        return list(rows.values())


def provider_fingerprint(provider: Provider) -> dict[str, object]:
    """What about the provider decides the answer (never the key)."""
    return {
        "provider": provider.name,
        "model": provider.model,
        "temperature": getattr(provider, "temperature", None),
        "json": getattr(provider, "structured_output", None),
    }


def provider_json_mode(provider: Provider) -> str:
    """How the provider is asked for JSON: json_schema, json_object or none."""
    return str(getattr(provider, "structured_output", None) or "json_schema")


def plan_jobs(
    loaded: LoadedBrief,
    library: PromptLibrary,
    provider: Provider,
    *,
    round: int,
    only: Mapping[str, set[str]] | None = None,
) -> list[PlannedJob]:
    """Render and key every job of a brief (no I/O besides template loading)."""
    json_mode = provider_json_mode(provider)
    fingerprint = provider_fingerprint(provider)
    campaign_id = loaded.brief.campaign.key
    planned = []
    for job in expand_jobs(loaded.brief, round=round, only=only):
        kind = get_kind(job.ctx.deliverable.kind)
        schema = kind.json_schema(job.ctx.deliverable, job.ctx.count)
        prompt = library.render(job.ctx, json_schema=schema, json_mode=json_mode)
        key = job_key(loaded.content_hash, job, prompt.template_hash, fingerprint)
        planned.append(PlannedJob(job, key, prompt, schema, campaign_id))
    return planned


class BatchRunner:
    """Runs planned jobs against one provider and stores what they make."""

    def __init__(
        self,
        store: Store,
        provider: Provider,
        options: RunOptions,
        observer: RunObserver | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
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
            result = await self._run_brief(loaded, library)
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
        planned = plan_jobs(loaded, library, self.provider, round=round_, only=self.options.only)
        states = self.store.job_status([p.key for p in planned])
        for p in planned:
            if states.get(p.key) == "ok":
                p.status = "cached"
        self.observer.planned(planned)
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
        for p in planned:
            if p.status == "cached":
                cached = Outcome(p, "cached")
                outcomes.append(cached)
                self.observer.job_finished(cached)
        pending = [p for p in planned if p.status != "cached"]
        status = "interrupted"
        try:
            outcomes.extend(await self._run_pending(pending, run_id))
            status = "done"
        finally:
            counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("ok", "failed")}
            counts["cached"] = sum(1 for o in outcomes if o.status == "cached")
            if status == "done" and counts["failed"]:
                status = "failed"
            self.store.finish_run(run_id, status, counts)
        return BatchResult(outcomes, [run_id])

    async def _run_pending(self, pending: list[PlannedJob], run_id: int) -> list[Outcome]:
        if not pending:
            return []
        queue: asyncio.Queue[PlannedJob] = asyncio.Queue()
        for p in pending:
            queue.put_nowait(p)
        results: list[Outcome] = []

        async def worker() -> None:
            while True:
                try:
                    p = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                outcome = await self._run_job(p, run_id)
                results.append(outcome)
                self.observer.job_finished(outcome)

        workers = min(self.options.concurrency, len(pending))
        await asyncio.gather(*(worker() for _ in range(workers)))
        return results

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
            variants = [_variant(p, response, slot, content) for slot, content in contents]
            ids = self.store.complete_job(record, gen, variants)
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
    p: PlannedJob, response: LLMResponse, slot: int, content: dict[str, Any]
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
    )
