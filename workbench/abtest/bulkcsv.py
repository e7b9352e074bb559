"""The fast path of the results CSV import: whole columns at a time, no per-row Python.

``parse_results(body, names, columns)`` takes the text after the header line of a results
file of the common shape (plain unquoted fields of ASCII letters, digits, ``-`` and ``.``,
padded with spaces or tabs at most, one row per line, ``\\n`` or ``\\r\\n`` line ends) and
returns its rows grouped by variant key and sorted by date within each key. It returns
``None`` whenever anything is unusual or wrong (quotes, spaces inside a field, blank lines
in between, a bad value, a count above impressions, a repeated variant and day): the caller
then runs the careful row-by-row parser, which reports every problem as
``file:line: field: message`` or, for a file that is merely unusual, imports it. So this
path accepts only files the careful parser accepts, and yields exactly the values it
would: keys normalised and dates checked by the same functions (on each distinct value
once), counts by ``int`` on ASCII digits, money by ``float``.

Work per row happens inside C loops (``str.split``, ``map`` over builtins, list slicing),
in chunks of lines so that the strings of one chunk are freed before the next.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from operator import add, eq, gt
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem
from workbench.guards.dates import calendar_date
from workbench.guards.decode import decode_text, read_bytes

REQUIRED = ("variant_id", "date", "impressions", "clicks", "conversions")
OPTIONAL = ("shares", "cost", "revenue")
COUNTS = frozenset(("impressions", "clicks", "conversions", "shares"))
_CHUNK_CHARS = 4_000_000
_MAX_COUNT = 2**63 - 1  # larger counts go the careful way (SQLite integers are 64-bit)
_UNUSUAL = re.compile(r"[^0-9A-Za-z,.\n-]")
_PADDING = re.compile(r"[ \t]*([,\n])[ \t]*")  # the careful parser strips fields
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+|")
_KEY_SPAN = 4_000_000  # above date.max.toordinal() (3,652,059): codes key * span + day


def iso_date(text: str) -> date | None:
    """The date of ``YYYY-MM-DD`` text, or of the forms Chinese spreadsheets write
    (``2026/3/10``, ``2026年3月10日``: :func:`workbench.guards.dates.calendar_date`), or
    ``None`` (week dates and other ISO forms are refused). Stored as ``isoformat()``."""
    if len(text) == 10 and text[4] == "-":
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        return day if day.isoformat() == text else None
    return calendar_date(text)


MAX_FILE = 2_000_000_000  # bytes of one import file


def read_text(path: Path) -> str:
    """The whole file as text, line ends kept as they are. Regular files only (a FIFO or
    /dev/zero is refused), at most :data:`MAX_FILE` bytes; UTF-8 with or without BOM,
    UTF-16 and GBK (Excel's "CSV" in Chinese Windows) are detected (workbench.guards)."""
    where = str(path)
    data = read_bytes(path, where, MAX_FILE)
    try:
        return decode_text(data, where, "CSV")
    except InputError as exc:
        line = exc.problems[0].line
        raise InputError(Problem(where, line, "", "not UTF-8 text (nor UTF-16 or GBK)")) from None


def value_columns(names: list[str], where: str) -> list[str]:
    """The value columns of a results header (impressions first); raises ``InputError``
    on a missing, unknown or repeated column."""
    missing = [c for c in REQUIRED if c not in names]
    unknown = [c for c in names if c not in REQUIRED + OPTIONAL]
    dupes = {c for c in names if names.count(c) > 1}
    if missing or unknown or dupes:
        bad = missing or unknown or sorted(dupes)
        what = "missing" if missing else "unknown" if unknown else "repeated"
        raise InputError(
            Problem(
                where,
                1,
                bad[0],
                f"{what} column; the header is {','.join(REQUIRED)}"
                f" plus optional {','.join(OPTIONAL)}",
            )
        )
    return [c for c in (*REQUIRED[2:], *OPTIONAL) if c in names]


def normal_key(text: str) -> str:
    """A variant key as rows are matched: stripped, lower case."""
    return text.strip().lower()


@dataclass(frozen=True)
class Parsed:
    """The rows column-wise, in file order: ``columns[0]`` the dates, then one list per
    value column; ``groups`` maps each normalised variant key to its rows' indices, sorted
    by date."""

    rows: int
    dates: int
    columns: list[list[Any]]
    groups: dict[str, list[int]]

    def of(self, key: str) -> Iterator[tuple[Any, ...]]:
        """The ``(date, *values)`` rows of one variant key, by date. Each column is
        gathered in one C loop; ``zip`` then reuses its tuple while the caller consumes
        rows one at a time (no million tuples for the garbage collector to walk)."""
        indices = self.groups[key]
        gathered = [list(map(column.__getitem__, indices)) for column in self.columns]
        return zip(*gathered, strict=True)


class _Columns:
    """Accumulates the checked columns of every chunk."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = columns
        self.values: list[list[Any]] = [[] for _ in range(len(columns) + 1)]  # dates first
        self.codes: list[int] = []
        self.key_base: dict[str, int] = {}  # raw key -> index of its normal key * span
        self.normal: dict[str, int] = {}  # normal key -> index
        self.day_code: dict[str, int] = {}  # raw day -> ordinal
        self.day_text: dict[str, str] = {}  # raw day -> one shared string

    def add_keys(self, raw: list[str]) -> bool:
        for key in set(raw).difference(self.key_base):
            normal = normal_key(key)
            if not normal:
                return False
            index = self.normal.setdefault(normal, len(self.normal))
            self.key_base[key] = index * _KEY_SPAN
        return True

    def add_days(self, raw: list[str]) -> bool:
        for text in set(raw).difference(self.day_code):
            day = iso_date(text)
            if day is None:
                return False
            self.day_code[text] = day.toordinal()
            self.day_text[text] = day.isoformat()  # 2026/3/10 is stored as 2026-03-10
        return True

    def add_counts(self, column: str, raw: list[str]) -> list[int] | None:
        if "" in raw:
            if column != "shares":
                return None
            raw = [t or "0" for t in raw]
        joined = "".join(raw)
        if not (joined.isascii() and joined.isdigit()):
            return None
        numbers = list(map(int, raw))
        return numbers if max(numbers) <= _MAX_COUNT else None

    def add_money(self, raw: list[str]) -> list[float] | None:
        if not all(map(_DECIMAL.fullmatch, raw)):
            return None
        numbers = [float(t) if t else 0.0 for t in raw]
        return numbers if math.isfinite(max(numbers)) else None


def _chunks(body: str) -> list[str]:
    chunks: list[str] = []
    start = 0
    while start < len(body):
        stop = body.find("\n", start + _CHUNK_CHARS)
        stop = len(body) if stop < 0 else stop
        chunks.append(body[start:stop])
        start = stop + 1
    return chunks


def _take(chunk: str, width: int, acc: _Columns, spots: list[int]) -> bool:
    """Check one chunk of whole lines and add its columns; False if anything is off."""
    if " " in chunk or "\t" in chunk:
        chunk = _PADDING.sub(r"\1", chunk).strip(" \t")
    if _UNUSUAL.search(chunk) is not None:
        return False
    # Each line end becomes a field of its own: every line has ``width`` fields exactly
    # when every (width + 1)-th field is a line end and the count adds up.
    lines = chunk.count("\n") + 1
    fields = chunk.replace("\n", ",\n,").split(",")
    stride = width + 1
    if len(fields) != stride * lines - 1 or fields[width::stride].count("\n") != lines - 1:
        return False
    keys, days = fields[spots[0] :: stride], fields[spots[1] :: stride]
    if not (acc.add_keys(keys) and acc.add_days(days)):
        return False
    parsed: list[list[Any]] = []
    for column, spot in zip(acc.columns, spots[2:], strict=True):
        raw = fields[spot::stride]
        found = acc.add_counts(column, raw) if column in COUNTS else acc.add_money(raw)
        if found is None:
            return False
        parsed.append(found)
    impressions = parsed[0]
    for column, found in zip(acc.columns[1:], parsed[1:], strict=True):
        if column in COUNTS and any(map(gt, found, impressions)):
            return False
    acc.values[0].extend(map(acc.day_text.__getitem__, days))
    for into, found in zip(acc.values[1:], parsed, strict=True):
        into.extend(found)
    acc.codes.extend(
        map(add, map(acc.key_base.__getitem__, keys), map(acc.day_code.__getitem__, days))
    )
    return True


def parse_results(body: str, names: list[str], columns: list[str]) -> Parsed | None:
    """The rows of ``body`` (the file after its header line ``names``) for the value
    ``columns`` (impressions first), or ``None`` to leave the file to the careful parser."""
    if "\r" in body:
        body = body.replace("\r\n", "\n")
        if "\r" in body:
            return None
    body = body.rstrip("\n")
    if not body:
        return None
    width = len(names)
    spots = [names.index("variant_id"), names.index("date"), *(names.index(c) for c in columns)]
    acc = _Columns(columns)
    for chunk in _chunks(body):
        if not _take(chunk, width, acc, spots):
            return None
    codes = acc.codes
    order = sorted(range(len(codes)), key=codes.__getitem__)
    ordered = list(map(codes.__getitem__, order))
    if any(map(eq, ordered, islice(ordered, 1, None))):
        return None  # a variant and day repeated
    groups: dict[str, list[int]] = {}
    for normal, index in acc.normal.items():
        lo = bisect_left(ordered, index * _KEY_SPAN)
        hi = bisect_left(ordered, (index + 1) * _KEY_SPAN)
        groups[normal] = order[lo:hi]
    return Parsed(rows=len(codes), dates=len(acc.day_code), columns=acc.values, groups=groups)
