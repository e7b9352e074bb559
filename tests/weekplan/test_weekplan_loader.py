"""Plan files: the shipped example validates; every bad input is one line with a line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app import make_workbench
from workbench.errors import InputError
from workbench.locations import resource_dir
from workbench.weekplan.expand import expand
from workbench.weekplan.service import read_plan

EXAMPLE = resource_dir("templates") / "plans" / "week-2026-03-09.yaml"

GOOD = """\
week_of: 2026-03-09
timezone: Asia/Shanghai
segments: [new-moms]
owner: 店长小林
slots:
  - activity: member_day
    days: [wed]
    time: "20:00"
    format: poster_copy
    brief: briefs/member-day.yaml
"""


def problems(ws: Path, text: str) -> list[str]:
    path = ws / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_plan(make_workbench(ws), path)
    return str(caught.value).splitlines()


def test_the_shipped_plan_is_in_every_workspace_and_expands_to_every_send(ws: Path) -> None:
    assert (ws / EXAMPLE.name).read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    loaded = read_plan(make_workbench(ws), ws / EXAMPLE.name)
    expansion = expand(loaded)
    # days per slot: 7 + 2 + 1 + 1 + 1 = 12, for 2 segments
    assert len(expansion.slots) == 24
    assert len(expansion.briefs) == 5
    by_format = {b.brief.campaign.key: len(b.brief.deliverables) for b in expansion.briefs}
    assert by_format == {
        "week-2026-03-09-1-daily_brand": 1,
        "week-2026-03-09-2-product_push": 1,
        "week-2026-03-09-3-member_day": 2,
        "week-2026-03-09-4-ip_activity": 1,
        "week-2026-03-09-5-new_store": 2,
    }
    theme = expansion.briefs[0].brief.deliverables[0]
    assert theme.kind == "theme_post" and theme.variants == 7
    video = expansion.briefs[1].brief.deliverables[0]
    assert video.kind == "video_script" and video.variants == 2
    sunday = [s for s in expansion.slots if s.activity == "new_store"]
    assert {s.owner for s in sunday} == {"新店店长阿梅"}
    assert {s.date.isoformat() for s in sunday} == {"2026-03-15"}
    assert [s.variant_slot for s in expansion.slots if s.activity == "product_push"] == [0, 0, 1, 1]


def test_good_plan_loads(ws: Path) -> None:
    path = ws / "plan.yaml"
    path.write_text(GOOD, encoding="utf-8")
    loaded = read_plan(make_workbench(ws), path)
    assert loaded.plan.slots[0].time == "20:00"
    assert loaded.brand.name == "小鹿母婴"


def test_unquoted_time_is_named_as_sexagesimal(ws: Path) -> None:
    lines = problems(ws, GOOD.replace('time: "20:00"', "time: 20:00"))
    assert lines == [
        f"{ws / 'plan.yaml'}:8: slots[0].time: 20:00 was read as the number 1200 (YAML 1.1 "
        'reads an unquoted h:mm as base 60); quote it: time: "20:00"'
    ]


def test_unknown_key_bad_day_and_missing_brief_each_get_a_line(ws: Path) -> None:
    text = GOOD.replace("days: [wed]", "days: [wed, wensday]").replace(
        "    format: poster_copy\n", "    format: poster_copy\n    colour: red\n"
    )
    text = text.replace("briefs/member-day.yaml", "briefs/nope.yaml")
    text = text.replace("owner: 店长小林\n", "owner: 店长小林\nweek: 1\n")
    lines = problems(ws, text)
    label = str(ws / "plan.yaml")
    assert f"{label}:5: week: unknown key 'week' (did you mean 'week_of'?)" in lines
    assert any(
        line.startswith(f"{label}:8: slots[0].days[1]: must be one of: mon, tue") for line in lines
    ), lines
    assert f"{label}:11: slots[0].colour: unknown key 'colour'" in lines
    assert len(lines) == 3  # the model fails first; the brief is looked for once it is valid
    lines = problems(ws, GOOD.replace("briefs/member-day.yaml", "briefs/nope.yaml"))
    assert lines == [f"{label}:10: slots[0].brief: file not found: {ws / 'briefs' / 'nope.yaml'}"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("week_of: 2026-03-09", "week_of: 2026-03-10", ":1: week_of: 2026-03-10 is a tue"),
        ("Asia/Shanghai", "Mars/Olympus", ":2: timezone: unknown timezone 'Mars/Olympus'"),
        ('"20:00"', '"25:00"', ":8: slots[0].time: '25:00' is not a time"),
        ("    brief: briefs/member-day.yaml", "    brief: briefs/member-day.yaml\n    theme: x",
         ":6: slots[0]: give either brief"),
        ("segments: [new-moms]", "segments: [new-mom]", ":3: segments[0]: unknown segment"),
        ("activity: member_day", "activity: flash_sale", ":6: slots[0].activity: must be one of"),
    ],
)  # fmt: skip
def test_bad_values(ws: Path, old: str, new: str, expected: str) -> None:
    lines = problems(ws, GOOD.replace(old, new))
    assert len(lines) == 1 and lines[0].startswith(str(ws / "plan.yaml") + expected), lines


def test_problems_in_a_named_brief_are_reported_with_the_brief_file(ws: Path) -> None:
    brief = ws / "briefs" / "member-day.yaml"
    brief.write_text(brief.read_text(encoding="utf-8").replace("goal: repurchase", "goal: win"))
    lines = problems(ws, GOOD)
    assert len(lines) == 1 and lines[0].startswith(f"{brief}:4: campaign.goal: must be one of")


def test_theme_only_plan_needs_a_brand(ws: Path) -> None:
    text = GOOD.replace("    brief: briefs/member-day.yaml", "    theme: 早安问候")
    lines = problems(ws, text)
    assert lines == [
        f"{ws / 'plan.yaml'}:1: brand: required when no slot has a brief: theme slots are "
        "written for a brand"
    ]
    path = ws / "plan.yaml"
    path.write_text(text + "brand: {name: 小鹿母婴}\n", encoding="utf-8")
    assert read_plan(make_workbench(ws), path).brand.name == "小鹿母婴"
