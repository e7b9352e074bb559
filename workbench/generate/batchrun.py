"""``generate --batch``: the provider's Batch API as the distributed engine.

1. Plan the jobs as the interactive runner does (same ``Planner``, same keys); jobs already
   ``ok`` or waiting in an open batch are left out, the rest are written as JSONL request
   lines (bodies built by the provider's own payload code) into shards on disk.
2. Per shard: record the row and its job keys, upload the file, create the batch, record
   the provider's ids: every step is stored before the next one, so a killed process is
   resumed (a shard without a batch id is first looked for on the provider by its tag).
3. Wait (poll with progress) until the provider is done with every open batch of the brief.
4. Collect: download the output and error files, then run the interactive ``BatchRunner``
   over exactly that batch's jobs with the answers prefetched: parse, lint, repair round
   (interactive), store: the one path every variant takes. Expired and failed lines are
   recorded failed with the provider's error. With ``--batch-repairs`` the repair round goes
   out as a second batch instead (``generate/batchrepairs.py``), collected the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypedDict

from workbench.brief.loader import LoadedBrief
from workbench.errors import ConfigError, LLMError, WorkbenchError
from workbench.generate.batchfiles import ShardWriter, answer, index_answers
from workbench.generate.batchrepairs import DEFERRED, DeferringRunner, RepairRunner
from workbench.generate.jobs import expand_jobs
from workbench.generate.outcomes import BatchResult, PlannedJob, RunOptions
from workbench.generate.planning import Planner, job_request
from workbench.generate.runner import _campaign_row
from workbench.llm.base import LLMRequest, LLMResponse, Provider
from workbench.llm.wire import ChatBody
from workbench.prompting import PromptLibrary
from workbench.settings import BatchSettings
from workbench.store import Store
from workbench.store.llmbatches import DONE_STATUSES, OPEN_STATUSES

if TYPE_CHECKING:  # the Batch API client imports openai: loaded only when a batch runs
    from workbench.llm.batchapi import BatchAPI, BatchState

PLAN_CHUNK = 500  # jobs planned and looked up per store query


class BodyProvider(Provider, Protocol):
    """A provider that can say what its interactive call would send (OpenAI-compatible)."""

    def request_body(self, request: LLMRequest) -> ChatBody: ...


class BatchPlan(TypedDict, total=False):
    """What a stored batch row's ``plan`` keeps for its collection (a JSON column)."""

    brief_path: str | None
    """The brief the jobs were planned from."""
    round: int | None
    """The generation round the jobs belong to."""
    repairs: Literal["batch"]
    """``batch``: collection sends the repair round as a batch of its own."""
    of: int
    """A repair batch: the local id of the batch whose repair round it is."""
    file: str
    """The shard's request file (a repair batch reads its requests back from it)."""
    tag_key: str
    """The shard's first job key: its tag on the provider, to find it after a kill."""


class BatchObserver(Protocol):
    def submitted(self, row: dict[str, Any]) -> None: ...
    def polled(self, states: Sequence[BatchState]) -> None: ...
    def collecting(self, row: dict[str, Any]) -> None: ...


class NullBatchObserver:
    def submitted(self, row: dict[str, Any]) -> None:
        return None

    def polled(self, states: Sequence[BatchState]) -> None:
        return None

    def collecting(self, row: dict[str, Any]) -> None:
        return None


RunnerFactory = Callable[[], Any]
"""Builds a fresh ``BatchRunner`` (with the workbench's checks and after-batch steps)."""


@dataclass
class BatchReport:
    """What one ``generate --batch`` did."""

    submitted: list[int] = field(default_factory=list)  # local ids of batches created now
    open: list[int] = field(default_factory=list)  # still running at the end (--no-wait)
    collected: list[int] = field(default_factory=list)
    planned: int = 0
    cached: int = 0  # jobs already ok
    waiting: int = 0  # jobs already in an open batch (not submitted again)
    results: list[BatchResult] = field(default_factory=list)
    repairs: list[int] = field(default_factory=list)  # repair batches submitted (--batch-repairs)

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.results)


def shard_tag(local_id: int, first_key: str) -> str:
    """The metadata value that finds a batch again: local row id and its first job key."""
    return f"{local_id}:{first_key[:16]}"


