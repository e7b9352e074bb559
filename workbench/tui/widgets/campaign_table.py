"""The campaigns table: counts per status and kind, jobs, last run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from workbench.guards.text import for_display
from workbench.i18n import Catalog


def _counts(counts: dict[str, int], label: Callable[[str], str] = str) -> str:
    ordered = sorted(counts.items(), key=lambda x: -x[1])
    return " ".join(f"{label(name)} {n}" for name, n in ordered)


def _when(stamp: str | None) -> str:
    if not stamp:
        return "-"
    return stamp.replace("T", " ")[:16]


class CampaignTable(DataTable[Any]):
    """One row per campaign; Enter posts ``CampaignChosen``."""

    class CampaignChosen(Message):
        def __init__(self, campaign_id: str) -> None:
            super().__init__()
            self.campaign_id = campaign_id

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.t = t
        self.campaigns: list[dict[str, Any]] = []

    def on_mount(self) -> None:
        t = self.t
        self.add_column(t("col.name"), key="name")
        self.add_column(t("col.variants"), key="variants")
        self.add_column(t("col.status"), key="status")
        self.add_column(t("col.failed"), key="failed")
        self.add_column(t("tui.col.last_run"), key="last_run")
        self.add_column(t("col.kind"), key="kind")

    def show(self, campaigns: list[dict[str, Any]]) -> None:
        from workbench.export.rows import status_label

        language = self.t.language
        chosen = self.selected_id()
        self.campaigns = campaigns
        self.clear()
        for c in campaigns:
            failed = int(c.get("jobs", {}).get("failed", 0))
            self.add_row(
                Text(for_display(str(c.get("name") or c["id"])), style="bold"),
                Text(str(c.get("variants", 0)), justify="right"),
                _counts(c.get("by_status", {}), lambda s: status_label(s, language)),
                Text(str(failed), style="red bold" if failed else "dim", justify="right"),
                _when(c.get("last_run_at")),
                _counts(c.get("by_kind", {}), lambda k: self.t.name("kind", k)),
                key=str(c["id"]),
            )
        if chosen is not None and chosen in {str(c["id"]) for c in campaigns}:
            self.move_cursor(row=self.get_row_index(chosen))

    def selected_id(self) -> str | None:
        if not self.campaigns or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.CampaignChosen(str(event.row_key.value)))
