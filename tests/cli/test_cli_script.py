"""``workbench script export`` end to end, live scripts from a brief, and video scripts
through the fake endpoint: one re-timed in place, one sent back once with its problems."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import srt
import yaml
from openpyxl import load_workbook

from workbench.cli.main import run
from workbench.kinds.common import speech_units
from workbench.testing import FakeLLMServer

KEY = "sk-test-never-stored-0123456789"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def scripts_brief(folder: Path, deliverables: list[dict[str, Any]]) -> str:
    raw = yaml.safe_load((folder / "briefs" / "member-day.yaml").read_text(encoding="utf-8"))
    raw["deliverables"] = deliverables
    path = folder / "briefs" / "scripts.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return str(path)


SCRIPTS = [
    {"kind": "video_script", "platform": "douyin", "duration": 30},
    {"kind": "video_script", "platform": "channels", "duration": 30, "audience": "customer"},
    {"kind": "live_script", "minutes": 60, "platform": "douyin"},
]


def variants(capsys: pytest.CaptureFixture[str], kind: str) -> list[dict[str, Any]]:
    code, out, _ = cli(capsys, "variants", "list", "--kind", kind, "--json")
    assert code == 0
    return list(json.loads(out))


@pytest.fixture
def generated(ws: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    brief = scripts_brief(ws, SCRIPTS)
    code, _, err = cli(capsys, "generate", brief, "--offline")
    assert code == 0, err
    return ws


def test_live_script_from_a_brief_through_offline_generation(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = variants(capsys, "live_script")
    assert len(rows) == 2 and {r["channel"] for r in rows} == {"douyin"}
    content = rows[0]["content"]
    assert [p["phase"] for p in content["phases"]] == ["开场", "爬坡", "高潮", "落幕"]
    assert content["phases"][-1]["end"] == 60 and all(content["fabe"].values())
    code, out, _ = cli(capsys, "variants", "show", str(rows[0]["id"]))
    assert code == 0 and "FABE" in out and "限时秒杀" in out


def test_video_scripts_keep_the_public_shape(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = variants(capsys, "video_script")
    assert len(rows) == 4
    for r in rows:
        c = r["content"]
        assert {"title", "cover_text", "hashtags", "duration", "shots"} <= set(c)
        for s in c["shots"]:
            assert {"start", "end", "shot_size", "visual", "voiceover", "onscreen_text",
                    "sound", "props"} <= set(s)  # fmt: skip
        if c["audience"] == "customer":
            assert len(c["shots"]) <= 5 and all(s["cue"] for s in c["shots"])


def test_export_one_variant_in_every_format(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    video = next(r for r in variants(capsys, "video_script") if r["channel"] == "douyin")
    vid = str(video["id"])
    code, out, _ = cli(capsys, "script", "export", vid, "--format", "srt")
    assert code == 0
    subtitles = list(srt.parse(out))
    assert subtitles and subtitles[-1].end.total_seconds() <= 30
    assert subtitles[0].content.replace("\n", "")  # the hook is said
    code, out, _ = cli(capsys, "script", "export", vid, "--format", "md")
    assert code == 0 and out.startswith("# ") and "| 镜号 | 时间 |" in out
    code, out, _ = cli(capsys, "script", "export", vid, "--format", "txt")
    assert code == 0 and "[0:00–0:03] 镜头 1" in out
    target = generated / "out" / "sheet.csv"
    code, _, _ = cli(capsys, "script", "export", vid, "--format", "csv", "--out", str(target))
    assert code == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(video["content"]["shots"])
    code, _, err = cli(capsys, "script", "export", vid, "--format", "xlsx")
    assert code == 2 and "give --out FILE" in err
    book_path = generated / "out" / "sheet.xlsx"
    code, _, _ = cli(capsys, "script", "export", vid, "--format", "xlsx", "--out", str(book_path))
    assert code == 0 and load_workbook(book_path).worksheets[0].max_row == len(rows)


def test_campaign_export_writes_every_script(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = generated / "exports"
    args = ["script", "export", "--campaign", "member-day-2026-03", "--out", str(folder)]
    code, out, _ = cli(capsys, *args, "--format", "md")
    assert code == 0
    files = sorted(folder.glob("*.md"))
    assert len(files) == 6 and "Exported 6 scripts" in out
    assert sum("live_script" in f.name for f in files) == 2
    code, out, err = cli(capsys, *args, "--format", "srt")
    assert code == 0 and len(list(folder.glob("*.srt"))) == 4 and "live script" in err
    for path in folder.glob("*.srt"):
        assert list(srt.parse(path.read_text(encoding="utf-8")))


def test_export_errors(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = variants(capsys, "live_script")[0]["id"]
    code, _, err = cli(capsys, "script", "export", str(live), "--format", "srt")
    assert code == 2 and "SRT subtitles are for video scripts" in err
    code, _, err = cli(capsys, "script", "export", "--format", "md")
    assert code == 2 and "give a variant id or --campaign" in err
    code, _, err = cli(capsys, "script", "export", "999999", "--format", "md")
    assert code == 3 and "not found" in err
    code, _, err = cli(capsys, "script", "export", "--campaign", "nope", "--out", "x")
    assert code == 3 and "campaign 'nope' not found; see workbench campaigns" in err


def test_speaking_rate_from_workbench_toml(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ws / "workbench.toml").read_text(encoding="utf-8")
    (ws / "workbench.toml").write_text(
        text.replace("speech_rate_zh = 4.0", "speech_rate_zh = 3.0"), encoding="utf-8"
    )
    brief = scripts_brief(ws, [SCRIPTS[0]])
    assert cli(capsys, "generate", brief, "--offline")[0] == 0
    content = variants(capsys, "video_script")[0]["content"]
    assert content["speech_rate"] == 3.0
    for s in content["shots"]:
        assert speech_units(s["voiceover"], "zh-CN") <= 3 * (s["end"] - s["start"]) + 0.05


# -- through the fake endpoint --------------------------------------------------------------
def video_answer(shots: list[tuple[float, float, str]], **kw: Any) -> str:
    answer: dict[str, Any] = {
        "title": "有机米粉怎么选",
        "cover_text": "会员日满199减50",
        "hook": "米粉怎么选？",
        "cta": "点击下单",
        "hashtags": ["辅食"],
        "duration": 15,
        "shots": [
            {"start": a, "end": b, "shot_size": "特写", "visual": "店员拿起米粉", "voiceover": vo,
             "onscreen_text": "", "sound": "", "props": "米粉盒", "cue": ""}
            for a, b, vo in shots
        ],
    }  # fmt: skip
    answer.update(kw)
    return json.dumps(answer, ensure_ascii=False)


@pytest.fixture
def endpoint_ws(ws: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return ws


def endpoint_brief(folder: Path) -> str:
    return scripts_brief(
        folder, [{"kind": "video_script", "duration": 15, "styles": ["instruction"]}]
    )


def rows_of(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "workbench.db") as db:
        return db.execute(sql).fetchall()


def test_a_script_with_broken_timing_is_retimed_and_the_repair_shown(
    endpoint_ws: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_llm.reply = video_answer(
        [(0, 5, "米粉怎么选？"), (6, 11, "先看有机认证，再看高铁配方。"), (11, 14, "点击下单！")]
    )
    args = ["--base-url", fake_llm.base_url, "--model", "fake-model"]
    code, _, err = cli(capsys, "generate", endpoint_brief(endpoint_ws), *args)
    assert code == 0, err
    assert len(fake_llm.bodies) == 2  # two segments, no repair round needed
    rows = variants(capsys, "video_script")
    shots = rows[0]["content"]["shots"]
    assert shots[0]["start"] == 0 and shots[0]["end"] <= 3 and shots[-1]["end"] == 15
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(shots))
    assert "re-timed" in rows[0]["content"]["repairs"][0]
    code, out, _ = cli(capsys, "variants", "show", str(rows[0]["id"]))
    assert code == 0 and "Automatic repairs" in out and "re-timed to tile 0-15 s" in out
    md = cli(capsys, "script", "export", str(rows[0]["id"]), "--format", "md")[1]
    assert "re-timed to tile 0-15 s" in md


def test_a_script_that_cannot_fit_is_sent_back_once_with_its_problems(
    endpoint_ws: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    good = video_answer([(0, 3, "米粉怎么选？"), (3, 11, "先看有机认证。"), (11, 15, "点击下单！")])
    too_long = video_answer([(0, 3, "米粉怎么选？"), (3, 11, "字" * 70), (11, 15, "点击下单！")])
    fake_llm.reply = good
    fake_llm.queue_replies(too_long)
    brief = scripts_brief(
        endpoint_ws,
        [{"kind": "video_script", "duration": 15, "styles": ["instruction"]}],
    )
    raw = yaml.safe_load(Path(brief).read_text(encoding="utf-8"))
    raw["segments"] = raw["segments"][:1]
    Path(brief).write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    args = ["--base-url", fake_llm.base_url, "--model", "fake-model", "--concurrency", "1"]
    code, _, err = cli(capsys, "generate", brief, *args)
    assert code == 0, err
    assert rows_of(
        endpoint_ws, "select purpose, error is not null from generations order by id"
    ) == [
        ("generate", 1),
        ("repair", 0),
    ]
    repair = fake_llm.bodies[-1]["messages"][-1]["content"]
    assert "the voice-over needs" in repair and "shots[1].voiceover: is 70 characters" in repair
    content = variants(capsys, "video_script")[0]["content"]
    assert content["shots"][1]["voiceover"] == "先看有机认证。"
