"""Member files (``DIR/<segment-id>.csv``) and the optional WeCom contacts join.

A member file has one row per customer: ``user_id`` (the customer id from the export, the
column ``workbench ab assign --users`` reads), ``recency_days``, ``frequency``,
``monetary`` (yuan) and ``last_paid_at``; with ``--join`` also ``external_userid`` (empty
where the contacts export has no match). Phone numbers are compared by their digits, a
leading 86 / +86 country code removed.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt

from workbench.customers.orders import Customers
from workbench.customers.reading import detect_encoding
from workbench.errors import InputError, Problem
from workbench.fsio import atomic_output

COLUMNS = ("user_id", "recency_days", "frequency", "monetary", "last_paid_at")
EXTERNAL = "external_userid"
_EXTERNAL_NAMES = ("external_userid", "externaluserid", "external_user_id", "外部联系人id")
_ON_ALIASES = {"phone": ("phone", "mobile", "手机号", "手机", "手机号码", "电话", "联系电话")}
_NON_DIGITS = re.compile(r"\D+")


def phone_key(value: str) -> str:
    digits = _NON_DIGITS.sub("", value)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits


def read_contacts(path: Path, on: str) -> dict[str, str]:
    """``--on`` value -> external_userid from a contacts export (CSV, any common encoding)."""
    where = str(path)
    if not path.is_file():
        raise InputError(Problem(where, None, "", "no such file"))
    encoding = detect_encoding(path)
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise InputError(Problem(where, None, "", f"cannot read: {exc.strerror}")) from None
    mapping: dict[str, str] = {}
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader, [])]
            lowered = [h.lower() for h in header]
            names = _ON_ALIASES.get(on.lower(), (on,))
            key_col = next((lowered.index(n.lower()) for n in names if n.lower() in lowered), None)
            ext_col = next((lowered.index(n) for n in _EXTERNAL_NAMES if n in lowered), None)
            found = ", ".join(h for h in header if h) or "(none)"
            if key_col is None:
                looked = " / ".join(names)
                message = f"missing column (--on {on}); found headers: {found}"
                raise InputError(Problem(where, 1, looked, message))
            if ext_col is None:
                message = f"missing column; found headers: {found}"
                raise InputError(Problem(where, 1, EXTERNAL, message))
            normalise = phone_key if on.lower() == "phone" else str.strip
            for row in reader:
                if max(key_col, ext_col) >= len(row):
                    continue
                key, external = normalise(row[key_col]), row[ext_col].strip()
                if key and external:
                    mapping.setdefault(key, external)
        except UnicodeDecodeError:
            message = f"not valid {encoding} text; save it as UTF-8 CSV"
            raise InputError(Problem(where, reader.line_num + 1, "", message)) from None
    return mapping


def write_members(
    folder: Path,
    customers: Customers,
    members: dict[str, npt.NDArray[np.intp]],
    as_of: int,
    contacts: dict[str, str] | None = None,
    on: str = "phone",
) -> tuple[list[Path], int]:
    """One CSV per segment; returns the files and how many customers the join matched."""
    normalise = phone_key if on.lower() == "phone" else str.strip
    header = [*COLUMNS, EXTERNAL] if contacts is not None else list(COLUMNS)
    written: list[Path] = []
    matched = 0
    for segment_id, index in members.items():
        columns = _columns(customers, index, as_of)
        if contacts is not None:
            external = [contacts.get(normalise(user), "") for user in columns[0]]
            matched += sum(1 for e in external if e)
            columns.append(external)
        path = folder / f"{segment_id}.csv"
        with atomic_output(path, "w", encoding="utf-8", newline="") as handle:
            if _plain(columns):  # nothing to quote: one join instead of a writer call per row
                lines = map(",".join, zip(*columns, strict=True))
                handle.write(",".join(header) + "\r\n")
                handle.write("".join(line + "\r\n" for line in lines))
            else:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(zip(*columns, strict=True))
        written.append(path)
    return written, matched


def _columns(customers: Customers, index: npt.NDArray[np.intp], as_of: int) -> list[list[str]]:
    """user_id, recency_days, frequency, monetary (yuan, 2 decimals), last_paid_at as text."""
    if index.size == 0:
        return [[], [], [], [], []]
    ids = [customers.ids[i] for i in index.tolist()]
    last = customers.last[index]
    money = customers.cents[index]
    sign = np.where(money < 0, "-", "")
    whole = np.abs(money) // 100
    part = np.abs(money) % 100
    monetary = np.strings.add(
        np.strings.add(np.strings.add(sign, whole.astype(str)), "."),
        np.strings.zfill(part.astype(str), 2),
    )
    distinct, inverse = np.unique(last, return_inverse=True)
    days = np.array([date.fromordinal(int(d)).isoformat() for d in distinct.tolist()])
    return [
        ids,
        (as_of - last).astype(str).tolist(),
        customers.orders[index].astype(str).tolist(),
        monetary.tolist(),
        days[inverse.reshape(-1)].tolist(),
    ]


_SPECIAL = re.compile(r'[",\r\n]')


def _plain(columns: list[list[str]]) -> bool:
    return not any(_SPECIAL.search("\x00".join(column)) for column in columns)
