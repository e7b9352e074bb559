"""The approval workflow: statuses, configurable steps, ban overrides, edits as versions.

``draft -> in_review -> approved | rejected | changes_requested``. With steps
``["marketing", "legal"]`` an approval by marketing moves a variant to ``in_review`` and
only legal's approval (in that order) makes it ``approved``. A rejection or a request for
changes resets the steps. A variant with a ``ban`` finding is approved only with an
override reason, which the audit keeps. Every action is one audit row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypedDict

from pydantic import JsonValue

from workbench.errors import InputError, Problem, WorkbenchError
from workbench.kinds import get_kind
from workbench.lint.engine import has_ban
from workbench.store import Store
from workbench.store.auditlog import AuditEntry
from workbench.store.findings import Finding, stored_findings
from workbench.store.reviews import ReviewAction
from workbench.store.variantrecord import Variant

STATUSES = ("draft", "in_review", "approved", "rejected", "changes_requested")
ACTIONS = ("approve", "reject", "request_changes", "comment", "submit")
_TARGET = {"reject": "rejected", "request_changes": "changes_requested", "submit": "in_review"}
_ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "approve": ("draft", "in_review", "changes_requested"),
    "reject": ("draft", "in_review", "changes_requested", "approved"),
    "request_changes": ("draft", "in_review", "approved"),
    "submit": ("draft", "changes_requested"),
    "comment": STATUSES,
}
_RESETS = frozenset({"reject", "request_changes", "edit", "fix"})

Relint = Callable[[Variant], list[Finding]]


class ReviewReads(Protocol):
    """What planning reads: the ``Store``, or a view of it with planned rows applied."""

    def newest_versions(self, variant_ids: Sequence[int]) -> dict[int, int]: ...

    def review_rows(self, variant_id: int) -> list[AuditEntry]: ...


class ReviewError(WorkbenchError):
    """A review action that the workflow does not allow (one line, exit 2)."""

    exit_code = 2


class ReviewData(TypedDict, total=False):
    """The ``data`` an action's audit row keeps (a JSON column): where an imported decision
    came from; the workflow adds the approved ``step`` and a ban override."""

    source: str
    """``import`` for a decision read from a file."""
    file: str
    """The decisions file's name."""
    file_sha256: str
    """The first 16 hex digits of the file's sha256."""
    row: int
    """The row of the file."""
    import_key: str
    """What makes a row the same decision when the file is imported again."""


@dataclass
class ReviewRequest:
    action: str
    actor: str
    step: str | None = None
    reason: str | None = None
    data: ReviewData = field(default_factory=ReviewData)


@dataclass(frozen=True)
class ReviewResult:
    variant_id: int
    action: str
    from_status: str
    to_status: str
    step: str | None
    pending_steps: tuple[str, ...]


@dataclass(frozen=True)
class StepPolicy:
    """Separation of duties: who may approve each step, and whether one person may approve
    two steps of the same version (``[review]`` in workbench.toml)."""

    reviewers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    allow_same_reviewer: bool = False


def approvals(rows: Sequence[AuditEntry]) -> list[tuple[str, str, str]]:
    """``(step, who, when)`` of the approvals on this version since the last reset."""
    done: list[tuple[str, str, str]] = []
    for row in rows:
        if row.action in _RESETS:
            done = []
        elif row.action == "approve":
            step = row.step
            if step and step not in [s for s, _, _ in done]:
                done.append((step, row.actor, row.at))
    return done


def approved_steps(rows: Sequence[AuditEntry]) -> list[str]:
    """Steps approved on this version since the last reset, in order."""
    return [step for step, _who, _at in approvals(rows)]


def check_steps(steps: Sequence[str]) -> list[str]:
    cleaned = [s.strip() for s in steps]
    if not cleaned or any(not s for s in cleaned) or len(set(cleaned)) != len(cleaned):
        raise InputError(
            Problem("workbench.toml", None, "review.steps", "must be distinct, non-empty names")
        )
    return cleaned


