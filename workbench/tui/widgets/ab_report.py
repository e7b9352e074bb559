"""One experiment's report as rich renderables: the SRM check first, then per-arm rates with
their Wilson intervals drawn as bars (Unicode blocks), lift, p-values and the verdict."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workbench.abtest.numbers import lift_points, p_text, pct
from workbench.abtest.reports import ArmReport, ExperimentReport
from workbench.i18n import Catalog

BAR_WIDTH = 18
NARROW_BAR_WIDTH = 12
NARROW = 96  # below this many columns: shorter bars, relative lift and p left out
EIGHTHS = " ▏▎▍▌▋▊▉█"
ARM_COLORS = {"control": "dodger_blue1", "winner": "green3", "loser": "red3"}
OTHER_COLOR = "gold3"


def scale_for(arms: Sequence[ArmReport]) -> float:
    """The bars' common right edge: a round number just above the highest interval end."""
    top = max((a.ci_high for a in arms if a.ci_high is not None), default=0.0)
    if top <= 0:
        return 0.01
    for step in (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0):
        if top <= step * 10:
            return min(1.0, -(-top // step) * step)
    return 1.0


def interval_bar(
    low: float | None,
    high: float | None,
    rate: float | None,
    scale: float,
    width: int = BAR_WIDTH,
    color: str = OTHER_COLOR,
) -> Text:
    """``low..high`` as a bar on ``0..scale`` in ``width`` cells (right end in eighths of a
    cell, left end in halves), the rate as a bright tick inside it."""
    text = Text()
    if low is None or high is None or scale <= 0:
        return Text("·" * width, style="dim")
    start = max(0.0, min(low / scale, 1.0)) * width
    end = max(0.0, min(high / scale, 1.0)) * width
    tick = None if rate is None else min(int(max(0.0, rate / scale) * width), width - 1)
    for cell in range(width):
        if cell == tick:
            text.append("┃", style=f"bold bright_white on {color}")
            continue
        fill_from = max(0.0, min(start - cell, 1.0))  # part of this cell left of the interval
        fill_to = max(0.0, min(end - cell, 1.0))  # part of this cell before the interval's end
        covered = fill_to - fill_from
        if covered <= 0:
            text.append("·", style="grey30")
        elif fill_from >= 0.5:
            text.append("▐", style=color)
        elif fill_from > 0:
            text.append("█", style=color)
        else:
            text.append(EIGHTHS[max(1, round(fill_to * 8))], style=color)
    return text


def srm_line(t: Catalog, report: ExperimentReport) -> Text:
    p = report.srm_p_value
    if p is None:
        return Text(t("ab.srm_none"), style="dim")
    if report.srm_alert:
        return Text(t("ab.srm_alert", p=p_text(p)), style="bold white on red")
    return Text("✓ " + t("ab.srm_ok", p=p_text(p)), style="green")


def arm_verdict(t: Catalog, arm: ArmReport, narrow: bool = False) -> str:
    verdict = str(arm.verdict)
    text = t(f"ab.arm.{verdict}")
    if verdict == "need_more" and arm.need_more:
        key = "tui.ab.need_n" if narrow else "ab.arm.need_n"
        text = t(key, n=f"{arm.need_more:,}")
    if arm.early:
        text += " " + t("ab.arm.early")
    return text


def lift_text(arm: ArmReport, narrow: bool = False) -> Text:
    if arm.lift_abs is None:
        return Text("-", style="dim")
    lift = arm.lift_abs
    text = lift_points(lift, None if narrow else arm.lift_rel, rel_digits=0)
    return Text(text, style="green" if lift > 0 else "red" if lift < 0 else "")


def arms_table(t: Catalog, report: ExperimentReport, width: int = 120) -> Table:
    narrow = width < NARROW
    bar_width = NARROW_BAR_WIDTH if narrow else BAR_WIDTH
    arms = report.arms
    scale = scale_for(arms)
    holm = len(arms) > 2
    table = Table(box=None, padding=(0, 1), expand=False, show_edge=False)
    table.add_column(t("ab.col.arm"), no_wrap=True)
    table.add_column(t("ab.col.users"), justify="right", no_wrap=True)
    table.add_column(t("tui.ab.col.rate"), justify="right", no_wrap=True)
    table.add_column(
        t("tui.ab.col.interval", scale=pct(scale, 0 if scale >= 0.1 else 1)), no_wrap=True
    )
    table.add_column(t("tui.ab.col.lift"), no_wrap=True)
    table.add_column(t("ab.col.p_adj" if holm else "ab.col.p"), justify="right", no_wrap=True)
    table.add_column(t("ab.col.verdict"), overflow="fold")
    for arm in arms:
        color = ARM_COLORS.get("control" if arm.control else arm.verdict, OTHER_COLOR)
        name = Text(f"{arm.arm}{'*' if arm.control else ''} ", style=f"bold {color}")
        name.append(f"#{arm.variant_id}", style="dim")
        table.add_row(
            name,
            f"{arm.impressions:,}",
            pct(arm.rate),
            interval_bar(arm.ci_low, arm.ci_high, arm.rate, scale, bar_width, color),
            lift_text(arm, narrow),
            p_text(arm.p_value_adjusted),
            Text(
                arm_verdict(t, arm, narrow),
                style=f"bold {color}" if arm.verdict in ARM_COLORS else "",
            ),
        )
    return table


def report_renderable(t: Catalog, report: ExperimentReport, width: int = 120) -> RenderableType:
    """SRM first (before any verdict), then the arms, warnings and the verdict; ``width``
    is the space available (narrower: more compact columns)."""
    parts: list[RenderableType] = [srm_line(t, report)]
    title = Text(f"#{report.id} {report.name}", style="bold")
    title.append(
        " · " + t("tui.ab.summary", metric=report.metric, users=f"{report.users:,}"),
        style="dim",
    )
    parts += [title, arms_table(t, report, width)]
    for warning in report.warnings or []:
        parts.append(Text(t("ab.warn." + warning), style="yellow"))
    verdict = t(f"ab.verdict.{report.verdict}", winner=report.winner, arm=report.winner_arm)
    if report.early:
        verdict += t("ab.early")
    style = "bold green" if report.verdict == "winner" else "bold"
    parts.append(Text(verdict, style=style))
    if report.planned_n_per_arm:
        parts.append(Text(t("ab.planned", n=f"{report.planned_n_per_arm:,}"), style="dim"))
    return Group(*parts)
