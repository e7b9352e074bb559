"""The job matrix: segments × deliverables, each cell counting its jobs live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

Cell = tuple[str, int]  # (segment id, deliverable index)


@dataclass
class CellState:
    total: int = 0
    running: int = 0
    ok: int = 0
    cached: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.ok + self.cached + self.failed

    def render(self) -> Text:
        if self.total == 0:
            return Text("—", style="dim", justify="center")
        text = Text(f"{self.done}/{self.total}", style="bold")
        if self.failed:
            text.append(f" ✗{self.failed}", style="bold red")
        if self.running:
            text.append(f" ▶{self.running}", style="yellow")
        if self.done == self.total and not self.failed:
            text.stylize("green")
            text.append(" ✓", style="green")
        return text


class JobMatrix(DataTable[Any]):
    """Rows are segments, columns deliverables; cells update as jobs start and finish."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", **kwargs)
        self.cells: dict[Cell, CellState] = {}

    def layout_matrix(
        self, segments: list[tuple[str, str]], deliverables: list[str], segment_label: str
    ) -> None:
        """Build the grid once: ``segments`` as (id, name), ``deliverables`` as labels."""
        self.clear(columns=True)
        self.cells = {}
        self.add_column(segment_label, key="segment")
        for index, label in enumerate(deliverables):
            self.add_column(label, key=str(index))
        for seg_id, name in segments:
            row: list[Text] = [Text(name)]
            for index in range(len(deliverables)):
                state = CellState()
                self.cells[(seg_id, index)] = state
                row.append(state.render())
            self.add_row(*row, key=seg_id)

    def reset(self, totals: dict[Cell, int]) -> None:
        """A new run over ``totals``: those cells start again, the others keep their state."""
        for cell, total in totals.items():
            self.cells[cell] = CellState(total=total)
            self._paint(cell)

    def started(self, cell: Cell) -> None:
        self.cells[cell].running += 1
        self._paint(cell)

    def finished(self, cell: Cell, status: str, was_running: bool) -> None:
        state = self.cells[cell]
        if was_running:
            state.running = max(0, state.running - 1)
        if status == "ok":
            state.ok += 1
        elif status == "cached":
            state.cached += 1
        else:
            state.failed += 1
        self._paint(cell)

    def _paint(self, cell: Cell) -> None:
        if cell in self.cells and self.is_mounted:
            self.update_cell(cell[0], str(cell[1]), self.cells[cell].render())

    def totals(self) -> CellState:
        total = CellState()
        for s in self.cells.values():
            total.total += s.total
            total.running += s.running
            total.ok += s.ok
            total.cached += s.cached
            total.failed += s.failed
        return total