class BatchGenerator:
    """Submits, waits for and collects Batch API runs for briefs."""

    def __init__(
        self,
        store: Store,
        provider: BodyProvider,
        api: BatchAPI,
        settings: BatchSettings,
        make_runner: RunnerFactory,
        folder: Path,
        observer: BatchObserver | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.provider = provider
        self.api = api
        self.settings = settings
        self.make_runner = make_runner
        self.folder = folder
        self.observer: BatchObserver = observer or NullBatchObserver()
        self._sleep = sleep
        self.repair_batches: list[int] = []  # --batch-repairs: submitted while collecting

    # -- the whole flow ----------------------------------------------------------------

    def run(
        self,
        briefs: Sequence[LoadedBrief],
        library: PromptLibrary,
        options: RunOptions,
        *,
        wait: bool = True,
        poll_interval: float | None = None,
        batch_repairs: bool = False,
    ) -> BatchReport:
        report = BatchReport()
        for loaded in briefs:
            cid = loaded.brief.campaign.key
            brief_id = self.store.variants.save_brief(
                campaign=_campaign_row(loaded),
                segments=[s.model_dump(mode="json") for s in loaded.brief.resolved_segments()],
                raw=loaded.raw,
                sha256=loaded.content_hash,
                path=str(loaded.path),
            )
            self.reconcile(cid)
            self.submit(loaded, brief_id, library, options, report, batch_repairs=batch_repairs)
            if not wait:
                for row in self.store.llm_batches.rows(cid, uncollected=True):
                    if row["status"] in DONE_STATUSES:
                        report.results.append(self.collect(row, library, loaded))
                        report.collected.append(row["id"])
                still = self.store.llm_batches.rows(cid, uncollected=True)  # repair batches too
                report.open.extend(r["id"] for r in still if r["status"] in OPEN_STATUSES)
                continue
            # a collected batch may submit its repair round as another batch: wait for that
            while open_rows := self.store.llm_batches.rows(cid, uncollected=True):
                self.wait([r["id"] for r in open_rows], poll_interval)
                for row in self.store.llm_batches.rows(cid, uncollected=True):
                    report.results.append(self.collect(row, library, loaded))
                    report.collected.append(row["id"])
        report.repairs = list(self.repair_batches)
        return report

    # -- submit ------------------------------------------------------------------------

    def plan(
        self, loaded: LoadedBrief, library: PromptLibrary, round_: int, options: RunOptions
    ) -> Iterator[tuple[PlannedJob, str]]:
        """Every planned job with its state: ``ok``, ``waiting`` (open batch) or ``new``."""
        planner = Planner(loaded, library, self.provider)
        chunk: list[PlannedJob] = []
        for job in expand_jobs(loaded.brief, round=round_, only=options.only):
            chunk.append(planner.plan(job))
            if len(chunk) >= PLAN_CHUNK:
                yield from self._states(chunk)
                chunk = []
        if chunk:
            yield from self._states(chunk)

    def _states(self, chunk: list[PlannedJob]) -> Iterator[tuple[PlannedJob, str]]:
        keys = [p.key for p in chunk]
        done = self.store.variants.job_status(keys)
        waiting = self.store.llm_batches.open_keys(keys)
        for p in chunk:
            if done.get(p.key) == "ok":
                yield p, "ok"
            elif p.key in waiting:
                yield p, "waiting"
            else:
                yield p, "new"

    def submit(
        self,
        loaded: LoadedBrief,
        brief_id: int,
        library: PromptLibrary,
        options: RunOptions,
        report: BatchReport,
        *,
        batch_repairs: bool = False,
    ) -> None:
        cid = loaded.brief.campaign.key
        runs = self.store.runs
        round_ = runs.new_round(cid) if options.fresh else runs.current_round(cid)
        folder = self.folder / cid / f"round-{round_}-{int(time.time() * 1000)}"
        writer = ShardWriter(folder, self.settings.max_requests, self.settings.max_bytes)
        for p, state in self.plan(loaded, library, round_, options):
            report.planned += 1
            if state == "ok":
                report.cached += 1
            elif state == "waiting":
                report.waiting += 1
            else:
                writer.add(p.key, self.provider.request_body(job_request(p)))
        plan: BatchPlan = {"brief_path": str(loaded.path), "round": round_}
        if batch_repairs:
            plan["repairs"] = "batch"  # collection sends the repair round as a batch
        report.submitted.extend(self._submit_shards(writer, cid, brief_id, plan, "generate"))

    def _submit_shards(
        self,
        writer: ShardWriter,
        cid: str,
        brief_id: int | None,
        plan: BatchPlan,
        purpose: str,
    ) -> list[int]:
        """Record, upload and create each shard of ``writer``; the local ids."""
        submitted: list[int] = []
        for shard in writer.close():
            local = self.store.llm_batches.add(
                campaign_id=cid,
                brief_id=brief_id,
                run_id=None,
                shard=shard.index,
                base_url=self.api.config.base_url,
                model=self.provider.model,
                plan={**plan, "file": str(shard.path), "tag_key": shard.keys[0]},
                job_keys=shard.keys,
                purpose=purpose,
            )
            file_id = self.api.upload(shard.path)
            self.store.llm_batches.update(local, input_file_id=file_id)
            from workbench.llm.batchapi import TAG

            created = self.api.create(
                file_id, {TAG: shard_tag(local, shard.keys[0]), "campaign": cid[:200]}
            )
            self.store.llm_batches.update(local, batch_id=created.batch_id, status=created.status)
            submitted.append(local)
            self.observer.submitted(self.store.llm_batches.get(local))
        return submitted

    def reconcile(self, campaign_id: str | None = None) -> None:
        """Rows a killed process left ``submitting``: adopt the provider's batch when it
        exists (found by tag), else close the row so its jobs are submitted again."""
        for row in self.store.llm_batches.rows(campaign_id, uncollected=True):
            if row["status"] != "submitting" or row["batch_id"]:
                continue
            found = None
            if row["input_file_id"]:
                found = self.api.find(shard_tag(row["id"], (row["plan"] or {}).get("tag_key", "")))
            if found is not None:
                self.store.llm_batches.update(
                    row["id"], batch_id=found.batch_id, status=found.status
                )
                continue
            self.store.llm_batches.update(
                row["id"],
                status="cancelled",
                error="never created: the process stopped before the provider accepted it",
            )
            self.store.llm_batches.mark_collected(row["id"])

    # -- wait --------------------------------------------------------------------------

    def refresh(self, local_id: int) -> BatchState | None:
        """Ask the provider about one batch and store what it says."""
        row = self.store.llm_batches.get(local_id)
        if not row["batch_id"]:
            return None
        state = self.api.retrieve(row["batch_id"])
        self.store.llm_batches.update(
            local_id,
            status=state.status,
            completed=state.completed,
            failed=state.failed,
            output_file_id=state.output_file_id,
            error_file_id=state.error_file_id,
            error="; ".join(state.errors)[:1000] or None,
        )
        return state

    def wait(self, local_ids: Sequence[int], poll_interval: float | None = None) -> None:
        interval = poll_interval or self.settings.poll_interval
        pending = list(local_ids)
        while pending:
            states = [s for s in (self.refresh(i) for i in pending) if s is not None]
            self.observer.polled(states)
            batches = self.store.llm_batches
            pending = [i for i in pending if batches.get(i)["status"] in OPEN_STATUSES]
            if pending:
                self._sleep(interval)

    # -- collect -----------------------------------------------------------------------

    def collect_stored(
        self,
        ident: int | str,
        library: PromptLibrary,
        load: Callable[[str, str], LoadedBrief],
        *,
        wait: bool = False,
        poll_interval: float | None = None,
        results: Sequence[Path] = (),
    ) -> BatchResult:
        """``workbench batch collect``: one batch, its brief read back from the store.

        ``results`` (``--from FILE``): the answers are read from these OpenAI batch output
        files (e.g. what ``vllm run-batch`` or a Ray Data job wrote for the batch's request
        file) instead of the provider's Files API; the provider is not asked."""
        row = self.store.llm_batches.get(ident)
        if row["collected_at"]:
            raise WorkbenchError(f"batch {row['id']} is collected already ({row['collected_at']})")
        if row["brief_id"] is None:
            raise WorkbenchError(f"batch {row['id']} has no stored brief to collect into")
        if results:
            index_answers(list(results))  # every line readable before anything is stored
            if row["status"] not in DONE_STATUSES:
                self.store.llm_batches.update(row["id"], status="completed")
        else:
            self.reconcile(row["campaign_id"])
            if wait:
                self.wait([row["id"]], poll_interval)
            else:
                self.refresh(row["id"])
        row = self.store.llm_batches.get(row["id"])
        raw, path = self.store.llm_batches.brief(row["brief_id"])
        return self.collect(row, library, load(raw, path), results=results)

    def cancel(self, ident: int | str) -> dict[str, Any]:
        """Ask the provider to cancel one open batch; returns its stored row."""
        row = self.store.llm_batches.get(ident)
        if row["status"] not in OPEN_STATUSES or not row["batch_id"]:
            raise WorkbenchError(f"batch {row['id']} is {row['status']}: nothing to cancel")
        state = self.api.cancel(row["batch_id"])
        self.store.llm_batches.update(row["id"], status=state.status)
        return self.store.llm_batches.get(row["id"])

    def collect(
        self,
        row: dict[str, Any],
        library: PromptLibrary,
        loaded: LoadedBrief,
        results: Sequence[Path] = (),
    ) -> BatchResult:
        """Store every answer of one finished batch through the interactive runner (the
        answers downloaded from the provider, or read from ``results``)."""
        if row["status"] not in DONE_STATUSES:
            raise WorkbenchError(f"batch {row['id']} is {row['status']}: not finished yet")
        self.observer.collecting(row)
        folder = self.folder / "results"
        files = list(results) or [
            self.api.download(file_id, folder / f"batch-{row['id']}-{what}.jsonl")
            for what, file_id in (
                ("output", row["output_file_id"]),
                ("errors", row["error_file_id"]),
            )
            if file_id
        ]
        answers = index_answers(files)
        keys = set(self.store.llm_batches.job_keys(row["id"]))
        missing = row["error"] or f"the batch ended {row['status']} without an answer for this job"
        plan: BatchPlan = row["plan"] or BatchPlan()

        def prefetched(p: PlannedJob) -> LLMResponse | None:
            line = answers.get(p.key)
            if line is None:
                raise LLMError(f"batch {row['batch_id']}: {missing}", kind="batch")
            return answer(line, self.provider.name, self.provider.model, p.prompt.messages)

        runner = self.make_runner()
        repairs: ShardWriter | None = None
        if row["purpose"] == "repair":  # the answers are repair rounds of these requests
            runner = RepairRunner.like(runner, index_answers([Path(plan["file"])]))
        elif plan.get("repairs") == "batch":
            # a job that waits in another open batch (this batch's repair round, submitted
            # before a kill) is left to that batch: its repair is never sent twice
            elsewhere = self.store.llm_batches.open_keys(keys)
            keys = {k for k in keys if elsewhere.get(k, row["id"]) == row["id"]}
            repairs = ShardWriter(
                Path(plan["file"]).parent / f"repairs-{row['id']}",
                self.settings.max_requests,
                self.settings.max_bytes,
            )
            runner = DeferringRunner.like(runner, repairs, self._repair_body)
        runner.prefetched = prefetched
        runner.select = lambda p: p.key in keys
        submitted_round = plan.get("round")
        runner.at_round = int(submitted_round) if submitted_round is not None else None
        result: BatchResult = asyncio.run(runner.run([loaded], library))
        if repairs is not None:
            repair_plan = BatchPlan(brief_path=plan.get("brief_path"), round=submitted_round)
            self.repair_batches += self._submit_shards(
                repairs,
                row["campaign_id"],
                row["brief_id"],
                {**repair_plan, "of": row["id"]},
                "repair",
            )
            result.outcomes = [o for o in result.outcomes if o.status != DEFERRED]
        self.store.llm_batches.mark_collected(row["id"])
        return result

    def _repair_body(
        self, p: PlannedJob, messages: list[dict[str, str]], max_tokens: int | None
    ) -> ChatBody:
        """The request the interactive repair round would send, as a batch line's body."""
        return self.provider.request_body(job_request(p, messages, max_tokens=max_tokens))


def batch_generator(
    store: Store,
    provider: Provider,
    settings: BatchSettings,
    make_runner: RunnerFactory,
    folder: Path,
    observer: BatchObserver | None = None,
) -> BatchGenerator:
    """The Batch API flow for an OpenAI-compatible provider (the offline composer has none)."""
    config = getattr(provider, "config", None)
    if provider.name == "offline" or config is None or not hasattr(provider, "request_body"):
        raise ConfigError(
            "--batch needs an OpenAI-compatible endpoint with a Batch API (llm.base_url or "
            "--base-url); the offline composer answers at once: run generate without --batch"
        )
    from workbench.llm.batchapi import BatchAPI

    api = BatchAPI(config, timeout=max(120.0, float(getattr(provider, "timeout", 60.0))))
    body_provider: BodyProvider = provider  # type: ignore[assignment]
    return BatchGenerator(store, body_provider, api, settings, make_runner, folder, observer)
