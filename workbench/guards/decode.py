"""Bounded reads of regular files and decoding with encoding detection.

A path argument may name a FIFO (a read blocks forever), ``/dev/zero`` (never ends), a
folder or a huge file. :func:`read_bytes` only reads regular files, at most ``limit``
bytes. :func:`decode_text` decodes UTF-8 (BOM or not), UTF-16/UTF-32 (by BOM, or UTF-16
without BOM by its zero bytes) and GB18030/GBK (common for files saved by Chinese Excel
and Notepad); anything else is refused with the byte and line instead of being mangled.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from workbench.errors import InputError, Problem

DEFAULT_LIMIT = 50_000_000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size} bytes"


def regular_file(path: Path, label: str | None = None, what: str = "text") -> os.stat_result:
    """``stat`` of ``path``; an ``InputError`` unless it is an existing regular file."""
    where = label or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(Problem(where, None, "", "file not found")) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(Problem(where, None, "", f"cannot read the file ({reason})")) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(Problem(where, None, "", f"is a directory, not a {what} file"))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            Problem(where, None, "", "not a regular file (a device, pipe or socket); give a file")
        )
    return info


def read_bytes(
    path: Path, label: str | None = None, limit: int = DEFAULT_LIMIT, what: str = "text"
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    where = label or str(path)
    info = regular_file(path, where, what)
    too_large = f"file is too large ({_size_text(info.st_size)}; at most {_size_text(limit)})"
    if info.st_size > limit:
        raise InputError(Problem(where, None, "", too_large))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(Problem(where, None, "", f"cannot read the file ({reason})")) from None
    if len(data) > limit:  # grew while being read
        raise InputError(Problem(where, None, "", too_large))
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is zero."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[str, int]:
    """``(encoding, BOM length)`` for ``data``; ``utf-8`` when nothing else is indicated."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    guess = _utf16_without_bom(data)
    return (guess, 0) if guess else ("utf-8", 0)


def decode_text(data: bytes, label: str, what: str = "text") -> str:
    """Decode file bytes with detection; ``InputError`` for binary or undecodable data."""
    encoding, skip = detect_encoding(data)
    body = data[skip:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            line = body[: exc.start].count(b"\n") + 1
            message = (
                f"not valid UTF-8 or {encoding} {what} (it starts like {encoding}); "
                "save it as UTF-8"
            )
            raise InputError(Problem(label, line, "", message)) from None
        text = _gb18030(body, exc, label, what)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(Problem(label, line, "", f"binary file (contains NUL bytes), not {what}"))
    return text


def _gb18030(body: bytes, exc: UnicodeDecodeError, label: str, what: str) -> str:
    """GB18030 (a superset of GBK) when the bytes decode as it and read as text."""
    line = body[: exc.start].count(b"\n") + 1
    refusal = InputError(
        Problem(
            label,
            line,
            "",
            f"not valid UTF-8 text (bad byte 0x{body[exc.start]:02x}); save it as UTF-8",
        )
    )
    if b"\x00" in body:
        raise refusal from None
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        raise refusal from None
    # Random bytes often decode as GB18030 too; real GBK text is mostly CJK and ASCII.
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f")
    odd = sum(1 for ch in text if ord(ch) > 0x7F and not ("\u4e00" <= ch <= "\u9fff"))
    controls = sum(1 for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r")
    if controls or cjk == 0 or odd > cjk:
        raise refusal from None
    return text


def read_text(
    path: Path, label: str | None = None, limit: int = DEFAULT_LIMIT, what: str = "text"
) -> str:
    """:func:`read_bytes` then :func:`decode_text`."""
    where = label or str(path)
    return decode_text(read_bytes(path, where, limit, what), where, what)
