"""What a batch run is made of and reports: options, planned jobs, outcomes, results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypedDict, cast

from workbench.generate.jobs import Job
from workbench.llm.base import JsonSchema
from workbench.prompting import RenderedPrompt

if TYPE_CHECKING:
    from workbench.prompting.variables import PromptVariables

OUTCOMES = ("ok", "failed", "cached")


@dataclass
class RunOptions:
    concurrency: int = 8
    rpm: int = 0
    only: Mapping[str, set[str]] = field(default_factory=dict)
    fresh: bool = False


@dataclass(repr=False)
class PlannedJob:
    job: Job
    key: str
    prompt: RenderedPrompt
    schema: JsonSchema
    campaign_id: str
    status: str = "pending"  # pending | cached | ok | failed
    json_mode: str = ""  # the structured-output mode the prompt was rendered for

    def __repr__(self) -> str:  # asyncio reprs results; keep it short (no brief, no prompt)
        return f"PlannedJob({self.key[:12]} {self.job.label} {self.status})"

    def release(self) -> None:
        """Drop the rendered messages, variables and schema of a finished job (they are in
        the store): a run's outcomes then cost a few hundred bytes per job, not kilobytes,
        so memory stays flat as briefs grow (issue 16)."""
        p = self.prompt
        released = cast("PromptVariables", {})  # stored; nothing reads a finished job's
        self.prompt = RenderedPrompt([], p.template, p.template_hash, released, p.style)
        self.schema = {}


@dataclass(repr=False)
class Outcome:
    planned: PlannedJob
    status: str  # ok | failed | cached
    variant_ids: list[int] = field(default_factory=list)
    tokens: int = 0
    latency_ms: float = 0.0
    error: str | None = None
    repaired: bool = False

    def __repr__(self) -> str:
        return f"Outcome({self.status} {self.planned!r} variants={self.variant_ids})"


class RunObserver(Protocol):
    wants_tokens: bool

    def planned(self, campaign_id: str, total: int) -> None: ...
    def job_started(self, job: PlannedJob) -> None: ...
    def token(self, job: PlannedJob, text: str) -> None: ...
    def job_finished(self, outcome: Outcome) -> None: ...
    def notice(self, key: str, values: Mapping[str, str | int]) -> None:
        """Something the operator should see in the progress line: an i18n ``key``
        (``generate.concurrency``, ``generate.fallback``) with its values."""
        ...


class NullObserver:
    wants_tokens = False

    def planned(self, campaign_id: str, total: int) -> None:
        return None

    def job_started(self, job: PlannedJob) -> None:
        return None

    def token(self, job: PlannedJob, text: str) -> None:
        return None

    def job_finished(self, outcome: Outcome) -> None:
        return None

    def notice(self, key: str, values: Mapping[str, str | int]) -> None:
        return None


class DeliverableSummary(TypedDict):
    """One campaign x segment x deliverable of a run (``BatchResult.summary``)."""

    campaign: str
    segment: str
    deliverable: int
    """The deliverable's index in the brief."""
    kind: str
    channel: str | None
    ok: int
    """Jobs answered and stored."""
    failed: int
    cached: int
    """Jobs already done in an earlier run of the round."""
    variants: int
    """Variants stored (or already there, for cached jobs)."""
    tokens: int


@dataclass(repr=False)
class BatchResult:
    outcomes: list[Outcome]
    run_ids: list[int]
    stopped: str | None = None  # why the batch stopped early (endpoint unreachable since ..)
    not_started: int = 0  # jobs never sent because the batch stopped early
    stopped_since: str | None = None  # HH:MM of the first of the consecutive failures

    def __repr__(self) -> str:
        counts = {s: sum(1 for o in self.outcomes if o.status == s) for s in OUTCOMES}
        return f"BatchResult(runs={self.run_ids} {counts})"

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.status == "failed")

    def summary(self) -> list[DeliverableSummary]:
        """One row per campaign × segment × deliverable: ok, failed, cached, variants, tokens."""
        rows: dict[tuple[str, str, int], DeliverableSummary] = {}
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
            if o.status == "ok":
                row["ok"] += 1
            elif o.status == "failed":
                row["failed"] += 1
            elif o.status == "cached":
                row["cached"] += 1
            else:
                raise KeyError(o.status)
            row["variants"] += (
                o.planned.job.ctx.count if o.status == "cached" else len(o.variant_ids)
            )
            row["tokens"] += o.tokens
        return list(rows.values())
