"""``store.ab``: A/B tracking (issue 6): experiments, arms, metrics, events, outcomes.

Experiments, arms and archived outcomes come out as the records of ``store.abrecords``.
``metrics`` holds one row per arm and day (``unique(arm_id, date)``); every import is an
upsert on that key inside one transaction, so importing the same file twice changes nothing
and a bad file writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

import yaml

from workbench.errors import NotFoundError, StoreError
from workbench.store.ablifecycle import ExperimentLifecycle, insert_audit
from workbench.store.abrecords import (
    ArchivedArm,
    Arm,
    AuditNote,
    Experiment,
    Outcome,
    PlanSettings,
)
from workbench.store.db import dumps, loads, now, read_txn, write_txn

METRIC_COLUMNS = ("impressions", "clicks", "conversions", "shares", "cost", "revenue")
_IN_CHUNK = 500

_EXPERIMENT_COLUMNS = """
    e.id, e.campaign_id AS campaign, e.segment_id AS segment, e.deliverable_index, e.kind,
    e.channel, e.name, e.metric, e.alpha, e.status, e.source, e.salt, e.winner_arm_id,
    e.decided_at, e.data, e.created_at, e.updated_at
"""
_ARM_COLUMNS = """
    a.id AS arm_id, a.experiment_id, a.name, a.weight, a.is_control, a.tracking_code, a.assigned,
    a.variant_id, v.uid AS variant_uid, v.segment_id AS segment, v.kind, v.channel, v.style,
    v.status AS variant_status, v.content
"""
_EXPERIMENT_FIELDS = [f.name for f in fields(Experiment)][:-1]  # all but arms, in order

# In ``Outcome``'s field order; the JSON columns are parsed.
_OUTCOME_COLUMNS = """
    o.id, o.experiment_id, e.name AS experiment, o.arm_id, o.variant_id, v.uid AS variant_uid,
    o.campaign_id, o.segment_id, s.name AS segment_name, s.data AS segment_data, o.kind,
    o.channel, o.role, o.metric, o.impressions, o.successes, o.rate, o.lift_abs, o.lift_rel,
    o.p_value, o.p_value_adjusted, o.decided_at, v.style, v.content, c.language, c.goal,
    c.brand, c.product
