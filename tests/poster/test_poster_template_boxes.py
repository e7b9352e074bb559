"""Poster templates: no two text fields drawn on the same poster share space (a square
bold-sale poster drew its CTA button over the price: '$149/nigh')."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "templates" / "posters").glob("*.yaml"))
FIELDS = {"price", "cta", "headline", "subheadline", "deadline", "qr_caption"}
SLACK = 0.005  # of the poster's side: touching edges are not an overlap


def _when(element: dict[str, Any]) -> str | None:
    return "qr" if element["type"] == "qr" else element.get("when")


def _exclusive(a: str | None, b: str | None) -> bool:
    return bool(a and b and (a == f"!{b}" or b == f"!{a}"))


def _overlap(a: list[float], b: list[float]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return (
        ax + SLACK < bx + bw
        and bx + SLACK < ax + aw
        and ay + SLACK < by + bh
        and by + SLACK < ay + ah
    )


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_text_fields_never_share_a_box(path: Path) -> None:
    found = []
    for name, layout in yaml.safe_load(path.read_text("utf-8"))["layouts"].items():
        drawn = [
            e
            for e in layout["elements"]
            if e["type"] in ("qr", "bullets") or e.get("field") in FIELDS
        ]
        for a, b in itertools.combinations(drawn, 2):
            if not _exclusive(_when(a), _when(b)) and _overlap(a["box"], b["box"]):
                found.append((name, a.get("field", a["type"]), b.get("field", b["type"])))
    assert not found, found
