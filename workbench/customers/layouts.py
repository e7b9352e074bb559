"""Which column holds what: the three known export layouts and ``--columns``.

Fields: ``order`` (order id, optional: used to report duplicates), ``customer``,
``paid_at``, ``amount`` (what the buyer paid) and ``refund`` (optional: no column means no
refunds). A layout lists the header names each field goes by; the one whose names match the
most headers is used, and ``--columns customer=…,paid_at=…`` overrides single fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import InputError, Problem

FIELDS = ("order", "customer", "paid_at", "amount", "refund")
REQUIRED = ("customer", "paid_at", "amount")


@dataclass(frozen=True)
class Layout:
    name: str
    columns: dict[str, tuple[str, ...]]  # field -> header names, preferred first


LAYOUTS = (
    Layout(
        "taobao",
        {
            "order": ("订单编号",),
            "customer": ("买家会员名",),
            "amount": ("买家实际支付金额",),
            "paid_at": ("订单付款时间",),
            "refund": ("退款金额",),
        },
    ),
    Layout(
        "youzan",
        {
            "order": ("订单号",),
            "customer": ("买家手机号", "买家昵称"),
            "amount": ("实付金额",),
            "paid_at": ("买家付款时间",),
            "refund": ("退款金额",),
        },
    ),
    Layout(
        "generic",
        {
            "order": ("order_id",),
            "customer": ("customer_id",),
            "paid_at": ("paid_at",),
            "amount": ("amount",),
            "refund": ("refund",),
        },
    ),
)


@dataclass(frozen=True)
class Columns:
    """Resolved header positions: field -> (header name, index)."""

    layout: str
    found: dict[str, tuple[str, int]]

    def index(self, field: str) -> int | None:
        hit = self.found.get(field)
        return hit[1] if hit else None

    def name(self, field: str) -> str:
        return self.found[field][0]


def parse_columns_option(text: str | None) -> dict[str, str]:
    """``customer=买家昵称,paid_at=付款时间`` -> {field: header}; bad keys are input errors."""
    if not text:
        return {}
    mapping: dict[str, str] = {}
    for part in text.split(","):
        key, sep, header = part.partition("=")
        key, header = key.strip(), header.strip()
        if not sep or not header:
            message = f"{part.strip()!r} must be FIELD=HEADER (fields: {', '.join(FIELDS)})"
            raise InputError(Problem("--columns", None, key or part.strip(), message))
        if key not in FIELDS:
            message = f"unknown field; use one of {', '.join(FIELDS)}"
            raise InputError(Problem("--columns", None, key, message))
        mapping[key] = header
    return mapping


def resolve_columns(header: list[str], source: str, overrides: dict[str, str]) -> Columns:
    """Pick the layout that matches ``header`` best and apply ``overrides``."""
    positions: dict[str, int] = {}
    for i, name in enumerate(header):
        positions.setdefault(name, i)

    def score(layout: Layout) -> int:
        return sum(any(n in positions for n in names) for names in layout.columns.values())

    best = max(LAYOUTS, key=score)
    layout = best if score(best) > 0 else None
    found: dict[str, tuple[str, int]] = {}
    if layout is not None:
        for field, names in layout.columns.items():
            for name in names:
                if name in positions:
                    found[field] = (name, positions[name])
                    break
    headers = ", ".join(h for h in header if h) or "(none)"
    for field, name in overrides.items():
        if name not in positions:
            message = f"--columns {field}={name}: no such column; found headers: {headers}"
            raise InputError(Problem(source, 1, name, message))
        found[field] = (name, positions[name])
    for field in REQUIRED:
        if field in found:
            continue
        if layout is None:
            looked = " / ".join(n for lay in LAYOUTS for n in lay.columns[field])
            message = (
                f"missing column for {field} (looked for {looked}; or pass --columns "
                f"{field}=HEADER); found headers: {headers}"
            )
        else:
            looked = " or ".join(layout.columns[field])
            message = (
                f"missing column ({field} in the {layout.name} layout; or pass --columns "
                f"{field}=HEADER); found headers: {headers}"
            )
            raise InputError(Problem(source, 1, looked, message))
        raise InputError(Problem(source, 1, field, message))
    return Columns(layout.name if layout else "columns", found)
