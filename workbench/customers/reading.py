"""Read an order export into columns: CSV in the encodings Chinese shops export, or XLSX.

The encoding of a CSV is decided from its first bytes: a UTF-8 BOM means UTF-8; text that
decodes as UTF-8 is UTF-8; anything else is handed to charset-normalizer, which ranks the
legacy code pages by how coherent the decoded text is (a GBK file also decodes, as
nonsense, under several single-byte code pages, so "decodes without error" is not enough);
where a short sample reads about as well as Korean or Japanese, the GB reading wins.
The GBK family is read as GB18030, its superset, so characters outside GBK survive.

Header names are stripped (Taobao ends some with a space). Only the mapped columns are
kept, as numpy byte-string arrays in the file's encoding, with each record's line number
(the line a text editor shows; for XLSX the sheet row). Regular CSVs are cut by
:mod:`~workbench.customers.fastcsv`; anything else goes through the ``csv`` module.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from workbench.customers import fastcsv
from workbench.customers.layouts import Columns, resolve_columns
from workbench.errors import InputError, Problem

SAMPLE_BYTES = 64 * 1024
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
_OTHER_CJK = ("euc", "cp949", "cp950", "cp932", "big5", "shift", "johab", "iso2022")
_ASCII_SAFE = {"utf-8", "utf-8-sig", "gb18030"}


@dataclass
class Export:
    """The mapped columns of an export: field -> byte strings (``encoding``), line numbers."""

    source: str
    columns: Columns
    fields: dict[str, npt.NDArray[np.bytes_]]
    lines: npt.NDArray[np.int64]
    encoding: str

    def text(self, value: bytes) -> str:
        return value.decode(self.encoding, errors="replace")


def detect_encoding(path: Path) -> str:
    """The Python codec to read ``path`` with (see the module docstring)."""
    head = _head(path)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < SAMPLE_BYTES)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(head)
    best = matches.best()
    if best is None:
        message = "cannot tell the text encoding; save the export as UTF-8 CSV or XLSX"
        raise InputError(Problem(str(path), None, "", message))
    # A short GBK sample can score a little better as Korean or Japanese; these exports
    # come from Chinese shops, so a plausible GB reading wins over another CJK code page.
    names = {m.encoding.lower().replace("-", "").replace("_", "") for m in matches}
    top = best.encoding.lower().replace("-", "").replace("_", "")
    if top in _GB_FAMILY or (names & _GB_FAMILY and top.startswith(_OTHER_CJK)):
        return "gb18030"
    return best.encoding


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise InputError(Problem(str(path), None, "", f"cannot read: {exc.strerror}")) from None


def load_export(path: Path, overrides: dict[str, str]) -> Export:
    """Read ``path`` (CSV or XLSX) and keep the columns the layout maps."""
    if not path.is_file():
        raise InputError(Problem(str(path), None, "", "no such file"))
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _load_xlsx(path, overrides)
    encoding = detect_encoding(path)
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(Problem(str(path), None, "", f"cannot read: {exc.strerror}")) from None
    with handle:
        try:
            first = handle.readline()
        except UnicodeDecodeError:
            raise _not_text(path, encoding, 1) from None
        if not first.strip():
            raise InputError(Problem(str(path), None, "", "empty file: expected a header row"))
        delimiter = "\t" if "\t" in first and "," not in first else ","
        header = [h.strip() for h in next(csv.reader([first], delimiter=delimiter))]
        columns = resolve_columns(header, str(path), overrides)
        wanted = sorted(columns.found.values(), key=lambda hit: hit[1])
        if delimiter == "," and encoding in _ASCII_SAFE and '"' not in first:
            offset = len(first.encode(encoding))
            fast = fastcsv.read_fields(path, offset, len(header), [i for _, i in wanted])
            if fast is not None:
                cut, lines = fast
                fields = {f: cut[i] for f, (_, i) in columns.found.items()}
                return Export(str(path), columns, fields, lines, _codec(encoding))
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        rows = _csv_rows(path, reader, encoding)
        next(rows)
        return _collect(str(path), columns, rows, "utf-8")


def _codec(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8-sig" else encoding


def _csv_rows(path: Path, reader: Any, encoding: str) -> Iterator[tuple[int, list[Any]]]:
    line = 0
    try:
        for row in reader:
            yield line + 1, row
            line = reader.line_num
    except UnicodeDecodeError:
        raise _not_text(path, encoding, line + 1) from None
    except csv.Error as exc:
        raise InputError(Problem(str(path), line + 1, "", f"bad CSV: {exc}")) from None


def _not_text(path: Path, encoding: str, line: int) -> InputError:
    message = f"not valid {encoding} text (the file mixes encodings?); save it as UTF-8 CSV"
    return InputError(Problem(str(path), line, "", message))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _collect(
    source: str, columns: Columns, rows: Iterable[tuple[int, list[Any]]], encoding: str
) -> Export:
    """Rows from the csv module or a sheet -> the mapped columns (blank rows dropped)."""
    found = columns.found
    values: dict[str, list[bytes]] = {f: [] for f in found}
    lines: list[int] = []
    for line, row in rows:
        if not any(_cell_text(c).strip() for c in row):
            continue
        lines.append(line)
        for f, (_, i) in found.items():
            cell = row[i] if i < len(row) else None
            values[f].append(_cell_text(cell).encode(encoding))
    fields = {
        f: np.array(v, dtype=bytes) if v else np.array([], dtype="S1") for f, v in values.items()
    }
    return Export(source, columns, fields, np.array(lines, dtype=np.int64), encoding)


def _load_xlsx(path: Path, overrides: dict[str, str]) -> Export:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as exc:
        raise InputError(Problem(str(path), None, "", f"cannot read as XLSX: {exc}")) from None
    try:
        sheet = book.active
        if sheet is None:
            raise InputError(Problem(str(path), None, "", "the workbook has no sheet"))
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise InputError(Problem(str(path), None, "", "empty sheet: expected a header row"))
        header = [_cell_text(h).strip() for h in first]
        columns = resolve_columns(header, str(path), overrides)
        numbered = ((i, list(row)) for i, row in enumerate(rows, start=2))
        return _collect(str(path), columns, numbered, "utf-8")
    finally:
        book.close()
