"""The first screen: every campaign in the workspace with its counts and last run."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from workbench.customers.listing import SegmentRow, workspace_segment_rows
from workbench.errors import InputError
from workbench.tui.screens.ab import ABScreen
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.variants import VariantsScreen
from workbench.tui.widgets.campaign_table import CampaignTable
from workbench.tui.widgets.segment_table import SegmentTable


class CampaignsScreen(WorkbenchScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "open", "tui.key.open", id="campaigns.open", tooltip="tui.tip.open_campaign"
        ),
        Binding(
            "v",
            "all_variants",
            "tui.key.all_variants",
            id="campaigns.all_variants",
            tooltip="tui.tip.all_variants",
        ),
        Binding(
            "b",
            "app.open_brief",
            "tui.key.brief",
            id="campaigns.brief",
            tooltip="tui.tip.open_brief",
        ),
        Binding(
            "n",
            "app.new_brief",
            "tui.key.new_brief",
            id="campaigns.new_brief",
            tooltip="tui.tip.new_brief",
        ),
        Binding("a", "ab", "tui.key.ab", id="campaigns.ab", tooltip="tui.tip.ab"),
        Binding("x", "export", "tui.key.export", id="campaigns.export", tooltip="tui.tip.export"),
        Binding(
            "r", "refresh", "tui.key.refresh", id="campaigns.refresh", tooltip="tui.tip.refresh"
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.t("tui.campaigns.title"), classes="screen-title")
        yield CampaignTable(self.t, id="campaigns")
        yield Static("", id="campaigns-hint", classes="hint")
        yield Static(self.t("tui.segments.title"), classes="section-title")
        yield SegmentTable(self.t, id="segments")
        yield Static("", id="segments-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_campaigns()

    def on_screen_resume(self) -> None:
        self.refresh_campaigns()

    def refresh_campaigns(self) -> None:
        self.query_one(CampaignTable).loading = not self.query_one(CampaignTable).campaigns
        self._load()

    @work(thread=True, exclusive=True, group="campaigns", exit_on_error=False)
    def _load(self) -> None:
        campaigns = self.ctx.workbench.store.variants.campaigns()
        batches = self.ctx.workbench.store.llm_batches.rows(uncollected=True)  # issue 16
        try:
            segments, problem = workspace_segment_rows(self.ctx.workbench.workspace), ""
        except InputError as exc:
            segments, problem = [], str(exc).splitlines()[0]
        self.app.call_from_thread(self._show, campaigns, batches)
        self.app.call_from_thread(self._show_segments, segments, problem)

    def _show_segments(self, rows: list[SegmentRow], problem: str) -> None:
        self.query_one(SegmentTable).show(rows)
        hint = problem or ("" if rows else self.t("tui.segments.empty"))
        self.query_one("#segments-hint", Static).update(hint)

    def _show(
        self, campaigns: list[dict[str, Any]], batches: list[dict[str, Any]] | None = None
    ) -> None:
        table = self.query_one(CampaignTable)
        table.loading = False
        table.show(campaigns)
        hint = self.query_one("#campaigns-hint", Static)
        if campaigns:
            total = sum(int(c.get("variants", 0)) for c in campaigns)
            text = self.t("tui.campaigns.summary", campaigns=len(campaigns), variants=total)
        else:
            text = self.t("tui.campaigns.empty")
        if batches:  # Batch API runs not collected yet (issue 16): one read-only line
            requests = sum(int(b["requests"]) for b in batches)
            text += "\n" + self.t("batch.tui.open", count=len(batches), requests=requests)
        hint.update(text)
        table.focus()

    def action_open(self) -> None:
        chosen = self.query_one(CampaignTable).selected_id()
        if chosen is not None:
            self.app.push_screen(VariantsScreen(self.ctx, chosen))

    def on_campaign_table_campaign_chosen(self, event: CampaignTable.CampaignChosen) -> None:
        self.app.push_screen(VariantsScreen(self.ctx, event.campaign_id))

    def action_all_variants(self) -> None:
        self.app.push_screen(VariantsScreen(self.ctx, None))

    def action_refresh(self) -> None:
        self.refresh_campaigns()

    def action_ab(self) -> None:
        self.app.push_screen(ABScreen(self.ctx, self.query_one(CampaignTable).selected_id()))

    def action_export(self) -> None:
        chosen = self.query_one(CampaignTable).selected_id()
        if chosen is None:
            self.notify(self.t("tui.campaigns.empty"), severity="warning")
            return
        from workbench.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.ctx, chosen))
