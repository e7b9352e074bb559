"""Clicks from the short-link endpoint in A/B reports, without a results CSV.

An arm whose results were never imported (no metrics rows) takes its clicks from the
endpoint's unique clicks (per visitor and day) and its impressions from its send list (the
users ``ab assign`` gave it); an arm with imported rows keeps them, so nothing is counted
twice. Every arm says where each number came from: ``sources``.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.store import Store
from workbench.store.abrecords import Arm, ArmSources, Experiment

IMPORTED = "imported"
ENDPOINT = "endpoint"
ASSIGNED = "assigned"


def with_endpoint_clicks(store: Store, experiment: Experiment) -> Experiment:
    """The experiment with endpoint clicks in the arms that have no imported results, and
    ``sources`` on every arm (the report rows carry them)."""
    counts = store.tracking.counts([a.variant_id for a in experiment.arms])

    def sourced(arm: Arm) -> Arm:
        if arm.days:
            return replace(arm, sources=ArmSources(IMPORTED, IMPORTED))
        clicks, clicks_from = arm.clicks, IMPORTED
        if arm.variant_id in counts:
            clicks, clicks_from = counts[arm.variant_id][1], ENDPOINT  # unique clicks
        impressions, impressions_from = arm.impressions, IMPORTED
        if arm.assigned:
            impressions, impressions_from = int(arm.assigned), ASSIGNED
        return replace(
            arm,
            clicks=clicks,
            impressions=impressions,
            sources=ArmSources(impressions_from, clicks_from),
        )

    return replace(experiment, arms=tuple(sourced(a) for a in experiment.arms))
