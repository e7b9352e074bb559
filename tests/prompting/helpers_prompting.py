"""Shared builders for the prompting tests (briefs from fixtures, jobs, libraries)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from workbench.brief.models import Brief
from workbench.llm.base import JobContext

FIXTURES = Path(__file__).parent / "fixtures"
BRIEFS = sorted((FIXTURES / "briefs").glob("*.yaml"))

# One deliverable per kind and copy channel, added to each fixture brief so that
# every style renders every kind and channel.
EXTRA_DELIVERABLES: list[dict[str, Any]] = [
    *(
        {"kind": "copy", "channel": ch, "framework": fw}
        for ch, fw in (
            ("community", "aida"),
            ("moments", "story3"),
            ("sms", None),
            ("push", "pas"),
            ("xiaohongshu", "fabe"),
            ("douyin", "scream"),
            ("wechat_article", "succes"),
        )
    ),
    {"kind": "title", "channel": "xiaohongshu", "variants": 10},
    {"kind": "title", "channel": "community", "variants": 3},
    {"kind": "poster", "qr": True},
    {"kind": "poster", "qr": False},
    {"kind": "video_script", "platform": "channels", "duration": 20, "audience": "customer"},
    {"kind": "video_script", "platform": "xiaohongshu", "duration": 30},
    {"kind": "live_script", "minutes": 60, "platform": "douyin"},
    {"kind": "live_script", "minutes": 20},
]


def load_brief(path: Path, **campaign: Any) -> Brief:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["campaign"].update(campaign)
    raw["deliverables"] = list(raw["deliverables"]) + EXTRA_DELIVERABLES
    return Brief.model_validate(raw)


def member_day(**campaign: Any) -> Brief:
    return load_brief(FIXTURES / "briefs" / "member-day.yaml", **campaign)


def job_for(
    brief: Brief,
    deliverable_index: int,
    style: str,
    *,
    segment: int = 0,
    variant_index: int = 0,
) -> JobContext:
    d = brief.deliverables[deliverable_index]
    return JobContext(
        brief=brief,
        segment=brief.resolved_segments()[segment],
        deliverable=d,
        deliverable_index=deliverable_index,
        style=style,
        variant_index=variant_index,
        count=d.variants if d.kind == "title" else 1,
    )


def first_index(brief: Brief, kind: str, **attrs: Any) -> int:
    for i, d in enumerate(brief.deliverables):
        if d.kind == kind and all(getattr(d, k, None) == v for k, v in attrs.items()):
            return i
    raise LookupError((kind, attrs))


SCHEMA = {"type": "object", "properties": {"body": {"type": "string"}}, "required": ["body"]}
