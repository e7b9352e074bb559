"""A vectorised reader for regular CSV exports: a few columns of a big file, with numpy.

Most shop exports are regular: one record per line, the same number of commas on every
line, and quotes only around whole fields (Taobao writes order ids as ``="…"``) with no
comma or line break inside them. For such a file, the commas are the field separators, so
the wanted fields can be cut out of the raw bytes without a Python loop per row. Bytes are
never decoded here: in UTF-8 and in the GBK/GB18030 family no byte of a multi-byte
character can be a comma, quote, CR or LF, so the cuts are the same as on decoded text;
ids are decoded later, once per distinct value.

:func:`read_fields` returns ``None`` for anything irregular (a quoted comma or line break,
a doubled quote, a line with a different number of fields, a field wider than
``MAX_WIDTH``); the caller then reads the file with the ``csv`` module instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

CHUNK_BYTES = 8 * 1024 * 1024
MAX_WIDTH = 128
_COMMA, _QUOTE, _CR, _LF, _EQ = 44, 34, 13, 10, 61

Fields = dict[int, npt.NDArray[np.bytes_]]


def read_fields(
    path: Path, body_offset: int, ncols: int, wanted: Sequence[int]
) -> tuple[Fields, npt.NDArray[np.int64]] | None:
    """Fields ``wanted`` (column indices) of every record after the header, and line numbers.

    ``body_offset`` is the byte offset just after the header line (line 1).
    """
    parts: dict[int, list[npt.NDArray[np.bytes_]]] = {i: [] for i in wanted}
    line_parts: list[npt.NDArray[np.int64]] = []
    lines_before = 1
    with path.open("rb") as handle:
        handle.seek(body_offset)
        rest = b""
        while True:
            block = handle.read(CHUNK_BYTES)
            data = rest + block
            if not block:
                if data and not data.endswith(b"\n"):
                    data += b"\n"
                rest = b""
            else:
                cut = data.rfind(b"\n") + 1
                data, rest = data[:cut], data[cut:]
            if data:
                done = _chunk(data, ncols, wanted, lines_before)
                if done is None:
                    return None
                fields, lines, count = done
                for i in wanted:
                    parts[i].append(fields[i])
                line_parts.append(lines)
                lines_before += count
            if not block:
                break
    out = {i: np.concatenate(p) if p else np.array([], dtype="S1") for i, p in parts.items()}
    lines = np.concatenate(line_parts) if line_parts else np.array([], dtype=np.int64)
    return out, lines


def _chunk(
    data: bytes, ncols: int, wanted: Sequence[int], lines_before: int
) -> tuple[Fields, npt.NDArray[np.int64], int] | None:
    buf = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(buf == _LF)
    commas = np.flatnonzero(buf == _COMMA)
    quotes = np.flatnonzero(buf == _QUOTE)
    if quotes.size and not _quotes_trivial(buf, quotes, commas, newlines):
        return None
    starts = np.empty_like(newlines)
    starts[0] = 0
    starts[1:] = newlines[:-1] + 1
    ends = newlines.copy()
    has_cr = buf[np.maximum(ends - 1, 0)] == _CR
    ends[has_cr & (ends > starts)] -= 1
    per_line = np.searchsorted(commas, newlines) - np.searchsorted(commas, starts)
    blank = ends == starts
    records = ~blank
    if np.any(per_line[records] != ncols - 1) or np.any(per_line[blank] != 0):
        return None
    line_numbers = np.flatnonzero(records).astype(np.int64) + lines_before + 1
    grid = commas.reshape(-1, ncols - 1) if ncols > 1 else np.empty((int(records.sum()), 0))
    rec_starts, rec_ends = starts[records], ends[records]
    fields: Fields = {}
    for col in wanted:
        lo = rec_starts if col == 0 else grid[:, col - 1] + 1
        hi = rec_ends if col == ncols - 1 else grid[:, col]
        extracted = _extract(buf, lo.astype(np.int64), hi.astype(np.int64))
        if extracted is None:
            return None
        fields[col] = extracted
    return fields, line_numbers, int(newlines.size)


def _quotes_trivial(
    buf: npt.NDArray[np.uint8],
    quotes: npt.NDArray[np.intp],
    commas: npt.NDArray[np.intp],
    newlines: npt.NDArray[np.intp],
) -> bool:
    """Every quote pair wraps a whole field (``"…"`` or ``="…"``) without , CR or LF inside."""
    if quotes.size % 2:
        return False
    opens, closes = quotes[0::2], quotes[1::2]
    if np.any(np.searchsorted(commas, opens) != np.searchsorted(commas, closes)):
        return False
    if np.any(np.searchsorted(newlines, opens) != np.searchsorted(newlines, closes)):
        return False
    before = np.where(opens > 0, buf[np.maximum(opens - 1, 0)], _LF)
    equals = before == _EQ
    before2 = np.where(opens > 1, buf[np.maximum(opens - 2, 0)], _LF)
    open_ok = np.isin(before, (_COMMA, _LF)) | (equals & np.isin(before2, (_COMMA, _LF)))
    after = np.where(closes + 1 < buf.size, buf[np.minimum(closes + 1, buf.size - 1)], _LF)
    close_ok = np.isin(after, (_COMMA, _CR, _LF))
    return bool(np.all(open_ok) and np.all(close_ok))


def _extract(
    buf: npt.NDArray[np.uint8], lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64]
) -> npt.NDArray[np.bytes_] | None:
    """Bytes ``buf[lo:hi]`` per record as an ``S`` array, unwrapping ``"…"`` and ``="…"``."""
    if lo.size == 0:
        return np.array([], dtype="S1")
    first = buf[np.minimum(lo, buf.size - 1)]
    second = buf[np.minimum(lo + 1, buf.size - 1)]
    wrapped_eq = (hi - lo >= 3) & (first == _EQ) & (second == _QUOTE)
    wrapped = (hi - lo >= 2) & (first == _QUOTE)
    lo = lo + np.where(wrapped_eq, 2, np.where(wrapped, 1, 0))
    hi = hi - (wrapped_eq | wrapped)
    lengths = hi - lo
    width = int(lengths.max()) if lengths.size else 0
    if width > MAX_WIDTH:
        return None
    if width == 0:
        return np.zeros(lo.size, dtype="S1")
    offsets = np.arange(width, dtype=np.int64)
    index = lo[:, None] + offsets
    grid = buf[np.minimum(index, buf.size - 1)]
    grid[offsets >= lengths[:, None]] = 0
    return np.ascontiguousarray(grid).view(f"S{width}").reshape(-1)
