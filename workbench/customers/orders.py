"""Fold an export's order rows into one aggregate per customer (column-wise, with numpy).

Rules: an order counts when it was paid (payment time not empty) and not fully refunded
(refund < paid); a partly refunded order counts with paid - refund. Unpaid and fully
refunded orders are skipped and counted. Rows that cannot be trusted are reported, not
counted: a repeated order id (the later row), a negative amount or refund, a payment after
the as-of date, a refund larger than the payment, a zero payment. An unparseable date or
amount, or a paid order without a customer, is an input error (``file:line: column:
message``) and the import stops before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from workbench.customers.dates import ordinals
from workbench.customers.reading import Export
from workbench.customers.values import EMPTY, cents
from workbench.errors import InputError, Problem

MAX_PROBLEMS = 20
EXAMPLES_PER_KIND = 5
_EMPTY = np.array(sorted(v.encode() for v in EMPTY))

Ints = npt.NDArray[np.int64]


@dataclass
class Customers:
    """One entry per customer with a counted order, sorted by id."""

    ids: list[str]
    last: Ints  # date ordinal of the last counted payment
    first: Ints  # date ordinal of the first counted payment
    orders: Ints
    cents: Ints  # sum of paid - refund

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Folded:
    customers: Customers
    rows: int
    orders_used: int
    unpaid: int
    refunded: int
    anomalies: dict[str, int] = field(default_factory=dict)
    examples: list[Problem] = field(default_factory=list)


def clean_ids(values: npt.NDArray[np.bytes_]) -> npt.NDArray[np.bytes_]:
    """Strip spaces, Excel's ``="…"`` guard and leading ``'``/tab guards."""
    values = np.strings.strip(values)
    guarded = np.strings.startswith(values, b'="') & np.strings.endswith(values, b'"')
    if guarded.any():
        values = np.where(guarded, np.strings.slice(values, 2, -1), values)
    return np.strings.strip(np.strings.lstrip(values, b"'\t"))


def fold_orders(export: Export, as_of: int) -> Folded:
    """Aggregate the export's orders (see the module docstring); ``as_of`` is an ordinal."""
    f, source, lines = export.fields, export.source, export.lines
    name = export.columns.name
    n = lines.size
    dup = np.zeros(n, dtype=bool)
    first_line = np.zeros(n, dtype=np.int64)
    if "order" in f:
        order_ids = clean_ids(f["order"])
        dup, first_line = _duplicates(order_ids, lines)
    paid = np.strings.strip(f["paid_at"])
    unpaid = ~dup & np.isin(paid, _EMPTY)
    active = ~dup & ~unpaid
    rows = np.flatnonzero(active)
    day = ordinals(paid[rows], export.encoding)
    amount = _cents(f["amount"][rows], export.encoding, empty_is_zero=False)
    refund = (
        _cents(f["refund"][rows], export.encoding, empty_is_zero=True)
        if "refund" in f
        else np.zeros(rows.size, dtype=np.int64)
    )
    customer = clean_ids(f["customer"][rows])
    _raise_problems(export, rows, day, amount, refund, customer)
    negative = (amount < 0) | (refund < 0)
    future = ~negative & (day > as_of)
    exceeds = ~negative & ~future & (refund > amount)
    zero = ~negative & ~future & ~exceeds & (amount == 0)
    plain = ~negative & ~future & ~exceeds & ~zero
    refunded = plain & (refund == amount)
    counted = plain & (refund < amount)
    anomalies = {
        "duplicate": int(dup.sum()),
        "negative": int(negative.sum()),
        "future": int(future.sum()),
        "refund_exceeds": int(exceeds.sum()),
        "zero": int(zero.sum()),
    }
    examples: list[Problem] = []
    for i in np.flatnonzero(dup)[:EXAMPLES_PER_KIND]:
        value = export.text(bytes(order_ids[i]))
        message = f"order {value} repeats line {first_line[i]}: not counted"
        examples.append(Problem(source, int(lines[i]), name("order"), message))
    for mask, column, text in (
        (negative, "amount", lambda i: f"negative amount {_yuan(min(amount[i], refund[i]))}"),
        (future, "paid_at", lambda i: f"{export.text(bytes(paid[rows[i]]))} is after as-of"),
        (
            exceeds,
            "refund",
            lambda i: f"refund {_yuan(refund[i])} is more than the payment {_yuan(amount[i])}",
        ),
        (zero, "amount", lambda i: "paid 0"),
    ):
        for i in np.flatnonzero(mask)[:EXAMPLES_PER_KIND]:
            message = f"{text(i)}: not counted"
            examples.append(Problem(source, int(lines[rows[i]]), name(column), message))
    examples.sort(key=lambda p: p.line or 0)
    return Folded(
        customers=_group(customer[counted], day[counted], (amount - refund)[counted], export),
        rows=n,
        orders_used=int(counted.sum()),
        unpaid=int(unpaid.sum()),
        refunded=int(refunded.sum()),
        anomalies=anomalies,
        examples=examples,
    )


