"""Content-addressed, compressed prompt storage for ``generations`` (issue 16).

Thousands of calls of one campaign send the same system prompt, the same brief and
segment data blocks, the same channel rules and the same few-shot examples; only the
order of the pieces differs. Instead of the full rendered messages and variables per call,
a generation row stores references:

- ``messages_parts``: ``role:IDS;role:IDS``: each message's content split at blank lines
  (``"\\n\\n".join`` restores it exactly);
- ``variables_parts``: ``IDS``: one part per ``[name, value]`` pair, in the dict's order.

``IDS`` lists part ids with runs of consecutive ids written ``first-last``: the pieces of
one prompt are mostly stored together, so ``10-34`` or ``10-14,120,16-34`` is typical.

A part is stored once (``prompt_parts``: sha256 prefix, zlib when that is smaller) and
referenced by its integer id. Reading rebuilds the very lists and dicts that were written
(``variants show --json`` and ``prompts render`` are unchanged).

Text is encoded with ``surrogatepass``: JSON may carry a lone surrogate escape (``"\\ud83d"``,
half an emoji cut off by a model or an older writer's ``ensure_ascii`` JSON), which strict
UTF-8 refuses; such a piece is stored and read back as the same string. Messages that are
not a list of plain role + text messages, and variables that are not a mapping (``null``
in rows older than ``m210_prompt_parts``), are not packed: the caller keeps the JSON.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_SEPARATOR = "\n\n"
_CHUNK = 500
_ERRORS = "surrogatepass"  # a lone surrogate from JSON is kept, not refused
# json.dumps(pair, ensure_ascii=False, default=str), without building an encoder per pair
_PAIR = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:16]


def intern(conn: sqlite3.Connection, text: str) -> int:
    """The id of the part holding ``text`` (stored now when new). Inside a write transaction."""
    return intern_many(conn, [text])[0]


def intern_many(conn: sqlite3.Connection, texts: Sequence[str]) -> list[int]:
    """The ids of the parts holding ``texts``, in order; the new ones are stored now, in
    order of first appearance (the ids ``intern`` one by one would give). One lookup
    query for all of them (bench/pipeline.py: a generation has about 40 pieces, and a
    query per piece was a third of the store's CPU). Inside a write transaction."""
    raws = [text.encode("utf-8", _ERRORS) for text in texts]
    digests = [_digest(raw) for raw in raws]
    wanted = list(dict.fromkeys(digests))
    ids: dict[bytes, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for ident, digest in conn.execute(
            f"SELECT id, hash FROM prompt_parts WHERE hash IN ({marks})", chunk
        ):
            ids[bytes(digest)] = int(ident)
    for raw, digest in zip(raws, digests, strict=True):
        if digest in ids:
            continue
        packed = zlib.compress(raw, 6)
        small = len(packed) < len(raw)
        cur = conn.execute(
            "INSERT INTO prompt_parts (hash, z, data) VALUES (?, ?, ?)",
            (digest, 1 if small else 0, packed if small else raw),
        )
        ids[digest] = int(cur.lastrowid or 0)
    return [ids[digest] for digest in digests]


def pack_messages(conn: sqlite3.Connection, messages: object) -> str | None:
    """``messages_parts`` for ``messages``; None when they are not a list of plain role +
    text messages (then the caller stores the JSON as before)."""
    if not isinstance(messages, Sequence) or isinstance(messages, str):
        return None
    pieces: list[tuple[str, list[str]]] = []
    for message in messages:
        if not isinstance(message, Mapping):
            return None
        role, content = message.get("role"), message.get("content")
        if set(message) != {"role", "content"} or not isinstance(content, str):
            return None
        if not isinstance(role, str) or not role or any(c in role for c in ":;,"):
            return None
        pieces.append((role, content.split(_SEPARATOR)))
    ids = iter(intern_many(conn, [piece for _, texts in pieces for piece in texts]))
    return ";".join(f"{role}:{_runs([next(ids) for _ in texts])}" for role, texts in pieces)


def pack_variables(conn: sqlite3.Connection, variables: object) -> str | None:
    """``variables_parts``: one part per (name, value) pair, in the dict's order; None when
    ``variables`` is not a mapping."""
    if not isinstance(variables, Mapping):
        return None
    return _runs(intern_many(conn, [_PAIR([name, value]) for name, value in variables.items()]))


def _texts(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for ident, z, data in conn.execute(
            f"SELECT id, z, data FROM prompt_parts WHERE id IN ({marks})", chunk
        ):
            raw = zlib.decompress(data) if z else bytes(data)
            found[int(ident)] = raw.decode("utf-8", _ERRORS)
    return found


def unpack(
    conn: sqlite3.Connection, messages_parts: str | None, variables_parts: str | None
) -> tuple[list[dict[str, str]] | None, dict[str, Any] | None]:
    """The messages and variables a generation row references (None where it has none)."""
    messages: list[tuple[str, list[int]]] | None = None
    if messages_parts is not None:  # "" is an empty list of messages
        messages = []
        for item in messages_parts.split(";") if messages_parts else []:
            role, _, refs = item.partition(":")
            messages.append((role, _ints(refs)))
    variables = None if variables_parts is None else _ints(variables_parts)
    ids: list[int] = list(variables or [])
    for _, parts in messages or []:
        ids.extend(parts)
    texts = _texts(conn, ids)
    rebuilt_messages = (
        [
            {"role": role, "content": _SEPARATOR.join(texts[i] for i in parts)}
            for role, parts in messages
        ]
        if messages is not None
        else None
    )
    rebuilt_variables: dict[str, Any] | None = None
    if variables is not None:
        rebuilt_variables = {}
        for ident in variables:
            name, value = json.loads(texts[ident])
            rebuilt_variables[name] = value
    return rebuilt_messages, rebuilt_variables


def _runs(ids: Sequence[int]) -> str:
    """``[10, 11, 12, 40, 13]`` -> ``"10-12,40,13"``."""
    items: list[str] = []
    start = 0
    while start < len(ids):
        end = start
        while end + 1 < len(ids) and ids[end + 1] == ids[end] + 1:
            end += 1
        items.append(str(ids[start]) if end == start else f"{ids[start]}-{ids[end]}")
        start = end + 1
    return ",".join(items)


def _ints(text: str) -> list[int]:
    """The inverse of ``_runs``."""
    ids: list[int] = []
    for item in text.split(",") if text else []:
        first, _, last = item.partition("-")
        ids.extend(range(int(first), int(last or first) + 1))
    return ids
