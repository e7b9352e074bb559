"""抖音 and 小红书 ban off-platform diversion: the shipped store-opening brief's offer
("开业三天第二杯半价，进群领5元无门槛券") keeps its group clause on the community channel and
loses it on those platforms (copy, titles, short videos), which the lint then passes."""

from __future__ import annotations

import json
from typing import Any

import yaml
from test_offline_truth import SHIPPED, answer, jobs

from workbench.brief.models import Brief
from workbench.kinds import get_kind
from workbench.lint.briefcontext import context_from_brief
from workbench.lint.engine import Linter
from workbench.lint.rules import load_rules
from workbench.llm.offline.platforms import without_diversion

LINTER = Linter(load_rules())


def _brief(deliverables: list[dict[str, Any]]) -> Brief:
    data = yaml.safe_load((SHIPPED / "store-opening-week.yaml").read_text("utf-8"))
    data["deliverables"] = deliverables
    return Brief.model_validate(json.loads(json.dumps(data, default=str)))


def test_the_group_clause_stays_off_the_platforms_that_ban_it() -> None:
    brief = _brief(
        [
            {"kind": "copy", "channel": "xiaohongshu", "variants": 2},
            {"kind": "copy", "channel": "douyin", "variants": 2},
            {"kind": "title", "channel": "xiaohongshu", "variants": 6},
            {"kind": "video_script", "platform": "douyin", "duration": 30, "variants": 2},
            {"kind": "copy", "channel": "community", "variants": 1},
        ]
    )
    assert "进群" in brief.campaign.product.offer
    community = 0
    for j in jobs(brief):
        data = answer(j)
        text = json.dumps(data, ensure_ascii=False)
        target = j.deliverable.target
        if target == "community":
            community += "进群领5元无门槛券" in text  # the community is where the group is
            continue
        assert "进群" not in text and "扫码" not in text, (target, text)
        if j.kind == "copy":
            assert "开业三天第二杯半价" in data["body"], data  # the rest of the offer stays
        ctx = context_from_brief(brief, target, j.kind, j.segment, j.deliverable)
        for content in get_kind(j.kind).parse(data, j.deliverable, brief, j.count):
            found = LINTER.lint_content(j.kind, content, ctx)
            assert not [f for f in found if f["rule"] == "platform_qr"], found
    assert community == 2  # both segments


def test_without_diversion_keeps_the_other_clauses() -> None:
    assert without_diversion("开业三天第二杯半价，进群领5元无门槛券") == "开业三天第二杯半价"
    assert without_diversion("扫码进群领券，满60减15") == "满60减15"
    assert without_diversion("第二瓶半价") == "第二瓶半价"
    assert without_diversion("进群领券") == ""
