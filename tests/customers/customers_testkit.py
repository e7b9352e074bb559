"""Generated order exports and an independent computation of what importing them means.

Nothing here calls the importer: the expectation is worked out row by row with
``Decimal``/``Fraction`` from the rules in the issue, so the tests compare two separate
computations.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from statistics import median

AS_OF = date(2026, 6, 30)

LAYOUT_HEADERS = {
    "taobao": ("订单编号", "买家会员名 ", "买家实际支付金额", "订单付款时间 ", "退款金额"),
    "youzan": ("订单号", "买家手机号", "实付金额", "买家付款时间", "退款金额"),
    "generic": ("order_id", "customer_id", "amount", "paid_at", "refund"),
}
RFM_NAMES = {
    (True, True, True): "important-value",
    (False, True, True): "important-keep",
    (True, False, True): "important-develop",
    (False, False, True): "important-retain",
    (True, True, False): "general-value",
    (False, True, False): "general-keep",
    (True, False, False): "general-develop",
    (False, False, False): "general-retain",
}


@dataclass
class Order:
    order_id: str
    customer: str
    paid_at: datetime | None
    amount: Decimal
    refund: Decimal


def make_orders(n: int = 400, customers: int = 60, seed: int = 7) -> list[Order]:
    """Unpaid, fully refunded, partly refunded and plain orders over 14 months."""
    rng = random.Random(seed)
    orders: list[Order] = []
    for i in range(n):
        customer = f"1{rng.randrange(customers):010d}"  # phone-like ids
        day = AS_OF - timedelta(days=rng.randrange(0, 420))
        paid = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))
        amount = Decimal(rng.randrange(100, 90000)) / 100
        roll = rng.random()
        refund = Decimal(0)
        paid_at: datetime | None = paid
        if roll < 0.1:
            paid_at = None
        elif roll < 0.2:
            refund = amount
        elif roll < 0.35:
            refund = (amount * Decimal(rng.randrange(1, 99)) / 100).quantize(Decimal("0.01"))
        orders.append(Order(f"{5000000000 + i}", customer, paid_at, amount, refund))
    for k in range(6):  # new customers: every order in the last three weeks
        for j in range(1 + k % 2):
            day = AS_OF - timedelta(days=rng.randrange(0, 21))
            paid = datetime(day.year, day.month, day.day, 12, 30)
            number = f"{6000000000 + 10 * k + j}"
            amount = Decimal(rng.randrange(100, 90000)) / 100
            orders.append(Order(number, f"1990000000{k}", paid, amount, Decimal(0)))
    return orders


def write_export(
    path: Path, orders: list[Order], layout: str, encoding: str = "utf-8", remark: str = ""
) -> Path:
    """Lines written by hand, as shops write them (Taobao's ``="…"`` order ids, CRLF).

    ``remark`` goes into a quoted 备注 column on every line: one with a comma or a line
    break makes the file irregular, so the importer's ``csv`` path reads it.
    """
    order_h, cust_h, amount_h, paid_h, refund_h = LAYOUT_HEADERS[layout]
    lines = [",".join([order_h, "备注", cust_h, amount_h, paid_h, refund_h])]
    quoted = '"' + remark.replace('"', '""') + '"'
    for o in orders:
        order_id = f'="{o.order_id}"' if layout == "taobao" else o.order_id
        paid = o.paid_at.strftime("%Y-%m-%d %H:%M:%S") if o.paid_at else ""
        lines.append(",".join([order_id, quoted, o.customer, f"{o.amount}", paid, f"{o.refund}"]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@dataclass
class Expected:
    customers: dict[str, tuple[int, int, Decimal, date]]  # id -> R, F, M, last date
    orders_used: int
    unpaid: int
    refunded: int
    thresholds: dict[str, float]
    rfm: dict[str, set[str]]
    lifecycle: dict[str, set[str]]


def expect(orders: list[Order], threshold: str = "mean") -> Expected:
    counted = [o for o in orders if o.paid_at is not None and o.refund < o.amount]
    unpaid = sum(o.paid_at is None for o in orders)
    refunded = sum(o.paid_at is not None and o.refund == o.amount for o in orders)
    days: dict[str, list[date]] = {}
    money: dict[str, Decimal] = {}
    for o in counted:
        assert o.paid_at is not None
        days.setdefault(o.customer, []).append(o.paid_at.date())
        money[o.customer] = money.get(o.customer, Decimal(0)) + (o.amount - o.refund)
    table = {c: ((AS_OF - max(d)).days, len(d), money[c], max(d)) for c, d in sorted(days.items())}

    def stat(values: list[Fraction]) -> Fraction:
        return sum(values, Fraction(0)) / len(values) if threshold == "mean" else median(values)

    r_cut = stat([Fraction(v[0]) for v in table.values()])
    f_cut = stat([Fraction(v[1]) for v in table.values()])
    m_cut = stat([Fraction(v[2]) for v in table.values()])
    rfm: dict[str, set[str]] = {name: set() for name in RFM_NAMES.values()}
    for c, (r, f, m, _) in table.items():
        rfm[RFM_NAMES[(r <= r_cut, f >= f_cut, Fraction(m) >= m_cut)]].add(c)
    lifecycle: dict[str, set[str]] = {k: set() for k in ("new", "active", "dormant", "churned")}
    for c, (r, _, _, _) in table.items():
        first = min(days[c])
        if (AS_OF - first).days <= 30:
            lifecycle["new"].add(c)
        elif r > 180:
            lifecycle["churned"].add(c)
        elif r > 90:
            lifecycle["dormant"].add(c)
        else:
            lifecycle["active"].add(c)
    return Expected(
        customers=table,
        orders_used=len(counted),
        unpaid=unpaid,
        refunded=refunded,
        thresholds={
            "recency_days": round(float(r_cut), 2),
            "frequency": round(float(f_cut), 2),
            "monetary": round(float(m_cut), 2),
        },
        rfm=rfm,
        lifecycle=lifecycle,
    )


def read_members(path: Path) -> dict[str, tuple[int, int, Decimal, date]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        r["user_id"]: (
            int(r["recency_days"]),
            int(r["frequency"]),
            Decimal(r["monetary"]),
            date.fromisoformat(r["last_paid_at"]),
        )
        for r in rows
    }
