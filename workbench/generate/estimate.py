"""What a run would cost before it is sent: jobs, input and output tokens, and the price at
the interactive and the batch rate (``generate --dry-run`` with ``[llm.prices]``).

Input tokens are counted on the exact prompts the run would send (the runner's planner);
output tokens are estimated from the offline composer's answer to the first job of each
deliverable and style, times that cell's jobs. Finished jobs cost nothing and are not counted.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass

from workbench.brief.loader import LoadedBrief
from workbench.errors import NotFoundError
from workbench.generate.jobs import expand_jobs
from workbench.generate.outcomes import PlannedJob
from workbench.generate.planning import Planner, job_request
from workbench.llm.base import Provider
from workbench.llm.tokens import estimate_messages_tokens, estimate_tokens
from workbench.prompting import PromptLibrary
from workbench.settings import PriceSettings
from workbench.store import Store

_CHUNK = 500


@dataclass(frozen=True)
class Estimate:
    jobs: int  # jobs a run would send (not yet ok)
    input_tokens: int
    output_tokens: int

    def cost(self, prices: PriceSettings) -> tuple[float, float]:
        """``(interactive, batch)`` price of the run."""
        full = (self.input_tokens * prices.input + self.output_tokens * prices.output) / 1e6
        return full, full * prices.batch_factor


def estimate(
    briefs: list[LoadedBrief],
    library: PromptLibrary,
    provider: Provider,
    sampler: Provider,
    store: Store | None,
    only: Mapping[str, set[str]] | None = None,
) -> Estimate:
    """Token estimate of the jobs a run of ``briefs`` would send; ``sampler`` (the offline
    composer) answers one job per cell for the output side."""
    jobs = inputs = outputs = 0
    for loaded in briefs:
        cid = loaded.brief.campaign.key
        round_ = _round(store, cid)
        planner = Planner(loaded, library, provider)
        samples: dict[tuple[int, str], int] = {}
        chunk: list[PlannedJob] = []
        for job in expand_jobs(loaded.brief, round=round_, only=only):
            chunk.append(planner.plan(job))
            if len(chunk) < _CHUNK:
                continue
            j, i, o = _count(chunk, store, sampler, samples)
            jobs, inputs, outputs = jobs + j, inputs + i, outputs + o
            chunk = []
        if chunk:
            j, i, o = _count(chunk, store, sampler, samples)
            jobs, inputs, outputs = jobs + j, inputs + i, outputs + o
    return Estimate(jobs, inputs, outputs)


def _count(
    chunk: list[PlannedJob],
    store: Store | None,
    sampler: Provider,
    samples: dict[tuple[int, str], int],
) -> tuple[int, int, int]:
    done = store.variants.job_status([p.key for p in chunk]) if store else {}
    jobs = inputs = outputs = 0
    for p in chunk:
        if done.get(p.key) == "ok":
            continue
        ctx = p.job.ctx
        cell = (ctx.deliverable_index, ctx.style)
        if cell not in samples:
            answer = asyncio.run(sampler.complete(job_request(p)))
            samples[cell] = max(1, estimate_tokens(answer.text) // max(1, ctx.count))
        jobs += 1
        inputs += estimate_messages_tokens(p.prompt.messages)
        if p.json_mode == "json_schema":  # the schema goes out with every request
            inputs += estimate_tokens(json.dumps(p.schema, ensure_ascii=False))
        outputs += samples[cell] * ctx.count
    return jobs, inputs, outputs


def _round(store: Store | None, campaign_id: str) -> int:
    if store is None:
        return 1
    try:
        return store.runs.current_round(campaign_id)
    except NotFoundError:
        return 1
