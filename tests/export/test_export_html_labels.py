"""The HTML review export's labels in the workspace's language (#18): kinds, channels and
content fields from the catalog, items counted from 1 in zh-CN; English in en-US."""

from __future__ import annotations

from pathlib import Path

from helpers_review import variant_record

from workbench.export.exportrow import ExportRow
from workbench.export.html import field_label, write_html


def _row() -> ExportRow:
    content = {"hook": "宝妈们看过来", "shots": [{"voiceover": "先看配方"}], "cta": "点小黄车"}
    variant = variant_record(
        id=7,
        segment="new-moms",
        kind="video_script",
        channel="douyin",
        style="hybrid",
        status="in_review",
        content=content,
        lint=[],
    )
    return ExportRow(
        variant_id=7,
        uid=variant.uid,
        version=1,
        hash="abc123",
        segment="new-moms",
        kind="video_script",
        channel="douyin",
        style="hybrid",
        framework="",
        status="in_review",
        content="",
        fields=(
            ("hook", "宝妈们看过来"),
            ("shots[0].voiceover", "先看配方"),
            ("cta", "点小黄车"),
        ),
        findings="",
        finding_list=(),
        approvals="",
        worst=None,
        provider="offline",
        model="offline",
        template="",
        template_hash="",
        ruleset="",
        generated_at=variant.created_at,
        assets=(),
        raw=variant,
    )


def test_zh_cn_labels_come_from_the_catalog(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    write_html([_row()], out, "t", "s", "zh-CN")
    page = out.read_text(encoding="utf-8")
    assert "<h3>短视频脚本</h3>" in page
    assert "#7 · 抖音 · hybrid · v1" in page and "审核中" in page
    for label in ("开头钩子", "镜头[1].口播", "行动号召"):
        assert f'<span class="label">{label}</span>' in page
    for english in (">hook<", ">cta<", "shots[0]", ">video_script<", "douyin"):
        assert english not in page


def test_en_us_keeps_readable_english_and_unknown_names_stay() -> None:
    assert field_label("shots[0].voiceover", "en-US") == "shot[1].voice-over"
    assert field_label("cta", "en-US") == "call to action"
    assert field_label("phases[2].lines[0]", "zh-CN") == "环节[3].台词[1]"
    assert field_label("no_such_field", "zh-CN") == "no_such_field"
