"""Clicks from the short-link endpoint in A/B reports, without a results CSV.

An arm whose results were never imported (no metrics rows) takes its clicks from the
endpoint's unique clicks (per visitor and day) and its impressions from its send list (the
users ``ab assign`` gave it); an arm with imported rows keeps them, so nothing is counted
twice. Every arm says where each number came from: ``sources``.
"""

from __future__ import annotations

import copy
from typing import Any

from workbench.store import Store

IMPORTED = "imported"
ENDPOINT = "endpoint"
ASSIGNED = "assigned"


def with_endpoint_clicks(store: Store, experiment: dict[str, Any]) -> dict[str, Any]:
    """A copy of the experiment (``ab_list_experiments`` shape) with endpoint clicks in
    the arms that have no imported results, and ``sources`` on every arm."""
    result = copy.deepcopy(experiment)
    counts = store.tracking_counts([a["variant_id"] for a in result["arms"]])
    for arm in result["arms"]:
        if arm["days"]:
            arm["sources"] = {"impressions": IMPORTED, "clicks": IMPORTED}
            continue
        arm["sources"] = {"impressions": IMPORTED, "clicks": IMPORTED}
        if arm["variant_id"] in counts:
            arm["clicks"] = counts[arm["variant_id"]][1]  # unique clicks
            arm["sources"]["clicks"] = ENDPOINT
        if arm.get("assigned"):
            arm["impressions"] = int(arm["assigned"])
            arm["sources"]["impressions"] = ASSIGNED
    return result


def add_sources(report: dict[str, Any], experiment: dict[str, Any]) -> dict[str, Any]:
    """Copy each arm's ``sources`` into its report row (the report keeps its keys)."""
    by_arm = {a["arm_id"]: a.get("sources") for a in experiment["arms"]}
    for row in report["arms"]:
        row["sources"] = by_arm.get(row["arm_id"])
    return report
