"""``generate --batch`` through the fake Batch API: one batch per run, the interactive
request bodies, resumable waits (kill -9 while polling), faults (a failed batch, expired
lines, an error file, a slow completion), the interactive repair round, cancel."""

from __future__ import annotations

import json
import re
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
from workbench.store import llmbatches
from workbench.testing import FakeBatchServer, FakeLLMServer

KEY = "sk-test-never-stored-0123456789"


def copy_reply(body: ChatBody) -> str:
    """A valid copy answer; the hashtag differs per prompt (a letter, never a number)."""
    last = body["messages"][-1]["content"]
    return json.dumps(
        {
            "title": None,
            "body": "有机婴儿米粉，会员日满199减50。",
            "hashtags": ["辅食", "abcdefghij"[len(last) % 10]],
            "cta": "点击下单",
        },
        ensure_ascii=False,
    )


def brief_text(segments: int = 2, variants: int = 3) -> str:
    segs = "\n".join(
        f"  - {{id: seg-{i}, name: 人群{i}, description: 第{i}类顾客}}" for i in range(segments)
    )
    return f"""campaign:
  id: batch-test
  name: 批量测试
  brand: {{name: 小鹿母婴}}
  product: {{name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}}
segments:
{segs}
deliverables:
  - kind: copy
    channel: community
    variants: {variants}
    styles: [instruction]
"""


