"""Turn pydantic validation errors into ``path:line: field: message`` problems.

Pydantic's ``loc`` is mapped onto the YAML node tree for the line: a missing field points at
its parent mapping (the key that names it), an unknown key at the key itself, anything else
at the offending value. Tags that pydantic inserts for unions are removed from the field
path: discriminator values (``('deliverables', 1, 'copy', 'variants')`` becomes
``deliverables[1].variants``) and plain union branches (``size`` given as neither a preset
name nor ``[width, height]`` becomes one problem on ``...size``). Messages are rewritten into
plain English where that is cheap; anything unknown keeps pydantic's own message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict, cast

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import Node

from workbench.brief.yamldoc import field_path, line_of, locate
from workbench.errors import Problem

ModelMap = Mapping[str, type[BaseModel]]
"""``''`` -> the root model; a field name or discriminator value -> the model found there."""

_PATTERN_MESSAGES = {
    r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$": "is not a #RGB or #RRGGBB colour",
    r"^https?://\S+$": "is not an http:// or https:// address",
}
_UNION_MESSAGES = {
    "size": "must be a preset name such as 'xiaohongshu' or [width, height] in pixels",
}


def validation_problems(
    error: ValidationError,
    root: Node,
    label: str,
    models: ModelMap,
    prefix: tuple[str | int, ...] = (),
) -> list[Problem]:
    """One problem per distinct error, in file order, with lines from ``root``."""
    fields = {name for model in models.values() for name in model.model_fields}
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in error.errors(include_url=False):
        raw = prefix + tuple(err["loc"])
        loc, union = _normalise(raw, err["type"], fields, models)
        model = _model_at(raw, models)
        if union:
            name = next((p for p in reversed(loc) if isinstance(p, str)), "")
            message = _UNION_MESSAGES.get(name, "has the wrong form")
            line = _value_line(root, loc)
        elif err["type"] in {"union_tag_invalid", "union_tag_not_found"}:
            loc, message, line = _tag_problem(err, loc, root, models)
        else:
            message = _message(err, model, loc)
            line = _line(root, loc, err["type"])
        path = field_path(loc)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        problems.append(Problem(label, line, path, message))
    return problems


def _normalise(
    raw: tuple[str | int, ...], error_type: str, fields: set[str], models: ModelMap
) -> tuple[tuple[str | int, ...], bool]:
    """Drop discriminator tags; cut the path at a plain union branch (second value: True)."""
    loc: list[str | int] = []
    for index, part in enumerate(raw):
        last = index == len(raw) - 1
        if isinstance(part, int) or part in fields or (last and error_type == "extra_forbidden"):
            loc.append(part)
        elif part in models:
            continue
        else:
            return tuple(loc), True
    return tuple(loc), False


def _model_at(raw: tuple[str | int, ...], models: ModelMap) -> type[BaseModel]:
    """The model that owns the last element of ``raw``."""
    for part in reversed(raw[:-1]):
        if isinstance(part, str) and part in models:
            return models[part]
    return models[""]


def _line(root: Node, loc: tuple[str | int, ...], error_type: str) -> int:
    found = locate(root, loc)
    if error_type == "extra_forbidden" and found.found and found.key_node is not None:
        return line_of(found.key_node)
    if error_type == "missing" or not found.found:
        # Point at the key naming the parent mapping, or the mapping itself.
        return line_of(found.key_node if found.key_node is not None else found.node)
    return line_of(found.node)


def _value_line(root: Node, loc: tuple[str | int, ...]) -> int:
    return line_of(locate(root, loc).node)


def _tag_problem(
    err: ErrorDetails, loc: tuple[str | int, ...], root: Node, models: ModelMap
) -> tuple[tuple[str | int, ...], str, int]:
    ctx = err.get("ctx") or {}
    key = str(ctx.get("discriminator", "'kind'")).strip("'")
    tags = _quoted(str(ctx.get("expected_tags", ""))) or [
        name for name, model in models.items() if key in model.model_fields
    ]
    where = (*loc, key)
    if err["type"] == "union_tag_not_found":
        line = _value_line(root, loc)
        return where, f"missing; must be one of: {', '.join(tags)}", line
    tag = str(ctx.get("tag", ""))
    message = f"unknown {key} '{tag}'{_did_you_mean(tag, tags)}; must be one of: {', '.join(tags)}"
    return where, message, _value_line(root, where)


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _quoted(text: str) -> list[str]:
    return re.findall(r"'([^']*)'", text)


def describe_value(value: Any) -> str:
    """A short plain-English rendering of a YAML value for messages."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"
    return str(value)


