"""Counted clicks as PostHog-shaped JSONL, for teams that outgrow the built-in counts.

One event per line: ``{"event": "link_click", "distinct_id": <salted visitor hash>,
"timestamp", "properties": {"variant", "variant_id", "code", "campaign", "kind",
"channel", "$referrer"}}`` (PostHog's capture/batch event shape; no IP or raw user agent
leaves the workbench).
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.fsio import atomic_output
from workbench.store import Store


def write_posthog(store: Store, path: Path, campaign: str | None = None) -> int:
    """Write the events; returns how many. Atomic: a failure keeps the previous file."""
    n = 0
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as handle:
        for hit in store.tracking.clicks(campaign):
            event = {
                "event": "link_click",
                "distinct_id": hit.visitor,
                "timestamp": hit.ts,
                "properties": {
                    "variant": hit.uid,
                    "variant_id": hit.variant_id,
                    "code": hit.code,
                    "campaign": hit.campaign,
                    "kind": hit.kind,
                    "channel": hit.channel,
                    "$referrer": hit.referer or None,
                },
            }
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
            n += 1
    return n
