"""Read a YAML file into plain data plus the node tree that remembers line numbers.

Every failure becomes an ``InputError`` with one line per problem (``path:line: message``):
missing files, directories, binary or non-UTF-8 files, syntax errors and keys defined twice
in one mapping (PyYAML silently keeps the last one; we report it). Timestamps are kept as
strings so that pydantic parses and reports dates itself (``deadline: 2026-13-45`` is a
field error with a line, not a crash).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workbench.errors import InputError, Problem
from workbench.guards.decode import decode_text
from workbench.guards.decode import read_bytes as guarded_read_bytes
from workbench.guards.limits import check_data
from workbench.guards.text import clean_data

MAX_BYTES = 1_000_000
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps timestamps and mapping keys as the text written.

    Dates are parsed and reported by pydantic; keys such as ``1:`` or ``yes:`` stay the
    strings ``"1"`` and ``"yes"`` so that an unknown-key error can name them.
    """

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, "expected a mapping", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "a key must be plain text, not a list or a mapping",
                    key_node.start_mark,
                )
            mapping[str(key_node.value)] = self.construct_object(value_node, deep=deep)
        return mapping


def _timestamp_as_text(loader: yaml.SafeLoader, node: Node) -> Any:
    assert isinstance(node, ScalarNode)
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass
class YamlDocument:
    """Parsed YAML: the data, its root node (``None`` when empty) and non-fatal problems."""

    data: Any
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


def read_text(path: Path, label: str | None = None) -> str:
    """The text of ``path``; an ``InputError`` for a missing, unreadable or binary file.

    Only regular files are read (a FIFO or ``/dev/zero`` is refused, not waited on), at
    most :data:`MAX_BYTES`; the encoding is detected (UTF-8 with or without BOM, UTF-16,
    GBK/GB18030).
    """
    where = label or str(path)
    return decode_bytes(guarded_read_bytes(path, where, MAX_BYTES + 1, "YAML"), where)


def decode_bytes(data: bytes, label: str) -> str:
    """Decode file bytes as text (encoding detected), rejecting binary and oversized files."""
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1_000_000:.1f} MB"
        message = f"file is too large ({size}); a YAML file here is expected to be small"
        raise InputError(Problem(label, None, "", message))
    return decode_text(data, label, "YAML")


def parse(text: str, label: str) -> YamlDocument:
    """Compose and construct one YAML document, reporting syntax errors and duplicate keys."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(exc, text, label)) from None
    try:
        root = loader.get_single_node()
        problems = duplicate_key_problems(root, label) if root is not None else []
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, label)) from None
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_problem(exc, text, label)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(label, None, "", f"YAML error: {exc}")) from None
    except RecursionError:
        message = "nested too deeply to read; flatten the data"
        raise InputError(Problem(label, None, "", message)) from None
    finally:
        loader.dispose()
    check_data(data, label)
    data = clean_data(data)
    if isinstance(root, ScalarNode) and data is None:
        root = None
    return YamlDocument(data, root, problems)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, label: str) -> Problem:
    line = text[: exc.position].count("\n") + 1
    message = f"contains a control character (#x{exc.character:04x}) that YAML does not allow"
    return Problem(label, line, "", message)


_FRIENDLY = {
    "expected <block end>": "indentation does not line up with the lines above",
    "mapping values are not allowed here": (
        "unexpected ':' (check the indentation, or quote text that contains ': ')"
    ),
    "found character '\\t' that cannot start any token": (
        "tab character; indent with spaces, not tabs"
    ),
    "could not find expected ':'": "expected 'key: value' (is a ':' missing?)",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, label: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    friendly = next((text for key, text in _FRIENDLY.items() if problem.startswith(key)), None)
    if isinstance(exc, yaml.constructor.ConstructorError):
        tag = re.search(r"constructor for the tag '([^']*)'", problem)
        if tag:
            name = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            problem = f"unsupported tag '{name}'; plain YAML values only"
        return Problem(label, line, "", f"YAML error: {problem}")
    if "expected a single document" in (exc.context or ""):
        problem = "more than one YAML document ('---'); keep one document per file"
    elif friendly is not None:
        problem = friendly
    elif exc.context and exc.problem and exc.context_mark is not None:
        context_line = exc.context_mark.line + 1
        if context_line != line:
            problem += f" ({exc.context} on line {context_line})"
    return Problem(label, line, "", f"YAML syntax error: {problem}")


def duplicate_key_problems(root: Node, label: str) -> list[Problem]:
    """A problem for every key defined twice in the same mapping, anywhere in the tree."""
    problems: list[Problem] = []
    seen_nodes: set[int] = set()

    def walk(node: Node, path: str) -> None:
        if id(node) in seen_nodes:  # anchors and aliases share nodes
            return
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE_TAG or not isinstance(key_node, ScalarNode):
                    walk(value_node, path)
                    continue
                key = str(key_node.value)
                child = join_path(path, key)
                line = key_node.start_mark.line + 1
                if key in first_line:
                    message = f"duplicate key '{key}' (first defined on line {first_line[key]})"
                    problems.append(Problem(label, line, child, message))
                else:
                    first_line[key] = line
                walk(value_node, child)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{path}[{index}]")

    walk(root, "")
    return problems


def join_path(path: str, key: str | int) -> str:
    """``campaign`` + ``brand`` -> ``campaign.brand``; ``deliverables`` + 1 -> ``...[1]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def field_path(loc: tuple[str | int, ...]) -> str:
    """A pydantic ``loc`` as a readable path: ``deliverables[1].variants``."""
    path = ""
    for part in loc:
        path = join_path(path, part)
    return path


def root_kind(data: Any) -> str:
    """A plain-English name for what a YAML value is."""
    if isinstance(data, list):
        return "a list"
    if isinstance(data, bool):
        return "true/false"
    if isinstance(data, int | float):
        return "a number"
    if isinstance(data, str):
        return "a single line of text"
    return type(data).__name__


@dataclass(frozen=True)
class Located:
    """Where a ``loc`` points: the node reached, whether it exists, and the key node."""

    node: Node
    found: bool
    key_node: Node | None


def locate(root: Node, loc: tuple[str | int, ...]) -> Located:
    """Follow ``loc`` down the node tree as far as it goes."""
    node, key_node = root, None
    for part in loc:
        child: Node | None = None
        child_key: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and str(k.value) == str(part):
                    child, child_key = v, k
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            return Located(node, False, key_node)
        node, key_node = child, child_key
    return Located(node, True, key_node)


def line_of(node: Node) -> int:
    return int(node.start_mark.line) + 1
