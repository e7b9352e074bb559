"""Helpers shared by the A/B tests (imported by module name; not a test module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.abtest.experiments import ExperimentOptions, create_manual
from workbench.review.workflow import ReviewRequest, review
from workbench.store import Store
from workbench.store.abrecords import Experiment
from workbench.store.variantrecord import Variant

CAMPAIGN = "member-day-2026-03"


def group(store: Store, segment: str, deliverable: int) -> list[Variant]:
    """The variants of one (segment, deliverable), oldest first."""
    found = [
        v
        for v in store.variants.rows(campaign=CAMPAIGN, segment=segment)
        if v.deliverable_index == deliverable
    ]
    return sorted(found, key=lambda v: v.id)


def approve(store: Store, variant_ids: list[int]) -> None:
    """Approve variants (the one default review step) that are not approved yet."""
    todo = [i for i in variant_ids if store.variants.get(i).status != "approved"]
    if todo:
        request = ReviewRequest(action="approve", actor="tester", reason="approved for the test")
        review(store, todo, request, ["review"])


def manual(store: Store, n_arms: int = 2, **options: Any) -> Experiment:
    """A hand-picked experiment over the first ``n_arms`` new-moms community copies
    (approved first: experiments take approved variants)."""
    variants = group(store, "new-moms", 0)[:n_arms]
    approve(store, [v.id for v in variants])
    experiment_id = create_manual(
        store, [str(v.id) for v in variants], ExperimentOptions(**options)
    )
    return store.ab.get_experiment(experiment_id)


def results_csv(
    path: Path,
    rows: list[tuple[Any, ...]],
    header: str = "variant_id,date,impressions,clicks,conversions",
) -> Path:
    lines = [header] + [",".join(str(c) for c in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def feed(store: Store, experiment: Experiment, data: list[tuple[int, int]], tmp: Path) -> None:
    """Import (users, conversions) per arm, in arm order, as one day of results."""
    from workbench.abtest.importing import import_results

    rows = [
        (arm.variant_id, "2026-03-10", n, x, x)
        for arm, (n, x) in zip(experiment.arms, data, strict=True)
    ]
    import_results(store, results_csv(tmp / f"feed-{experiment.id}.csv", rows))
