"""The brief's problems, one per line with its line number; choosing one jumps there."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.errors import Problem
from workbench.guards.text import for_display
from workbench.i18n import Catalog


class ProblemList(OptionList):
    class ProblemChosen(Message):
        """The operator chose a problem; ``line`` is 1-based (None: the whole file)."""

        def __init__(self, line: int | None) -> None:
            super().__init__()
            self.line = line

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.t = t
        self.problems: list[Problem] = []

    def show(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.clear_options()
        for i, p in enumerate(problems):
            where = f"L{p.line}" if p.line is not None else "—"
            label = Text.assemble(
                (f"{where:>5} ", "bold red"),
                (for_display(f"{p.field}: ") if p.field else "", "bold"),
                for_display(p.message),
            )
            self.add_option(Option(label, id=str(i)))
        self.border_title = (
            self.t("tui.brief.problems", count=len(problems))
            if problems
            else self.t("tui.brief.valid")
        )
        self.set_class(not problems, "-valid")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ProblemChosen(self.problems[int(event.option.id)].line))
