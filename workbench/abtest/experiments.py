"""Creating experiments: one per (campaign, segment, deliverable) from generated variants,
or from hand-picked variants.

Arms are approved variants (newest version of each slot); ``include_drafts`` also takes
unreviewed ones (never ``rejected`` or ``archived``). A (segment, deliverable) with fewer
than 2 eligible variants makes no experiment and is reported as skipped. A variant is an
arm of at most one running experiment: an overlap refuses the whole command, naming the
running experiment (``ab stop`` ends one). The control is the first generated variant
unless one is chosen; the planned split is equal unless weights are given. Metric and
alpha default to the brief's ``experiment:`` block. Every experiment gets a random salt for
user assignment, stored with it.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError, NotFoundError, Problem
from workbench.store import Store
from workbench.store.ab import ArmSpec
from workbench.store.abrecords import Arm, Experiment, PlanSettings
from workbench.store.variantrecord import Variant

METRICS = ("click", "conversion", "share")
SUCCESS_COLUMN = {"click": "clicks", "conversion": "conversions", "share": "shares"}
EXCLUDED_STATUSES = frozenset({"rejected", "archived"})
DEFAULT_MDE = 0.2  # relative: detect a 20% lift over the control's rate
DEFAULT_POWER = 0.8


@dataclass
class ExperimentOptions:
    """Choices for new experiments; ``None`` means the brief's value, then the default."""

    metric: str | None = None
    alpha: float | None = None
    control: str | None = None  # variant id or uid
    weights: list[float] | None = None
    mde: float = DEFAULT_MDE
    mde_relative: bool = True
    power: float = DEFAULT_POWER
    name: str | None = None
    include_drafts: bool = False  # also unreviewed variants (the CLI warns)


@dataclass(frozen=True)
class Created:
    id: int
    created: bool  # False: the (campaign, segment, deliverable) experiment already existed


@dataclass(frozen=True)
class Group:
    """One (segment, deliverable) of a campaign as ``ab create`` sees it: its eligible
    variants, the ones left out for their review status, and its running experiment."""

    campaign: str
    segment: str
    deliverable: int
    variants: list[Variant]
    left_out: dict[str, int]  # review status -> variants left out for it
    existing: int | None  # its running generated experiment

    @property
    def where(self) -> str:
        return f"{self.campaign}/{self.segment}/deliverables[{self.deliverable}]"

    @property
    def eligible(self) -> bool:
        return len(self.variants) >= 2

    def skip_reason(self, t: Callable[..., str]) -> str:
        """Why no experiment (``eligible`` is False), in the catalog's language: the count
        and what was left out for its review status."""
        parts = t("ab.list_sep").join(
            f"{n} {t('cal.status.' + status)}" for status, n in sorted(self.left_out.items())
        )
        reason = t("ab.skip_reason", n=len(self.variants))
        return reason + (t("ab.skip_left", left=parts) if parts else "")


@dataclass(frozen=True)
class Creation:
    """``create_from_variants``: the experiments (new or existing) and the skipped groups."""

    experiments: list[Created]
    skipped: list[Group]
    unapproved: int  # arms of new experiments that are not approved (--include-drafts)


class OverlapError(InputError):
    """A variant is already an arm of a running experiment."""


def _eligible(variant: Variant, include_drafts: bool) -> bool:
    if include_drafts:
        return variant.status not in EXCLUDED_STATUSES
    return bool(variant.status == "approved")


def check_overlap(store: Store, variant_ids: Sequence[int], where: str) -> None:
    """Refuse variants that are arms of a running experiment (one line naming it)."""
    found = store.ab.running_overlap(list(variant_ids))
    if found:
        experiment_id, name, variant_id = found[0]
        raise OverlapError(
            Problem(
                where,
                None,
                f"variant {variant_id}",
                f"is an arm of running experiment #{experiment_id} ({name});"
                f" end it first: workbench ab stop {experiment_id}",
            )
        )


