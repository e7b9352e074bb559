"""The segment library under the campaigns: source, member count and as-of per segment."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from workbench.customers.listing import SegmentRow
from workbench.i18n import Catalog


class SegmentTable(DataTable[Any]):
    """One row per library segment (rows from ``workbench.customers.listing``)."""

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.t = t

    def on_mount(self) -> None:
        t = self.t
        self.add_column(t("segments.col.id"), key="id")
        self.add_column(t("segments.col.name"), key="name")
        self.add_column(t("segments.col.source"), key="source")
        self.add_column(t("segments.col.members"), key="members")
        self.add_column(t("segments.col.as_of"), key="as_of")

    def show(self, rows: list[SegmentRow]) -> None:
        self.clear()
        t = self.t
        for row in rows:
            imported = row["source"] == "imported"
            source = (
                t("segments.source.imported", model=row["model"])
                if imported
                else t("segments.source.hand")
            )
            members = "-" if row["members"] is None else f"{row['members']:,}"
            self.add_row(
                Text(str(row["id"]), style="bold"),
                str(row["name"]),
                Text(source, style="" if imported else "dim"),
                Text(members, justify="right"),
                row["as_of"] or "-",
                key=str(row["id"]),
            )
