"""The shapes ``workbench segments import`` writes: library entries (YAML) and its ``--json``.

Both are plain data written as they are (``yaml.safe_dump``, ``json.dumps``), so they are
``TypedDict``s: the keys are named and checked, the text written is unchanged. Build them in
field order (the order an operator reads an entry in; the public ``--json`` order).
"""

from __future__ import annotations

from datetime import date
from typing import Literal, TypedDict


class RfmLevels(TypedDict):
    """Which side of the cut each RFM dimension of a segment is on."""

    recency: Literal["high", "low"]
    frequency: Literal["high", "low"]
    monetary: Literal["high", "low"]


class LifecycleWindow(TypedDict):
    """The lifecycle model's day limits."""

    new: int
    """Days since the first order within which a customer is new."""
    dormant: int
    """Days since the last order after which a customer is dormant."""
    churned: int
    """Days since the last order after which a customer has churned."""


class ImportedInfo(TypedDict, total=False):
    """An imported entry's ``imported`` block: where and when it came from."""

    model: str
    """``rfm`` or ``lifecycle``."""
    source: str
    """The order export's file name."""
    as_of: date
    """The day the import counted from (written as a YAML date)."""
    members: int
    """Customers in the segment."""
    customers: int
    """Customers in the whole export."""
    threshold: str
    """RFM: ``mean`` or ``median``."""
    thresholds: dict[str, float]
    """RFM: the cut values (``recency_days``, ``frequency``, ``monetary`` in yuan)."""
    days: LifecycleWindow
    """Lifecycle: the day limits used."""


class SegmentEntry(TypedDict, total=False):
    """One segment of ``segments.yaml`` as the import writes it."""

    id: str
    name: str
    description: str
    lifecycle: str
    """Lifecycle segments: the stage (``new``, ``active``, ``dormant``, ``churned``)."""
    rfm: RfmLevels
    """RFM segments: the levels that define it."""
    address_as: str
    """How copy addresses the segment (kept when the operator changed it)."""
    tone: str
    region: str
    interests: list[str]
    pain_points: list[str]
    imported: ImportedInfo


class Skipped(TypedDict):
    """Orders left out of the counts."""

    unpaid: int
    refunded: int


class ImportedSegment(TypedDict):
    """One segment of the import's ``--json``."""

    id: str
    name: str
    members: int


class ImportJson(TypedDict):
    """``workbench segments import --json``."""

    as_of: str
    """ISO date."""
    customers: int
    orders_used: int
    skipped: Skipped
    thresholds: dict[str, float]
    segments: list[ImportedSegment]
