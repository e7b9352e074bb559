"""A PNG per experiment: each arm's rate as a dot with its Wilson 95% interval.

One row per arm (control first, dashed line at its rate), the winner in green, losers in
red, everything else in grey; the SRM status and verdict are written under the title.
Uses the packaged Noto Sans SC subset, so Chinese labels render.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from workbench.abtest.numbers import pct
from workbench.abtest.reports import ExperimentReport
from workbench.fsio import atomic_output
from workbench.i18n import Catalog
from workbench.locations import resource_dir

WIDTH = 900
ROW = 56
TOP = 110
LEFT = 190
RIGHT = 130
COLORS = {"winner": (30, 140, 70), "loser": (200, 50, 50), "control": (40, 80, 160)}
GREY = (120, 120, 120)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "NotoSansSC-Bold-subset.otf" if bold else "NotoSansSC-Regular-subset.otf"
    path = resource_dir("assets") / "fonts" / name
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default()


def render_chart(report: ExperimentReport, out: Path, t: Catalog) -> Path:
    """Draw ``report`` (from ``analysis.analyze``) to ``out``; returns the path."""
    arms = report.arms
    height = TOP + ROW * len(arms) + 60
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    title, small = _font(24, bold=True), _font(16)
    draw.text((20, 16), t("ab.chart.title", id=report.id, metric=report.metric), "black", title)
    srm = report.srm_p_value
    status = (
        t("ab.srm_none")
        if srm is None
        else t("ab.srm_alert" if report.srm_alert else "ab.srm_ok", p=f"{srm:.4f}")
    )
    draw.text((20, 52), status[:90], (200, 50, 50) if report.srm_alert else GREY, small)
    verdict = t(f"ab.verdict.{report.verdict}", winner=report.winner, arm=report.winner_arm)
    draw.text((20, 76), verdict, "black", small)
    highs = [a.ci_high for a in arms if a.ci_high is not None]
    top = max(highs) * 1.1 if highs else 1.0
    top = min(max(top, 1e-6), 1.0)
    span = WIDTH - LEFT - RIGHT

    def x(rate: float) -> float:
        return LEFT + span * rate / top

    draw.line([(LEFT, TOP - 10), (LEFT, TOP + ROW * len(arms))], GREY, 1)
    control_rate = arms[0].rate
    if control_rate is not None:
        cx = x(control_rate)
        for y in range(TOP - 10, TOP + ROW * len(arms), 8):
            draw.line([(cx, y), (cx, y + 4)], COLORS["control"], 1)
    for i, arm in enumerate(arms):
        y = TOP + ROW * i + ROW // 2
        label = f"{arm.arm}{'*' if arm.control else ''} · {arm.variant_id}"
        draw.text((20, y - 10), label, "black", small)
        color = COLORS.get(arm.verdict, GREY)
        if arm.rate is None or arm.ci_low is None or arm.ci_high is None:
            draw.text((LEFT + 8, y - 10), "-", GREY, small)
            continue
        draw.line([(x(arm.ci_low), y), (x(arm.ci_high), y)], color, 3)
        for end in (arm.ci_low, arm.ci_high):
            draw.line([(x(end), y - 8), (x(end), y + 8)], color, 2)
        cx = x(arm.rate)
        draw.ellipse([(cx - 7, y - 7), (cx + 7, y + 7)], fill=color)
        text = f"{pct(arm.rate, 2)}  n={arm.impressions:,}"
        draw.text((WIDTH - RIGHT + 8, y - 10), text, "black", small)
    axis_y = TOP + ROW * len(arms) + 10
    for k in range(5):
        value = top * k / 4
        draw.text((x(value) - 14, axis_y), pct(value, 1), GREY, small)
    with atomic_output(out, "wb") as handle:
        image.save(handle, "PNG")
    return out
