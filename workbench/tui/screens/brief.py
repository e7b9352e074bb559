"""The brief editor: YAML with highlighting, validated as you type, saved and run.

The right pane shows the job matrix (``Workbench.dry_run``) while the brief is valid and
its problems, one line each, while it is not."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TextArea

from workbench.brief.loader import LoadedBrief
from workbench.errors import Problem
from workbench.fsio import atomic_write_text
from workbench.tui.context import TuiContext
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.generate import GenerateScreen
from workbench.tui.widgets.matrix_preview import BriefCheck, MatrixPreview, check_brief
from workbench.tui.widgets.problem_list import ProblemList

VALIDATE_DELAY = 0.3  # seconds of quiet typing before validating


class BriefEditor(TextArea):
    """The YAML editor: Tab indents, and Esc is the screen's "back" (the footer's esc), not
    "leave the editor", which made an operator press Esc twice to get out."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            # TextArea's own handler (Textual calls each class's) would move the focus on;
            # the event is not stopped, so the screen's esc binding still runs
            event.prevent_default()
            return
        await super()._on_key(event)


class BriefScreen(WorkbenchScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", id="brief.save", tooltip="tui.tip.save"),
        Binding("ctrl+r", "run", "tui.key.run", id="brief.run", tooltip="tui.tip.run"),
        Binding(
            "f8",
            "next_problem",
            "tui.key.next_problem",
            id="brief.next_problem",
            tooltip="tui.tip.next_problem",
        ),
        Binding("escape", "back", "tui.key.back", id="brief.back", tooltip="tui.tip.back"),
    ]

    def __init__(self, ctx: TuiContext, path: Path) -> None:
        super().__init__(ctx)
        self.path = path
        self.loaded: LoadedBrief | None = None
        self.saved_text: str | None = None
        self.problems: list[Problem] = []
        self._timer: Timer | None = None
        self._next_problem = 0
        self._run_after_save = False
        self._leave_armed = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._label(), id="brief-title", classes="screen-title")
        with Container(id="brief-body"):
            yield BriefEditor.code_editor("", language="yaml", id="brief-editor", soft_wrap=False)
            with Container(id="brief-side"):
                yield ProblemList(self.t, id="brief-problems")
                yield MatrixPreview(self.t, id="brief-matrix")
        yield Footer()

    def _label(self) -> str:
        """The path relative to the workspace when it is inside it."""
        try:
            return str(self.path.relative_to(self.ctx.workbench.workspace))
        except ValueError:
            return str(self.path)

    def on_mount(self) -> None:
        self.query_one(MatrixPreview).display = False
        self.query_one(TextArea).loading = True
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        text = self.path.read_text(encoding="utf-8") if self.path.is_file() else ""
        self.app.call_from_thread(self._opened, text)

    def _opened(self, text: str) -> None:
        editor = self.query_one(TextArea)
        editor.loading = False
        with self.prevent(TextArea.Changed):
            editor.load_text(text)
        self.saved_text = text
        editor.focus()
        self._validate(text)

    @on(TextArea.Changed, "#brief-editor")
    def _edited(self) -> None:
        self._leave_armed = False
        self._update_title()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(VALIDATE_DELAY, self._validate_now)

    def _validate_now(self) -> None:
        self._validate(self.query_one(TextArea).text)

    @work(thread=True, exclusive=True, group="validate", exit_on_error=False)
    def _validate(self, text: str) -> None:
        self.app.call_from_thread(
            self._validated, check_brief(self.ctx, text, self.path.name, self.path)
        )

    def _validated(self, check: BriefCheck) -> None:
        self.loaded = check.loaded
        self.problems = check.problems
        self._next_problem = 0
        problems = self.query_one(ProblemList)
        problems.show(check.problems)
        matrix = self.query_one(MatrixPreview)
        if check.loaded is not None:
            matrix.show(check.loaded, check.rows)
        valid = check.loaded is not None
        matrix.display = valid
        problems.display = not valid
        self._update_title()

    def _update_title(self) -> None:
        editor = self.query_one(TextArea)
        dirty = self.saved_text is not None and editor.text != self.saved_text
        parts = [self._label()]
        if dirty:
            parts.append(self.t("tui.brief.modified"))
        if self.loaded is not None:
            parts.append(self.t("tui.brief.jobs", jobs=self.loaded.job_count()))
        self.query_one("#brief-title", Static).update(" · ".join(parts))

    def on_problem_list_problem_chosen(self, event: ProblemList.ProblemChosen) -> None:
        self.jump_to(event.line)

    def jump_to(self, line: int | None) -> None:
        editor = self.query_one(TextArea)
        if line is not None:
            row = max(0, min(line - 1, editor.document.line_count - 1))
            editor.move_cursor((row, 0))
            editor.scroll_cursor_visible(center=True)
        editor.focus()

    def action_next_problem(self) -> None:
        if not self.problems:
            self.notify(self.t("tui.brief.no_problems"))
            return
        problem = self.problems[self._next_problem % len(self.problems)]
        self._next_problem += 1
        self.jump_to(problem.line)

    def action_save(self) -> None:
        self._save(self.query_one(TextArea).text)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save(self, text: str) -> None:
        atomic_write_text(self.path, text)
        self.app.call_from_thread(self._saved, text)

    def _saved(self, text: str) -> None:
        self.saved_text = text
        self._update_title()
        self.notify(self.t("tui.brief.saved", path=self.path.name))
        if self._run_after_save:
            self._run_after_save = False
            self.action_run()

    def action_run(self) -> None:
        editor = self.query_one(TextArea)
        if self.loaded is None or self.loaded.raw != editor.text:
            self.notify(self.t("tui.brief.fix_first"), severity="warning")
            return
        if editor.text != self.saved_text:
            self._run_after_save = True
            self._save(editor.text)
            return
        self.app.push_screen(GenerateScreen(self.ctx, self.loaded))

    def action_back(self) -> None:
        editor = self.query_one(TextArea)
        dirty = self.saved_text is not None and editor.text != self.saved_text
        if dirty and not self._leave_armed:
            self._leave_armed = True
            self.notify(self.t("tui.brief.unsaved"), severity="warning")
            return
        self.app.pop_screen()
