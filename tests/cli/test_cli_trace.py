"""Traceability: ``prompts render`` shows exactly what ``generate`` sends and stores, and
bad workspace settings are one-line errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.store.promptparts import unpack
from workbench.testing import FakeLLMServer

REPLY = json.dumps(
    {"title": None, "body": "有机婴儿米粉，会员日满199减50。", "hashtags": [], "cta": "下单"},
    ensure_ascii=False,
)


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-trace-test-000000")


def test_rendered_prompt_is_what_was_sent_and_stored(
    ws: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_llm.reply = REPLY
    endpoint = ["--base-url", fake_llm.base_url, "--model", "fake-model"]
    brief = "briefs/member-day.yaml"
    only = "segment=dormant-vip,deliverable=0,style=example"
    assert run(["generate", brief, "--only", only, "--concurrency", "1", *endpoint]) == 0
    sent = fake_llm.bodies[0]["messages"]
    capsys.readouterr()
    assert (
        run(
            [
                "prompts",
                "render",
                brief,
                "--segment",
                "dormant-vip",
                "--deliverable",
                "0",
                "--style",
                "example",
                "--json",
                *endpoint,
            ]
        )
        == 0
    )
    rendered = json.loads(capsys.readouterr().out)
    assert rendered["messages"] == sent
    with sqlite3.connect(ws / "workbench.db") as db:
        parts, template, digest = db.execute(
            "select messages_parts, template, template_hash from generations order by id limit 1"
        ).fetchone()
        stored, _ = unpack(db, parts, None)  # content-addressed prompt parts (issue 16)
    assert stored == sent
    assert template == rendered["template"] and digest == rendered["template_hash"]


def test_a_workspace_template_override_changes_the_prompt_and_the_key(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = "briefs/member-day.yaml"
    only = ["--only", "segment=new-moms,deliverable=0,style=agent"]
    assert run(["generate", brief, *only]) == 0
    override = ws / "prompts" / "frameworks" / "aida.j2"
    override.parent.mkdir(parents=True)
    override.write_text("AIDA, but shorter.\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["prompts", "list", "--json"]) == 0
    origins = {t["name"]: t["origin"] for t in json.loads(capsys.readouterr().out)}
    assert origins["frameworks/aida.j2"] == "workspace"
    assert run(["generate", brief, *only]) == 0  # new template hash: the jobs run again
    with sqlite3.connect(ws / "workbench.db") as db:
        hashes = {h for (h,) in db.execute("select distinct template_hash from generations")}
        parts = db.execute("select messages_parts from generations order by id desc").fetchone()
        messages, _ = unpack(db, parts[0], None)
    assert len(hashes) == 2
    assert messages is not None and "AIDA, but shorter." in json.dumps(messages)


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[llm]\ntemprature = 0.5\n", "workbench.toml:2: llm.temprature:"),
        ("[generate]\nconcurrency = 0\n", "workbench.toml:2: generate.concurrency:"),
        ("[llm\n", "workbench.toml:1: TOML syntax error"),
    ],
)
def test_bad_settings_are_one_line_errors(
    ws: Path, capsys: pytest.CaptureFixture[str], toml: str, expected: str
) -> None:
    (ws / "workbench.toml").write_text(toml, encoding="utf-8")
    capsys.readouterr()
    assert run(["generate", "briefs/member-day.yaml"]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1, err
    assert not (ws / "workbench.db").exists()