def plan(
    store: ReviewReads,
    variant: Variant,
    request: ReviewRequest,
    steps: Sequence[str],
    relint: Relint | None = None,
    policy: StepPolicy | None = None,
) -> tuple[ReviewAction, ReviewResult]:
    """Check one action against the workflow; returns what to record (nothing written)."""
    vid, status = int(variant.id), str(variant.status)
    action = request.action
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")
    newest = store.newest_versions([vid]).get(vid, vid)
    if newest != vid and action != "comment":
        raise ReviewError(f"variant {vid} has a newer version ({newest}); review that one")
    if status not in _ALLOWED_FROM[action]:
        raise ReviewError(f"variant {vid} is {status}: cannot {action.replace('_', ' ')} it")
    if action in ("comment", "reject", "request_changes") and not (request.reason or "").strip():
        if action == "comment":
            raise ReviewError("a comment needs its text (--text)")
        raise ReviewError(f"{action.replace('_', ' ')} needs a comment (--reason)")
    data = dict(request.data)
    rows = store.review_rows(vid)
    done = approved_steps(rows)
    to_status = _TARGET.get(action, status)
    step = None
    if action == "approve":
        pending = [s for s in steps if s not in done]
        if not pending:
            raise ReviewError(f"variant {vid}: every step is already approved")
        step = request.step or pending[0]
        if step not in steps:
            raise ReviewError(f"unknown review step {step!r}; steps: {', '.join(steps)}")
        if step in done:
            raise ReviewError(f"variant {vid}: step {step!r} is already approved")
        if step != pending[0]:
            raise ReviewError(f"variant {vid}: step {step!r} waits for {pending[0]!r}")
        _check_duties(vid, step, request.actor, rows, policy or StepPolicy())
        stored = variant.lint
        findings = stored_findings(stored)
        if stored is None and relint is not None:
            findings = relint(variant)
        if has_ban(findings):
            terms = sorted({f.term for f in findings if f.is_ban})
            if not (request.reason or "").strip():
                raise ReviewError(
                    f"variant {vid} has ban findings ({', '.join(terms)}); "
                    "approve only with an override reason (--reason)"
                )
            data["override"] = request.reason
            data["ban_terms"] = terms
        data["step"] = step
        done = [*done, step]
        to_status = "approved" if len(done) == len(steps) else "in_review"
    elif action in ("reject", "request_changes"):
        done = []
    review = ReviewAction(
        variant_id=vid,
        campaign_id=str(variant.campaign),
        actor=request.actor,
        action=action,
        from_status=status,
        to_status=to_status,
        comment=(request.reason or "").strip() or None,
        data=data,
    )
    pending_after = tuple(s for s in steps if s not in done)
    return review, ReviewResult(vid, action, status, to_status, step, pending_after)


def _check_duties(
    vid: int, step: str, actor: str, rows: Sequence[AuditEntry], policy: StepPolicy
) -> None:
    """A step with named reviewers is approved by one of them; nobody approves two steps of
    one version unless ``allow_same_reviewer``."""
    allowed = [p.strip() for p in policy.reviewers.get(step, ()) if p.strip()]
    if allowed and actor.strip() not in allowed:
        raise ReviewError(
            f"variant {vid}: {actor} may not approve step {step!r}; "
            f"its reviewers (workbench.toml review.steps): {', '.join(allowed)}"
        )
    if not policy.allow_same_reviewer:
        for done, who, _at in approvals(rows):
            if who.strip() == actor.strip():
                raise ReviewError(
                    f"variant {vid}: {actor} approved step {done!r}; another reviewer "
                    f"approves {step!r} (or set review.allow_same_reviewer = true)"
                )


def review(
    store: Store,
    variant_ids: Sequence[int | str],
    request: ReviewRequest,
    steps: Sequence[str],
    relint: Relint | None = None,
    policy: StepPolicy | None = None,
) -> list[ReviewResult]:
    """Apply one action to several variants: all of them or, on any problem, none."""
    steps = check_steps(steps)
    if not variant_ids:
        raise ReviewError("name at least one variant id")
    planned: list[tuple[ReviewAction, ReviewResult]] = []
    for key in variant_ids:
        variant = store.variants.get(key)
        planned.append(plan(store.reviews, variant, request, steps, relint, policy))
    store.reviews.apply([a for a, _ in planned])
    return [r for _, r in planned]


def edit(
    store: Store,
    variant_id: int | str,
    content: Any,
    actor: str,
    relint: Relint,
    comment: str | None = None,
    label: str = "content",
) -> int:
    """A new version with ``content`` (a mapping shaped like the old one); returns its id."""
    variant = store.variants.get(variant_id)
    old = variant.content
    if isinstance(content, dict):
        content = with_derived(variant, content)
    problems = content_problems(old, content, label)
    if problems:
        raise InputError(problems)
    if json.dumps(content, sort_keys=True) == json.dumps(old, sort_keys=True):
        raise InputError(Problem(label, None, "", "no changes: nothing to save"))
    findings = relint(replace(variant, content=content))
    return store.reviews.add_version(
        int(variant.id), content, findings, actor, action="edit", comment=comment
    )


def with_derived(variant: Variant, new: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """``new`` content with the counts the old version carried (``length``, an SMS's
    ``sms_length`` and ``sms_segments``) recounted by the kind (``KindSpec.counts``) for the
    edited text; ``repairs`` notes belong to the old version and are dropped."""
    old = variant.content
    counts = get_kind(variant.kind).counts({**old, **new}, variant.channel)
    out = dict(new)
    for key in old:
        if key not in out and key in counts:
            out[key] = counts[key]
    return out


def content_problems(old: dict[str, JsonValue], new: Any, label: str) -> list[Problem]:
    """Edited content must keep the shape of the original: same keys, same value types."""
    if not isinstance(new, dict):
        return [Problem(label, None, "", "expected a mapping of the content's fields")]
    problems = []
    for key in new:
        if key not in old:
            problems.append(
                Problem(label, None, str(key), f"unknown field; known: {', '.join(old)}")
            )
    for key, value in old.items():
        if key not in new:
            if not (isinstance(value, int | float) or key == "repairs"):
                problems.append(Problem(label, None, str(key), "missing field"))
        elif (
            value is not None
            and new[key] is not None
            and type(new[key]) is not type(value)
            and not (isinstance(value, float | int) and isinstance(new[key], float | int))
        ):
            problems.append(Problem(label, None, str(key), f"expected {type(value).__name__}"))
    return problems