class _Bounds(TypedDict, total=False):
    """A number field's declared bounds (pydantic's Ge/Gt/Le/Lt metadata)."""

    ge: float
    gt: float
    le: float
    lt: float


def _bounds(model: type[BaseModel], name: str | int) -> _Bounds:
    info = model.model_fields.get(name) if isinstance(name, str) else None
    bounds: _Bounds = {}
    for meta in info.metadata if info is not None else ():
        if isinstance(meta, Ge):
            bounds["ge"] = cast(float, meta.ge)
        elif isinstance(meta, Gt):
            bounds["gt"] = cast(float, meta.gt)
        elif isinstance(meta, Le):
            bounds["le"] = cast(float, meta.le)
        elif isinstance(meta, Lt):
            bounds["lt"] = cast(float, meta.lt)
    return bounds


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _range_message(bounds: _Bounds, ctx: Mapping[str, float]) -> str:
    merged = {key: _number(value) for key, value in {**bounds, **ctx}.items()}
    low = merged.get("ge", merged.get("gt"))
    high = merged.get("le", merged.get("lt"))
    if "ge" in merged and "le" in merged:
        return f"must be between {low} and {high}"
    parts = []
    if low is not None:
        parts.append(f"at least {low}" if "ge" in merged else f"greater than {low}")
    if high is not None:
        parts.append(f"at most {high}" if "le" in merged else f"less than {high}")
    return "must be " + " and ".join(parts)


def _message(err: ErrorDetails, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    error_type, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    name = loc[-1] if loc else ""
    got = describe_value(value)
    if error_type == "missing":
        return "required field is missing"
    if error_type == "extra_forbidden":
        known = sorted(model.model_fields)
        return f"unknown key '{name}'{_did_you_mean(str(name), known)}"
    if error_type == "literal_error":
        allowed = ", ".join(_quoted(str(ctx.get("expected", ""))))
        return f"must be one of: {allowed} (got {got})"
    if error_type in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return f"{_range_message(_bounds(model, name), ctx)} (got {got})"
    if error_type in {"int_parsing", "int_type", "int_from_float"}:
        return f"must be a whole number (got {got})"
    if error_type in {"float_parsing", "float_type"}:
        return f"must be a number (got {got})"
    if error_type in {"bool_parsing", "bool_type"}:
        return f"must be true or false (got {got})"
    if error_type == "string_type":
        return f"must be text (got {got})"
    if error_type == "list_type":
        return f"must be a list (got {got})"
    if error_type in {"model_type", "model_attributes_type", "dict_type"}:
        return f"must be a mapping of keys and values (got {got})"
    if error_type.startswith("date"):
        return f"must be a date like 2026-03-15 (got {got})"
    if error_type == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return f"{got} {_PATTERN_MESSAGES.get(pattern, 'has the wrong format')}"
    if error_type == "string_too_short":
        minimum = ctx.get("min_length", 1)
        return "must not be empty" if minimum == 1 else f"must be at least {minimum} characters"
    if error_type == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return f"must be at most {ctx.get('max_length')} characters (got {length})"
    if error_type == "too_short":
        minimum = ctx.get("min_length", 1)
        return f"must have at least {minimum} item{'s' if minimum != 1 else ''}"
    if error_type == "too_long":
        return f"must have at most {ctx.get('max_length')} items (got {ctx.get('actual_length')})"
    if error_type in {"value_error", "assertion_error"}:
        return str(ctx.get("error", err["msg"]))
    msg = err["msg"]
    return msg[:1].lower() + msg[1:]
