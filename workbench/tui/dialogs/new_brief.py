"""A new brief from a form: campaign, brand, product, offer, deadline, library segments and
deliverables, with the job matrix previewed as the answers change.

The answers become a commented brief YAML (``workbench.brief.draft``), checked by the
loader and planned by ``Workbench.dry_run`` exactly like a brief typed by hand; creating it
writes the file (``workbench.fsio``) and returns its path for the brief editor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbench.brief.draft import (
    DELIVERABLE_PRESETS,
    DRAFT_LABEL,
    BriefDraft,
    draft_path,
    draft_yaml,
)
from workbench.customers.listing import SegmentRow, workspace_segment_rows
from workbench.errors import InputError, Problem, WorkbenchError
from workbench.fsio import atomic_write_text
from workbench.guards.text import for_display
from workbench.tui.bindings import localize_bindings
from workbench.tui.context import TuiContext
from workbench.tui.widgets.checks import CheckList
from workbench.tui.widgets.matrix_preview import BriefCheck, MatrixPreview, check_brief
from workbench.workspace import BRIEFS_DIR

CHECK_DELAY = 0.3  # seconds of quiet typing before checking
TEXT_FIELDS = ("campaign", "brand", "product", "price", "offer", "deadline", "landing_url")
REQUIRED = ("campaign", "brand", "product")
DEFAULT_DELIVERABLES = ("community",)


def segment_note(t: Any, row: SegmentRow) -> str:
    """``新手妈妈 · 手写`` or ``重要挽留客户 · 导入 rfm · 1,234 人 · 2026-03-01``."""
    if row["source"] != "imported":
        return f"{row['name']} · {t('segments.source.hand')}"
    members = "-" if row["members"] is None else f"{row['members']:,}"
    source = t("segments.source.imported", model=row["model"])
    counted = t("tui.new_brief.members", count=members, as_of=row["as_of"] or "-")
    return f"{row['name']} · {source} · {counted}"


class NewBriefDialog(ModalScreen[Path | None]):
    """Returns the written brief's path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "create",
            "tui.key.create_brief",
            id="new_brief.create",
            tooltip="tui.tip.create_brief",
        ),
        Binding(
            "escape", "cancel", "tui.key.cancel", id="new_brief.cancel", tooltip="tui.tip.cancel"
        ),
    ]

    def __init__(self, ctx: TuiContext, target: Path | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.target = target
        self.notes: dict[str, str] = {}
        self.check: BriefCheck | None = None
        self.checked_text: str | None = None
        self._timer: Timer | None = None
        self._writing = False
        localize_bindings(self, ctx.t)

    def compose(self) -> ComposeResult:
        t = self.ctx.t
        with Vertical(classes="dialog wide-dialog", id="new-brief-dialog"):
            yield Static(t("tui.new_brief.title"), classes="dialog-title")
            with Horizontal(id="new-brief-body"):
                with VerticalScroll(id="new-brief-form"):
                    for name in TEXT_FIELDS:
                        with Horizontal(classes="form-row"):
                            yield Label(t(f"tui.new_brief.{name}"), classes="form-label")
                            yield Input(
                                placeholder=t(f"tui.new_brief.{name}.hint"),
                                id=f"nb-{name}",
                                compact=True,
                            )
                    yield Label(t("tui.new_brief.segments"), classes="form-section")
                    yield CheckList(id="nb-segments", compact=True)
                    yield Label(t("tui.new_brief.deliverables"), classes="form-section")
                    yield CheckList(
                        *[
                            Selection(t(f"tui.new_brief.d.{d}"), d, d in DEFAULT_DELIVERABLES)
                            for d in DELIVERABLE_PRESETS
                        ],
                        id="nb-deliverables",
                        compact=True,
                    )
                with Vertical(id="new-brief-preview"):
                    yield Static("", id="nb-status")
                    yield MatrixPreview(t, id="nb-matrix")
            yield Static(t("tui.new_brief.hint"), classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("tui.key.create_brief"), variant="primary", id="nb-create", compact=True
                )
                yield Button(t("tui.key.cancel"), id="nb-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#nb-matrix", MatrixPreview).display = False
        self.query_one("#nb-segments", SelectionList).loading = True
        self.query_one("#nb-campaign", Input).focus()
        self._load_segments()

    @work(thread=True, exit_on_error=False)
    def _load_segments(self) -> None:
        try:
            rows, problem = workspace_segment_rows(self.ctx.workbench.workspace), ""
        except InputError as exc:
            rows, problem = [], str(exc).splitlines()[0]
        self.app.call_from_thread(self._show_segments, rows, problem)

    def _show_segments(self, rows: list[SegmentRow], problem: str) -> None:
        picker = self.query_one("#nb-segments", SelectionList)
        picker.loading = False
        t = self.ctx.t
        for row in rows:
            note = segment_note(t, row)
            self.notes[str(row["id"])] = note
            label = Text.assemble((for_display(str(row["id"])), "bold"), "  ", for_display(note))
            picker.add_option(Selection(label, str(row["id"])))
        if picker.option_count and picker.highlighted is None:
            picker.highlighted = 0  # Space ticks the first segment, not nothing
        if problem or not rows:
            self._status(Text(problem or t("tui.new_brief.no_segments"), style="red"))
        self._changed()

    @on(SelectionList.SelectionHighlighted)
    def _keep_highlight_visible(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        """The lists grow with the form, which scrolls as a whole: at 80x24 it shows a few
        lines only, so bring the highlighted line into view (the list cannot scroll it)."""
        picker = event.selection_list
        form = self.query_one("#new-brief-form", VerticalScroll)
        top = picker.virtual_region.y - picker.scroll_offset.y + event.selection_index
        line = Region(picker.virtual_region.x, top, picker.size.width, 1)
        form.scroll_to_region(line, animate=False, immediate=True)

    # -- the answers -----------------------------------------------------------------------

    def draft(self) -> BriefDraft:
        values = {name: self.query_one(f"#nb-{name}", Input).value for name in TEXT_FIELDS}
        return BriefDraft(
            **values,
            segments=_in_list_order(self.query_one("#nb-segments", SelectionList)),
            deliverables=_in_list_order(self.query_one("#nb-deliverables", SelectionList)),
            language=self.ctx.t.language,
            notes=self.notes,
        )

    def missing(self, draft: BriefDraft) -> list[str]:
        """The labels of the answers a brief cannot do without, still empty."""
        t = self.ctx.t
        names = [t(f"tui.new_brief.{n}") for n in REQUIRED if not getattr(draft, n).strip()]
        if not draft.segments:
            names.append(t("tui.new_brief.segments"))
        if not draft.deliverables:
            names.append(t("tui.new_brief.deliverables"))
        return names

    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self._check_now)

    def _check_now(self) -> None:
        draft = self.draft()
        missing = self.missing(draft)
        if missing:
            self.check = None
            self.checked_text = None
            self.query_one("#nb-matrix", MatrixPreview).display = False
            sep = "、" if self.ctx.t.language == "zh-CN" else ", "
            self._status(Text(self.ctx.t("tui.new_brief.fill", fields=sep.join(missing))))
            return
        self._check(draft)

    @work(thread=True, exclusive=True, group="check", exit_on_error=False)
    def _check(self, draft: BriefDraft) -> None:
        try:
            text = draft_yaml(draft)
        except InputError as exc:
            self.app.call_from_thread(self._checked, None, BriefCheck(None, exc.problems))
            return
        result = check_brief(self.ctx, text, DRAFT_LABEL, self._target_for(draft))
        self.app.call_from_thread(self._checked, text, result)

    def _target_for(self, draft: BriefDraft) -> Path:
        if self.target is not None:
            return self.target
        return draft_path(self.ctx.workbench.workspace / BRIEFS_DIR, draft)

    def _checked(self, text: str | None, result: BriefCheck) -> None:
        self.check = result
        self.checked_text = text
        matrix = self.query_one("#nb-matrix", MatrixPreview)
        if result.loaded is None:
            matrix.display = False
            self._status(problem_line(result.problems))
            return
        matrix.show(result.loaded, result.rows)
        matrix.display = True
        self._status(Text(self.ctx.t("tui.new_brief.ready"), style="green"))

    def _status(self, text: Text) -> None:
        self.query_one("#nb-status", Static).update(text)

    # -- creating ----------------------------------------------------------------------------

    def action_create(self) -> None:
        if self._writing:
            return
        check, text = self.check, self.checked_text
        if check is None or check.loaded is None or text is None:
            self.notify(self.ctx.t("tui.new_brief.not_ready"), severity="warning")
            return
        self._writing = True
        self._write(self._target_for(self.draft()), text)

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _write(self, path: Path, text: str) -> None:
        try:
            if path.exists():
                problem = Problem(str(path), None, "", self.ctx.t("tui.new_brief.exists"))
                raise InputError(problem)
            atomic_write_text(path, text)
        except (WorkbenchError, OSError) as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        finally:
            self._writing = False
        self.app.call_from_thread(self._written, path)

    def _failed(self, error: BaseException) -> None:
        message = self.ctx.describe_error(error)
        self.ctx.report_error(self, error)
        self._status(Text(for_display(message.splitlines()[0]), style="red"))

    def _written(self, path: Path) -> None:
        self.notify(self.ctx.t("tui.new_brief.created", path=path.name))
        self.dismiss(path)

    @on(Button.Pressed, "#nb-create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#nb-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _in_list_order(picker: SelectionList[str]) -> list[str]:
    """The ticked values in the order the list shows them (not the order they were ticked)."""
    chosen = set(picker.selected)
    values = (picker.get_option_at_index(i).value for i in range(picker.option_count))
    return [v for v in values if v in chosen]


def problem_line(problems: list[Problem]) -> Text:
    """The first problem as one red line (field and message), with how many more there are."""
    if not problems:
        return Text("")
    first = problems[0]
    field = f"{first.field}: " if first.field else ""
    more = f" (+{len(problems) - 1})" if len(problems) > 1 else ""
    return Text(for_display(f"{field}{first.message}{more}"), style="red")
