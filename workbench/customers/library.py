"""Write imported segments into the workspace library, keeping everything else as it is.

The operator's own entries, comments and formatting stay byte for byte: the previous
entries of the same model (``imported.model``) are cut out of the text and the new ones
are written where the first of them was (at the end of the ``segments:`` list the first
time). ``address_as``, ``tone``, ``region``, ``interests`` and ``pain_points`` that the
operator added to an imported entry are carried over. A hand-written entry with an id
the import wants is an error: nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workbench.brief.models import Segment
from workbench.customers.records import SegmentEntry
from workbench.errors import InputError, Problem
from workbench.segments import SegmentLibrary

KeptField = Literal["address_as", "tone", "region", "interests", "pain_points"]
KEPT_FIELDS: tuple[KeptField, ...] = ("address_as", "tone", "region", "interests", "pain_points")
MARKER = "# workbench segments import"


def merge_library(path: Path, model: str, entries: list[SegmentEntry]) -> str:
    """The library text with ``entries`` replacing the previous ``model`` imports."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    library = SegmentLibrary.from_text(text, str(path), path)
    ids = {e["id"] for e in entries}
    for segment_id in library.ids():
        info = library.imported(segment_id)
        if segment_id in ids and (info is None or info.model != model):
            owner = "a hand-written segment" if info is None else f"a {info.model} import"
            message = f"'{segment_id}' is already {owner} in the library; rename that entry"
            raise InputError(Problem(str(path), None, "segments", message))
    for entry in entries:
        old = library.get(entry["id"])
        if old is None:
            continue
        for key in KEPT_FIELDS:
            value = getattr(old, key, None)
            if value:
                entry[key] = value
    replaced = [i for i in library.ids() if (info := library.imported(i)) and info.model == model]
    new_text = _splice(text, replaced, _block(entries, model))
    SegmentLibrary.from_text(new_text, str(path), path)  # what we write must load
    return new_text


ENTRY_ORDER = ("id", "name", "description", "lifecycle", "rfm", *KEPT_FIELDS, "imported")


def entry_order(entry: SegmentEntry) -> SegmentEntry:
    """The entry with its keys in the order an operator reads them; ``imported`` last."""
    found = dict(entry)
    return cast(SegmentEntry, {k: found[k] for k in ENTRY_ORDER if k in found})


def supports_address_as() -> bool:
    return "address_as" in Segment.model_fields


def _block(entries: list[SegmentEntry], model: str) -> list[str]:
    lines = [f"{MARKER} ({model}): re-importing replaces these entries; "
             "address_as and tone you add are kept"]  # fmt: skip
    for entry in entries:
        dumped = yaml.safe_dump(
            [entry_order(entry)],
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
            width=10_000,
        )
        lines += dumped.rstrip("\n").split("\n")
    return lines


def _splice(text: str, replaced: list[str], block: list[str]) -> str:
    """Cut the ``replaced`` items out of the ``segments:`` list and put ``block`` in."""
    root = yaml.compose(text) if text.strip() else None
    seq = _segments_node(root)
    if seq is None or seq.flow_style or not seq.value:
        return _rebuild(text, replaced, block)
    lines = text.split("\n")
    spans: list[tuple[int, int, str]] = []  # start line, end line (exclusive), id
    for item in seq.value:
        start = item.start_mark.line
        end_mark = _last_mark(item)
        end = end_mark.line + (1 if end_mark.column > 0 else 0)
        spans.append((start, end, _item_id(item)))
    first_line = lines[spans[0][0]]
    indent = first_line[: len(first_line) - len(first_line.lstrip())]
    remove: set[int] = set()
    insert_at: int | None = None
    for start, end, item_id in spans:
        if item_id not in replaced:
            continue
        begin = start
        while begin > 0 and lines[begin - 1].strip().startswith(MARKER):
            begin -= 1
        stop = end
        while stop < len(lines) and not lines[stop].strip() and stop < _next_start(spans, start):
            stop += 1
        remove.update(range(begin, stop))
        if insert_at is None:
            insert_at = begin
    if insert_at is None:
        last_end = spans[-1][1]
        insert_at = last_end
        block = ["", *block]
    out = [line for i, line in enumerate(lines[:insert_at]) if i not in remove]
    out += [indent + line if line else line for line in block]
    rest = [line for i, line in enumerate(lines[insert_at:], insert_at) if i not in remove]
    if rest and rest[0].strip():
        out.append("")
    out += rest
    result = "\n".join(out)
    return result if result.endswith("\n") else result + "\n"


def _next_start(spans: list[tuple[int, int, str]], start: int) -> int:
    later = [s for s, _, _ in spans if s > start]
    return later[0] if later else 1 << 30


def _segments_node(root: Node | None) -> SequenceNode | None:
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "segments":
            return value if isinstance(value, SequenceNode) else None
    return None


def _item_id(item: Node) -> str:
    if isinstance(item, MappingNode):
        for key, value in item.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return str(value.value).strip()
    return ""


def _last_mark(node: Node) -> Any:
    """Where the node's text really ends (a block collection's own end mark runs on)."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _last_mark(node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _last_mark(node.value[-1])
    return node.end_mark


def _rebuild(text: str, replaced: list[str], block: list[str]) -> str:
    """A file with no block ``segments:`` list: keep its comments, write the list anew."""
    comments = [line for line in text.split("\n") if line.strip().startswith("#")]
    data = yaml.safe_load(text) if text.strip() else None
    items = data.get("segments") if isinstance(data, dict) else None
    kept = [e for e in items or [] if isinstance(e, dict) and e.get("id") not in replaced]
    lines = [*comments, "segments:"]
    for entry in kept:
        dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000)
        lines += ["  " + line for line in dumped.rstrip("\n").split("\n")]
    lines += ["  " + line if line else line for line in block]
    return "\n".join(lines) + "\n"
