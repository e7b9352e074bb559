"""``workbench segments import``: an order export -> library segments and member files.

Everything is read and checked first (the export, the contacts file, the library text to
be written); only then are the member files and ``segments.yaml`` written, each
atomically. A bad input writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from workbench.customers.layouts import parse_columns_option
from workbench.customers.library import merge_library, supports_address_as
from workbench.customers.members import read_contacts, write_members
from workbench.customers.models import (
    LIFECYCLE_SEGMENTS,
    RFM_SEGMENTS,
    Cuts,
    LifecycleDays,
    Members,
    SegmentDef,
    Threshold,
    lifecycle_members,
    rfm_cuts,
    rfm_members,
)
from workbench.customers.orders import Folded, fold_orders
from workbench.customers.reading import load_export
from workbench.customers.records import ImportedInfo, ImportJson, SegmentEntry
from workbench.errors import InputError, Problem
from workbench.fsio import atomic_write_text

Model = Literal["rfm", "lifecycle"]
NEUTRAL_ADDRESS = "大家"


@dataclass
class ImportOptions:
    model: Model = "rfm"
    threshold: Threshold = "mean"
    as_of: date | None = None
    columns: str | None = None
    members_dir: Path | None = None
    join: Path | None = None
    on: str = "phone"
    days: LifecycleDays = field(default_factory=LifecycleDays)


@dataclass
class ImportResult:
    as_of: date
    folded: Folded
    cuts: Cuts
    segments: list[tuple[SegmentDef, int]]
    library: Path
    layout: str
    member_files: list[Path] = field(default_factory=list)
    joined: int | None = None

    def as_json(self) -> ImportJson:
        """The ``--json`` contract."""
        f = self.folded
        return {
            "as_of": self.as_of.isoformat(),
            "customers": len(f.customers),
            "orders_used": f.orders_used,
            "skipped": {"unpaid": f.unpaid, "refunded": f.refunded},
            "thresholds": self.cuts.as_dict(),
            "segments": [{"id": d.id, "name": d.name, "members": n} for d, n in self.segments],
        }


def _check_options(options: ImportOptions) -> None:
    d = options.days
    if options.model not in ("rfm", "lifecycle"):
        raise InputError(Problem("--model", None, str(options.model), "must be rfm or lifecycle"))
    if options.threshold not in ("mean", "median"):
        message = "must be mean or median"
        raise InputError(Problem("--threshold", None, str(options.threshold), message))
    if d.new < 0 or d.dormant < 0 or d.churned <= d.dormant:
        message = f"need 0 <= new, 0 <= dormant < churned (got {d.new}, {d.dormant}, {d.churned})"
        raise InputError(Problem("--dormant-days/--churned-days", None, "", message))


def import_segments(library_path: Path, source: Path, options: ImportOptions) -> ImportResult:
    """Import ``source`` (see the module docstring)."""
    _check_options(options)
    overrides = parse_columns_option(options.columns)
    as_of = options.as_of or date.today()
    day = as_of.toordinal()
    export = load_export(source, overrides)
    folded = fold_orders(export, day)
    customers = folded.customers
    cuts = rfm_cuts(customers, day, options.threshold)
    members: Members
    defs: tuple[SegmentDef, ...]
    if options.model == "rfm":
        members, defs = rfm_members(customers, day, cuts), RFM_SEGMENTS
    else:
        members, defs = lifecycle_members(customers, day, options.days), LIFECYCLE_SEGMENTS
    counted = [(d, int(members[d.id].size)) for d in defs]
    entries = [_entry(d, n, len(customers), source, as_of, options, cuts) for d, n in counted]
    library_text = merge_library(library_path, options.model, entries)
    contacts = read_contacts(options.join, options.on) if options.join else None
    result = ImportResult(as_of, folded, cuts, counted, library_path, export.columns.layout)
    if options.members_dir is not None:
        result.member_files, joined = write_members(
            options.members_dir, customers, members, day, contacts, options.on
        )
        result.joined = joined if contacts is not None else None
    atomic_write_text(library_path, library_text)
    return result


def _level(high: bool) -> Literal["high", "low"]:
    return "high" if high else "low"


def _entry(
    d: SegmentDef,
    members: int,
    customers: int,
    source: Path,
    as_of: date,
    options: ImportOptions,
    cuts: Cuts,
) -> SegmentEntry:
    days = options.days
    entry: SegmentEntry = {
        "id": d.id,
        "name": d.name,
        "description": d.description.format(
            new=days.new, dormant=days.dormant, churned=days.churned
        ),
    }
    if d.rfm is not None:
        recent, frequent, spends = d.rfm
        entry["rfm"] = {
            "recency": _level(recent),
            "frequency": _level(frequent),
            "monetary": _level(spends),
        }
    if d.lifecycle is not None:
        entry["lifecycle"] = d.lifecycle
    if supports_address_as():
        entry["address_as"] = NEUTRAL_ADDRESS
    imported: ImportedInfo = {
        "model": options.model,
        "source": source.name,
        "as_of": as_of,
        "members": members,
        "customers": customers,
    }
    if options.model == "rfm":
        imported["threshold"] = options.threshold
        imported["thresholds"] = cuts.as_dict()
    else:
        imported["days"] = {"new": days.new, "dormant": days.dormant, "churned": days.churned}
    entry["imported"] = imported
    return entry