def _duplicates(
    order_ids: npt.NDArray[np.bytes_], lines: Ints
) -> tuple[npt.NDArray[np.bool_], Ints]:
    """Rows whose non-empty order id appeared on an earlier row, and that earlier line."""
    dup = np.zeros(order_ids.size, dtype=bool)
    first_line = np.zeros(order_ids.size, dtype=np.int64)
    rows = np.flatnonzero(order_ids != b"")
    if rows.size < 2:
        return dup, first_line
    keys = order_ids[rows]
    digits = keys.dtype.itemsize <= 19 and bool(np.all(np.strings.isdigit(keys)))
    if digits and not np.any(np.strings.startswith(keys, b"0")):
        keys = keys.astype(np.uint64)  # the same order ids, faster to sort as numbers
    perm = np.argsort(keys, kind="stable")
    ordered = keys[perm]
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return dup, first_line
    run = np.cumsum(np.concatenate(([True], ~same))) - 1
    run_first = rows[perm][np.flatnonzero(np.concatenate(([True], ~same)))]
    later = rows[perm][1:][same]
    dup[later] = True
    first_line[later] = lines[run_first[run[1:][same]]]
    return dup, first_line


def _cents(values: npt.NDArray[np.bytes_], encoding: str, *, empty_is_zero: bool) -> Ints:
    """Money as cents; unreadable values are ``_BAD`` (checked by the caller)."""
    values = np.strings.strip(values)
    if empty_is_zero:
        values = np.where(values == b"", b"0", values)
    try:
        number = values.astype(np.float64)
    except ValueError:
        distinct, inverse = np.unique(values, return_inverse=True)
        parsed = [cents(v.decode(encoding, errors="replace")) for v in distinct.tolist()]
        table = np.array([_BAD if c is None else c for c in parsed], dtype=np.int64)
        return table[inverse.reshape(-1)]
    with np.errstate(invalid="ignore"):
        finite = np.abs(number) < 1e12
    out = np.full(values.size, _BAD, dtype=np.int64)
    out[finite] = np.rint(number[finite] * 100).astype(np.int64)
    return out


_BAD = np.iinfo(np.int64).min


def _raise_problems(
    export: Export,
    rows: Ints,
    day: Ints,
    amount: Ints,
    refund: Ints,
    customer: npt.NDArray[np.bytes_],
) -> None:
    f, name = export.fields, export.columns.name
    checks = (
        (day < 0, "paid_at", "is not a date (YYYY-MM-DD)"),
        (amount == _BAD, "amount", "is not an amount"),
        (refund == _BAD, "refund", "is not an amount"),
        (customer == b"", "customer", ""),
    )
    found: list[tuple[int, int, Problem]] = []
    for order, (mask, column, message) in enumerate(checks):
        for i in np.flatnonzero(mask)[:MAX_PROBLEMS]:
            line = int(export.lines[rows[i]])
            if column == "customer":
                text = "is empty on a paid order"
            else:
                raw = export.text(bytes(np.strings.strip(f[column][rows[i]])))
                text = f"{raw[:40]!r} {message}" if raw else f"is empty; {message}"
            found.append((line, order, Problem(export.source, line, name(column), text)))
    if found:
        found.sort(key=lambda item: (item[0], item[1]))
        raise InputError([p for _, _, p in found[:MAX_PROBLEMS]])


def _group(customer: npt.NDArray[np.bytes_], day: Ints, net: Ints, export: Export) -> Customers:
    if customer.size == 0:
        empty = np.array([], dtype=np.int64)
        return Customers([], empty, empty.copy(), empty.copy(), empty.copy())
    distinct, inverse = np.unique(customer, return_inverse=True)
    inverse = inverse.reshape(-1)
    k = distinct.size
    last = np.full(k, np.iinfo(np.int64).min, dtype=np.int64)
    first = np.full(k, np.iinfo(np.int64).max, dtype=np.int64)
    np.maximum.at(last, inverse, day)
    np.minimum.at(first, inverse, day)
    total = np.zeros(k, dtype=np.int64)
    np.add.at(total, inverse, net)
    orders = np.bincount(inverse, minlength=k).astype(np.int64)
    return Customers(decode_all(distinct, export.encoding), last, first, orders, total)


def decode_all(values: npt.NDArray[np.bytes_], encoding: str) -> list[str]:
    """Every value as text: one decode of the joined bytes (a NUL never occurs inside a
    character in the encodings read here), one per value if that does not split evenly."""
    items = values.tolist()
    joined = b"\x00".join(items).decode(encoding, errors="replace").split("\x00")
    if len(joined) == len(items):
        return joined
    return [v.decode(encoding, errors="replace") for v in items]


def _yuan(value: object) -> str:
    return f"{int(value) / 100:.2f}"  # type: ignore[call-overload]
