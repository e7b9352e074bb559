"""Results in: daily CSV totals, event-level JSONL logs, and poster QR scan logs.

Every importer validates the whole file first and writes in one transaction, so a file
with a bad row writes nothing (problems are reported as ``file:line: field: message``).
Rows are keyed by variant: its numeric id or its 10-hex uid, plus an optional
``experiment`` (CSV column or JSON key: the experiment id). Wherever a variant has been an
arm of more than one experiment, its rows must name the experiment (a missing one is an
error naming the line), so one import never feeds two experiments.

A results file of the common shape (plain unquoted fields, no spaces) is read whole
columns at a time (``bulkcsv``); anything else, and every file with a problem, goes
through the careful row-by-row parser here, which names each bad line.

**Results CSV**: header ``variant_id,date,impressions,clicks,conversions`` plus any of
``shares,cost,revenue`` (these names exactly, any order); ``date`` is ISO ``YYYY-MM-DD``.
Upsert by (variant, date): importing a file again changes nothing; optional columns a file
leaves out keep their stored values.

**Events JSONL**: one object per line, ``{"user_id", "variant_id", "event", "ts"}`` with
``event`` one of impression, click, conversion, share and ``ts`` an ISO date-time (its
date, in its own offset, is the day). Stored once per (variant, day, event, user); the
day's counts are distinct users (see ``store.ab.add_events``).

**QR scan log** (``.csv``, or ``.jsonl``): one scan per row with ``ts`` and either
``utm_content`` (the variant's uid, as printed in the poster's QR link) or ``url`` (the
scanned link; its ``utm_content`` query parameter is used); ``user_id`` optional (a
scan without one is identified by its whole row). Scans count as clicks.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from workbench.abtest.bulkcsv import (
    iso_date,
    normal_key,
    parse_results,
    read_text,
    value_columns,
)
from workbench.errors import InputError, Problem
from workbench.guards.dates import FORMS
from workbench.guards.headers import column_keys
from workbench.guards.limits import INT_MAX
from workbench.store import Store
from workbench.tracking.links import SHORT_PATH, uid_for

EVENTS = ("impression", "click", "conversion", "share")
EXPERIMENT = "experiment"  # the optional column / key naming a row's experiment
MAX_PROBLEMS = 20
_COUNTS = ("impressions", "clicks", "conversions", "shares")


@dataclass(frozen=True)
class ImportSummary:
    path: str
    rows: int  # rows (or events) read
    written: int  # metric rows upserted (CSV) or new events stored (events, scans)
    variants: int
    arms: int
    dates: int


class _Problems:
    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []

    def add(self, line: int | None, field: str, message: str) -> None:
        self.items.append(Problem(self.path, line, field, message))

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(self.items)


def _count_ok(text: str) -> bool:
    """A whole number an SQLite INTEGER holds, written in ASCII digits."""
    return text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= INT_MAX


def _open(path: Path) -> Any:
    """The file as a text stream (decoded with detection by ``bulkcsv.read_text``)."""
    return io.StringIO(read_text(path), newline="")


def _resolve(store: Store, keys: set[str]) -> dict[str, list[tuple[int, int]]]:
    return store.ab.arms_by_variant(keys)


def experiment_arm(
    pairs: list[tuple[int, int]], experiment: Any, key: str, line: int, problems: _Problems
) -> int | None:
    """The arm a row feeds: the one of its ``experiment`` (required when the variant has
    been in several), or None after adding the problem."""
    text = "" if experiment is None else str(experiment).strip().lstrip("#")
    if not text:
        if len(pairs) == 1:
            return pairs[0][0]
        named = ", ".join(f"#{e}" for _a, e in pairs)
        problems.add(
            line,
            "experiment",
            f"variant {key} has been in experiments {named}: name one (experiment column)",
        )
        return None
    if not _count_ok(text):
        problems.add(line, "experiment", f"{experiment!r} is not an experiment id")
        return None
    for arm_id, experiment_id in pairs:
        if experiment_id == int(text):
            return arm_id
    problems.add(line, "experiment", f"variant {key} is not an arm of experiment #{text}")
    return None


def _import_fast(store: Store, path: Path) -> ImportSummary | None:
    """The whole-column path (``bulkcsv``); ``None`` leaves the file to the careful one."""
    text = read_text(path)
    first, _newline, body = text.partition("\n")
    if not first.strip() or '"' in first:
        return None
    names = column_keys(first.rstrip("\r").split(","))  # 变体ID,日期,… or variant_id,…
    if EXPERIMENT in names:
        return None  # rows name their experiment: the careful path resolves each
    columns = value_columns(names, str(path))
    parsed = parse_results(body, names, columns)
    del text, body
    if parsed is None:
        return None
    arms_by_key = _resolve(store, set(parsed.groups))
    if any(len(arms_by_key.get(key, ())) != 1 for key in parsed.groups):
        return None  # the careful path names the lines
    # Written grouped by arm and sorted by date within it, so that an arm's totals later
    # read neighbouring pages.
    store.ab.upsert_metrics(
        columns, ((arms_by_key[key][0][0], parsed.of(key)) for key in parsed.groups)
    )
    return ImportSummary(
        path=str(path),
        rows=parsed.rows,
        written=sum(len(rows) for rows in parsed.groups.values()),
        variants=len(parsed.groups),
        arms=len({arms_by_key[key][0][0] for key in parsed.groups}),
        dates=parsed.dates,
    )


def import_results(store: Store, path: Path) -> ImportSummary:
    """Import a results CSV (see the module docstring). Raises ``InputError``; writes all or
    nothing."""
    fast = _import_fast(store, path)
    if fast is not None:
        return fast
    where = str(path)
    problems = _Problems(where)
    with _open(path) as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise InputError(Problem(where, 1, "", "empty file: expected a header row"))
        names = column_keys(header)  # either language, padded or not
        ei = names.index(EXPERIMENT) if EXPERIMENT in names else None
        columns = value_columns([n for n in names if n != EXPERIMENT], where)
        index = [names.index(c) for c in columns]
        vi, di = names.index("variant_id"), names.index("date")
        width = len(names)
        experiments: dict[int, str] = {}
        parsed: list[tuple[str, str, int, list[Any]]] = []
        good_dates: set[str] = set()
        seen: dict[tuple[str, str], int] = {}
        for row in reader:
            line = reader.line_num
            if len(row) != width:
                if not any(c.strip() for c in row):
                    continue
                problems.add(line, "", f"has {len(row)} fields, the header has {width}")
            else:
                _check_row(row, line, vi, di, columns, index, problems, good_dates, seen, parsed)
                if ei is not None:
                    experiments[line] = row[ei]
            if problems.full:
                break
    problems.raise_if_any()
    if not parsed:
        raise InputError(Problem(where, None, "", "no data rows"))
    arms_by_key = _resolve(store, {p[0] for p in parsed})
    arm_of: dict[int, int] = {}
    for key, _day, line, _values in parsed:
        if key not in arms_by_key:
            problems.add(line, "variant_id", f"{key!r} is not a variant in any experiment")
        else:
            arm = experiment_arm(arms_by_key[key], experiments.get(line), key, line, problems)
            if arm is not None:
                arm_of[line] = arm
        if problems.full:
            break
    problems.raise_if_any()
    by_arm: dict[int, list[tuple[Any, ...]]] = {}
    for _key, day, line, values in sorted(parsed, key=lambda p: (p[0], p[1])):
        by_arm.setdefault(arm_of[line], []).append((day, *values))
    store.ab.upsert_metrics(columns, by_arm.items())
    return ImportSummary(
        path=where,
        rows=len(parsed),
        written=sum(len(rows) for rows in by_arm.values()),
        variants=len({p[0] for p in parsed}),
        arms=len(by_arm),
        dates=len({p[1] for p in parsed}),
    )


def _check_row(
    row: list[str],
    line: int,
    vi: int,
    di: int,
    columns: list[str],
    index: list[int],
    problems: _Problems,
    good_dates: set[str],
    seen: dict[tuple[str, str], int],
    parsed: list[tuple[str, str, int, list[Any]]],
) -> None:
    key = normal_key(row[vi])
    day = row[di].strip()
    ok = True
    if not key:
        problems.add(line, "variant_id", "is empty")
        ok = False
    if day not in good_dates:
        parsed_day = iso_date(day)
        if parsed_day is None:
            problems.add(line, "date", f"{day!r} is not a date ({FORMS})")
            ok = False
        else:
            day = parsed_day.isoformat()  # 2026/3/10 is stored as 2026-03-10
            good_dates.add(day)
    values: list[Any] = []
    for column, i in zip(columns, index, strict=True):
        text = row[i].strip()
        if column in _COUNTS:
            if not text and column == "shares":
                values.append(0)
                continue
            if not _count_ok(text):  # ASCII digits only ("²" is a digit to isdigit)
                problems.add(line, column, f"{text[:40]!r} is not a whole number >= 0")
                ok = False
                values.append(0)
                continue
            values.append(int(text))
        else:
            try:
                number = float(text) if text else 0.0
            except ValueError:
                number = math.nan
            if not math.isfinite(number) or number < 0:
                problems.add(line, column, f"{text!r} is not a number >= 0")
                ok = False
            values.append(number)
    if not ok:
        return
    impressions = values[0]
    for column, value in zip(columns[1:], values[1:], strict=True):
        if column in _COUNTS and value > impressions:
            problems.add(line, column, f"{value} exceeds impressions {impressions}")
            return
    if (key, day) in seen:
        problems.add(line, "date", f"variant {key} on {day} repeats line {seen[key, day]}")
        return
    seen[key, day] = line
    parsed.append((key, day, line, values))


def _event_day(ts: Any) -> str | None:
    if not isinstance(ts, str):
        return None
    text = ts.strip()
    try:
        when = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        return None
    return when.strftime("%Y-%m-%d")


def _jsonl(path: Path, problems: _Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    with _open(path) as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.add(line, "", f"not JSON: {exc.msg}")
                continue
            except RecursionError:
                problems.add(line, "", "JSON nested too deeply")
                continue
            if not isinstance(obj, dict):
                problems.add(line, "", "each line must be a JSON object")
                continue
            yield line, obj


def _key(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return str(value).strip().lower()


def _store_events(
    store: Store,
    path: Path,
    events: list[tuple[str, str, str, str, str, int]],
    problems: _Problems,
    experiments: dict[int, Any],
) -> ImportSummary:
    """Resolve ``(variant_key, user, event, day, ts, line)`` (``experiments``: each line's
    ``experiment`` value) and store them all or none."""
    problems.raise_if_any()
    if not events:
        raise InputError(Problem(str(path), None, "", "no events"))
    arms_by_key = _resolve(store, {e[0] for e in events})
    arm_of: dict[int, int] = {}
    for key, *_rest, line in events:
        if key not in arms_by_key:
            problems.add(line, "variant_id", f"{key!r} is not a variant in any experiment")
        else:
            arm = experiment_arm(arms_by_key[key], experiments.get(line), key, line, problems)
            if arm is not None:
                arm_of[line] = arm
        if problems.full:
            break
    problems.raise_if_any()
    rows = [(arm_of[line], user, event, day, ts) for _k, user, event, day, ts, line in events]
    written = store.ab.add_events(rows)
    return ImportSummary(
        path=str(path),
        rows=len(events),
        written=written,
        variants=len({e[0] for e in events}),
        arms=len({r[0] for r in rows}),
        dates=len({e[3] for e in events}),
    )


def import_events(store: Store, path: Path) -> ImportSummary:
    """Import an event-level JSONL log (see the module docstring)."""
    problems = _Problems(str(path))
    events: list[tuple[str, str, str, str, str, int]] = []
    experiments: dict[int, Any] = {}
    for line, obj in _jsonl(path, problems):
        user, key, event = _key(obj.get("user_id")), _key(obj.get("variant_id")), obj.get("event")
        day = _event_day(obj.get("ts"))
        if not user:
            problems.add(line, "user_id", "must be a non-empty string or number")
        elif not key:
            problems.add(line, "variant_id", "must be a variant id or uid")
        elif event not in EVENTS:
            problems.add(line, "event", f"{event!r} must be one of {', '.join(EVENTS)}")
        elif day is None:
            problems.add(line, "ts", f"{obj.get('ts')!r} is not an ISO date-time")
        else:
            events.append((key, user, str(event), day, str(obj["ts"]).strip(), line))
            experiments[line] = obj.get(EXPERIMENT)
        if problems.full:
            break
    return _store_events(store, path, events, problems, experiments)


def _scan_rows(path: Path, problems: _Problems) -> Iterator[tuple[int, dict[str, Any], str]]:
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        for line, obj in _jsonl(path, problems):
            yield line, obj, json.dumps(obj, sort_keys=True, ensure_ascii=False)
        return
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        fields = [f.strip() for f in reader.fieldnames or []]
        if "ts" not in fields or not ({"utm_content", "url"} & set(fields)):
            raise InputError(
                Problem(str(path), 1, "ts", "the header needs ts and utm_content or url")
            )
        reader.fieldnames = fields
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            yield reader.line_num, dict(row), "\x1f".join(f"{k}={row[k]}" for k in sorted(fields))


def _utm(obj: dict[str, Any]) -> str:
    direct = obj.get("utm_content")
    if isinstance(direct, str) and direct.strip():
        return direct.strip().lower()
    url = obj.get("url")
    if isinstance(url, str) and url.strip():
        parts = urlparse(url.strip())
        values = parse_qs(parts.query).get("utm_content")
        if values:
            return values[0].strip().lower()
        head, _sep, code = parts.path.rpartition(SHORT_PATH)
        uid = uid_for(code) if _sep and not head.strip("/") else None
        if uid is not None:  # a tracked short link: {base_url}/s/{code}
            return uid
    return ""


def import_scans(store: Store, path: Path) -> ImportSummary:
    """Import a poster QR scan log (see the module docstring); scans count as clicks."""
    problems = _Problems(str(path))
    events: list[tuple[str, str, str, str, str, int]] = []
    experiments: dict[int, Any] = {}
    for line, obj, raw in _scan_rows(path, problems):
        key = _utm(obj)
        day = _event_day(obj.get("ts"))
        if not key:
            problems.add(line, "utm_content", "no utm_content (give utm_content or a url with it)")
        elif day is None:
            problems.add(line, "ts", f"{obj.get('ts')!r} is not an ISO date-time")
        else:
            user = _key(obj.get("user_id"))
            if not user:
                user = "scan:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
            events.append((key, user, "scan", day, str(obj["ts"]).strip(), line))
            experiments[line] = obj.get(EXPERIMENT)
        if problems.full:
            break
    return _store_events(store, path, events, problems, experiments)
