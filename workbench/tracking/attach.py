"""Tracked links and click counts of variants (``variants list|show --json``'s ``link``,
the TUI detail, the publish pack)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from workbench.store import Store
from workbench.store.variantrecord import Variant
from workbench.tracking.links import Link, variant_link


def landing_urls(store: Store, campaigns: Iterable[str]) -> dict[str, str | None]:
    """Each campaign's landing URL, from its newest stored brief."""
    found: dict[str, str | None] = {}
    for campaign in set(campaigns):
        brief = store.ab.campaign_brief(campaign)
        block = brief.get("campaign")
        product = block.get("product") if isinstance(block, dict) else None
        url = product.get("landing_url") if isinstance(product, dict) else None
        found[campaign] = url.strip() if isinstance(url, str) and url.strip() else None
    return found


def link_of(variant: Variant, landing: str | None, base_url: str) -> Link | None:
    if not landing:
        return None
    return variant_link(
        landing,
        base_url=base_url,
        uid=variant.uid,
        campaign=variant.campaign,
        kind=variant.kind,
        channel=variant.channel,
    )


def links_of(store: Store, variants: Sequence[Variant], base_url: str) -> list[Link | None]:
    """Each variant's tracked link (None without a landing URL), in order."""
    urls = landing_urls(store, (v.campaign for v in variants))
    return [link_of(v, urls.get(v.campaign), base_url) for v in variants]


def with_links(store: Store, variants: Sequence[Variant], base_url: str) -> list[dict[str, Any]]:
    """The variants' JSON with ``link`` (``{"code", "url", "target"}``, or None without a
    landing URL) added last: ``variants list|show --json``."""
    links = links_of(store, variants, base_url)
    return [
        v.to_json() | {"link": None if link is None else link.as_dict()}
        for v, link in zip(variants, links, strict=True)
    ]


def clicks_of(store: Store, variants: Sequence[Variant]) -> list[tuple[int, int]]:
    """Each variant's (hits, unique) clicks from the endpoint, in order."""
    counts = store.tracking.counts([v.id for v in variants])
    return [counts.get(v.id, (0, 0)) for v in variants]
