"""Review: the approval workflow, edits as versions, and decisions imported from exports."""

from __future__ import annotations

from workbench.review.workflow import (
    ACTIONS,
    STATUSES,
    ReviewError,
    ReviewRequest,
    ReviewResult,
    StepPolicy,
    approvals,
    approved_steps,
    edit,
    review,
)

__all__ = [
    "ACTIONS",
    "STATUSES",
    "ReviewError",
    "ReviewRequest",
    "ReviewResult",
    "StepPolicy",
    "approvals",
    "approved_steps",
    "edit",
    "review",
]
