"""The variants filter bar: segment, kind, channel, style, status and a full-text search."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Select

from workbench.i18n import Catalog
from workbench.store.variantrecord import Variant

FILTERS = ("segment", "kind", "channel", "style", "status")


class FilterBar(Horizontal):
    class FiltersChanged(Message):
        def __init__(self, filters: dict[str, str], query: str) -> None:
            super().__init__()
            self.filters = filters
            self.query = query

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.t = t

    def compose(self) -> ComposeResult:
        for name in FILTERS:
            yield Select[str](
                [],
                prompt=self.t(f"col.{name}"),
                compact=True,
                id=f"filter-{name}",
                classes="filter",
                tooltip=self.t("tui.tip.filter", field=self.t(f"col.{name}")),
            )
        yield Input(
            placeholder=self.t("tui.variants.search"),
            compact=True,
            id="filter-search",
            tooltip=self.t("tui.tip.search"),
        )

    def set_choices(self, variants: list[Variant]) -> None:
        """Offer the values present in ``variants`` (keeping current choices)."""
        for name in FILTERS:
            values = sorted({str(value) for v in variants if (value := getattr(v, name))})
            select = self.query_one(f"#filter-{name}", Select)
            current = select.value
            with self.prevent(Select.Changed):
                select.set_options([(self.label(name, value), value) for value in values])
                if isinstance(current, str) and current in values:
                    select.value = current

    def label(self, name: str, value: str) -> str:
        """How a filter value reads: 文案, 社群, 代理人法, 草稿 in zh-CN; segment ids as
        they are."""
        if name == "status":
            from workbench.export.rows import status_label

            return status_label(value, self.t.language)
        if name in ("kind", "channel", "style"):
            return self.t.name(name, value)
        return value

    def filters(self) -> dict[str, str]:
        chosen: dict[str, str] = {}
        for name in FILTERS:
            value = self.query_one(f"#filter-{name}", Select).value
            if isinstance(value, str):
                chosen[name] = value
        return chosen

    def search_text(self) -> str:
        return self.query_one("#filter-search", Input).value

    def _changed(self) -> None:
        self.post_message(self.FiltersChanged(self.filters(), self.search_text()))

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    @on(Input.Changed, "#filter-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    @on(Input.Submitted, "#filter-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._changed()
