"""``workbench segments ...``: segments from order exports, and the segment library."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from workbench.cli.common import JsonOption, catalog, err, out, print_json, wb
from workbench.customers.importer import ImportOptions, ImportResult, import_segments
from workbench.customers.listing import segment_rows
from workbench.customers.models import LifecycleDays
from workbench.errors import InputError, Problem
from workbench.i18n import Catalog
from workbench.workspace import SEGMENTS_FILE

app = typer.Typer(help="Customer segments: import RFM / lifecycle segments from order exports.")

IMPORT_HELP = """Read an order export and write its customer segments into segments.yaml.

FILE is a CSV (UTF-8, UTF-8 with BOM or GBK/GB18030, detected) or an XLSX. Columns are found
by header (names are stripped): Taobao/Tmall (订单编号, 买家会员名, 买家实际支付金额,
订单付款时间, 退款金额), 有赞/微店 (订单号, 买家手机号 or 买家昵称, 实付金额, 买家付款时间,
退款金额) or generic (order_id, customer_id, paid_at, amount, refund); --columns overrides.

Rules: an order counts when it was paid (payment time not empty) and not fully refunded
(refund < paid); a partly refunded order counts with paid - refund. Per customer:
R = days from the last counted payment date to --as-of, F = counted orders,
M = sum of (paid - refund).

--model rfm: each of R, F, M is high or low against the --threshold (mean or median over all
customers): R near if R <= threshold, F high if F >= threshold, M high if M >= threshold;
8 segments (important-value 重要价值客户 ... general-retain 一般挽留客户), each described
with the action the RFM method recommends.

--model lifecycle: new (first counted payment at most --new-days before as-of), churned
(R > --churned-days), dormant (R > --dormant-days), active (the rest).

Refunds larger than the payment, negative amounts, zero payments, payments after as-of and
repeated order ids are reported and not counted. An unreadable date or amount, or a missing
column, stops the import: nothing is written. Re-importing replaces the segments of the same
model and keeps your own entries and any address_as/tone you added to imported ones."""


@app.command("import", help=IMPORT_HELP)
def import_(
    file: Annotated[Path, typer.Argument(help="Order export (CSV or XLSX).")],
    model: Annotated[str, typer.Option("--model", help="rfm (default) or lifecycle.")] = "rfm",
    threshold: Annotated[
        str, typer.Option("--threshold", help="RFM cut points: mean (default) or median.")
    ] = "mean",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date R is counted to (YYYY-MM-DD; today).")
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            help="Header per field: customer=…,paid_at=…,amount=…,refund=…[,order=…].",
        ),
    ] = None,
    members: Annotated[
        Path | None,
        typer.Option("--members", help="Write DIR/<segment-id>.csv (user_id, R, F, M, last date)."),
    ] = None,
    join: Annotated[
        Path | None,
        typer.Option("--join", help="WeCom contacts CSV: add external_userid to member files."),
    ] = None,
    on: Annotated[
        str, typer.Option("--on", help="Contacts column matched to the customer id (phone).")
    ] = "phone",
    new_days: Annotated[int, typer.Option("--new-days", help="lifecycle: new within N days.")] = 30,
    dormant_days: Annotated[
        int, typer.Option("--dormant-days", help="lifecycle: dormant when R > N.")
    ] = 90,
    churned_days: Annotated[
        int, typer.Option("--churned-days", help="lifecycle: churned when R > N.")
    ] = 180,
    as_json: JsonOption = False,
) -> None:
    if join is not None and members is None:
        raise InputError(Problem("--join", None, str(join), "needs --members DIR to write to"))
    options = ImportOptions(
        model=model,  # type: ignore[arg-type]  # checked by the importer
        threshold=threshold,  # type: ignore[arg-type]
        as_of=_date("--as-of", as_of),
        columns=columns,
        members_dir=members,
        join=join,
        on=on,
        days=LifecycleDays(new_days, dormant_days, churned_days),
    )
    workbench = wb()
    t = catalog(workbench)
    result = import_segments(workbench.workspace / SEGMENTS_FILE, file, options)
    _warn(result, t)
    if as_json:
        print_json(result.as_json())
        return
    _print_result(result, t)


def _date(flag: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(Problem(flag, None, text, "must be a date, YYYY-MM-DD")) from None


def _warn(result: ImportResult, t: Catalog) -> None:
    for problem in result.folded.examples:
        err.print(t("segments.warning", problem=str(problem)), markup=False)
    anomalies = result.folded.anomalies
    if any(anomalies.values()):
        parts = [t(f"segments.anomaly.{k}", n=v) for k, v in anomalies.items() if v]
        err.print(t("segments.not_counted", parts=", ".join(parts)), markup=False)


def _print_result(result: ImportResult, t: Catalog) -> None:
    data = result.as_json()
    out.print(
        t(
            "segments.imported",
            customers=data["customers"],
            orders=data["orders_used"],
            unpaid=data["skipped"]["unpaid"],
            refunded=data["skipped"]["refunded"],
            as_of=data["as_of"],
            layout=result.layout,
        ),
        markup=False,
    )
    th = data["thresholds"]
    out.print(
        t("segments.thresholds", r=th["recency_days"], f=th["frequency"], m=th["monetary"]),
        markup=False,
    )
    total = max(1, data["customers"])
    table = Table(t("segments.col.id"), t("segments.col.name"), t("segments.col.members"), "%")
    for seg in data["segments"]:
        share = f"{100 * seg['members'] / total:.1f}"
        table.add_row(seg["id"], seg["name"], f"{seg['members']:,}", share)
    out.print(table)
    out.print(t("segments.library", path=result.library), markup=False)
    if result.member_files:
        folder = result.member_files[0].parent
        out.print(t("segments.members", n=len(result.member_files), dir=folder), markup=False)
    if result.joined is not None:
        out.print(t("segments.joined", n=result.joined, total=data["customers"]), markup=False)


@app.command("list")
def list_segments(as_json: JsonOption = False) -> None:
    """Every segment in segments.yaml: source (hand-written or imported), members, as-of."""
    workbench = wb()
    t = catalog(workbench)
    rows = segment_rows(workbench.segments)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print(t("segments.none", path=workbench.workspace / SEGMENTS_FILE), markup=False)
        return
    table = Table(
        t("segments.col.id"),
        t("segments.col.name"),
        t("segments.col.source"),
        t("segments.col.members"),
        t("segments.col.as_of"),
    )
    for row in rows:
        source = (
            t("segments.source.imported", model=row["model"])
            if row["source"] == "imported"
            else t("segments.source.hand")
        )
        members = "-" if row["members"] is None else f"{row['members']:,}"
        table.add_row(row["id"], row["name"], source, members, row["as_of"] or "-")
    out.print(table)
