"""The tracked link inside copy bodies.

``link_step(base_url)`` is the first of the runner's per-variant steps: before the checks
read a copy variant, every occurrence of the campaign's landing URL in its ``body`` and
``cta`` becomes the variant's tracked link (``{base_url}/s/{code}``, or the landing URL with
``utm_content``), and the derived lengths (``length``, ``sms_length``, ``sms_segments``) are
recounted, so the stored body is what the customer receives and the channel checks count
the real link. SMS fitting reserves ``links.link_text_length`` characters for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import JsonValue

from workbench.kinds import get_kind
from workbench.store.findings import Finding
from workbench.store.records import variant_uid
from workbench.tracking.links import link_text_length, variant_link

LINKED_FIELDS = ("body", "cta")
_URL_TAIL = r"(?![\w/?&=%#.~+-])"  # the landing URL itself, not a longer URL starting with it


def replace_link(text: str, landing_url: str, link: str) -> str:
    """``text`` with each standalone occurrence of ``landing_url`` replaced by ``link``."""
    return re.sub(re.escape(landing_url) + _URL_TAIL, lambda _m: link, text)


def relink(content: dict[str, JsonValue], landing_url: str, link: str, kind: str = "copy") -> bool:
    """Put ``link`` where a copy's fields carry the landing URL and recount the text (the
    kind's ``counts``); True when anything changed."""
    changed = False
    for name in LINKED_FIELDS:
        value = content.get(name)
        if isinstance(value, str) and landing_url in value:
            new = replace_link(value, landing_url, link)
            changed = changed or new != value
            content[name] = new
    if changed:
        content.update(get_kind(kind).counts(content, None))
    return changed


def job_link_length(job: Any, base_url: str) -> int | None:
    """The tracked link's length in a copy body of this job (``JobContext``), or None when
    the campaign has no landing URL: what SMS fitting must budget for the link."""
    campaign = job.brief.campaign
    landing = campaign.product.landing_url
    if not landing:
        return None
    channel = getattr(job.deliverable, "channel", None)
    return link_text_length(
        landing,
        base_url=base_url,
        campaign=campaign.key,
        kind=job.deliverable.kind,
        channel=channel,
    )


def link_step(base_url: str) -> Callable[[Any, dict[str, JsonValue]], list[Finding]]:
    """The runner step (a content check that finds nothing) putting tracked links in copy."""

    def step(planned: Any, content: dict[str, JsonValue]) -> list[Finding]:
        ctx = planned.job.ctx
        landing = ctx.brief.campaign.product.landing_url
        if not get_kind(ctx.deliverable.kind).tracked_links or not landing or ctx.count != 1:
            return []
        link = variant_link(
            landing,
            base_url=base_url,
            uid=variant_uid(planned.key, ctx.variant_index),
            campaign=ctx.brief.campaign.key,
            kind=ctx.deliverable.kind,
            channel=planned.job.channel,
        )
        relink(content, landing, link.url, ctx.deliverable.kind)
        return []

    return step
