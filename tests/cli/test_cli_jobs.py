"""``workbench jobs --failed`` lists the failed jobs of the last run; the campaigns' failed
count (the TUI's "Failed" column) leaves out attempts that a newer attempt superseded."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.store import Store
from workbench.testing import FakeLLMServer

KEY = "sk-jobs-test-0000000000"
BRIEF = """campaign:
  id: jobs-test
  name: 任务测试
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: seg-0, name: 人群0, description: 第0类顾客}
  - {id: seg-1, name: 人群1, description: 第1类顾客}
deliverables:
  - kind: copy
    channel: community
    variants: 1
    styles: [instruction]
"""
GOOD = json.dumps(
    {"title": None, "body": "有机婴儿米粉，会员日满199减50。", "hashtags": [], "cta": "点击下单"},
    ensure_ascii=False,
)


@pytest.fixture
def failed_once(ws: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    (ws / "briefs" / "jobs.yaml").write_text(BRIEF, encoding="utf-8")
    fake_llm.reply = GOOD
    fake_llm.queue_replies("I cannot help with that.", "Still no JSON here.")
    argv = ["generate", "briefs/jobs.yaml", "-c", "1", "--base-url", fake_llm.base_url]
    assert run([*argv, "--model", "fake-model"]) == 1
    return ws


def test_jobs_failed_lists_the_failed_job_of_the_last_run(
    failed_once: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["jobs", "--failed", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["campaign"] == "jobs-test"
    assert [(j["segment_id"], j["status"], j["attempts"]) for j in data["jobs"]] == [
        ("seg-0", "failed", 1)
    ]
    assert data["jobs"][0]["error"]  # the validation problem the repair did not fix
    assert run(["jobs", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["jobs"]) == 2
    assert run(["jobs", "--failed"]) == 0
    out, err = capsys.readouterr()
    assert "Failed jobs" not in err and "1 failed jobs" in out and "seg-0" in out
    assert "seg-1" not in out and "Retry" in err


def test_jobs_without_runs_and_an_unknown_run(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["jobs", "--failed"]) == 0
    assert "No runs yet" in capsys.readouterr().out
    assert run(["jobs", "--run", "42"]) == 3
    assert "run 42 not found" in capsys.readouterr().err


def test_a_superseded_failure_is_not_counted(
    failed_once: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(failed_once / "workbench.db") as store:
        (campaign,) = store.variants.campaigns()
        assert campaign["jobs"]["failed"] == 1
    # another model: new job keys for the same slots; the failed slot now succeeds
    argv = ["generate", "briefs/jobs.yaml", "--base-url", fake_llm.base_url]
    assert run([*argv, "--model", "other-model"]) == 0
    with sqlite3.connect(failed_once / "workbench.db") as db:
        assert db.execute("select count(*) from jobs where status = 'failed'").fetchone() == (1,)
    with Store.open(failed_once / "workbench.db") as store:
        (campaign,) = store.variants.campaigns()
        assert campaign["jobs"]["failed"] == 0 and campaign["jobs"]["ok"] == 3
        assert store.runs.failed_counts() == {}
    assert run(["jobs", "--failed"]) == 0
    assert "no failed jobs" in capsys.readouterr().out
