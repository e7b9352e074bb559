"""JSON Schemas for editors: the brief and the segment library.

Save the output of :func:`brief_json_schema` as a file and point the VS Code YAML extension
at it from the first line of a brief::

    # yaml-language-server: $schema=./brief.schema.json
"""

from __future__ import annotations

from typing import Any

from workbench.brief.models import Brief

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _with_header(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    body = {k: v for k, v in schema.items() if k not in {"title", "description"}}
    return {"$schema": DRAFT, "title": title, "description": description, **body}


def brief_json_schema() -> dict[str, Any]:
    """The brief's JSON Schema (draft 2020-12); segments are ids or inline mappings."""
    return _with_header(
        Brief.model_json_schema(),
        "Workbench brief",
        "A content brief: campaign, brand and product, audience segments (library ids or "
        "inline), deliverables (copy, title, poster, video_script, live_script) and the A/B "
        "experiment.",
    )


def segment_library_json_schema() -> dict[str, Any]:
    """The JSON Schema of a workspace ``segments.yaml`` file."""
    from workbench.segments import SegmentLibraryFile

    return _with_header(
        SegmentLibraryFile.model_json_schema(),
        "Workbench segment library",
        "Reusable audience segments that briefs reference by id under 'segments:'.",
    )
