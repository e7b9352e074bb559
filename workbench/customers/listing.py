"""The segment library as rows for ``workbench segments list`` and the TUI campaign view."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypedDict

from workbench.segments import LIBRARY_FILE, SegmentLibrary


class SegmentRow(TypedDict):
    """One library segment as listed (``workbench segments list --json`` prints these)."""

    id: str
    """The segment id briefs use."""
    name: str
    """The operator's name for the segment."""
    source: Literal["imported", "hand-written"]
    """Whether ``workbench segments import`` wrote it."""
    model: str | None
    """An imported segment's model (``rfm`` or ``lifecycle``); ``None`` when hand-written."""
    file: str | None
    """The order export it was imported from."""
    members: int | None
    """Customers in it at import."""
    as_of: str | None
    """The ISO day the import counted from."""


def segment_rows(library: SegmentLibrary) -> list[SegmentRow]:
    """One row per segment, in library order (the import fields ``None`` for hand-written
    segments)."""
    rows: list[SegmentRow] = []
    for segment in library:
        info = library.imported(segment.id)
        rows.append(
            {
                "id": segment.id,
                "name": segment.name,
                "source": "imported" if info else "hand-written",
                "model": info.model if info else None,
                "file": info.source if info else None,
                "members": info.members if info else None,
                "as_of": info.as_of.isoformat() if info else None,
            }
        )
    return rows


def workspace_segment_rows(workspace: Path) -> list[SegmentRow]:
    """:func:`segment_rows` of the workspace's ``segments.yaml`` as it is on disk now."""
    return segment_rows(SegmentLibrary.load(workspace / LIBRARY_FILE))
