"""Every style renders every kind for both example briefs, in the brief's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers_prompting import BRIEFS, SCHEMA, first_index, job_for, load_brief, member_day

from workbench.brief.models import STYLES
from workbench.kinds.channels import CHANNELS, SMS_LONG_PART, SMS_OPT_OUT, SMS_SINGLE
from workbench.prompting import PromptLibrary

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return PromptLibrary()


CASES = [
    (path, style, index)
    for path in BRIEFS
    for style in STYLES
    for index in range(len(load_brief(path).deliverables))
]


@pytest.mark.parametrize(
    ("path", "style", "index"), CASES, ids=[f"{p.stem}-{s}-{i}" for p, s, i in CASES]
)
def test_every_style_and_kind_renders(
    library: PromptLibrary, path: Path, style: str, index: int
) -> None:
    brief = load_brief(path)
    for segment in range(len(brief.resolved_segments())):
        job = job_for(brief, index, style, segment=segment)
        rendered = library.render(job, json_schema=SCHEMA)
        roles = [m["role"] for m in rendered.messages]
        assert roles[0] == "system" and roles[-1] == "user"
        assert set(roles) <= {"system", "user", "assistant"}
        assert all(m["content"].strip() for m in rendered.messages)
        assert rendered.template == f"styles/{rendered.style}.j2"
        assert re.fullmatch(r"[0-9a-f]{64}", rendered.template_hash)
        json.dumps(rendered.variables, ensure_ascii=False)  # serialisable
        assert rendered.variables["kind"] == job.kind
        assert "数据块：brief" in rendered.messages[-1]["content"]
        if rendered.style != style:
            assert style == "example" and rendered.style == "instruction"
            assert rendered.notes


@pytest.mark.parametrize("style", STYLES)
def test_en_us_brief_renders_english_prompts(library: PromptLibrary, style: str) -> None:
    brief = member_day(language="en-US")
    for index, d in enumerate(brief.deliverables):
        rendered = library.render(job_for(brief, index, style))
        system = rendered.messages[0]["content"]
        assert not CJK.search(system), (d.kind, system)
        last = rendered.messages[-1]["content"]
        assert "[DATA BLOCK: brief" in last and "【" not in last.split("```")[0]
        assert "English" in system or "[Output]" in last


def test_json_modes(library: PromptLibrary) -> None:
    brief = member_day()
    job = job_for(brief, 0, "instruction")
    compact = json.dumps(SCHEMA, ensure_ascii=False, separators=(",", ":"))
    for mode in ("json_object", "none"):
        text = library.render(job, json_schema=SCHEMA, json_mode=mode).messages[-1]["content"]
        assert compact in text and "matching this schema" in text
    structured = library.render(job, json_schema=SCHEMA).messages[-1]["content"]
    assert compact not in structured
    assert "【字段】" in structured and "body" in structured


def test_titles_state_count_and_one_angle_each(library: PromptLibrary) -> None:
    brief = member_day()
    index = first_index(brief, "title", channel="xiaohongshu")
    rendered = library.render(job_for(brief, index, "agent"))
    text = rendered.messages[-1]["content"]
    assert "共 10 个" in text and "恰好为 10" in text
    angles = rendered.variables["angles"]
    assert len(angles) == 10 and len(set(angles)) == 10
    for n, angle in enumerate(angles, 1):
        assert f"第{n}个「{angle}」" in text


def test_variants_of_one_job_differ(library: PromptLibrary) -> None:
    brief = member_day()
    texts = {
        library.render(job_for(brief, 0, "hybrid", variant_index=v)).messages[-1]["content"]
        for v in range(3)
    }
    assert len(texts) == 3
    angles = [
        library.render(job_for(brief, 0, "agent", variant_index=v)).variables["angle"]
        for v in range(3)
    ]
    assert len(set(angles)) == 3


def test_channel_limits_come_from_the_channels_module(library: PromptLibrary) -> None:
    brief = member_day()
    sms = library.render(job_for(brief, first_index(brief, "copy", channel="sms"), "specific"))
    text = sms.messages[-1]["content"]
    assert f"不超过 {SMS_SINGLE} 字算 1 条" in text and f"每 {SMS_LONG_PART} 字" in text
    assert SMS_OPT_OUT in text and "【小鹿母婴】" in text
    assert "不使用任何 emoji" in sms.messages[0]["content"]
    push = library.render(job_for(brief, first_index(brief, "copy", channel="push"), "agent"))
    spec = CHANNELS["push"]
    assert (
        f"标题不超过 {spec.title_max} 字，正文不超过 {spec.body_max} 字"
        in (push.messages[-1]["content"])
    )
    video = library.render(
        job_for(brief, first_index(brief, "video_script", platform="channels"), "agent")
    )
    vt = video.messages[-1]["content"]
    assert "标题不超过 16 字、不少于 6 字" in vt and "时长 20 秒" in vt
    assert "一部手机、10 分钟能拍完" in vt  # customer co-creation script
    douyin = library.render(
        job_for(brief, first_index(brief, "video_script", platform="douyin"), "agent")
    )
    assert "全片口播不超过 120 字" in douyin.messages[-1]["content"]


def test_framework_partials_are_included(library: PromptLibrary) -> None:
    brief = member_day()
    expected = {
        "aida": "AIDA",
        "story3": "痛点共鸣",
        "pas": "PAS",
        "fabe": "FABE",
        "scream": "SCREAM",
        "succes": "SUCCES",
    }
    for fw, marker in expected.items():
        index = next(
            i for i, d in enumerate(brief.deliverables) if d.kind == "copy" and d.framework == fw
        )
        text = library.render(job_for(brief, index, "instruction")).messages[-1]["content"]
        assert f"文案框架：{marker}" in text or marker in text


def test_persona_follows_the_brand_industry(library: PromptLibrary) -> None:
    mother_baby = library.render(job_for(member_day(), 0, "agent"))
    assert "母婴行业" in mother_baby.messages[0]["content"]
    tea = load_brief(BRIEFS[1])
    assert "餐饮茶饮行业" in library.render(job_for(tea, 0, "agent")).messages[0]["content"]


def test_unknown_style_and_json_mode_are_config_errors(library: PromptLibrary) -> None:
    from dataclasses import replace

    from workbench.errors import ConfigError

    job = job_for(member_day(), 0, "agent")
    with pytest.raises(ConfigError):
        library.render(replace(job, style="poetry"))
    with pytest.raises(ConfigError):
        library.render(job, json_mode="xml")
