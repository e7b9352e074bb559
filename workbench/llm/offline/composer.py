"""The offline composer: a ``Provider`` that writes from the brief, without a network.

It answers with the same JSON a model would return for the job's kind, so the pipeline
parses it like any answer. Output is deterministic per brief, job coordinates and round,
and is labelled as offline output (``LLMResponse.extra == {"offline": True}``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from workbench.errors import LLMError
from workbench.kinds.records import (
    CopyReply,
    LiveScriptReply,
    PosterReply,
    ThemePostReply,
    TitleReply,
    VideoScriptReply,
)
from workbench.llm.base import JobContext, LLMRequest, LLMResponse, TokenCallback
from workbench.llm.offline.composition import Ctx, make_ctx, restore_landing
from workbench.llm.offline.copywriter import compose_copy
from workbench.llm.offline.live import compose_live
from workbench.llm.offline.outline import compose_outline
from workbench.llm.offline.platforms import for_platform
from workbench.llm.offline.poster import compose_poster
from workbench.llm.offline.text import sentence_case_all
from workbench.llm.offline.titles import compose_titles
from workbench.llm.offline.video import compose_video

CHUNKS = 4


def _titles(ctx: Ctx) -> TitleReply:
    from workbench.kinds.channels import channel

    spec = channel(getattr(ctx.job.deliverable, "channel", "community"))
    items = compose_titles(
        ctx, ctx.job.count, spec.title_limit, spec.title_length, spec.title_min or 0
    )
    return {"titles": [{"text": ctx.safe(t), "angle": a} for t, a in items]}


Reply = CopyReply | TitleReply | PosterReply | VideoScriptReply | LiveScriptReply | ThemePostReply
"""One kind's answer (``workbench.kinds.records``): what each composer returns."""

COMPOSERS: dict[str, Callable[[Ctx], Reply]] = {  # by kind; each returns its own Reply
    "copy": compose_copy,
    "title": _titles,
    "poster": compose_poster,
    "video_script": compose_video,
    "live_script": compose_live,
    "theme_post": compose_outline,
}


def compose(job: JobContext, link_base_url: str = "") -> dict[str, Any]:
    """The answer (as parsed JSON) for one job. ``link_base_url`` is ``[tracking]
    base_url``: copy is fitted to its channel with the tracked link it will carry."""
    try:
        composer = COMPOSERS[job.kind]
    except KeyError:
        raise LLMError(
            f"the offline composer cannot write {job.kind!r} content", kind="bad_response"
        ) from None
    ctx = make_ctx(job, link_base_url)
    ctx.facts = for_platform(ctx.facts, job)  # no 进群/扫码 on 抖音 or 小红书
    answer: dict[str, Any] = dict(composer(ctx))  # the JSON document a model would send
    for name in ("body", "cta"):  # the runner's link step tracks the landing URL
        if isinstance(answer.get(name), str):
            answer[name] = restore_landing(ctx, answer[name])
    if ctx.en:
        cased = sentence_case_all(answer)
        assert isinstance(cased, dict)
        return cased
    return answer


class OfflineComposer:
    """Fills the copy frameworks from the brief; the default without an endpoint."""

    name = "offline"
    model = "offline-composer-v1"

    def __init__(self, link_base_url: str = "") -> None:
        self.link_base_url = link_base_url

    async def complete(
        self, request: LLMRequest, on_token: TokenCallback | None = None
    ) -> LLMResponse:
        started = time.perf_counter()
        if request.job is None:
            raise LLMError(
                "the offline composer needs the job context (brief, segment, deliverable)",
                kind="bad_response",
            )
        text = json.dumps(compose(request.job, self.link_base_url), ensure_ascii=False)
        if on_token is not None:
            size = max(1, -(-len(text) // CHUNKS))
            for i in range(0, len(text), size):
                on_token(text[i : i + size])
        return LLMResponse(
            text=text,
            provider=self.name,
            model=self.model,
            prompt_tokens=None,
            completion_tokens=None,
            latency_ms=(time.perf_counter() - started) * 1000,
            extra={"offline": True},
        )
