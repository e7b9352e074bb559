"""The PNG chart: one row per arm, the winner drawn in green."""

from __future__ import annotations

from pathlib import Path

from abtest_kit import feed, manual
from PIL import Image

from workbench.abtest.analysis import analyze
from workbench.abtest.chart import COLORS, ROW, TOP, render_chart
from workbench.i18n import Catalog
from workbench.store import Store


def test_chart_draws_each_arm_and_marks_the_winner(store: Store, tmp_path: Path) -> None:
    experiment = manual(store, 3)
    feed(store, experiment, [(3000, 300), (3000, 420), (3000, 0)], tmp_path)
    report = analyze(store.ab.get_experiment(experiment.id))
    path = render_chart(report, tmp_path / "c" / "chart.png", Catalog("zh-CN"))
    image = Image.open(path).convert("RGB")
    assert image.size == (900, TOP + ROW * 3 + 60)
    colors = {image.getpixel((x, y)) for x in range(0, 900, 2) for y in range(image.height)}
    assert COLORS["winner"] in colors and COLORS["control"] in colors
    assert COLORS["loser"] in colors  # the 0% arm lost
