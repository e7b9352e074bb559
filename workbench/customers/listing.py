"""The segment library as rows for ``workbench segments list`` and the TUI campaign view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.segments import LIBRARY_FILE, SegmentLibrary


def segment_rows(library: SegmentLibrary) -> list[dict[str, Any]]:
    """One dict per segment: id, name, source (hand-written | imported), model, file,
    members and as_of (``None`` for hand-written segments)."""
    rows: list[dict[str, Any]] = []
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


def workspace_segment_rows(workspace: Path) -> list[dict[str, Any]]:
    """:func:`segment_rows` of the workspace's ``segments.yaml`` as it is on disk now."""
    return segment_rows(SegmentLibrary.load(workspace / LIBRARY_FILE))