def arm_name(index: int) -> str:
    """A, B, ..., Z, AA, AB, ..."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _flag(flag: str, value: object, message: str) -> InputError:
    return InputError(Problem(flag, None, str(value), message))


def _settings(store: Store, campaign: str, options: ExperimentOptions) -> tuple[str, float]:
    block = store.ab.brief_experiment(campaign)
    metric = options.metric or str(block.get("metric") or "conversion")
    if metric not in METRICS:
        raise _flag("--metric", metric, f"must be one of {', '.join(METRICS)}")
    alpha = options.alpha if options.alpha is not None else float(block.get("alpha") or 0.05)
    if not 0.0 < alpha < 0.5:
        raise _flag("--alpha", alpha, "must be between 0 and 0.5")
    if not 0.0 < options.power < 1.0:
        raise _flag("--power", options.power, "must be between 0 and 1")
    if options.mde <= 0.0:
        raise _flag("--mde", options.mde, "must be positive")
    return metric, alpha


def _arms(variants: Sequence[Variant], options: ExperimentOptions, where: str) -> list[ArmSpec]:
    if len(variants) < 2:
        raise InputError(Problem(where, None, "", "an experiment needs at least 2 variants"))
    ordered = sorted(variants, key=lambda v: v.id)
    control = ordered[0]
    if options.control is not None:
        key = options.control.strip().lower()
        found = [v for v in ordered if key in (str(v.id), v.uid)]
        if not found:
            raise _flag("--control", options.control, f"not one of the variants of {where}")
        control = found[0]
    ordered.remove(control)
    ordered.insert(0, control)
    weights = options.weights or [1.0] * len(ordered)
    if len(weights) != len(ordered):
        raise _flag(
            "--weights", ",".join(f"{w:g}" for w in weights), f"{where} has {len(ordered)} arms"
        )
    if any(not math.isfinite(w) or w <= 0 for w in weights):
        raise _flag("--weights", ",".join(f"{w:g}" for w in weights), "must all be positive")
    return [
        ArmSpec(v.id, arm_name(i), float(w), control=i == 0)
        for i, (v, w) in enumerate(zip(ordered, weights, strict=True))
    ]


def _plan(options: ExperimentOptions) -> PlanSettings:
    return PlanSettings(options.mde, options.mde_relative, options.power)


def plan_groups(
    store: Store,
    campaign: str,
    *,
    segment: str | None = None,
    deliverable: int | None = None,
    include_drafts: bool = False,
) -> list[Group]:
    """Every (segment, deliverable) of the campaign with variants, as ``ab create`` would
    treat it (the TUI previews this before creating anything)."""
    variants = [
        v
        for v in store.variants.rows(campaign=campaign, segment=segment)
        if deliverable is None or v.deliverable_index == deliverable
    ]
    if not variants:
        raise NotFoundError(f"no variants for campaign {campaign!r} with those filters")
    by_group: dict[tuple[str, int], list[Variant]] = {}
    for v in variants:
        by_group.setdefault((v.segment, v.deliverable_index), []).append(v)
    groups: list[Group] = []
    for (seg, index), members in sorted(by_group.items()):
        left: dict[str, int] = {}
        for v in members:
            if not _eligible(v, include_drafts):
                left[v.status] = left.get(v.status, 0) + 1
        groups.append(
            Group(
                campaign=campaign,
                segment=seg,
                deliverable=index,
                variants=[v for v in members if _eligible(v, include_drafts)],
                left_out=left,
                existing=store.ab.find_experiment(campaign, seg, index),
            )
        )
    return groups


def create_from_variants(
    store: Store,
    campaign: str,
    *,
    segment: str | None = None,
    deliverable: int | None = None,
    options: ExperimentOptions | None = None,
) -> Creation:
    """One experiment per (segment, deliverable) of the campaign with 2+ eligible variants.

    Idempotent: a group that already has its running generated experiment is reported, not
    duplicated. ``control`` and ``weights`` need a single group (give segment and
    deliverable). Any overlap with a running experiment refuses the whole command before
    anything is written.
    """
    options = options or ExperimentOptions()
    metric, alpha = _settings(store, campaign, options)
    groups = plan_groups(
        store,
        campaign,
        segment=segment,
        deliverable=deliverable,
        include_drafts=options.include_drafts,
    )
    todo = [g for g in groups if g.eligible]
    if (options.control or options.weights) and len(todo) != 1:
        raise _flag(
            "--control" if options.control else "--weights",
            options.control or options.weights,
            f"applies to one experiment; {len(todo)} match (give --segment and --deliverable)",
        )
    for g in todo:
        if g.existing is None:
            check_overlap(store, [v.id for v in g.variants], g.where)
    results: list[Created] = []
    unapproved = 0
    for g in todo:
        if g.existing is not None:
            results.append(Created(g.existing, False))
            continue
        first = g.variants[0]
        arms = _arms(g.variants, options, g.where)
        unapproved += sum(1 for v in g.variants if v.status != "approved")
        channel = first.channel
        experiment_id = store.ab.create_experiment(
            campaign_id=campaign,
            name=options.name or f"{g.where} {first.kind}" + (f":{channel}" if channel else ""),
            metric=metric,
            alpha=alpha,
            segment_id=g.segment,
            deliverable_index=g.deliverable,
            kind=first.kind,
            channel=channel,
            source="generated",
            salt=secrets.token_hex(8),
            plan=_plan(options),
            arms=arms,
        )
        results.append(Created(experiment_id, True))
    return Creation(results, [g for g in groups if not g.eligible], unapproved)


def create_manual(
    store: Store, variant_keys: Sequence[str], options: ExperimentOptions | None = None
) -> int:
    """An experiment over hand-picked variants (ids or uids) of one campaign and kind."""
    options = options or ExperimentOptions()
    variants: list[Variant] = []
    for key in variant_keys:
        try:
            variants.append(store.variants.get(key.strip()))
        except NotFoundError:
            raise _flag("--variants", key, "no such variant") from None
    if len({v.id for v in variants}) != len(variants):
        raise _flag("--variants", ",".join(variant_keys), "lists a variant twice")
    for key, v in zip(variant_keys, variants, strict=True):
        if not _eligible(v, options.include_drafts):
            hint = "" if v.status in EXCLUDED_STATUSES else " (or give --include-drafts)"
            raise _flag("--variants", key, f"is {v.status}, not approved{hint}")
    check_overlap(store, [v.id for v in variants], "--variants")
    for field, label in (("campaign", "campaign"), ("kind", "kind")):
        values = {getattr(v, field) for v in variants}
        if len(values) > 1:
            raise _flag("--variants", ",".join(variant_keys), f"mix {label}s: {sorted(values)}")
    first = variants[0]
    metric, alpha = _settings(store, first.campaign, options)
    arms = _arms(variants, options, "--variants")

    def common(field: str) -> Any:
        values = {getattr(v, field) for v in variants}
        return values.pop() if len(values) == 1 else None

    return store.ab.create_experiment(
        campaign_id=first.campaign,
        name=options.name or f"{first.campaign} {first.kind} " + " vs ".join(variant_keys),
        metric=metric,
        alpha=alpha,
        segment_id=common("segment"),
        deliverable_index=common("deliverable_index"),
        kind=first.kind,
        channel=common("channel"),
        source="manual",
        salt=secrets.token_hex(8),
        plan=_plan(options),
        arms=arms,
    )


def planned_shares(arms: Sequence[Arm]) -> list[float]:
    total = sum(float(a.weight) for a in arms)
    return [float(a.weight) / total for a in arms]


def experiment_summary(experiment: Experiment) -> dict[str, Any]:
    """The ``ab list --json`` shape of one experiment (stable keys)."""
    arms = experiment.arms
    shares = planned_shares(arms) if arms else []
    return {
        "id": experiment.id,
        "name": experiment.name,
        "campaign": experiment.campaign,
        "segment": experiment.segment,
        "deliverable_index": experiment.deliverable_index,
        "kind": experiment.kind,
        "channel": experiment.channel,
        "metric": experiment.metric,
        "alpha": experiment.alpha,
        "status": experiment.status,
        "source": experiment.source,
        "winner_arm_id": experiment.winner_arm_id,
        "created_at": experiment.created_at,
        "arms": [
            {
                "arm": a.name,
                "arm_id": a.arm_id,
                "variant_id": a.variant_id,
                "variant_uid": a.variant_uid,
                "style": a.style,
                "control": a.is_control,
                "planned_share": share,
                "impressions": a.impressions,
            }
            for a, share in zip(arms, shares, strict=True)
        ],
    }
