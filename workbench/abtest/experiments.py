"""Creating experiments: one per (campaign, segment, deliverable) from generated variants,
or from hand-picked variants.

Arms are variants (newest version of each slot; ``rejected`` ones left out). The control is
the first generated variant unless one is chosen; the planned split is equal unless weights
are given. Metric and alpha default to the brief's ``experiment:`` block. Every experiment
gets a random salt for user assignment, stored with it.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError, NotFoundError, Problem
from workbench.store import Store
from workbench.store.ab import ArmSpec

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


@dataclass(frozen=True)
class Created:
    id: int
    created: bool  # False: the (campaign, segment, deliverable) experiment already existed


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
    block = store.ab_brief_experiment(campaign)
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


def _arms(
    variants: Sequence[dict[str, Any]], options: ExperimentOptions, where: str
) -> list[ArmSpec]:
    if len(variants) < 2:
        raise InputError(Problem(where, None, "", "an experiment needs at least 2 variants"))
    ordered = sorted(variants, key=lambda v: v["id"])
    control = ordered[0]
    if options.control is not None:
        key = options.control.strip().lower()
        found = [v for v in ordered if key in (str(v["id"]), v["uid"])]
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
        ArmSpec(v["id"], arm_name(i), float(w), control=i == 0)
        for i, (v, w) in enumerate(zip(ordered, weights, strict=True))
    ]


def _data(options: ExperimentOptions) -> dict[str, Any]:
    return {"mde": options.mde, "mde_relative": options.mde_relative, "power": options.power}


def create_from_variants(
    store: Store,
    campaign: str,
    *,
    segment: str | None = None,
    deliverable: int | None = None,
    options: ExperimentOptions | None = None,
) -> list[Created]:
    """One experiment per (segment, deliverable) of the campaign with 2+ variants.

    Idempotent: a group that already has its generated experiment is reported, not
    duplicated. ``control`` and ``weights`` need a single group (give segment and
    deliverable).
    """
    options = options or ExperimentOptions()
    variants = [
        v
        for v in store.list_variants(campaign=campaign, segment=segment)
        if v["status"] not in EXCLUDED_STATUSES
        and (deliverable is None or v["deliverable_index"] == deliverable)
    ]
    if not variants:
        raise NotFoundError(f"no variants for campaign {campaign!r} with those filters")
    metric, alpha = _settings(store, campaign, options)
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for v in variants:
        groups.setdefault((v["segment"], v["deliverable_index"]), []).append(v)
    groups = {k: g for k, g in groups.items() if len(g) >= 2}
    if (options.control or options.weights) and len(groups) != 1:
        raise _flag(
            "--control" if options.control else "--weights",
            options.control or options.weights,
            f"applies to one experiment; {len(groups)} match (give --segment and --deliverable)",
        )
    results: list[Created] = []
    for (seg, index), group in sorted(groups.items()):
        existing = store.ab_find_experiment(campaign, seg, index)
        if existing is not None:
            results.append(Created(existing, False))
            continue
        first = group[0]
        where = f"{campaign}/{seg}/deliverables[{index}]"
        arms = _arms(group, options, where)
        channel = first["channel"]
        experiment_id = store.ab_create_experiment(
            campaign_id=campaign,
            name=options.name or f"{where} {first['kind']}" + (f":{channel}" if channel else ""),
            metric=metric,
            alpha=alpha,
            segment_id=seg,
            deliverable_index=index,
            kind=first["kind"],
            channel=channel,
            source="generated",
            salt=secrets.token_hex(8),
            data=_data(options),
            arms=arms,
        )
        results.append(Created(experiment_id, True))
    return results


def create_manual(
    store: Store, variant_keys: Sequence[str], options: ExperimentOptions | None = None
) -> int:
    """An experiment over hand-picked variants (ids or uids) of one campaign and kind."""
    options = options or ExperimentOptions()
    variants: list[dict[str, Any]] = []
    for key in variant_keys:
        try:
            variants.append(store.get_variant(key.strip()))
        except NotFoundError:
            raise _flag("--variants", key, "no such variant") from None
    if len({v["id"] for v in variants}) != len(variants):
        raise _flag("--variants", ",".join(variant_keys), "lists a variant twice")
    for field, label in (("campaign", "campaign"), ("kind", "kind")):
        values = {v[field] for v in variants}
        if len(values) > 1:
            raise _flag("--variants", ",".join(variant_keys), f"mix {label}s: {sorted(values)}")
    first = variants[0]
    metric, alpha = _settings(store, first["campaign"], options)
    arms = _arms(variants, options, "--variants")

    def common(field: str) -> Any:
        values = {v[field] for v in variants}
        return values.pop() if len(values) == 1 else None

    return store.ab_create_experiment(
        campaign_id=first["campaign"],
        name=options.name or f"{first['campaign']} {first['kind']} " + " vs ".join(variant_keys),
        metric=metric,
        alpha=alpha,
        segment_id=common("segment"),
        deliverable_index=common("deliverable_index"),
        kind=first["kind"],
        channel=common("channel"),
        source="manual",
        salt=secrets.token_hex(8),
        data=_data(options),
        arms=arms,
    )


def planned_shares(arms: Sequence[dict[str, Any]]) -> list[float]:
    total = sum(float(a["weight"]) for a in arms)
    return [float(a["weight"]) / total for a in arms]


def experiment_summary(experiment: dict[str, Any]) -> dict[str, Any]:
    """The ``ab list --json`` shape of one experiment (stable keys)."""
    arms = experiment["arms"]
    shares = planned_shares(arms) if arms else []
    return {
        "id": experiment["id"],
        "name": experiment["name"],
        "campaign": experiment["campaign"],
        "segment": experiment["segment"],
        "deliverable_index": experiment["deliverable_index"],
        "kind": experiment["kind"],
        "channel": experiment["channel"],
        "metric": experiment["metric"],
        "alpha": experiment["alpha"],
        "status": experiment["status"],
        "source": experiment["source"],
        "winner_arm_id": experiment["winner_arm_id"],
        "created_at": experiment["created_at"],
        "arms": [
            {
                "arm": a["name"],
                "arm_id": a["arm_id"],
                "variant_id": a["variant_id"],
                "variant_uid": a["variant_uid"],
                "style": a["style"],
                "control": a["is_control"],
                "planned_share": share,
                "impressions": a["impressions"],
            }
            for a, share in zip(arms, shares, strict=True)
        ],
    }
