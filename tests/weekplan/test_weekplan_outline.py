"""The offline outline for theme slots: marked, factless, and inside the channel limit."""

from __future__ import annotations

import re

import pytest

from workbench.brief.models import Brief
from workbench.kinds import get_kind
from workbench.llm.base import JobContext
from workbench.llm.offline.composer import compose


def brief(language: str, fmt: str, theme: str, brand: str) -> Brief:
    return Brief.model_validate(
        {
            "campaign": {
                "name": "week",
                "language": language,
                "brand": {"name": brand},
                "product": {"name": theme[:60]},
            },
            "segments": [{"id": "s", "name": "沉睡VIP", "lifecycle": "dormant"}],
            "deliverables": [{"kind": "theme_post", "theme": theme, "format": fmt, "variants": 7}],
        }
    )


@pytest.mark.parametrize("language", ["zh-CN", "en-US"])
@pytest.mark.parametrize("fmt", ["image_text", "poster_copy", "short_video"])
def test_longest_theme_and_brand_still_fit_and_parse(language: str, fmt: str) -> None:
    b = brief(language, fmt, "主" * 100 if language == "zh-CN" else "t" * 100, "品" * 40)
    kind = get_kind("theme_post")
    bodies = set()
    for day in range(7):
        job = JobContext(b, b.resolved_segments()[0], b.deliverables[0], 0, "hybrid", day)
        (content,) = kind.parse(compose(job), b.deliverables[0], b, 1)  # raises when too long
        assert content["outline"] is True and content["format"] == fmt
        marker = "【提纲·待补写】" if language == "zh-CN" else "[OUTLINE - to complete]"
        assert content["body"].startswith(marker)
        assert not re.search(r"\d", content["body"])  # no number the theme did not give
        assert "沉睡" not in content["body"]  # the segment's internal label never shows
        bodies.add(content["body"])
    assert len(bodies) > 1
