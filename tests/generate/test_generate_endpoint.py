"""Generation through the real OpenAI-compatible adapter against the local fake server:
structured outputs, the repair round, failure isolation, retries, resume after kill -9,
and several processes on one database."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import run
from workbench.llm.wire import ChatBody
from workbench.testing import FakeLLMServer

KEY = "sk-test-never-stored-0123456789"


def brief_text(
    segments: int = 2, variants: int = 2, styles: str = "[instruction, specific]"
) -> str:
    segs = "\n".join(
        f"  - {{id: seg-{i}, name: 人群{i}, description: 第{i}类顾客}}" for i in range(segments)
    )
    return f"""campaign:
  id: endpoint-test
  name: 端点测试
  brand: {{name: 小鹿母婴, banned_words: [最便宜]}}
  product: {{name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}}
segments:
{segs}
deliverables:
  - kind: copy
    channel: community
    variants: {variants}
    styles: {styles}
"""


def copy_reply(body: ChatBody) -> str:
    """A valid copy answer that differs per request."""
    last = body["messages"][-1]["content"]
    return json.dumps(
        {
            "title": None,
            "body": "有机婴儿米粉，会员日满199减50。",
            "hashtags": ["辅食", f"v{len(last) % 97}"],  # a number in the body is a claim
            "cta": "点击下单",
        },
        ensure_ascii=False,
    )


@pytest.fixture
def workspace(ws: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return ws


def write_brief(folder: Path, **kwargs: Any) -> str:
    path = folder / "briefs" / "endpoint.yaml"
    path.write_text(brief_text(**kwargs), encoding="utf-8")
    return str(path)


def endpoint_args(server: FakeLLMServer) -> list[str]:
    return ["--base-url", server.base_url, "--model", "fake-model"]


def db_rows(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "workbench.db") as db:
        return db.execute(sql).fetchall()


def test_generate_through_the_endpoint(workspace: Path, fake_llm: FakeLLMServer) -> None:
    fake_llm.reply = copy_reply
    brief = write_brief(workspace)
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 0
    rows = db_rows(workspace, "select provider, model, count(*) from variants group by 1, 2")
    assert rows == [("openai-compatible", "fake-model", 8)]
    tokens = db_rows(
        workspace, "select min(prompt_tokens), min(completion_tokens) from generations"
    )
    assert tokens[0][0] > 0 and tokens[0][1] > 0
    formats = {b["response_format"]["type"] for b in fake_llm.bodies}
    assert formats == {"json_schema"}
    assert KEY.encode() not in (workspace / "workbench.db").read_bytes()
    # a re-run makes no calls
    calls = len(fake_llm.bodies)
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 0
    assert len(fake_llm.bodies) == calls


def test_a_bad_answer_gets_one_repair_round(workspace: Path, fake_llm: FakeLLMServer) -> None:
    fake_llm.reply = copy_reply
    fake_llm.queue_replies('{"body": 42, "hashtags": "nope"}')
    brief = write_brief(workspace, segments=1, variants=1, styles="[instruction]")
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 0
    purposes = db_rows(workspace, "select purpose, error is not null from generations order by id")
    assert purposes == [("generate", 1), ("repair", 0)]
    repair = fake_llm.bodies[-1]["messages"]
    assert repair[-2]["role"] == "assistant" and repair[-2]["content"].startswith('{"body": 42')
    assert repair[-1]["role"] == "user" and "body" in repair[-1]["content"]


def test_a_job_that_fails_twice_is_recorded_and_retried_on_the_next_run(
    workspace: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.queue_replies("I cannot help with that.", "Still no JSON here.")
    brief = write_brief(workspace, segments=2, variants=1, styles="[instruction]")
    assert run(["generate", brief, "--concurrency", "1", *endpoint_args(fake_llm)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "seg-0" in err
    assert db_rows(workspace, "select status, count(*) from jobs group by 1 order by 1") == [
        ("failed", 1),
        ("ok", 1),
    ]
    raw = db_rows(workspace, "select response_text from generations where error is not null")
    assert ("Still no JSON here.",) in raw
    calls = len(fake_llm.bodies)
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 0
    assert len(fake_llm.bodies) == calls + 1  # only the failed job ran again
    assert db_rows(workspace, "select count(*) from variants") == [(2,)]


def test_rate_limits_and_server_errors_are_retried(
    workspace: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.fail_next("rate_limit", times=1, retry_after=0)
    fake_llm.fail_next("server_error", times=1)
    brief = write_brief(workspace, segments=1, variants=1, styles="[instruction]")
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 0
    assert db_rows(workspace, "select count(*) from variants") == [(1,)]


def test_a_bad_key_fails_every_job_without_a_traceback(
    workspace: Path, fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_llm.pin("fake-model", "auth")
    brief = write_brief(workspace, segments=1, variants=2, styles="[instruction]")
    assert run(["generate", brief, *endpoint_args(fake_llm)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and KEY not in err
    assert db_rows(workspace, "select status, count(*) from jobs group by 1") == [("failed", 2)]


def _ok_jobs(folder: Path) -> int:
    if not (folder / "workbench.db").exists():
        return 0
    try:
        return int(db_rows(folder, "select count(*) from jobs where status = 'ok'")[0][0])
    except sqlite3.OperationalError:  # the first process is still creating the tables
        return 0


def _cli(folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_killed_run_resumes_to_the_exact_count(workspace: Path) -> None:
    with FakeLLMServer(latency=0.05, reply=copy_reply) as server:
        brief = write_brief(workspace, segments=4, variants=10, styles="[instruction]")
        proc = _cli(workspace, "generate", brief, "--concurrency", "2", *endpoint_args(server))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # kill once some, not all, jobs are stored
            if _ok_jobs(workspace) >= 5:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        partial = db_rows(workspace, "select count(*) from variants")[0][0]
        assert 5 <= partial < 40
        resumed = _cli(workspace, "generate", brief, "--concurrency", "8", *endpoint_args(server))
        _, err = resumed.communicate(timeout=60)
        assert resumed.returncode == 0, err
    assert db_rows(
        workspace, "select count(*), count(distinct job_key || ':' || slot) from variants"
    ) == [(40, 40)]
    assert db_rows(workspace, "pragma integrity_check") == [("ok",)]


def test_two_processes_share_one_database(workspace: Path) -> None:
    with FakeLLMServer(latency=0.01, reply=copy_reply) as server:
        brief = write_brief(workspace, segments=3, variants=10, styles="[instruction]")
        procs = [
            _cli(workspace, "generate", brief, "--concurrency", "4", *endpoint_args(server))
            for _ in range(2)
        ]
        results = [p.communicate(timeout=60) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    assert db_rows(
        workspace, "select count(*), count(distinct job_key || ':' || slot) from variants"
    ) == [(30, 30)]
