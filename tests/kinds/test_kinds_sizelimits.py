"""Every kind's JSON Schema carries count and length limits (grammar-constrained servers
return empty or endless arrays and strings without them), conservative for weighted limits;
the exact check stays in the validator."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

import pytest

from workbench.brief.loader import load_brief_text
from workbench.kinds import get_kind
from workbench.kinds.sizelimits import ARRAY_CAP, STRING_CAP, add_size_limits

BRIEFS = sorted(glob.glob(str(Path(__file__).parents[2] / "templates" / "briefs" / "*.yaml")))


def nodes(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += nodes(value)
    elif isinstance(node, list):
        for value in node:
            found += nodes(value)
    return found


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: Path(p).stem)
def test_every_string_and_array_is_bounded(path: str) -> None:
    brief = load_brief_text(Path(path).read_text(encoding="utf-8"), path).brief
    for deliverable in brief.deliverables:
        schema = get_kind(deliverable.kind).json_schema(deliverable, 3)
        for node in nodes(schema):
            if node.get("type") == "string" and "enum" not in node:
                assert 0 < node["maxLength"] <= STRING_CAP, (deliverable.kind, node)
            if node.get("type") == "array":
                assert 0 < node["maxItems"] <= ARRAY_CAP, (deliverable.kind, node)


def test_titles_have_exactly_count_items_of_bounded_nonempty_text() -> None:
    brief = load_brief_text(Path(BRIEFS[0]).read_text(encoding="utf-8"), BRIEFS[0]).brief
    titles = next(d for d in brief.deliverables if d.kind == "title")
    schema = get_kind("title").json_schema(titles, 3)
    array = schema["properties"]["titles"]
    assert array["minItems"] == array["maxItems"] == 3
    text = schema["$defs"]["TitleItem"]["properties"]["text"]
    assert text["minLength"] == 1 and text["maxLength"] == 40  # 20, ASCII counting half


def test_limits_come_from_the_descriptions_and_stay_conservative() -> None:
    schema = add_size_limits(
        {
            "type": "object",
            "properties": {
                "body": {"type": "string", "description": "The text, at most 134 characters"},
                "badge": {"type": "string", "description": "at most 8; may be empty"},
                "bullets": {
                    "type": "array",
                    "description": "1-4 selling points, each at most 16 characters",
                    "items": {"type": "string"},
                },
                "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "x"},
            },
        }
    )
    props = schema["properties"]
    assert props["body"]["maxLength"] == 268 and props["body"]["minLength"] == 1
    assert props["badge"]["maxLength"] == 16 and "minLength" not in props["badge"]
    assert (props["bullets"]["minItems"], props["bullets"]["maxItems"]) == (1, 4)
    assert props["bullets"]["items"]["maxLength"] == 32
    assert props["note"]["anyOf"][0]["maxLength"] == STRING_CAP
    assert "minLength" not in props["note"]["anyOf"][0]
