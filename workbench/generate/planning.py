"""Planning: render each job's prompt and compute the key that makes re-runs free."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping

from workbench.brief.loader import LoadedBrief
from workbench.errors import LLMError
from workbench.generate.jobs import Job, ProviderFingerprint, expand_jobs, job_key
from workbench.generate.outcomes import PlannedJob
from workbench.kinds import get_kind
from workbench.llm.base import LLMRequest, Message, Provider
from workbench.prompting import PromptLibrary


def provider_fingerprint(provider: Provider) -> ProviderFingerprint:
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
    planner = Planner(loaded, library, provider)
    return [planner.plan(job) for job in expand_jobs(loaded.brief, round=round, only=only)]


def prompt_hash(template_hash: str, examples: object) -> str:
    """What of the prompt goes into the job key: the templates' hash, and the few-shot
    examples the render used. A prompt without examples keys as before; one with examples
    changes key when its pool changes (a promoted A/B winner), so exactly those jobs re-run."""
    if not examples:
        return template_hash
    blob = json.dumps(examples, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{template_hash}\0{blob}".encode()).hexdigest()


def job_request(
    p: PlannedJob,
    messages: list[Message] | None = None,
    *,
    max_tokens: int | None = None,
    on_retry: Callable[[LLMError], None] | None = None,
) -> LLMRequest:
    """The request one planned job sends (its prompt unless ``messages`` are given): the
    interactive runner's calls and the Batch API's lines are built by this one function."""
    return LLMRequest(
        messages=p.prompt.messages if messages is None else messages,
        job=p.job.ctx,
        json_schema=p.schema,
        schema_name=f"{p.job.ctx.deliverable.kind}_answer",
        max_tokens=max_tokens,
        on_retry=on_retry,
    )


class Planner:
    """Renders one job's prompt and computes its key."""

    def __init__(self, loaded: LoadedBrief, library: PromptLibrary, provider: Provider) -> None:
        self.loaded = loaded
        self.library = library
        self.json_mode = provider_json_mode(provider)
        self.fingerprint = provider_fingerprint(provider)
        self.campaign_id = loaded.brief.campaign.key

    def plan(self, job: Job) -> PlannedJob:
        kind = get_kind(job.ctx.deliverable.kind)
        schema = kind.json_schema(job.ctx.deliverable, job.ctx.count)
        prompt = self.library.render(job.ctx, json_schema=schema, json_mode=self.json_mode)
        key = job_key(
            self.loaded.content_hash,
            job,
            prompt_hash(prompt.template_hash, prompt.variables.get("examples")),
            self.fingerprint,
        )
        return PlannedJob(job, key, prompt, schema, self.campaign_id, json_mode=self.json_mode)
