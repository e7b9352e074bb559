"""Decisions coming back: read a filled-in XLSX/CSV export and apply it as review actions.

Rows need ``variant_id``; ``decision``, ``comment`` and ``reviewer`` are what reviewers fill
in; ``uid`` and ``hash`` (written by the export) catch edited ids and stale rows. Each
applied row carries an ``import_key`` (a hash of the row) in its audit data, so importing
the same file again applies nothing.

The import is all or nothing: every row is checked (and planned against the state the rows
before it leave) first; when any row has a problem nothing is written, otherwise every
action is applied in one transaction. Files are read through the guards: regular files
only, size-bounded, encoding detected, XLSX archives checked for zip bombs before parsing,
CSV fields up to :data:`workbench.guards.csvio.MAX_FIELD` characters.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypedDict

from workbench.errors import InputError, NotFoundError, Problem
from workbench.guards.archive import check_zip
from workbench.guards.csvio import field_error
from workbench.guards.decode import decode_text, read_bytes, regular_file
from workbench.guards.headers import column_keys
from workbench.guards.headers import label as zh_label
from workbench.guards.text import clean_text
from workbench.review.rowhash import content_hash
from workbench.review.workflow import (
    Relint,
    ReviewError,
    ReviewRequest,
    StepPolicy,
    check_steps,
    plan,
)
from workbench.store import Store
from workbench.store.auditlog import AuditEntry
from workbench.store.reviews import ReviewAction
from workbench.store.variantrecord import Variant

DECISIONS = {
    "approve": "approve",
    "approved": "approve",
    "通过": "approve",
    "reject": "reject",
    "rejected": "reject",
    "驳回": "reject",
    "changes": "request_changes",
    "修改": "request_changes",
    "request changes": "request_changes",
    "request_changes": "request_changes",
    "changes_requested": "request_changes",
}
REQUIRED = ("variant_id", "decision", "comment")
MAX_FILE = 200_000_000
# What openpyxl raises on a hostile workbook: XML ParseError is a SyntaxError; a member of
# the wrong shape gives KeyError/TypeError/AttributeError/IndexError.
_PARSER_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    KeyError,
    ValueError,
    SyntaxError,
    TypeError,
    AttributeError,
    IndexError,
)


class RowRef(TypedDict):
    """Which row of the decisions file an entry of the report is about."""

    row: int
    """The row number in the file (the header is row 1)."""
    variant_id: str
    """The row's variant id as written ("-" when empty)."""


class RowProblem(RowRef):
    """A row that was not imported, and why."""

    problem: str


class RowAlready(RowRef):
    """A row imported before (same decision, comment and reviewer): skipped."""

    action: str


RowApplied = TypedDict(
    "RowApplied",
    {"row": int, "variant_id": str, "action": str, "from": str, "to": str, "reviewer": str},
)
"""A row imported: the review action and the status change it made (``from`` is a keyword,
hence the functional form)."""


class ImportReportJson(TypedDict):
    """``review import --json``."""

    applied: list[RowApplied]
    already: list[RowAlready]
    problems: list[RowProblem]


@dataclass
class ImportReport:
    applied: list[RowApplied] = field(default_factory=list)
    """Rows imported (empty when any row has a problem: all or nothing)."""
    already: list[RowAlready] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def as_dict(self) -> ImportReportJson:
        return {"applied": self.applied, "already": self.already, "problems": self.problems}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number, {header: text})`` from every sheet of an XLSX, or from a CSV."""
    label = str(path)
    regular_file(path, label)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path)
    else:
        raise InputError(Problem(label, None, "", "expected a .xlsx or .csv export"))


def _header(names: list[str], label: str, line: int) -> list[str]:
    header = column_keys(names)  # 变体ID / variant_id, padded or not
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        named = ", ".join(f"{c} ({zh_label(c, 'zh-CN')})" for c in missing)
        raise InputError(Problem(label, line, "", f"missing column(s) {named}"))
    return header


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    label = str(path)
    text = decode_text(read_bytes(path, label, MAX_FILE), label, "CSV")
    reader = csv.reader(text.splitlines())
    header: list[str] | None = None
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                header = _header(cells, label, number)
                continue
            yield number, {h: _cell(v) for h, v in zip(header, cells, strict=False)}
    except csv.Error as exc:
        raise field_error(exc, label, number + 1) from None
    if header is None:
        raise InputError(Problem(label, 1, "", "empty file"))


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_zip(path, str(path))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_PARSER_ERRORS) as exc:
        message = " ".join(str(exc).split()) or "unreadable"
        raise InputError(Problem(str(path), None, "", f"not an XLSX file ({message})")) from None
    try:
        found = False
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            first = next(rows, None)
            names = column_keys(_cell(c) for c in first or ())
            if not all(column in names for column in REQUIRED):
                continue  # e.g. the provenance sheet
            found = True
            header = _header(names, f"{path}[{sheet.title}]", 1)
            for number, cells in enumerate(rows, start=2):
                yield number, {h: _cell(v) for h, v in zip(header, cells, strict=False)}
        if not found:
            raise InputError(
                Problem(
                    str(path),
                    None,
                    "",
                    "no sheet has variant_id, decision and comment (变体ID, 审核决定, 审核意见)",
                )
            )
    except _PARSER_ERRORS as exc:
        message = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(Problem(str(path), None, "", f"unreadable XLSX ({message})")) from None
    finally:
        book.close()


def _is_id(text: str) -> bool:
    """A variant id as written in a file: ASCII digits that fit an SQLite integer."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def _key(row: dict[str, str], decision: str) -> str:
    """The row as the reviewer wrote it (not who imports it): same row, same key."""
    seed = "|".join(
        [
            row.get("variant_id", ""),
            row.get("hash", ""),
            decision,
            row.get("comment", ""),
            row.get("reviewer", ""),
        ]
    )
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


