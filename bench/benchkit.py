"""What the benchmarks share: the bench campaign (one product, copy on five channels in five
styles for numbered segments) and the brief file it is written to.

Imported by module name (``python bench/<name>.py`` puts ``bench/`` on ``sys.path``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

STYLES = ["agent", "example", "instruction", "specific", "hybrid"]
CHANNELS = ("community", "moments", "push", "sms", "xiaohongshu")
SEGMENTS = 16


def campaign(campaign_id: str, name: str) -> dict[str, Any]:
    """The bench campaign: 小鹿母婴's organic rice cereal, ``满199减50``, a landing URL."""
    return {
        "id": campaign_id,
        "name": name,
        "goal": "convert",
        "language": "zh-CN",
        "brand": {"name": "小鹿母婴"},
        "product": {
            "name": "有机婴儿米粉",
            "short_name": "米粉",
            "price": 89,
            "price_unit": "盒",
            "selling_points": ["有机认证", "高铁配方", "独立小包装"],
            "offer": "满199减50",
            "landing_url": "https://example.com/m/rice",
        },
    }


def segments(count: int) -> list[dict[str, str]]:
    """``count`` segments ``seg-00``, ``seg-01``, ... addressed as 各位."""
    return [{"id": f"seg-{i:02d}", "name": f"分群{i}", "address_as": "各位"} for i in range(count)]


def write_brief(
    folder: Path,
    campaign_id: str,
    name: str,
    segment_count: int,
    deliverables: list[dict[str, Any]],
) -> Path:
    """``folder/briefs/bench.yaml`` with the bench campaign, segments and ``deliverables``."""
    brief = {
        "campaign": campaign(campaign_id, name),
        "segments": segments(segment_count),
        "deliverables": deliverables,
    }
    path = folder / "briefs" / "bench.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    return path


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu
