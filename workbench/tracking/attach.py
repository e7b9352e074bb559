"""Tracked links and click counts for variant dicts (``variants list|show --json``'s
``link``, the TUI detail, send lists)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.store import Store
from workbench.tracking.links import Link, variant_link


def landing_urls(store: Store, campaigns: Iterable[str]) -> dict[str, str | None]:
    """Each campaign's landing URL, from its newest stored brief."""
    found: dict[str, str | None] = {}
    for campaign in set(campaigns):
        brief = store.ab_campaign_brief(campaign)
        block = brief.get("campaign")
        product = block.get("product") if isinstance(block, dict) else None
        url = product.get("landing_url") if isinstance(product, dict) else None
        found[campaign] = url.strip() if isinstance(url, str) and url.strip() else None
    return found


def link_of(variant: dict[str, Any], landing: str | None, base_url: str) -> Link | None:
    if not landing:
        return None
    return variant_link(
        landing,
        base_url=base_url,
        uid=str(variant["uid"]),
        campaign=str(variant["campaign"]),
        kind=str(variant["kind"]),
        channel=variant.get("channel"),
    )


def attach_links(store: Store, variants: list[dict[str, Any]], base_url: str) -> None:
    """Add ``link`` (``{"code", "url", "target"}``, or None without a landing URL) to each
    variant dict in place."""
    urls = landing_urls(store, (v["campaign"] for v in variants))
    for v in variants:
        link = link_of(v, urls.get(v["campaign"]), base_url)
        v["link"] = None if link is None else link.as_dict()


def attach_clicks(store: Store, variants: list[dict[str, Any]]) -> None:
    """Add ``clicks`` (``{"hits", "unique"}`` from the endpoint) to each variant dict."""
    counts = store.tracking_counts([int(v["id"]) for v in variants])
    for v in variants:
        hits, unique = counts.get(int(v["id"]), (0, 0))
        v["clicks"] = {"hits": hits, "unique": unique}