@pytest.fixture
def workspace(ws: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return ws


@pytest.fixture
def server() -> Any:
    with FakeBatchServer(reply=copy_reply) as srv:
        yield srv


def write_brief(folder: Path, **kwargs: Any) -> str:
    path = folder / "briefs" / "batch.yaml"
    path.write_text(brief_text(**kwargs), encoding="utf-8")
    return str(path)


def args(srv: FakeLLMServer, *extra: str) -> list[str]:
    return ["--base-url", srv.base_url, "--model", "fake-model", *extra]


def batch_args(srv: FakeLLMServer, *extra: str) -> list[str]:
    return ["--batch", "--poll-interval", "0.01", *args(srv, *extra)]


def db_rows(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "workbench.db") as db:
        return db.execute(sql).fetchall()


def variants(folder: Path) -> tuple[int, int]:
    found = db_rows(folder, "select count(*), count(distinct job_key || ':' || slot) from variants")
    return found[0][0], found[0][1]


def test_one_batch_stores_every_variant_and_a_rerun_submits_nothing(
    workspace: Path, server: FakeBatchServer
) -> None:
    brief = write_brief(workspace)
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert len(server.batches) == 1
    assert variants(workspace) == (6, 6)
    (batch,) = server.batches.values()
    lines = server.input_lines(batch.id)
    keys = {k for (k,) in db_rows(workspace, "select key from jobs where status = 'ok'")}
    assert {line["custom_id"] for line in lines} == keys
    assert {(line["method"], line["url"]) for line in lines} == {("POST", "/v1/chat/completions")}
    assert batch.completion_window == "24h" and batch.endpoint == "/v1/chat/completions"
    assert server.bodies == []  # nothing went through the interactive endpoint
    stored = db_rows(workspace, "select batch_id, input_file_id, status from llm_batches")
    assert stored == [(batch.id, batch.input_file_id, "completed")]
    assert db_rows(workspace, "select count(*) from llm_batch_jobs") == [(0,)]  # collected
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert len(server.batches) == 1 and len(server.files) == 2  # input + output only
    assert KEY.encode() not in (workspace / "workbench.db").read_bytes()


def test_batch_bodies_are_what_the_interactive_path_sends(
    workspace: Path, server: FakeBatchServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = write_brief(workspace)
    assert run(["generate", brief, *batch_args(server)]) == 0
    (batch,) = server.batches.values()
    batch_bodies = {
        line["custom_id"]: json.dumps(line["body"], sort_keys=True)
        for line in server.input_lines(batch.id)
    }
    other = tmp_path / "other"
    assert run(["init", str(other)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(other))
    monkeypatch.chdir(other)
    with FakeLLMServer(reply=copy_reply) as chat:
        assert run(["generate", brief, "--concurrency", "1", *args(chat)]) == 0
        interactive = sorted(json.dumps(b, sort_keys=True) for b in chat.bodies)
    assert sorted(batch_bodies.values()) == interactive
    assert '"response_format"' in interactive[0] and '"stream": false' in interactive[0]


def test_a_line_that_fails_parsing_gets_its_repair_round_interactively(
    workspace: Path, server: FakeBatchServer
) -> None:
    server.fail_next("invalid_content", content='{"body": 42}')
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert variants(workspace) == (2, 2)
    assert len(server.bodies) == 1  # the one repair went to chat completions
    repair = server.bodies[0]["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"body": 42}'}
    purposes = db_rows(workspace, "select purpose, count(*) from generations group by 1")
    assert purposes == [("generate", 2), ("repair", 1)]


def test_a_failed_batch_records_every_job_failed_with_the_providers_error(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.fail_batch()
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "the model is not available for batch" in captured.err
    errors = db_rows(workspace, "select status, error from jobs")
    assert [s for s, _ in errors] == ["failed", "failed"]
    assert all("invalid_request: the model is not available for batch" in e for _, e in errors)
    assert variants(workspace) == (0, 0)
    # the failed jobs go out again in a new batch on the next run
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert len(server.batches) == 2 and variants(workspace) == (2, 2)


def test_expired_lines_are_failed_with_the_providers_error(
    workspace: Path, server: FakeBatchServer
) -> None:
    server.expire_lines(2)
    brief = write_brief(workspace, segments=2, variants=3)
    assert run(["generate", brief, *batch_args(server)]) == 1
    assert variants(workspace) == (4, 4)
    failed = db_rows(workspace, "select error from jobs where status = 'failed'")
    assert len(failed) == 2
    assert all("batch_expired" in e and "completion window expired" in e for (e,) in failed)
    assert db_rows(workspace, "select status from llm_batches") == [("expired",)]


def test_error_file_lines_are_failed_with_their_status(
    workspace: Path, server: FakeBatchServer
) -> None:
    server.error_lines(1)
    brief = write_brief(workspace, segments=1, variants=3)
    assert run(["generate", brief, *batch_args(server)]) == 1
    assert variants(workspace) == (2, 2)
    (error,) = db_rows(workspace, "select error from jobs where status = 'failed'")[0]
    assert "HTTP 500" in error and "The server had an error" in error


def test_no_wait_submits_and_batch_collect_stores_later(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.hold()  # a slow completion
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server, "--no-wait")]) == 0
    assert "batch collect 1" in capsys.readouterr().err
    assert variants(workspace) == (0, 0)
    assert run(["batch", "list", "--open", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["batches"]
    assert [(b["id"], b["collected_at"]) for b in listed] == [(1, None)]
    # still running: a re-run neither submits again nor waits forever with --no-wait
    assert run(["generate", brief, *batch_args(server, "--no-wait")]) == 0
    assert len(server.batches) == 1
    server.release()
    assert run(["batch", "collect", "1", "--wait", "--poll-interval", "0.01", *args(server)]) == 0
    assert variants(workspace) == (2, 2)
    assert run(["batch", "collect", "1", *args(server)]) != 0  # collected already
    assert "collected already" in capsys.readouterr().err


def test_cancel_an_open_batch(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.hold()
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server, "--no-wait")]) == 0
    assert run(["batch", "cancel", "1", *args(server)]) == 0
    assert "cancelling" in capsys.readouterr().out
    assert run(["batch", "collect", "1", "--wait", "--poll-interval", "0.01", *args(server)]) == 1
    assert db_rows(workspace, "select status from llm_batches") == [("cancelled",)]
    assert db_rows(workspace, "select count(*) from jobs where status = 'failed'") == [(2,)]


def test_shards_split_at_the_configured_request_limit(
    workspace: Path, server: FakeBatchServer
) -> None:
    with (workspace / "workbench.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[llm.batch]\nmax_requests = 4\n")
    brief = write_brief(workspace, segments=2, variants=3)
    assert run(["generate", brief, *batch_args(server)]) == 0
    sizes = sorted(b.total for b in server.batches.values())
    assert sizes == [2, 4]
    assert variants(workspace) == (6, 6)


def test_a_batch_created_by_a_killed_process_is_adopted_not_resubmitted(
    workspace: Path, server: FakeBatchServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between the provider creating the batch and the store recording its id: the
    re-run finds it by the tag in its metadata."""
    original = llmbatches.LLMBatches.update

    def dies(self: Any, local_id: int, **fields: Any) -> None:
        if "batch_id" in fields:
            raise KeyboardInterrupt  # the process stops right here
        original(self, local_id, **fields)

    monkeypatch.setattr(llmbatches.LLMBatches, "update", dies)
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server)]) != 0
    assert len(server.batches) == 1
    assert db_rows(workspace, "select status, batch_id from llm_batches") == [("submitting", None)]
    monkeypatch.setattr(llmbatches.LLMBatches, "update", original)
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert len(server.batches) == 1
    assert variants(workspace) == (2, 2)


def test_batch_needs_an_endpoint(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = write_brief(workspace, segments=1, variants=1)
    assert run(["generate", brief, "--batch", "--offline"]) != 0
    err = capsys.readouterr().err
    assert "--batch needs an OpenAI-compatible endpoint" in err and "Traceback" not in err
    assert db_rows(workspace, "select count(*) from llm_batches") == [(0,)]


def test_mode_batch_in_the_settings(workspace: Path, server: FakeBatchServer) -> None:
    toml = workspace / "workbench.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("[llm]\n", '[llm]\nmode = "batch"\n', 1), encoding="utf-8")
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, "--poll-interval", "0.01", *args(server)]) == 0
    assert len(server.batches) == 1 and server.bodies == []


# -- the done-when: 300 jobs, kill -9 while polling ------------------------------


def _cli(folder: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", *argv],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _polls(srv: FakeBatchServer) -> int:
    return sum(
        1 for r in list(srv.requests) if r.method == "GET" and r.path.startswith("/v1/batches/")
    )


def test_300_jobs_killed_while_polling_resume_to_one_batch_and_every_variant_once(
    workspace: Path, server: FakeBatchServer
) -> None:
    brief = write_brief(workspace, segments=10, variants=30)
    server.hold()
    proc = _cli(workspace, "generate", brief, *batch_args(server))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _polls(server) < 3 and proc.poll() is None:
        time.sleep(0.05)
    assert _polls(server) >= 3, proc.communicate(timeout=10)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert len(server.batches) == 1
    (batch,) = server.batches.values()
    assert batch.total == 300
    recorded = db_rows(workspace, "select batch_id, status, collected_at from llm_batches")
    assert recorded == [(batch.id, "in_progress", None)]
    assert variants(workspace) == (0, 0)
    server.release()
    resumed = _cli(workspace, "generate", brief, *batch_args(server))
    _, err = resumed.communicate(timeout=180)
    assert resumed.returncode == 0, err
    assert len(server.batches) == 1
    assert variants(workspace) == (300, 300)
    assert db_rows(workspace, "select count(*) from jobs where status = 'ok'") == [(300,)]
    again = _cli(workspace, "generate", brief, *batch_args(server))
    _, err = again.communicate(timeout=180)
    assert again.returncode == 0, err
    assert "0 submitted now" in err
    assert len(server.batches) == 1 and variants(workspace) == (300, 300)
    assert db_rows(workspace, "pragma integrity_check") == [("ok",)]


def test_dry_run_estimates_tokens_and_cost_and_writes_nothing(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    with (workspace / "workbench.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[llm.prices]\ninput = 4.0\noutput = 16.0\nbatch_factor = 0.5\n")
    brief = write_brief(workspace, segments=2, variants=3)
    assert run(["generate", brief, "--dry-run", *batch_args(server)]) == 0
    err = capsys.readouterr().err
    tokens = re.search(r"6 jobs to make: about ([\d,]+) input tokens and ([\d,]+) output", err)
    assert tokens is not None, err
    inputs, outputs = (int(g.replace(",", "")) for g in tokens.groups())
    assert inputs > 6 * 300 and outputs > 0
    cost = re.search(r"Estimated cost: ([\d.]+) CNY interactive · ([\d.]+) CNY batch", err)
    assert cost is not None, err
    full = (inputs * 4.0 + outputs * 16.0) / 1e6
    assert float(cost.group(1)) == pytest.approx(full, abs=1e-4)
    assert float(cost.group(2)) == pytest.approx(full / 2, abs=1e-4)
    assert server.batches == {} and server.bodies == []
    assert not (workspace / "workbench.db").exists()  # nothing written


def test_fresh_batch_run_is_a_new_round_collected_in_full(
    workspace: Path, server: FakeBatchServer
) -> None:
    brief = write_brief(workspace)
    assert run(["generate", brief, *batch_args(server)]) == 0
    assert run(["generate", brief, *batch_args(server, "--fresh")]) == 0
    assert len(server.batches) == 2
    rounds = db_rows(
        workspace, "select round, count(*) from jobs where status = 'ok' group by 1 order by 1"
    )
    assert [n for _, n in rounds] == [6, 6] and rounds[1][0] > rounds[0][0]
    assert variants(workspace) == (12, 12)


def test_batch_collect_reads_the_answers_from_a_results_file(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """``batch collect ID --from FILE``: the answers of a batch run elsewhere (vllm
    run-batch, Ray Data) from disk; the provider is never asked for them."""
    server.hold()  # the provider never finishes: the answers come from the file
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server, "--no-wait")]) == 0
    (batch,) = server.batches.values()
    lines = []
    for request in server.input_lines(batch.id):
        completion = {"choices": [{"message": {"content": copy_reply(request["body"])}}]}
        response = {"status_code": 200, "body": completion}
        lines.append(json.dumps({"custom_id": request["custom_id"], "response": response}))
    bad = workspace / "bad.jsonl"
    bad.write_text(lines[0] + "\n{}\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["batch", "collect", "1", "--from", str(bad), *args(server)]) == 2
    assert f"{bad}:2: custom_id: a result line without custom_id" in capsys.readouterr().err
    assert variants(workspace) == (0, 0)  # nothing stored from a file that does not read
    good = workspace / "out.jsonl"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    asked = len(server.requests)
    assert run(["batch", "collect", "1", "--from", str(good), *args(server)]) == 0
    assert variants(workspace) == (2, 2)
    assert len(server.requests) == asked  # no status, no download
    assert db_rows(workspace, "select status, collected_at is not null from llm_batches") == [
        ("completed", 1)
    ]
