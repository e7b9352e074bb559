"""Title kind: exact count, limits, duplicates, one content per title."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.brief.models import Brief, TitleDeliverable
from workbench.kinds import ContentError, get_kind

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEF = Brief.model_validate(yaml.safe_load((FIXTURES / "member-day.yaml").read_text("utf-8")))
TITLE = get_kind("title")
D = TitleDeliverable(kind="title", channel="xiaohongshu", variants=3)


def items(*texts: str) -> dict[str, list[dict[str, str]]]:
    return {"titles": [{"text": t, "angle": "利益型"} for t in texts]}


def test_call_size_and_split() -> None:
    assert TITLE.call_size(D) == 3
    out = TITLE.parse(items("一", "二二", "abc"), D, BRIEF, 3)
    assert [c["length"] for c in out] == [1, 2, 2]
    assert out[0] == {"text": "一", "angle": "利益型", "length": 1}


def test_count_limit_duplicates() -> None:
    with pytest.raises(ContentError) as err:
        TITLE.parse(items("好标题", "好 标题！", "字" * 21), D, BRIEF, 3)
    lines = str(err.value).splitlines()
    assert lines[0].startswith("titles[1].text: duplicates titles[0]")
    assert lines[1].startswith("titles[2].text: is 21 characters")
    with pytest.raises(ContentError, match="has 2 titles; exactly 3"):
        TITLE.parse(items("一", "二"), D, BRIEF, 3)


def test_extra_titles_trimmed_as_repair() -> None:
    out = TITLE.parse(items("一", "二", "三", "四"), D, BRIEF, 3)
    assert len(out) == 3 and "first 3" in out[0]["repairs"][0]


def test_banned_and_schema() -> None:
    with pytest.raises(ContentError, match="banned words 最便宜"):
        TITLE.parse(items("一", "二", "最便宜"), D, BRIEF, 3)
    schema = TITLE.json_schema(D, 3)
    assert "Exactly 3" in schema["properties"]["titles"]["description"]
    assert schema["$defs"]["TitleItem"]["required"] == ["text", "angle"]
