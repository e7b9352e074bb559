"""A brief's job matrix before running: segments × deliverables, jobs per cell.

The counts come from ``Workbench.dry_run`` (the runner's planner); the widget only lays
them out. :func:`check_brief` is what the brief editor and the new-brief form run in a
worker: validate the text, then plan it when it is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from workbench.brief.loader import LoadedBrief, load_brief_text
from workbench.brief.models import Deliverable
from workbench.errors import InputError, Problem, WorkbenchError
from workbench.generate.dryrun import DryRunRow
from workbench.guards.text import for_display
from workbench.i18n import Catalog
from workbench.tui.context import TuiContext


@dataclass
class BriefCheck:
    """A brief text checked: the loaded brief and its planned cells, or its problems."""

    loaded: LoadedBrief | None
    problems: list[Problem] = field(default_factory=list)
    rows: list[DryRunRow] = field(default_factory=list)


def check_brief(ctx: TuiContext, text: str, label: str, path: Path | None = None) -> BriefCheck:
    """Validate ``text`` and, when valid, plan its jobs (nothing is called or written)."""
    wb = ctx.workbench
    try:
        loaded = load_brief_text(text, label, wb.segments, path=path)
    except InputError as exc:
        return BriefCheck(None, exc.problems)
    try:
        rows = wb.dry_run([loaded], wb.provider(ctx.overrides))
    except InputError as exc:
        return BriefCheck(None, exc.problems)
    except WorkbenchError as exc:
        return BriefCheck(None, [Problem(label, None, "", str(exc))])
    return BriefCheck(loaded, [], rows)


def deliverable_label(index: int, deliverable: Deliverable, t: Catalog) -> str:
    """``#0 copy·community`` (``#0 文案·社群`` in zh-CN): the index, the kind and its
    channel or platform."""
    return f"#{index} {t.kind_name(deliverable.kind, deliverable.target)}"


class MatrixPreview(DataTable[Any]):
    """Rows are the brief's segments, columns its deliverables, cells the jobs planned."""

    def __init__(self, t: Catalog, **kwargs: Any) -> None:
        super().__init__(cursor_type="none", zebra_stripes=True, **kwargs)
        self.t = t
        self.jobs = 0
        self.cached = 0

    def show(self, loaded: LoadedBrief, rows: list[DryRunRow]) -> None:
        brief = loaded.brief
        cells: dict[tuple[str, int], list[int]] = {}
        for r in rows:
            cell = cells.setdefault((r.segment, r.deliverable_index), [0, 0])
            cell[0] += r.jobs
            cell[1] += r.cached
        self.clear(columns=True)
        self.add_column(self.t("col.segment"), key="segment")
        for i, d in enumerate(brief.deliverables):
            self.add_column(deliverable_label(i, d, self.t), key=str(i))
        for seg in brief.resolved_segments():
            row: list[Text] = [Text(for_display(seg.name or seg.id))]
            for i in range(len(brief.deliverables)):
                jobs, cached = cells.get((seg.id, i), [0, 0])
                text = Text(str(jobs), style="bold", justify="right")
                if cached:
                    text.append(" " + self.t("tui.matrix.cached", count=cached), style="green")
                row.append(text)
            self.add_row(*row, key=seg.id)
        self.jobs = sum(c[0] for c in cells.values())
        self.cached = sum(c[1] for c in cells.values())
        self.border_title = self.t("tui.matrix.title", jobs=self.jobs, variants=loaded.job_count())