class _Planned:
    """The store as the rows planned so far would leave it (nothing is written yet).

    Variants, their newest versions and audit rows are read for all rows at once.
    """

    def __init__(self, store: Store, rows: Sequence[tuple[int, dict[str, str]]]) -> None:
        self.store = store
        ids = {int(i) for _n, row in rows if _is_id(i := row.get("variant_id", ""))}
        self.variants = store.variants.by_id(ids)
        self.newest = store.variants.newest_of(self.variants)
        self.rows = store.reviews.review_rows_of(self.variants)

    def variant(self, vid: int) -> Variant:
        found = self.variants.get(vid)
        if found is None:
            raise NotFoundError(f"variant {vid} not found")
        return found

    def newest_versions(self, ids: Sequence[int]) -> dict[int, int]:
        return {i: self.newest.get(i, i) for i in ids}

    def review_rows(self, vid: int) -> list[AuditEntry]:
        return self.rows.setdefault(vid, [])

    def record(self, action: ReviewAction) -> None:
        """What the action will change: the variant's status and its audit rows."""
        if action.to_status is not None:
            planned = self.variants[action.variant_id]
            self.variants[action.variant_id] = replace(planned, status=action.to_status)
        self.review_rows(action.variant_id).append(
            AuditEntry(action.action, action.actor, action.data, variant_id=action.variant_id)
        )


def import_decisions(
    store: Store,
    path: Path,
    default_reviewer: str,
    steps: Sequence[str],
    relint: Relint | None = None,
    policy: StepPolicy | None = None,
) -> ImportReport:
    """Check every row, then apply all of them in one transaction, or none on any problem.

    Unknown, edited, stale and bad rows are reported; rows imported before are skipped.
    """
    steps = check_steps(steps)
    report = ImportReport()
    campaigns: set[str] = set()
    rows = list(read_rows(path))
    digest = hashlib.sha256(read_bytes(path, str(path), MAX_FILE)).hexdigest()[:16]
    state = _Planned(store, rows)
    actions: list[ReviewAction] = []
    for number, row in rows:
        raw_id, raw_decision = row.get("variant_id", ""), row.get("decision", "")
        comment = row.get("comment", "")
        if not raw_decision and not comment:
            continue
        where: RowRef = {"row": number, "variant_id": raw_id or "-"}
        if not _is_id(raw_id):
            report.problems.append({**where, "problem": "unknown variant id"})
            continue
        try:
            variant = state.variant(int(raw_id))
        except NotFoundError:
            report.problems.append({**where, "problem": "unknown variant id"})
            continue
        campaigns.add(str(variant.campaign))
        if row.get("uid") and row["uid"].lower() != variant.uid:
            report.problems.append(
                {**where, "problem": f"edited id: the row's uid {row['uid']} is not this variant's"}
            )
            continue
        decision = DECISIONS.get(raw_decision.lower()) if raw_decision else "comment"
        if decision is None:
            report.problems.append(
                {**where, "problem": f"unknown decision {raw_decision!r} (approve/reject/changes)"}
            )
            continue
        newest = state.newest_versions([variant.id])[variant.id]
        if newest != variant.id or (
            row.get("hash") and row["hash"] != content_hash(variant.content)
        ):
            report.problems.append(
                {**where, "problem": "stale: the variant changed since the export; not applied"}
            )
            continue
        reviewer = row.get("reviewer") or default_reviewer
        key = _key(row, decision)
        if any((r.data or {}).get("import_key") == key for r in state.review_rows(newest)):
            report.already.append({**where, "action": decision})
            continue
        request = ReviewRequest(
            action=decision,
            actor=reviewer,
            reason=comment or None,
            data={
                "source": "import",
                "file": path.name,
                "file_sha256": digest,
                "row": number,
                "import_key": key,
            },
        )
        try:
            action, result = plan(state, variant, request, steps, relint, policy)
        except ReviewError as exc:
            report.problems.append({**where, "problem": str(exc)})
            continue
        state.record(action)
        actions.append(action)
        report.applied.append(
            {
                **where,
                "action": decision,
                "from": result.from_status,
                "to": result.to_status,
                "reviewer": reviewer,
            }
        )
    if report.problems:
        report.applied = []  # all or nothing: the file is fixed and imported again
    elif actions:
        store.reviews.apply(actions)
    for campaign in sorted(campaigns):
        store.reviews.log_campaign_action(
            campaign,
            default_reviewer,
            "import",
            data={
                "file": str(path),
                "file_sha256": digest,
                "applied": len(report.applied),
                "already": len(report.already),
                "problems": len(report.problems),
            },
        )
    return report
