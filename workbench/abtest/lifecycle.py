"""Ending an experiment: ``stop`` (audited) frees its variants for a new experiment.

A stopped experiment keeps its arms, results and report; it no longer counts as running,
so ``ab create`` may put its variants into a new one.
"""

from __future__ import annotations

from workbench.errors import WorkbenchError
from workbench.store import Store


class NotRunningError(WorkbenchError):
    """``stop`` on an experiment that is not running."""

    exit_code = 1


def stop(store: Store, experiment_id: int, *, actor: str, reason: str | None = None) -> str:
    """Stop a running experiment; returns its previous status. Audited in the trail."""
    experiment = store.ab.get_experiment(experiment_id)
    status = str(experiment.status)
    if status != "running":
        raise NotRunningError(f"experiment {experiment_id} is {status}, not running")
    store.ab.set_status(
        experiment_id,
        "stopped",
        actor=actor,
        action="ab_stop",
        data={"arms": [a.variant_id for a in experiment.arms]},
        comment=reason.strip() if reason else None,
    )
    return status
