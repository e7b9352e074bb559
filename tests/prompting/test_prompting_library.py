"""Workspace overrides, template hashes and the few-shot examples."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
import yaml
from helpers_prompting import first_index, job_for, member_day

from workbench.errors import InputError
from workbench.kinds.channels import CHANNELS, SMS_OPT_OUT, weighted_len
from workbench.locations import resource_dir
from workbench.prompting import PromptLibrary
from workbench.prompting.examples import Example, load_examples

PACKAGED_EXAMPLES = resource_dir("templates") / "examples"


def test_workspace_overrides_one_file(tmp_path: Path) -> None:
    ws = tmp_path / "prompts" / "frameworks"
    ws.mkdir(parents=True)
    (ws / "aida.j2").write_text("【我们店的 AIDA】先问候，再说优惠。\n", encoding="utf-8")
    job = job_for(member_day(), 0, "agent")  # community copy with framework aida
    packaged = PromptLibrary().render(job)
    overridden = PromptLibrary(workspace_prompts=tmp_path / "prompts").render(job)
    text = overridden.messages[-1]["content"]
    assert "我们店的 AIDA" in text and "文案框架：AIDA" not in text
    assert "【形式要求：社群群发消息】" in text  # the other partials are still packaged
    assert overridden.template_hash != packaged.template_hash
    infos = {i.name: i for i in PromptLibrary(workspace_prompts=tmp_path / "prompts").templates()}
    assert infos["frameworks/aida.j2"].origin == "workspace"
    assert infos["frameworks/fabe.j2"].origin == "packaged"
    assert infos["styles/hybrid.j2"].path.is_file() and len(infos["styles/hybrid.j2"].sha256) == 64


def test_template_hash_covers_partials(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(resource_dir("prompts"), copy)
    brief = member_day()
    sms_job = job_for(brief, first_index(brief, "copy", channel="sms"), "instruction")
    community_job = job_for(brief, first_index(brief, "copy", channel="community"), "instruction")
    before = PromptLibrary(packaged_prompts=copy)
    sms_before = before.render(sms_job).template_hash
    community_before = before.render(community_job).template_hash
    assert sms_before == PromptLibrary(packaged_prompts=copy).render(sms_job).template_hash
    partial = copy / "kinds" / "copy" / "sms.j2"
    partial.write_text(partial.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = PromptLibrary(packaged_prompts=copy)
    assert after.render(sms_job).template_hash != sms_before
    assert after.render(community_job).template_hash == community_before


def test_example_style_falls_back_without_examples() -> None:
    library = PromptLibrary(packaged_examples=False)
    rendered = library.render(job_for(member_day(), 0, "example"))
    assert rendered.style == "instruction" and rendered.template == "styles/instruction.j2"
    assert rendered.notes == [
        "no zh-CN examples for kind 'copy' channel 'community': fell back to instruction"
    ]
    assert "【任务单】" in rendered.messages[-1]["content"]
    hybrid = library.render(job_for(member_day(), 0, "hybrid"))
    assert hybrid.style == "hybrid" and "without examples" in hybrid.notes[0]
    assert [m["role"] for m in hybrid.messages] == ["system", "user"]


def test_example_style_renders_turn_pairs_matched_by_channel() -> None:
    library = PromptLibrary()
    brief = member_day()
    rendered = library.render(job_for(brief, first_index(brief, "copy", channel="sms"), "example"))
    roles = [m["role"] for m in rendered.messages]
    assert roles == [
        "system",
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
    ]
    assert all(e["channel"] == "sms" for e in rendered.variables["examples"])
    assert all(
        m["content"].startswith('{"title":null,"body":"【')
        for m in rendered.messages
        if m["role"] == "assistant"
    )
    assert rendered.notes == []


def test_examples_fall_back_from_channel_to_kind() -> None:
    brief = member_day()
    index = first_index(brief, "title", channel="community")  # no community title examples
    rendered = PromptLibrary().render(job_for(brief, index, "example"))
    assert rendered.style == "example"
    assert {e["channel"] for e in rendered.variables["examples"]} <= {
        "xiaohongshu",
        "push",
        "douyin",
    }


def test_examples_rotate_with_the_variant() -> None:
    brief = member_day()
    library = PromptLibrary()
    firsts = {
        library.render(job_for(brief, 0, "example", variant_index=v)).variables["examples"][0]["id"]
        for v in range(3)
    }
    assert len(firsts) == 3


def test_extra_examples_come_first() -> None:
    winner = {
        "kind": "copy",
        "channel": "community",
        "id": "ab-winner",
        "input": {"brand": "小鹿母婴"},
        "output": {"title": None, "body": "A/B 胜出文案", "hashtags": [], "cta": "回复1"},
    }
    library = PromptLibrary(extra_examples=lambda job: [winner])
    rendered = library.render(job_for(member_day(), 0, "example"))
    assert rendered.variables["examples"][0]["id"] == "ab-winner"
    assert "A/B 胜出文案" in rendered.messages[2]["content"]


def test_en_us_uses_english_examples_or_falls_back() -> None:
    brief = member_day(language="en-US")
    library = PromptLibrary()
    copy = library.render(job_for(brief, 0, "example"))
    assert copy.style == "example"
    assert "Hi neighbours" in copy.messages[2]["content"]
    poster = library.render(job_for(brief, first_index(brief, "poster"), "example"))
    assert poster.style == "instruction" and "en-US" in poster.notes[0]


def test_workspace_examples_dir_and_bad_example(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        yaml.safe_dump(
            [
                {
                    "kind": "poster",
                    "id": "ws-poster",
                    "output": {
                        "headline": "h",
                        "subheadline": "s",
                        "bullets": ["b"],
                        "cta": "c",
                        "badge": "",
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    library = PromptLibrary(examples_dirs=[tmp_path], packaged_examples=False)
    brief = member_day()
    rendered = library.render(job_for(brief, first_index(brief, "poster"), "example"))
    assert rendered.variables["examples"][0]["id"] == "ws-poster"
    (tmp_path / "bad.yaml").write_text("- kind: sonnet\n  output: {a: 1}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml"):
        PromptLibrary(examples_dirs=[tmp_path]).render(job_for(brief, 0, "example"))


# -- the packaged examples are good examples -------------------------------------------

EXAMPLES = load_examples([PACKAGED_EXAMPLES])
SHAPES = {
    "copy": {"title", "body", "hashtags", "cta"},
    "title": {"titles"},
    "poster": {"headline", "subheadline", "bullets", "cta", "badge"},
    "video_script": {"title", "cover_text", "hook", "cta", "hashtags", "duration", "shots"},
    "live_script": {"title", "minutes", "phases", "fabe", "recap"},
}
ABSOLUTE = ("最", "第一", "国家级", "顶级", "100%", "绝对", "独家", "极致")


def test_library_covers_every_kind_and_main_channel() -> None:
    have = {(e.kind, e.channel) for e in EXAMPLES}
    for channel in ("community", "moments", "sms", "xiaohongshu", "push"):
        assert ("copy", channel) in have
    assert {e.kind for e in EXAMPLES} == set(SHAPES)
    assert sum(e.kind == "copy" and e.channel == "community" for e in EXAMPLES) >= 3


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_packaged_example_is_well_formed(example: Example) -> None:
    out = example.output
    assert set(out) == SHAPES[example.kind]
    assert not any(word in yaml.safe_dump(out, allow_unicode=True) for word in ABSOLUTE)
    if example.kind == "copy":
        assert example.channel is not None
        spec = CHANNELS[example.channel]
        if spec.sms:
            assert out["body"].startswith(f"【{example.input['brand']}】")
            assert out["body"].endswith(SMS_OPT_OUT) and len(out["body"]) <= 70
        if spec.title_max and out["title"]:
            assert spec.title_length(out["title"]) <= spec.title_max
        if example.channel == "push":
            assert spec.body_max is not None
            assert weighted_len(out["body"]) <= spec.body_max
        assert len(out["hashtags"]) <= spec.hashtags_max
    if example.kind == "title":
        assert example.channel is not None
        spec = CHANNELS[example.channel]
        assert spec.title_max is not None
        assert all(spec.title_length(t["text"]) <= spec.title_max for t in out["titles"])
        assert len({t["angle"] for t in out["titles"]}) == len(out["titles"])
    if example.kind == "video_script":
        shots = out["shots"]
        assert shots[0]["start"] == 0 and shots[-1]["end"] == out["duration"]
        assert shots[0]["end"] <= 3
        for a, b in itertools.pairwise(shots):
            assert a["end"] == b["start"]
        for s in shots:
            assert len(s["voiceover"]) <= 4 * (s["end"] - s["start"])
            assert s["shot_size"] in {"特写", "近景", "中景", "全景"}
