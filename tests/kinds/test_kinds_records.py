"""The kinds' records (``workbench/kinds/records.py``) say what the JSON really holds.

mypy checks the code against the records; these tests check the records against the run
time: the answer models' fields, what ``parse`` returns for real (offline) answers, and the
prompt limits, key for key, nested items included.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from workbench.brief.models import Brief, Deliverable
from workbench.kinds import KINDS, get_kind
from workbench.kinds import records as r
from workbench.kinds.live_script import Fabe, LiveBeat, LivePhase
from workbench.kinds.title import TitleItem
from workbench.kinds.video_script import Shot
from workbench.llm.base import JobContext
from workbench.llm.offline.composer import compose

BRIEF = Brief.model_validate(
    {
        "campaign": {
            "name": "会员日",
            "brand": {"name": "小鹿母婴"},
            "product": {
                "name": "有机米粉",
                "price": 89,
                "selling_points": ["有机认证", "高铁配方"],
                "offer": "满199减50",
            },
        },
        "segments": [{"id": "s", "name": "新手妈妈", "lifecycle": "active"}],
        "deliverables": [
            {"kind": "copy", "channel": "sms"},
            {"kind": "copy", "channel": "xiaohongshu"},
            {"kind": "title", "channel": "xiaohongshu", "variants": 3},
            {"kind": "poster", "qr": True},
            {"kind": "video_script", "duration": 30},
            {"kind": "video_script", "duration": 15, "audience": "customer"},
            {"kind": "live_script", "minutes": 60},
            {"kind": "theme_post", "theme": "换季护理", "format": "image_text"},
        ],
    }
)
REPLIES: dict[str, Any] = {
    "copy": r.CopyReply,
    "title": r.TitleReply,
    "poster": r.PosterReply,
    "video_script": r.VideoScriptReply,
    "live_script": r.LiveScriptReply,
    "theme_post": r.ThemePostReply,
}
CONTENTS: dict[str, Any] = {
    "copy": r.CopyContent,
    "title": r.TitleContent,
    "poster": r.PosterContent,
    "video_script": r.VideoScriptContent,
    "live_script": r.LiveScriptContent,
    "theme_post": r.ThemePostContent,
}
LIMITS: dict[str, Any] = {
    "copy": r.PostLimits,
    "title": r.PostLimits,
    "theme_post": r.PostLimits,
    "poster": r.PosterLimits,
    "video_script": r.VideoScriptLimits,
    "live_script": r.LiveScriptLimits,
}
NESTED: list[tuple[type[BaseModel], Any]] = [
    (TitleItem, r.TitleCandidate),
    (Shot, r.ShotItem),
    (LiveBeat, r.BeatItem),
    (LivePhase, r.PhaseItem),
    (Fabe, r.FabeItem),
]


def keys_of(record: Any) -> tuple[frozenset[str], frozenset[str]]:
    """A TypedDict's required keys and all its keys."""
    required: frozenset[str] = record.__required_keys__
    return required, required | record.__optional_keys__


def fits(value: Any, record: Any, where: str) -> None:
    assert isinstance(value, dict), where
    required, every = keys_of(record)
    assert required <= set(value) <= every, (where, set(value) ^ every)


def jobs() -> list[tuple[Deliverable, JobContext]]:
    segment = BRIEF.resolved_segments()[0]
    out = []
    for index, d in enumerate(BRIEF.deliverables):
        count = d.variants if d.kind == "title" else 1
        job = JobContext(BRIEF, segment, d, index, "hybrid", 0, count=count)
        out.append((d, job))
    return out


def test_every_kind_has_its_records() -> None:
    assert set(REPLIES) == set(CONTENTS) == set(LIMITS) == set(KINDS)
    assert {d.kind for d in BRIEF.deliverables} == set(KINDS)


@pytest.mark.parametrize(("model", "record"), NESTED, ids=[m.__name__ for m, _ in NESTED])
def test_nested_items_are_their_answer_models(model: type[BaseModel], record: Any) -> None:
    required, every = keys_of(record)
    assert required == every == set(model.model_fields)


def test_replies_are_the_answer_models() -> None:
    for d, job in jobs():
        model = get_kind(d.kind).response_model(d, job.count)
        required, every = keys_of(REPLIES[d.kind])
        assert required == every == set(model.model_fields), d.kind


def test_offline_answers_and_parsed_contents_fit_their_records() -> None:
    seen_sms = False
    for d, job in jobs():
        answer = compose(job)
        fits(answer, REPLIES[d.kind], f"{d.kind} answer")
        for content in get_kind(d.kind).parse(answer, d, BRIEF, job.count):
            fits(content, CONTENTS[d.kind], d.kind)
            seen_sms |= "sms_segments" in content
            for shot in content.get("shots", []):
                fits(shot, r.ShotItem, "shot")
            for phase in content.get("phases", []):
                fits(phase, r.PhaseItem, "phase")
                for beat in phase["beats"]:
                    fits(beat, r.BeatItem, "beat")
            if "fabe" in content:
                fits(content["fabe"], r.FabeItem, "fabe")
                assert tuple(content["fabe"]) == r.FABE_KEYS
    assert seen_sms  # the SMS's optional counts were checked too


def test_prompt_limits_fit_their_records() -> None:
    lang, brand = BRIEF.campaign.language, BRIEF.campaign.brand.name
    for d, _job in jobs():
        limits: Any = get_kind(d.kind).prompt_limits(d, lang, brand)  # the JSON, key by key
        fits(limits, LIMITS[d.kind], f"{d.kind} limits")
        if "sms_rules" in limits:
            fits(limits["sms_rules"], r.SmsRules, "sms_rules")
        for plan in limits.get("phase_plan", []):
            fits(plan, r.PhasePlan, "phase_plan")
