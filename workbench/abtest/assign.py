"""Deterministic assignment of user ids to arms, and the send list for SMS / WeCom tools.

``bucket(salt, user)`` is the first 60 bits of ``sha256("<salt>:<user>")`` as a number in
[0, 1). Users below ``holdout`` are held out (they get nothing); the rest of the interval
is cut by the arms' planned weights. The salt is random per experiment and stored with it,
so the same user always lands in the same arm of one experiment, and independently across
experiments.
"""

from __future__ import annotations

import csv
import hashlib
import os
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from workbench.abtest import stats
from workbench.abtest.experiments import planned_shares
from workbench.errors import InputError, Problem, WorkbenchError
from workbench.present import content_text
from workbench.store import Store

HOLDOUT = "holdout"
OUTPUT_COLUMNS = ("user_id", "arm", "variant_id", "variant_uid", "content")
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
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(Problem(where, None, "", f"cannot read: {exc.strerror}")) from None
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


@dataclass
class Assignment:
    experiment_id: int
    out: Path
    users: int
    holdout: int
    arms: list[dict[str, Any]] = field(default_factory=list)  # arm, variant_id, planned, n
    srm_p_value: float | None = None


def assign(
    store: Store, experiment_id: int, users_path: Path, out: Path, holdout: float = 0.0
) -> Assignment:
    """Write the send list (``OUTPUT_COLUMNS``) for every user; report the realised split."""
    if not 0.0 <= holdout < 1.0:
        raise InputError(Problem("--holdout", None, str(holdout), "must be in [0, 1)"))
    experiment = store.ab_get_experiment(experiment_id)
    users = read_users(users_path)
    arms = experiment["arms"]
    shares = planned_shares(arms)
    cumulative = list(accumulate(shares))
    cumulative[-1] = 1.0
    texts = [content_text(a["kind"], a["content"] or {}) for a in arms]
    counts = [0] * len(arms)
    held = 0
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT_COLUMNS)
            for user in users:
                i = assign_index(experiment["salt"], user, cumulative, holdout)
                if i < 0:
                    held += 1
                    continue
                counts[i] += 1
                a = arms[i]
                writer.writerow((user, a["name"], a["variant_id"], a["variant_uid"], texts[i]))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"{out}: cannot write: {exc.strerror}") from None
    srm = stats.srm_test(counts, shares)
    assigned = sum(counts)
    return Assignment(
        experiment_id=experiment_id,
        out=out,
        users=len(users),
        holdout=held,
        arms=[
            {
                "arm": a["name"],
                "variant_id": a["variant_id"],
                "control": a["is_control"],
                "planned_share": s,
                "users": n,
                "share": n / assigned if assigned else None,
            }
            for a, s, n in zip(arms, shares, counts, strict=True)
        ],
        srm_p_value=srm[1] if srm else None,
    )
