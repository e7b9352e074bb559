"""Check lists and check boxes whose state reads as text: ☑ ticked, ☐ not.

Textual draws both states as the same ``▐X▌`` and tells them apart by colour only, which
disappears under NO_COLOR and is hard to see in compact mode. These draw a mark that
differs in shape (both marks are one cell wide in every terminal: East Asian width N).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Checkbox, OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "☑"
UNTICKED = "☐"


def mark(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class CheckList(SelectionList[str]):
    """A ``SelectionList`` whose lines start with ☑ or ☐ instead of a coloured button."""

    def _get_left_gutter_width(self) -> int:
        return len(TICKED + " ")

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        index = self.scroll_offset.y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        ticked = selection.value in self._selected
        component = "selection-list--button" + ("-selected" if ticked else "")
        if self.highlighted == index:
            component += "-highlighted"
        underlying = next(iter(line)).style or self.rich_style
        colour = self.get_component_rich_style(component).color
        style = underlying + RichStyle(color=colour, bold=ticked, meta={"option": index})
        return Strip([Segment(mark(ticked), style), Segment(" ", underlying), *line])


class CheckBox(Checkbox):
    """A ``Checkbox`` drawn as ☑/☐ before its label."""

    @property
    def _button(self) -> Content:
        button = self.get_visual_style("toggle--button")
        return Content.styled(
            mark(self.value), Style(foreground=button.foreground, bold=self.value)
        )
