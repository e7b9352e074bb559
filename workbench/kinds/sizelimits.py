"""Count and length limits in a kind's JSON Schema, for grammar-constrained servers.

llama.cpp turns ``response_format`` into a grammar: without ``maxItems`` / ``maxLength`` a
random or weak model returns empty or endless arrays and strings. The limits are read from
the field descriptions the kinds already write for the model ("at most 20 characters",
"Exactly 3 different titles", "1-4 selling points") and kept conservative: a weighted
limit (ASCII counts half) allows twice as many characters, so the grammar never forbids an
answer the exact validator (which stays the judge) would accept. Fields without a stated
limit still get a generous cap so nothing is endless.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import BaseModel, JsonValue

Node = dict[str, JsonValue]
"""One object of a JSON Schema."""

STRING_CAP = 1000  # characters, for a string whose description states no limit
ARRAY_CAP = 60  # items, for an array whose description states no count
_AT_MOST = re.compile(r"at most (\d+)")
_EXACTLY = re.compile(r"[Ee]xactly (\d+)")
_RANGE = re.compile(r"\b(\d+)\s*[-–]\s*(\d+)\b")
_EACH = re.compile(r"each at most (\d+)")


@functools.lru_cache(maxsize=256)
def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema, every property required and no extra keys (strict mode),
    with the size limits added: the JSON document sent as ``response_format``.

    Cached per model class (generation asks for it once per job): treat it as read-only.
    """
    schema = model.model_json_schema()
    _strict(schema)
    return add_size_limits(schema)


def _strict(node: JsonValue) -> None:
    if isinstance(node, dict):
        properties = node.get("properties")
        if node.get("type") == "object" and isinstance(properties, dict):
            node["required"] = list(properties)
            node["additionalProperties"] = False
        node.pop("default", None)
        for value in node.values():
            _strict(value)
    elif isinstance(node, list):
        for value in node:
            _strict(value)


def add_size_limits(schema: dict[str, Any]) -> dict[str, Any]:
    """Add ``minItems``/``maxItems``/``minLength``/``maxLength`` in place; returns ``schema``."""
    _items(schema, schema)
    _walk(schema, required=True)
    return schema


def _items(node: JsonValue, root: Node) -> None:
    """ "each at most N" on an array: the limit of its string items (or their ``text``)."""
    if isinstance(node, list):
        for value in node:
            _items(value, root)
        return
    if not isinstance(node, dict):
        return
    each = _EACH.search(str(node.get("description", "")))
    items = node.get("items")
    if node.get("type") == "array" and each and isinstance(items, dict):
        item = _resolve(items, root)
        properties = item.get("properties")
        target: JsonValue = item
        if item.get("type") == "object":
            target = properties.get("text") if isinstance(properties, dict) else None
        if isinstance(target, dict) and target.get("type") == "string":
            target.setdefault("maxLength", 2 * int(each.group(1)))
            target.setdefault("minLength", 1)
    for value in node.values():
        _items(value, root)


def _resolve(node: Node, root: Node) -> Node:
    ref = node.get("$ref")
    defs = root.get("$defs")
    if not isinstance(ref, str) or not ref.startswith("#/$defs/") or not isinstance(defs, dict):
        return node
    found = defs.get(ref.rsplit("/", 1)[-1])
    return found if isinstance(found, dict) else node


def _walk(node: JsonValue, required: bool) -> None:
    if isinstance(node, list):
        for value in node:
            _walk(value, required)
        return
    if not isinstance(node, dict):
        return
    description = str(node.get("description", ""))
    kind = node.get("type")
    if kind == "string" and "enum" not in node:
        _string(node, description, required)
    elif kind == "array":
        _array(node, description)
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            for child in value.values():
                _walk(child, required=True)
        elif key == "anyOf" and isinstance(value, list):  # nullable: empty stays possible
            for option in value:
                if isinstance(option, dict) and option.get("type") == "string":
                    _string(option, description, required=False)
                else:
                    _walk(option, required=False)
        elif key != "description":
            _walk(value, required)


def _string(node: Node, description: str, required: bool) -> None:
    if "maxLength" not in node:
        found = _AT_MOST.search(description)
        node["maxLength"] = 2 * int(found.group(1)) if found else STRING_CAP
    stated = _AT_MOST.search(description) and "empty" not in description.lower()
    if required and "minLength" not in node and stated:
        node["minLength"] = 1  # a stated limit means a stated field: never empty


def _array(node: Node, description: str) -> None:
    exact = _EXACTLY.search(description)
    span = _RANGE.search(description)
    if exact:
        node.setdefault("minItems", int(exact.group(1)))
        node.setdefault("maxItems", int(exact.group(1)))
    elif span:
        low, high = sorted((int(span.group(1)), int(span.group(2))))
        node.setdefault("minItems", low)
        node.setdefault("maxItems", high)
    node.setdefault("maxItems", ARRAY_CAP)
