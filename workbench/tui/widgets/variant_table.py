"""The variants table: one row per variant, marks (to compare two or act on several), a cap
on rows shown."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from workbench.guards.text import for_display
from workbench.i18n import Catalog
from workbench.store.variantrecord import Variant
from workbench.textview import preview

MAX_ROWS = 2000  # rows shown at once; filters or search narrow the rest
STATUS_STYLES = {
    "approved": "green",
    "rejected": "red",
    "changes_requested": "yellow",
    "draft": "",
}


class VariantTable(DataTable[Any]):
    class VariantHighlighted(Message):
        def __init__(self, variant_id: int) -> None:
            super().__init__()
            self.variant_id = variant_id

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.t = t
        self.marked: list[int] = []
        self.shown: list[Variant] = []

    def on_mount(self) -> None:
        t = self.t
        self.add_column("", key="mark", width=1)
        self.add_column(t("col.id"), key="id")
        self.add_column(t("col.segment"), key="segment")
        self.add_column(t("col.kind"), key="kind")
        self.add_column(t("col.style"), key="style")
        self.add_column(t("col.status"), key="status")
        self.add_column(t("col.content"), key="content")

    def show(self, variants: list[Variant]) -> None:
        """Replace the rows (at most ``MAX_ROWS``), keeping the cursor on the same id."""
        current = self.current_id()
        self.clear()
        self.shown = variants[:MAX_ROWS]
        from workbench.export.rows import status_label

        for v in self.shown:
            status = str(v.status or "")
            self.add_row(
                self._mark(v.id),
                Text(str(v.id), style="dim", justify="right"),
                Text(for_display(v.segment or "")),
                self.t.kind_name(v.kind, v.channel),
                self.t.name("style", v.style),
                Text(status_label(status, self.t.language), style=STATUS_STYLES.get(status, "")),
                Text(for_display(preview(v.kind or "", v.content or {}, width=60))),
                key=str(v.id),
            )
        if current is not None and any(v.id == current for v in self.shown):
            self.move_cursor(row=self.get_row_index(str(current)))

    def _mark(self, variant_id: int) -> Text:
        if variant_id in self.marked:
            place = self.marked.index(variant_id) + 1
            return Text(str(place) if place < 10 else "+", style="bold reverse")
        return Text(" ")

    def current_id(self) -> int | None:
        if not self.shown or not (0 <= self.cursor_row < self.row_count):
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def toggle_mark(self) -> None:
        """Mark or unmark the current row (compare takes two; review actions take all)."""
        variant_id = self.current_id()
        if variant_id is None:
            return
        before = set(self.marked)
        if variant_id in self.marked:
            self.marked.remove(variant_id)
        else:
            self.marked = [*self.marked, variant_id]
        shown = {v.id for v in self.shown}
        for touched in before | set(self.marked) | {variant_id}:
            if touched in shown:
                self.update_cell(str(touched), "mark", self._mark(touched))

    def clear_marks(self) -> None:
        shown = {v.id for v in self.shown}
        before, self.marked = self.marked, []
        for touched in before:
            if touched in shown:
                self.update_cell(str(touched), "mark", self._mark(touched))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.VariantHighlighted(int(event.row_key.value)))
