"""The brief's JSON Schema for editors (VS Code YAML extension)."""

from __future__ import annotations

import json
from typing import Any

from workbench.brief.schema import DRAFT, brief_json_schema, segment_library_json_schema


def _resolve(schema: dict[str, Any], ref: str) -> dict[str, Any]:
    assert ref.startswith("#/$defs/")
    definition: dict[str, Any] = schema["$defs"][ref.removeprefix("#/$defs/")]
    return definition


def test_header_and_top_level() -> None:
    schema = brief_json_schema()
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Workbench brief"
    assert schema["description"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"campaign", "segments", "deliverables"}
    json.dumps(schema)  # serialisable as-is


def test_segments_accept_an_id_or_an_inline_mapping() -> None:
    schema = brief_json_schema()
    options = schema["properties"]["segments"]["items"]["anyOf"]
    assert options[0]["type"] == "string"
    segment = _resolve(schema, options[1]["$ref"])
    assert segment["additionalProperties"] is False
    assert {"id", "name"} <= set(segment["required"])


def test_deliverables_are_discriminated_by_kind() -> None:
    schema = brief_json_schema()
    items = schema["properties"]["deliverables"]["items"]
    assert items["discriminator"]["propertyName"] == "kind"
    assert set(items["discriminator"]["mapping"]) == {
        "copy",
        "title",
        "poster",
        "video_script",
        "live_script",
        "theme_post",
    }
    copy = _resolve(schema, items["discriminator"]["mapping"]["copy"])
    assert copy["properties"]["variants"]["minimum"] == 1
    assert copy["properties"]["variants"]["maximum"] == 50
    assert "hybrid" in copy["properties"]["styles"]["items"]["enum"]


def test_colour_pattern_and_date_format_reach_the_editor() -> None:
    schema = brief_json_schema()
    brand = schema["$defs"]["Brand"]
    assert brand["properties"]["colors"]["items"]["pattern"].startswith("^#")
    deadline = schema["$defs"]["Product"]["properties"]["deadline"]["anyOf"][0]
    assert deadline == {"format": "date", "type": "string"}


def test_segment_library_schema() -> None:
    schema = segment_library_json_schema()
    assert schema["$schema"] == DRAFT
    assert schema["title"] == "Workbench segment library"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["segments"]["items"] == {"$ref": "#/$defs/LibrarySegment"}
    # Imported segments (``workbench segments import``) carry their import details.
    assert "imported" in schema["$defs"]["LibrarySegment"]["properties"]
