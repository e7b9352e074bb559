"""A variant's content as plain form fields, and the fields back as content.

The edit dialog shows each field the way an operator reads it: the body as wrapped text,
short texts as one line, lists (hashtags, bullets) one item per line, small tables (titles
with their angle) one row per line with ``|`` between the columns. Only nested data with
no plain form (video shots, live beats) stays YAML, for that field alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

import yaml

from workbench.errors import InputError, Problem
from workbench.store.variantrecord import Variant
from workbench.tracking.attach import link_of
from workbench.tracking.body import LINKED_FIELDS
from workbench.tui.review_ops import DERIVED_KEYS, editable_text

FieldKind = Literal["text", "line", "lines", "rows", "number", "yaml"]
LONG_KEYS = frozenset({"body", "recap", "lines", "description", "voiceover", "script"})
ROW_SEP = " | "
MAX_ROW_COLUMNS = 3


@dataclass(frozen=True)
class EditField:
    key: str
    kind: FieldKind
    text: str
    columns: tuple[str, ...] = ()
    """For ``rows``: the keys of each row, in the order the line shows them."""


def _is_rows(value: list[Any]) -> tuple[str, ...] | None:
    if not value or not all(isinstance(v, dict) for v in value):
        return None
    columns = tuple(value[0])
    if not 0 < len(columns) <= MAX_ROW_COLUMNS:
        return None
    for row in value:
        if tuple(row) != columns or not all(isinstance(c, str) for c in row.values()):
            return None
        if any(ROW_SEP.strip() in c or "\n" in c for c in row.values()):
            return None
    return columns


def fields_of(content: dict[str, Any]) -> list[EditField]:
    """The content's editable fields (counts the core recomputes are left out)."""
    fields: list[EditField] = []
    for key, value in content.items():
        if key in DERIVED_KEYS:
            continue
        if value is None or isinstance(value, str):
            text = value or ""
            long = key in LONG_KEYS or "\n" in text or len(text) > 60
            fields.append(EditField(key, "text" if long else "line", text))
        elif isinstance(value, bool):
            fields.append(EditField(key, "yaml", editable_text({key: value})))
        elif isinstance(value, int | float):
            fields.append(EditField(key, "number", str(value)))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            fields.append(EditField(key, "lines", "\n".join(value)))
        elif isinstance(value, list) and (columns := _is_rows(value)):
            lines = [ROW_SEP.join(row[c] for c in columns) for row in value]
            fields.append(EditField(key, "rows", "\n".join(lines), columns))
        else:
            fields.append(EditField(key, "yaml", editable_text({key: value})))
    return fields


def content_from(
    old: dict[str, Any], fields: list[EditField], typed: dict[str, str], label: str
) -> dict[str, Any]:
    """The content with the typed field texts; unreadable fields: ``InputError``."""
    content = {k: v for k, v in old.items() if k not in DERIVED_KEYS}
    problems: list[Problem] = []
    for f in fields:
        text = typed.get(f.key, f.text)
        try:
            content[f.key] = _value(f, text, old.get(f.key))
        except ValueError as exc:
            problems.append(Problem(label, None, f.key, str(exc)))
    if problems:
        raise InputError(problems)
    return content


def _value(f: EditField, text: str, old: Any) -> Any:
    if f.kind in ("text", "line"):
        text = text.strip("\n") if f.kind == "text" else " ".join(text.split())
        return None if old is None and not text.strip() else text
    if f.kind == "number":
        try:
            number = float(text.strip())
        except ValueError:
            raise ValueError("must be a number") from None
        return int(number) if isinstance(old, int) and number.is_integer() else number
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if f.kind == "lines":
        return lines
    if f.kind == "rows":
        rows = []
        for n, line in enumerate(lines, 1):
            cells = [c.strip() for c in line.split(ROW_SEP.strip())]
            if len(cells) != len(f.columns):
                names = ROW_SEP.join(f.columns)
                raise ValueError(f"line {n}: expected {len(f.columns)} parts ({names})")
            rows.append(dict(zip(f.columns, cells, strict=True)))
        return rows
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"not YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict) or f.key not in data:
        raise ValueError(f"expected '{f.key}:' followed by its value")
    return data[f.key]


def detach_link(
    fields: list[EditField], url: str | None, token: str
) -> tuple[list[EditField], frozenset[str]]:
    """The fields with the tracked link ``url`` shown as ``token`` (the link is not content:
    an edit must not break it); returns the fields and the keys that carried it."""
    if not url:
        return fields, frozenset()
    shown: list[EditField] = []
    keys: set[str] = set()
    for f in fields:
        if f.key in LINKED_FIELDS and f.kind in ("text", "line") and url in f.text:
            shown.append(replace(f, text=f.text.replace(url, token)))
            keys.add(f.key)
        else:
            shown.append(f)
    return shown, frozenset(keys)


def attach_link(
    typed: dict[str, str], keys: frozenset[str], url: str, token: str, label: str, missing: str
) -> dict[str, str]:
    """The typed texts with ``token`` back as the link; a field that carried the link and
    lost its token is ``InputError`` (``missing`` says so), so a save never drops it."""
    result = dict(typed)
    problems = []
    for key in sorted(keys):
        text = typed.get(key, "")
        if token in text:
            result[key] = text.replace(token, url)
        else:
            problems.append(Problem(label, None, key, missing))
    if problems:
        raise InputError(problems)
    return result


def tracked_url(variant: Variant, landing: str | None, base_url: str) -> str | None:
    """The tracked link the variant's copy carries: its own link (``{base_url}/s/{code}`` or
    the landing URL with utm parameters), else any URL in it starting with the landing URL."""
    if not landing:
        return None
    link = link_of(variant, landing, base_url)
    content = variant.content or {}
    texts = [str(content.get(k) or "") for k in LINKED_FIELDS]
    if link is not None and any(link.url in text for text in texts):
        return link.url
    for text in texts:
        found = re.search(re.escape(landing) + r"[\w./?=&%#~+:-]*", text)
        if found:
            return found.group(0)
    return None
