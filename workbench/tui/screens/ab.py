"""A/B tests: the campaign's experiments with verdicts, and the chosen one's report (SRM
first, per-arm rates with interval bars, lift, p-values, verdict); import results; create
experiments from approved variants (after a preview), assign users and write the send list,
stop an experiment, promote its approved winner (the dialog shows verdict and approval)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from workbench.abtest.reports import ExperimentReport
from workbench.store.abrecords import Experiment
from workbench.tui.context import TuiContext
from workbench.tui.dialogs.ab_actions import AssignChoice, AssignDialog, ConfirmDialog
from workbench.tui.dialogs.import_results import ImportChoice, ImportResultsDialog
from workbench.tui.dialogs.reason import ReasonDialog
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.ab_report import report_renderable

METRICS = ("click", "conversion", "share")  # as workbench.abtest.experiments.METRICS
VERDICT_STYLES = {"winner": "bold green", "srm": "bold white on red", "invalid_data": "red"}


def _binding(key: str, action: str, name: str, show: bool = True) -> Binding:
    return Binding(
        key, action, f"tui.key.{name}", id=f"ab.{name}", tooltip=f"tui.tip.{name}", show=show
    )


class ABScreen(WorkbenchScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        _binding("i", "import", "import"),
        _binding("m", "metric", "metric"),
        _binding("n", "create", "create_experiments"),
        _binding("a", "assign", "assign"),
        _binding("s", "stop", "stop_experiment"),
        _binding("p", "promote", "promote"),
        _binding("f5", "reload", "refresh", show=False),
        Binding("escape", "back", "tui.key.back", id="ab.back", tooltip="tui.tip.back"),
    ]

    def __init__(self, ctx: TuiContext, campaign: str | None) -> None:
        super().__init__(ctx)
        self.campaign = campaign
        self.metric: str | None = None  # None: each experiment's own metric
        self.reports: dict[int, ExperimentReport] = {}
        self.experiments: dict[int, Experiment] = {}
        self.order: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), id="ab-title", classes="screen-title")
        yield DataTable(id="ab-experiments", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="ab-report"):
            yield Static(self.t("tui.ab.loading"), id="ab-report-body")
        yield Footer()

    def _title(self) -> str:
        where = self.campaign or self.t("tui.variants.all")
        metric = self.t.name("metric", self.metric) or self.t("tui.ab.own_metric")
        return self.t("tui.ab.title", campaign=where, metric=metric)

    def on_mount(self) -> None:
        t = self.t
        table: DataTable[Any] = self.query_one(DataTable)
        table.add_column("ID", key="id")
        table.add_column(t("col.segment"), key="segment")
        table.add_column(t("col.kind"), key="kind")
        table.add_column(t("ab.col.arms"), key="arms")
        table.add_column(t("ab.col.metric"), key="metric")
        table.add_column(t("ab.col.users"), key="users")
        table.add_column(t("ab.col.verdict"), key="verdict")
        self.query_one("#ab-report").border_title = t("tui.ab.report")
        table.loading = True
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._load(self.metric, select)

    @work(thread=True, exclusive=True, group="ab", exit_on_error=False)
    def _load(self, metric: str | None, select: int | None) -> None:
        from workbench.abtest.analysis import analyze
        from workbench.abtest.clicks import with_endpoint_clicks

        store = self.ctx.workbench.store
        experiments = [
            with_endpoint_clicks(store, e) for e in store.ab.list_experiments(self.campaign)
        ]
        reports = [analyze(e, metric) for e in experiments]
        self.app.call_from_thread(self._loaded, reports, experiments, select)

    def _loaded(
        self, reports: list[ExperimentReport], experiments: list[Experiment], select: int | None
    ) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        table.loading = False
        current = select if select is not None else self.current_id()
        self.reports = {r.id: r for r in reports}
        self.experiments = {e.id: e for e in experiments}
        self.order = [r.id for r in reports]
        table.clear()
        for r in reports:
            table.add_row(
                Text(str(r.id), style="dim"),
                r.segment or "-",
                self.t.kind_name(r.kind, r.channel),
                str(len(r.arms)),
                self.t.name("metric", r.metric),
                f"{r.users:,}",
                self._verdict_cell(r),
                key=str(r.id),
            )
        self.query_one("#ab-title", Static).update(self._title())
        if not reports:
            self.query_one("#ab-report-body", Static).update(
                Text(self.t("tui.ab.none"), style="yellow")
            )
            return
        if current in self.reports:
            table.move_cursor(row=self.order.index(current))
        self._show_report(self.current_id())
        table.focus()

    def _verdict_cell(self, r: ExperimentReport) -> Text:
        if r.srm_alert:
            return Text("⚠ SRM", style=VERDICT_STYLES["srm"])
        return Text(self.t(f"tui.ab.v.{r.verdict}"), style=VERDICT_STYLES.get(r.verdict, ""))

    def current_id(self) -> int | None:
        table: DataTable[Any] = self.query_one(DataTable)
        if not self.order or not 0 <= table.cursor_row < len(self.order):
            return None
        return self.order[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_report(int(event.row_key.value))

    def _show_report(self, experiment_id: int | None) -> None:
        report = self.reports.get(experiment_id) if experiment_id is not None else None
        if report is None:
            return
        body = self.query_one("#ab-report-body", Static)
        body.update(report_renderable(self.t, report, self.app.size.width - 6))
        self.query_one("#ab-report").border_title = self.t("tui.ab.report_of", id=report.id)

    def on_resize(self) -> None:
        self._show_report(self.current_id())

    # -- actions -------------------------------------------------------------------------

    def action_metric(self) -> None:
        order = [None, *METRICS]
        self.metric = order[(order.index(self.metric) + 1) % len(order)]
        metric = self.t.name("metric", self.metric) or self.t("tui.ab.own_metric")
        self.notify(self.t("tui.ab.metric_now", metric=metric))
        self.reload()

    def action_import(self) -> None:
        def chosen(choice: ImportChoice | None) -> None:
            if choice is not None:
                self._import(choice)

        self.app.push_screen(ImportResultsDialog(self.ctx), chosen)

    @work(thread=True, exclusive=True, group="ab-import", exit_on_error=False)
    def _import(self, choice: ImportChoice) -> None:
        from workbench.abtest import importing

        importer = {
            "results": importing.import_results,
            "events": importing.import_events,
            "scans": importing.import_scans,
        }[choice.kind]
        summary = importer(self.ctx.workbench.store, choice.path)
        message = self.t(
            "ab.imported",
            path=choice.path.name,
            rows=summary.rows,
            written=summary.written,
            variants=summary.variants,
            dates=summary.dates,
        )
        self.app.call_from_thread(self._changed, message, None)

    def action_create(self) -> None:
        if self.campaign is None:
            self.notify(self.t("tui.ab.need_campaign"), severity="warning")
            return
        self._preview(self.campaign)

    @work(thread=True, exclusive=True, group="ab-create", exit_on_error=False)
    def _preview(self, campaign: str) -> None:
        from workbench.tui.ab_preview import preview_groups

        body, creatable = preview_groups(self.ctx.workbench.store, campaign, self.t)
        self.app.call_from_thread(self._confirm_create, campaign, body, creatable)

    def _confirm_create(self, campaign: str, body: Text, creatable: int) -> None:
        def chosen(ok: bool | None) -> None:
            if ok:
                self._create(campaign)

        title = self.t("tui.ab.create_title", n=creatable)
        dialog = ConfirmDialog(self.ctx, title, body, self.t("tui.ab.create_button"), creatable > 0)
        self.app.push_screen(dialog, chosen)

    @work(thread=True, exclusive=True, group="ab-create", exit_on_error=False)
    def _create(self, campaign: str) -> None:
        from workbench.abtest.experiments import create_from_variants

        created = create_from_variants(self.ctx.workbench.store, campaign).experiments
        new = [c.id for c in created if c.created]
        message = self.t("tui.ab.created", new=len(new), existing=len(created) - len(new))
        self.app.call_from_thread(self._changed, message, new[0] if new else None)

    def _selected(self) -> Experiment | None:
        current = self.current_id()
        if current is None or current not in self.experiments:
            self.notify(self.t("tui.ab.none"), severity="warning")
            return None
        return self.experiments[current]

    def action_assign(self) -> None:
        experiment = self._selected()
        if experiment is None:
            return

        def chosen(choice: AssignChoice | None) -> None:
            if choice is not None:
                self._assign(experiment.id, choice)

        self.app.push_screen(AssignDialog(self.ctx, experiment.id), chosen)

    @work(thread=True, exclusive=True, group="ab-assign", exit_on_error=False)
    def _assign(self, experiment_id: int, choice: AssignChoice) -> None:
        from workbench.abtest.assign import assign

        wb = self.ctx.workbench
        result = assign(
            wb.store, experiment_id, choice.users, choice.out, 0.0, wb.settings.tracking.base_url
        )
        message = self.t("ab.assigned", users=result.users, holdout=result.holdout, out=result.out)
        self.app.call_from_thread(self._changed, message, experiment_id)

    def action_stop(self) -> None:
        experiment = self._selected()
        if experiment is None:
            return
        if experiment.status != "running":
            self.notify(self.t("tui.ab.not_running", id=experiment.id), severity="warning")
            return

        def chosen(reason: str | None) -> None:
            if reason is not None:
                self._stop(experiment.id, reason)

        title = self.t("tui.ab.stop_title", id=experiment.id, name=experiment.name)
        self.app.push_screen(ReasonDialog(self.ctx, title, self.t("tui.ab.stop_reason")), chosen)

    @work(thread=True, exclusive=True, group="ab-stop", exit_on_error=False)
    def _stop(self, experiment_id: int, reason: str) -> None:
        from workbench.abtest.lifecycle import stop

        wb = self.ctx.workbench
        stop(wb.store, experiment_id, actor=wb.settings.workspace.reviewer, reason=reason)
        self.app.call_from_thread(self._changed, self.t("ab.stopped", id=experiment_id), None)

    def action_promote(self) -> None:
        from workbench.tui.ab_preview import promotion_body

        experiment = self._selected()
        if experiment is None:
            return
        report = self.reports[experiment.id]
        body, allowed = promotion_body(experiment, report, self.t)

        def chosen(ok: bool | None) -> None:
            if ok:
                self._promote(experiment.id)

        title = self.t("tui.ab.promote_title", id=experiment.id)
        dialog = ConfirmDialog(self.ctx, title, body, self.t("tui.key.promote"), allowed)
        self.app.push_screen(dialog, chosen)

    @work(thread=True, exclusive=True, group="ab-promote", exit_on_error=False)
    def _promote(self, experiment_id: int) -> None:
        from workbench.abtest.learn import promote

        wb = self.ctx.workbench
        result = promote(wb.store, experiment_id, self.metric, actor=wb.settings.workspace.reviewer)
        message = self.t(
            "ab.promoted",
            id=experiment_id,
            variant=result.winner_variant_id,
            arm=result.winner_arm,
            losers=result.losers,
        )
        self.app.call_from_thread(self._changed, message, experiment_id)

    def _changed(self, message: str, select: int | None) -> None:
        self.notify(message)
        self.reload(select)

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
