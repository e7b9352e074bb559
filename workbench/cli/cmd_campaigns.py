"""``workbench campaigns``: every campaign with its list number, id, name and status counts.

The number, a unique prefix of the id or the name is accepted wherever a command takes a
CAMPAIGN (``workbench.store.campaignref``)."""

from __future__ import annotations

from rich import box
from rich.table import Column, Table
from rich.text import Text

from workbench.cli.common import DbOption, JsonOption, catalog, out, print_json, wb
from workbench.export.rows import status_label
from workbench.review.workflow import STATUSES


def campaigns(json_out: JsonOption = False, db: DbOption = None) -> None:
    """List campaigns: number, id, name, variants and how many are in each review status."""
    workbench = wb(db)
    rows = workbench.store.variants.campaigns() if workbench.db_exists() else []
    if json_out:
        print_json(
            [
                {
                    "number": number,
                    "id": c["id"],
                    "name": c["name"],
                    "variants": c["variants"],
                    "by_status": c["by_status"],
                }
                for number, c in enumerate(rows, start=1)
            ]
        )
        return
    t = catalog(workbench)
    if not rows:
        out.print(t("campaigns.none"))
        return
    shown = [s for s in STATUSES if any(c["by_status"].get(s) for c in rows)]
    table = Table(
        Column("#", justify="right"),
        Column(t("col.id"), overflow="fold"),
        Column(t("col.name"), overflow="fold", ratio=1),
        Column(t("col.variants"), justify="right"),
        *(Column(status_label(s, t.language), justify="right") for s in shown),
        box=box.SIMPLE_HEAD,
        caption=t("campaigns.hint"),
    )
    for number, c in enumerate(rows, start=1):
        counts = [str(c["by_status"].get(s, 0) or "-") for s in shown]
        table.add_row(str(number), Text(c["id"]), Text(c["name"]), str(c["variants"]), *counts)
    out.print(table)
