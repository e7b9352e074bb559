"""Deterministic assignment of user ids to arms, and the send list for SMS / WeCom tools.

``bucket(salt, user)`` is the first 60 bits of ``sha256("<salt>:<user>")`` as a number in
[0, 1). Users below ``holdout`` are held out (they get nothing); the rest of the interval
is cut by the arms' planned weights. The salt is random per experiment and stored with it,
so the same user always lands in the same arm of one experiment, and independently across
experiments.

The send list is neutralised like every export (control characters removed, cells that a
spreadsheet would evaluate prefixed with ``'``) and carries each user's tracked link (the
arm's variant link, see ``workbench.tracking``). The arms' user counts are stored: they are
the exposure ``ab report`` uses when no results were imported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

from workbench.abtest import stats
from workbench.abtest.bulkcsv import read_text
from workbench.abtest.experiments import planned_shares
from workbench.errors import InputError, Problem
from workbench.export.safety import neutralise
from workbench.fsio import atomic_output
from workbench.store import Store
from workbench.textview import content_text
from workbench.tracking.attach import landing_urls
from workbench.tracking.links import variant_link

OUTPUT_COLUMNS = ("user_id", "arm", "variant_id", "variant_uid", "content", "link")
# C0/C1 controls but newline, and the invisible bidi overrides that disguise text.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SCALE = float(1 << 60)


def bucket(salt: str, user_id: str) -> float:
    digest = hashlib.sha256(f"{salt}:{user_id}".encode()).digest()
    return (int.from_bytes(digest[:8], "big") >> 4) / _SCALE


def assign_index(salt: str, user_id: str, cumulative: Sequence[float], holdout: float) -> int:
    """The arm index for ``user_id``, or -1 for the holdout group.

    ``cumulative`` are the arms' cumulative planned shares (last one 1.0).
    """
    u = bucket(salt, user_id)
    if u < holdout:
        return -1
    scaled = (u - holdout) / (1.0 - holdout)
    return min(bisect_right(cumulative, scaled), len(cumulative) - 1)


def read_users(path: Path) -> list[str]:
    """User ids from a CSV with a ``user_id`` column (UTF-8, Excel's BOM accepted).

    Blank or duplicate ids are input errors (file:line), so a send list never has a user
    twice or an empty address.
    """
    where = str(path)
    handle = io.StringIO(read_text(path), newline="")  # encoding detected, FIFOs refused
    users: list[str] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or "user_id" not in [h.strip() for h in header]:
            raise InputError(Problem(where, 1, "user_id", "the header must have a user_id column"))
        col = [h.strip() for h in header].index("user_id")
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            user = row[col].strip() if col < len(row) else ""
            if not user:
                problems.append(Problem(where, line, "user_id", "is empty"))
            elif user in seen:
                problems.append(
                    Problem(where, line, "user_id", f"{user!r} repeats line {seen[user]}")
                )
            else:
                seen[user] = line
                users.append(user)
            if len(problems) >= 20:
                break
    if problems:
        raise InputError(problems)
    if not users:
        raise InputError(Problem(where, None, "user_id", "no users in the file"))
    return users


@dataclass(frozen=True, slots=True)
class AssignedArm:
    """How many users one arm's send list got, against its planned share."""

    arm: str
    variant_id: int
    control: bool
    planned_share: float
    users: int
    share: float | None
    """The realised share of the assigned users (None when nobody was assigned)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "arm": self.arm,
            "variant_id": self.variant_id,
            "control": self.control,
            "planned_share": self.planned_share,
            "users": self.users,
            "share": self.share,
        }


@dataclass(frozen=True, slots=True)
class Assignment:
    """What ``ab assign`` did: the send list written, the users held out, the split."""

    experiment_id: int
    out: Path
    users: int
    holdout: int
    """Users held out of every arm (``--holdout``)."""
    arms: tuple[AssignedArm, ...] = ()
    srm_p_value: float | None = None
    """Chi-square test of the realised split against the planned one."""

    def to_json(self) -> dict[str, Any]:
        """The ``ab assign --json`` shape."""
        return {
            "experiment": self.experiment_id,
            "out": str(self.out),
            "users": self.users,
            "holdout": self.holdout,
            "srm_p_value": self.srm_p_value,
            "arms": [a.to_json() for a in self.arms],
        }


def cell(value: str) -> str:
    """A send-list cell: no control characters, no formula a spreadsheet would run."""
    return str(neutralise(_CONTROL.sub("", value)))


def assign(
    store: Store,
    experiment_id: int,
    users_path: Path,
    out: Path,
    holdout: float = 0.0,
    base_url: str = "",
) -> Assignment:
    """Write the send list (``OUTPUT_COLUMNS``) for every user; report the realised split."""
    if not 0.0 <= holdout < 1.0:
        raise InputError(Problem("--holdout", None, str(holdout), "must be in [0, 1)"))
    experiment = store.ab.get_experiment(experiment_id)
    users = read_users(users_path)
    arms = experiment.arms
    shares = planned_shares(arms)
    cumulative = list(accumulate(shares))
    cumulative[-1] = 1.0
    texts = [cell(content_text(a.kind, a.content or {})) for a in arms]
    landing = landing_urls(store, [experiment.campaign]).get(experiment.campaign)
    links = [
        ""
        if not landing
        else variant_link(
            landing,
            base_url=base_url,
            uid=a.variant_uid,
            campaign=experiment.campaign,
            kind=a.kind,
            channel=a.channel,
        ).url
        for a in arms
    ]
    counts = [0] * len(arms)
    held = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(OUTPUT_COLUMNS)
        for user in users:
            i = assign_index(experiment.salt, user, cumulative, holdout)
            if i < 0:
                held += 1
                continue
            counts[i] += 1
            a = arms[i]
            writer.writerow((cell(user), a.name, a.variant_id, a.variant_uid, texts[i], links[i]))
    store.ab.set_assigned({a.arm_id: n for a, n in zip(arms, counts, strict=True)})
    srm = stats.srm_test(counts, shares)
    assigned = sum(counts)
    return Assignment(
        experiment_id=experiment_id,
        out=out,
        users=len(users),
        holdout=held,
        arms=tuple(
            AssignedArm(
                a.name, a.variant_id, a.is_control, s, n, n / assigned if assigned else None
            )
            for a, s, n in zip(arms, shares, counts, strict=True)
        ),
        srm_p_value=srm[1] if srm else None,
    )
