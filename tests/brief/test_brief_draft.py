"""The new-brief form's YAML: what the answers become, and the answers it refuses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from workbench.brief.draft import BriefDraft, draft_data, draft_path, draft_yaml, parse_deadline
from workbench.brief.loader import load_brief_text
from workbench.errors import InputError
from workbench.segments import Segment, SegmentLibrary


def _library() -> SegmentLibrary:
    return SegmentLibrary(
        [Segment(id="new-moms", name="新手妈妈"), Segment(id="dormant-vip", name="沉睡VIP")]
    )


def _draft(**changes: object) -> BriefDraft:
    values: dict[str, object] = {
        "campaign": "三月会员日",
        "brand": "小鹿母婴",
        "product": "有机婴儿米粉",
        "price": "89",
        "offer": "会员日满199减50",
        "deadline": "2026/3/15",
        "landing_url": "https://example.com/m/rice",
        "segments": ["new-moms", "dormant-vip"],
        "deliverables": ["community", "sms", "poster"],
        "notes": {"new-moms": "新手妈妈 · 手写"},
    }
    values.update(changes)
    return BriefDraft(**values)  # type: ignore[arg-type]


def test_the_answers_become_a_brief_that_validates() -> None:
    text = draft_yaml(_draft())
    loaded = load_brief_text(text, "new.yaml", _library())
    brief = loaded.brief
    assert brief.campaign.name == "三月会员日"
    assert brief.campaign.brand.name == "小鹿母婴"
    assert brief.campaign.product.price == 89
    assert brief.campaign.product.deadline == date(2026, 3, 15)
    assert [s.id for s in brief.resolved_segments()] == ["new-moms", "dormant-vip"]
    assert [(d.kind, getattr(d, "channel", None)) for d in brief.deliverables] == [
        ("copy", "community"),
        ("copy", "sms"),
        ("poster", None),
    ]
    # a landing page: the poster carries its QR code
    assert brief.deliverables[2].qr is True  # type: ignore[union-attr]
    # 2 segments x (3 community + 2 sms + 2 posters), one style each
    assert loaded.job_count() == 2 * (3 + 2 + 2)
    # the note is a comment next to the id, the YAML parses the same without it
    assert "  - new-moms  # 新手妈妈 · 手写" in text.splitlines()
    assert yaml.safe_load(text)["segments"] == ["new-moms", "dormant-vip"]


def test_no_landing_page_no_qr_and_optional_fields_left_out() -> None:
    data = draft_data(_draft(landing_url="", price="", deadline="", offer=""))
    assert data["campaign"]["product"] == {"name": "有机婴儿米粉"}
    assert "qr" not in data["deliverables"][2]


def test_text_with_controls_or_yaml_syntax_stays_data() -> None:
    text = draft_yaml(_draft(campaign="会员日: 满减 #1 \x1b[31m", product="米粉\n- x"))
    loaded = load_brief_text(text, "new.yaml", _library())
    assert loaded.brief.campaign.name == "会员日: 满减 #1 [31m"
    assert loaded.brief.campaign.product.name == "米粉 - x"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-15", date(2026, 3, 15)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026.03.15", date(2026, 3, 15)),
        ("2026年3月15日", date(2026, 3, 15)),
        ("  ", None),
    ],
)
def test_deadline_forms(typed: str, expected: date | None) -> None:
    assert parse_deadline(typed) == expected


def test_bad_price_and_date_name_their_fields() -> None:
    with pytest.raises(InputError) as caught:
        draft_data(_draft(price="八十九", deadline="2026-02-30"))
    fields = [(p.field, p.message) for p in caught.value.problems]
    assert fields[0] == ("campaign.product.price", "must be a number such as 89 or 89.9")
    assert fields[1][0] == "campaign.product.deadline"
    assert fields[1][1].startswith("is not a calendar date")
    with pytest.raises(InputError, match="unknown fax"):
        draft_data(_draft(deliverables=["fax"]))


def test_draft_path_never_overwrites(tmp_path: Path) -> None:
    first = draft_path(tmp_path, _draft())
    assert first.name == "三月会员日.yaml"
    first.write_text("x", encoding="utf-8")
    assert draft_path(tmp_path, _draft()).name == "三月会员日-2.yaml"