"""
_OUTCOME_JSON = frozenset({9, 23, 26, 27})  # segment_data, content, brand, product


@dataclass(frozen=True, slots=True)
class ArmSpec:
    """One arm to create: the variant it shows, its name, planned weight and role."""

    variant_id: int
    name: str
    weight: float = 1.0
    control: bool = False


def _arm(row: Sequence[Any]) -> Arm:
    """An ``Arm`` from one row of ``_ARM_COLUMNS`` plus the totals (the fields' order)."""
    values = list(row)
    values[4] = bool(values[4])  # is_control
    values[14] = loads(values[14])  # content
    return Arm(*values)


def _experiment(row: Sequence[Any], arms: Sequence[Arm]) -> Experiment:
    """An ``Experiment`` from one row of ``_EXPERIMENT_COLUMNS`` (the fields' order)."""
    values = dict(zip(_EXPERIMENT_FIELDS, row, strict=True))
    values["plan"] = PlanSettings.of(loads(values["plan"]))  # the data column
    return Experiment(**values, arms=tuple(arms))


def _upsert_sql(arm_id: int, columns: Sequence[str], stamp: str) -> str:
    """The metrics upsert of one arm's ``(date, *columns)`` rows; the arm id and the stamp
    (our own ISO text: digits, '-', ':', '.', 'T', 'Z') go in as literals."""
    for column in columns:
        if column not in METRIC_COLUMNS:
            raise ValueError(f"unknown metric column {column!r}")
    names = ["arm_id", "date", *columns, "updated_at"]
    values = [str(int(arm_id)), *("?" * (1 + len(columns))), f"'{stamp}'"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in [*columns, "updated_at"])
    changed = " OR ".join(f"metrics.{c} IS NOT excluded.{c}" for c in columns) or "0"
    return (
        f"INSERT INTO metrics ({', '.join(names)}) VALUES ({', '.join(values)}) "
        f"ON CONFLICT (arm_id, date) DO UPDATE SET {updates} WHERE {changed}"
    )


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


class AB(ExperimentLifecycle):
    """Experiments, arms, metrics, events and outcomes: ``store.ab``."""

    # -- experiments -----------------------------------------------------------------

    def brief_experiment(self, campaign_id: str) -> dict[str, Any]:
        """The ``experiment:`` block of the campaign's newest stored brief ({} if none)."""
        block = self.campaign_brief(campaign_id).get("experiment")
        return block if isinstance(block, dict) else {}

    def campaign_brief(self, campaign_id: str) -> dict[str, Any]:
        """The campaign's newest stored brief, parsed ({} if none or unreadable)."""
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute(
                "SELECT raw FROM briefs WHERE campaign_id = ? ORDER BY id DESC LIMIT 1",
                (campaign_id,),
            ).fetchone()
        if row is None:
            return {}
        try:
            data = yaml.safe_load(row[0])
        except yaml.YAMLError:
            return {}
        return data if isinstance(data, dict) else {}

    def create_experiment(
        self,
        *,
        campaign_id: str,
        name: str,
        metric: str,
        alpha: float,
        segment_id: str | None,
        deliverable_index: int | None,
        kind: str,
        channel: str | None,
        source: str,
        salt: str,
        plan: PlanSettings,
        arms: Sequence[ArmSpec],
    ) -> int:
        """Insert an experiment and its arms in one transaction; returns its id.

        Raises ``StoreError`` if an arm's variant is already in a running experiment (the
        caller checks first and explains; this guards a race with another process)."""
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            marks = ",".join("?" * len(arms))
            busy = conn.execute(
                "SELECT a.variant_id, e.id FROM arms a JOIN experiments e ON e.id ="
                f" a.experiment_id WHERE e.status = 'running' AND a.variant_id IN ({marks})",
                [a.variant_id for a in arms],
            ).fetchone()
            if busy is not None:
                raise StoreError(
                    f"variant {busy[0]} is an arm of running experiment #{busy[1]}"
                    f"; end it first: workbench ab stop {busy[1]}"
                )
            cur = conn.execute(
                "INSERT INTO experiments (campaign_id, name, metric, alpha, status, segment_id,"
                " kind, deliverable_index, channel, source, salt, data, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    campaign_id,
                    name,
                    metric,
                    alpha,
                    segment_id,
                    kind,
                    deliverable_index,
                    channel,
                    source,
                    salt,
                    dumps(plan.to_json()),
                    stamp,
                    stamp,
                ),
            )
            experiment_id = int(cur.lastrowid or 0)
            uids = dict(
                conn.execute(
                    f"SELECT id, uid FROM variants WHERE id IN ({','.join('?' * len(arms))})",
                    [a.variant_id for a in arms],
                ).fetchall()
            )
            conn.executemany(
                "INSERT INTO arms (experiment_id, variant_id, name, weight, tracking_code,"
                " is_control, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        experiment_id,
                        a.variant_id,
                        a.name,
                        a.weight,
                        f"{uids[a.variant_id]}.e{experiment_id}",
                        int(a.control),
                        stamp,
                    )
                    for a in arms
                ],
            )
        return experiment_id

    def find_experiment(
        self, campaign_id: str, segment_id: str | None, deliverable_index: int | None
    ) -> int | None:
        """The running generated experiment of one (campaign, segment, deliverable), if any."""
        with self._lock, read_txn(self._conn) as conn:
            row = conn.execute(
                "SELECT id FROM experiments WHERE campaign_id = ? AND segment_id IS ?"
                " AND deliverable_index IS ? AND source = 'generated' AND status = 'running'"
                " ORDER BY id LIMIT 1",
                (campaign_id, segment_id, deliverable_index),
            ).fetchone()
        return None if row is None else int(row[0])

    def list_experiments(
        self, campaign: str | None = None, ids: Sequence[int] | None = None
    ) -> list[Experiment]:
        """Experiments (oldest first) with their arms and per-arm metric totals."""
        where: list[str] = []
        params: list[Any] = []
        if campaign is not None:
            where.append("e.campaign_id = ?")
            params.append(campaign)
        if ids is not None:
            if not ids:
                return []
            where.append(f"e.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        sql = f"SELECT {_EXPERIMENT_COLUMNS} FROM experiments e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.id"
        with self._lock, read_txn(self._conn) as conn:
            experiments = conn.execute(sql, params).fetchall()
            arms: list[tuple[Any, ...]] = []
            exp_ids = [e[0] for e in experiments]
            for chunk in _chunks(exp_ids):
                marks = ",".join("?" * len(chunk))
                # Totals per arm first (the (arm_id, date) index walks each arm's rows in
                # order, no sorting), then joined to the arm and variant columns: grouping
                # the joined rows would carry every variant's content through a sort.
                arms += conn.execute(
                    f"SELECT {_ARM_COLUMNS}, "
                    "COALESCE(t.impressions, 0) AS impressions, "
                    "COALESCE(t.clicks, 0) AS clicks, "
                    "COALESCE(t.conversions, 0) AS conversions, "
                    "COALESCE(t.shares, 0) AS shares, "
                    "COALESCE(t.cost, 0.0) AS cost, "
                    "COALESCE(t.revenue, 0.0) AS revenue, "
                    "COALESCE(t.days, 0) AS days, "
                    # one index probe each (in the GROUP BY they read every row again)
                    "(SELECT MIN(f.date) FROM metrics f WHERE f.arm_id = a.id) AS first_date, "
                    "(SELECT MAX(f.date) FROM metrics f WHERE f.arm_id = a.id) AS last_date "
                    "FROM arms a JOIN variants v ON v.id = a.variant_id "
                    "LEFT JOIN (SELECT m.arm_id, SUM(m.impressions) AS impressions, "
                    "SUM(m.clicks) AS clicks, SUM(m.conversions) AS conversions, "
                    "SUM(m.shares) AS shares, SUM(m.cost) AS cost, "
                    "SUM(m.revenue) AS revenue, COUNT(*) AS days FROM metrics m "
                    "WHERE m.arm_id IN (SELECT id FROM arms "
                    f"WHERE experiment_id IN ({marks})) GROUP BY m.arm_id) t "
                    "ON t.arm_id = a.id "
                    f"WHERE a.experiment_id IN ({marks}) ORDER BY a.id",
                    [*chunk, *chunk],
                ).fetchall()
        arms_of: dict[int, list[Arm]] = {}
        for row in arms:
            arm = _arm(row)
            arms_of.setdefault(arm.experiment_id, []).append(arm)
        return [_experiment(e, arms_of.get(e[0], ())) for e in experiments]

    def get_experiment(self, experiment_id: int) -> Experiment:
        found = self.list_experiments(ids=[experiment_id])
        if not found:
            raise NotFoundError(f"experiment {experiment_id} not found")
        return found[0]

    # -- results -----------------------------------------------------------------------

    def arms_by_variant(self, keys: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
        """``(arm id, experiment id)`` pairs per variant key (numeric id or uid), for every
        key that has arms."""
        wanted = sorted({k.strip().lower() for k in keys})
        result: dict[str, list[tuple[int, int]]] = {}
        with self._lock, read_txn(self._conn) as conn:
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                ids = [int(k) for k in chunk if k.isdigit()]
                rows = conn.execute(
                    "SELECT v.id, v.uid, a.id, a.experiment_id FROM arms a JOIN variants v"
                    f" ON v.id = a.variant_id WHERE v.uid IN ({marks})"
                    f" OR v.id IN ({','.join('?' * len(ids)) or 'NULL'}) ORDER BY a.id",
                    [*chunk, *ids],
                ).fetchall()
                for variant_id, uid, arm_id, experiment_id in rows:
                    for key in (str(variant_id), uid):
                        if key in chunk:
                            result.setdefault(key, []).append((int(arm_id), int(experiment_id)))
        return result

    def upsert_metrics(
        self, columns: Sequence[str], by_arm: Iterable[tuple[int, Iterable[tuple[Any, ...]]]]
    ) -> int:
        """Upsert ``(date, *columns)`` rows per arm id (any iterables, e.g. lazy ones for
        bulk loads) in one transaction, one prepared statement per arm. Columns not given
        keep their values; a row whose given values are already stored is left alone,
        ``updated_at`` included. Returns the number of rows inserted or changed.

        The row-by-row foreign-key check is off for the load (the pragma only changes
        outside a transaction); instead each arm is looked up once inside the transaction,
        which is the same guarantee since every row of a group has that one arm id."""
        stamp = now()
        with self._lock:
            enforced = bool(self._conn.execute("PRAGMA foreign_keys").fetchone()[0])
            self._conn.execute("PRAGMA foreign_keys = OFF")
            try:
                with write_txn(self._conn) as conn:
                    before = conn.total_changes
                    for arm_id, rows in by_arm:
                        found = conn.execute("SELECT 1 FROM arms WHERE id = ?", (arm_id,))
                        if found.fetchone() is None:
                            raise NotFoundError(f"arm {arm_id} not found")
                        conn.executemany(_upsert_sql(int(arm_id), columns, stamp), rows)
                    return conn.total_changes - before
            finally:
                if enforced:
                    self._conn.execute("PRAGMA foreign_keys = ON")

    def add_events(self, events: Sequence[tuple[int, str, str, str, str]]) -> int:
        """Store ``(arm_id, user_id, event, date, ts)`` events (duplicates ignored) and
        recompute the metrics of every (arm, date) they touch; returns new events stored.

        Per day: clicks, conversions and shares are distinct users with that event (a QR
        scan counts as a click); impressions are distinct users with any event other than
        a scan, but never fewer than an earlier CSV import set (a poster's reach).
        """
        touched = sorted({(e[0], e[3]) for e in events})
        stamp = now()
        with self._lock, write_txn(self._conn) as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT INTO ab_events (arm_id, user_id, event, date, ts) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (arm_id, date, event, user_id) DO NOTHING",
                events,
            )
            added = conn.total_changes - before
            for arm_id, day in touched:
                seen, clicks, conversions, shares = conn.execute(
                    "SELECT COUNT(DISTINCT CASE WHEN event != 'scan' THEN user_id END), "
                    "COUNT(DISTINCT CASE WHEN event IN ('click', 'scan') THEN user_id END), "
                    "COUNT(DISTINCT CASE WHEN event = 'conversion' THEN user_id END), "
                    "COUNT(DISTINCT CASE WHEN event = 'share' THEN user_id END) "
                    "FROM ab_events WHERE arm_id = ? AND date = ?",
                    (arm_id, day),
                ).fetchone()
                conn.execute(
                    "INSERT INTO metrics (arm_id, date, impressions, clicks, conversions, shares,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (arm_id, date) DO UPDATE"
                    " SET impressions = MAX(metrics.impressions, excluded.impressions),"
                    " clicks = excluded.clicks, conversions = excluded.conversions,"
                    " shares = excluded.shares, updated_at = excluded.updated_at",
                    (arm_id, day, seen, clicks, conversions, shares, stamp),
                )
        return added

    # -- outcomes ------------------------------------------------------------------------

    def record_outcome(
        self,
        experiment_id: int,
        winner_arm_id: int,
        outcomes: Sequence[ArchivedArm],
        audit: AuditNote | None = None,
    ) -> None:
        """Mark the winner and archive every arm's numbers (winner and losers) at once;
        ``audit`` is written in the same transaction."""
        stamp = now()
        names = [f.name for f in fields(ArchivedArm)]
        with self._lock, write_txn(self._conn) as conn:
            if audit is not None:
                insert_audit(
                    conn,
                    experiment_id,
                    actor=audit.actor,
                    action=audit.action,
                    to_status="decided",
                    data=audit.data,
                    variant_id=audit.variant_id,
                    comment=audit.comment,
                    stamp=stamp,
                )
            conn.execute(
                "UPDATE experiments SET winner_arm_id = ?, status = 'decided', decided_at = ?,"
                " updated_at = ? WHERE id = ?",
                (winner_arm_id, stamp, stamp, experiment_id),
            )
            conn.execute("DELETE FROM ab_outcomes WHERE experiment_id = ?", (experiment_id,))
            conn.executemany(
                f"INSERT INTO ab_outcomes ({', '.join(names)}, decided_at)"
                f" VALUES ({', '.join('?' * (len(names) + 1))})",
                [(*[getattr(o, n) for n in names[:-1]], dumps(o.data), stamp) for o in outcomes],
            )

    def outcomes(
        self,
        role: str,
        *,
        campaign: str | None = None,
        kind: str | None = None,
        channel: str | None = None,
        any_channel: bool = False,
    ) -> list[Outcome]:
        """Archived arms (``winner`` or ``loser``), newest decision first, with the variant
        content, campaign facts and segment."""
        where = ["o.role = ?"]
        params: list[Any] = [role]
        if campaign is not None:
            where.append("o.campaign_id = ?")
            params.append(campaign)
        if kind is not None:
            where.append("o.kind = ?")
            params.append(kind)
        if not any_channel:
            where.append("o.channel IS ?")
            params.append(channel)
        sql = (
            f"SELECT {_OUTCOME_COLUMNS}"
            " FROM ab_outcomes o JOIN variants v ON v.id = o.variant_id"
            " JOIN experiments e ON e.id = o.experiment_id"
            " JOIN campaigns c ON c.id = o.campaign_id"
            " LEFT JOIN segments s ON s.campaign_id = o.campaign_id AND s.id = o.segment_id"
            f" WHERE {' AND '.join(where)} ORDER BY o.decided_at DESC, o.id"
        )
        with self._lock, read_txn(self._conn) as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            Outcome(*[loads(v) if i in _OUTCOME_JSON else v for i, v in enumerate(row)])
            for row in rows
        ]
