"""The runner against what real servers do: a worker exception never hangs the run, a dead
endpoint stops the batch early, busy endpoints lower the concurrency (AIMD), a rejected
response_format falls back once, a cut-off answer is repaired with a higher max_tokens."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from workbench.brief.loader import load_brief_text
from workbench.cli.main import run
from workbench.errors import StoreError
from workbench.generate.runner import BatchResult, BatchRunner, NullObserver, RunOptions
from workbench.llm.factory import resolve_endpoint
from workbench.llm.openai_compat import OpenAICompatProvider
from workbench.llm.wire import ChatBody
from workbench.prompting import PromptLibrary
from workbench.settings import LLMSettings
from workbench.store import Store
from workbench.store.writes import Variants
from workbench.testing import FakeLLMServer

KEY = "sk-test-never-stored-0123456789"
HANG_GUARD_S = 90  # far beyond any clean end: only a hang reaches it


def brief_text(segments: int = 2, variants: int = 10) -> str:
    segs = "\n".join(
        f"  - {{id: seg-{i}, name: 人群{i}, description: 第{i}类顾客}}" for i in range(segments)
    )
    return f"""campaign:
  id: robust
  name: 健壮性
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


def copy_reply(body: ChatBody) -> str:
    last = body["messages"][-1]["content"]
    return json.dumps(
        {
            "title": None,
            "body": f"有机婴儿米粉，会员日满199减50。({len(last) % 97})",
            "hashtags": ["辅食"],
            "cta": "点击下单",
        },
        ensure_ascii=False,
    )


class Recorder(NullObserver):
    def __init__(self) -> None:
        self.notices: list[tuple[str, dict[str, Any]]] = []

    def notice(self, key: str, values: Any) -> None:
        self.notices.append((key, dict(values)))


async def no_sleep(seconds: float) -> None:
    return None


def make_runner(
    tmp_path: Path,
    base_url: str,
    *,
    concurrency: int = 2,
    observer: Recorder | None = None,
    **llm: Any,
) -> tuple[BatchRunner, Store]:
    settings = LLMSettings(**{"model": "fake-model", "timeout": 5.0, "max_retries": 0, **llm})
    config = resolve_endpoint(settings, base_url=base_url, api_key=KEY)
    assert config is not None
    provider = OpenAICompatProvider(config, settings, backoff_base=0.0, sleep=no_sleep)
    store = Store.open(tmp_path / "wb.db")
    runner = BatchRunner(
        store,
        provider,
        RunOptions(concurrency=concurrency),
        observer=observer,
        wall_clock=lambda: datetime(2026, 3, 1, 14, 2, 30),
    )
    return runner, store


def run_brief(runner: BatchRunner, text: str) -> BatchResult:
    loaded = load_brief_text(text, "robust.yaml")
    return asyncio.run(runner.run([loaded], PromptLibrary()))


def in_thread(target: Any) -> dict[str, Any]:
    """Run ``target`` in a daemon thread; a hang shows up as ``alive`` (never blocks pytest)."""
    box: dict[str, Any] = {}

    def body() -> None:
        try:
            box["value"] = target()
        except BaseException as exc:  # handed to the test to assert on
            box["error"] = exc

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_S)
    box["alive"] = thread.is_alive()
    return box


@pytest.fixture
def workspace(ws: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    toml = ws / "workbench.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("max_retries = 3", "max_retries = 0"),
        encoding="utf-8",
    )
    (ws / "briefs" / "robust.yaml").write_text(brief_text(), encoding="utf-8")
    return ws


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- 1. a worker exception ends the run ---------------------------------------------------


def test_a_store_error_in_a_worker_ends_the_run_with_one_line(
    workspace: Path,
    fake_llm: FakeLLMServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake_llm.reply = copy_reply
    real = Variants.complete_job
    calls = {"n": 0}

    def flaky(self: Variants, *args: Any) -> list[int]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError("could not save to the database: disk I/O error")
        return real(self, *args)

    monkeypatch.setattr(Variants, "complete_job", flaky)
    argv = ["generate", "briefs/robust.yaml", "-c", "2", "--base-url", fake_llm.base_url]
    box = in_thread(lambda: run([*argv, "--model", "fake-model"]))
    assert not box["alive"], "generate hung after a worker exception"
    assert box.get("value") == 1, box
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if "generate stopped" in line]
    assert len(lines) == 1
    assert "disk I/O error" in lines[0] and "jobs not started; re-run to continue" in lines[0]
    with sqlite3.connect(workspace / "workbench.db") as db:
        status, counts = db.execute("select status, counts from runs").fetchone()
    assert status == "failed" and json.loads(counts)["failed"] == 1


def test_a_held_database_lock_ends_the_run(
    tmp_path: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbench.store.db as db_module

    monkeypatch.setattr(db_module, "PRAGMAS", ("PRAGMA busy_timeout = 200",))
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.2)
    runner, store = make_runner(tmp_path, fake_llm.base_url, concurrency=2)
    holder = sqlite3.connect(tmp_path / "wb.db", isolation_level=None, check_same_thread=False)
    held = threading.Event()

    def reply(body: ChatBody) -> str:
        if not held.is_set():  # another process takes the write lock mid-run
            holder.execute("BEGIN IMMEDIATE")
            held.set()
        return copy_reply(body)

    fake_llm.reply = reply
    box = in_thread(lambda: run_brief(runner, brief_text()))
    holder.execute("ROLLBACK")
    holder.close()
    assert not box["alive"], "generate hung on a held database lock"
    error = box.get("error")
    assert error is not None and type(error).__name__ == "RunAborted", box
    assert "database is busy" in str(error) and "re-run to continue" in str(error)
    assert "\n" not in str(error)
    store.close()


# -- 6. a dead endpoint stops the batch early ---------------------------------------------


def test_a_dead_endpoint_stops_after_a_few_connection_failures(tmp_path: Path) -> None:
    runner, store = make_runner(tmp_path, f"http://127.0.0.1:{free_port()}/v1", concurrency=1)
    result = run_brief(runner, brief_text(segments=2, variants=10))
    assert result.stopped == "endpoint unreachable since 14:02"
    assert result.failed == 3 and result.not_started == 17
    run_row = store.runs.rows()[0]
    assert run_row["status"] == "failed" and run_row["counts"]["not_started"] == 17
    store.close()


def test_the_cli_says_unreachable_once_and_how_to_continue(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = f"http://127.0.0.1:{free_port()}/v1"
    argv = ["generate", "briefs/robust.yaml", "-c", "1", "--base-url", base, "--model", "m"]
    assert run(argv) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "endpoint unreachable since" in line]
    assert len(lines) == 1 and "17 jobs not started; re-run to continue" in lines[0]


def test_answers_between_failures_keep_the_batch_going(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.fail_next("server_error", times=6)  # the endpoint answers: it is not dead
    runner, store = make_runner(tmp_path, fake_llm.base_url, concurrency=1)
    result = run_brief(runner, brief_text(segments=1, variants=10))
    assert result.stopped is None and result.failed == 6 and result.not_started == 0
    store.close()


# -- 5. busy endpoints: AIMD ----------------------------------------------------------------


def test_503s_halve_the_concurrency_and_say_so(tmp_path: Path, fake_llm: FakeLLMServer) -> None:
    fake_llm.reply = copy_reply
    fake_llm.latency = 0.02
    fake_llm.fail_next("status", times=2, status=503, message="no free slot")
    recorder = Recorder()
    runner, store = make_runner(
        tmp_path, fake_llm.base_url, concurrency=8, observer=recorder, max_retries=2
    )
    result = run_brief(runner, brief_text(segments=2, variants=12))
    assert result.failed == 0
    changes = [v for k, v in recorder.notices if k == "generate.concurrency"]
    assert changes[0] == {"old": 8, "new": 4} and changes[1] == {"old": 4, "new": 2}
    assert any(c["new"] > c["old"] for c in changes[2:])  # additive increase afterwards
    store.close()


# -- 2. a rejected response_format falls back once -------------------------------------------


def test_a_rejected_json_schema_falls_back_once_and_is_recorded(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.reject_formats = {"json_schema"}
    recorder = Recorder()
    runner, store = make_runner(
        tmp_path, fake_llm.base_url, concurrency=4, observer=recorder, max_retries=3
    )
    result = run_brief(runner, brief_text(segments=2, variants=6))
    assert result.failed == 0 and sum(o.status == "ok" for o in result.outcomes) == 12
    types = [b["response_format"]["type"] for b in fake_llm.bodies]
    rejected = [t for t in types if t == "json_schema"]
    assert 1 <= len(rejected) <= 4  # the requests already in flight, never retried
    assert types.count("json_object") == 12
    assert ("generate.fallback", {"old": "json_schema", "new": "json_object"}) in recorder.notices
    notes = store.runs.notes(result.run_ids[0])
    assert [(n["event"], n["from"], n["to"]) for n in notes] == [
        ("structured_output_fallback", "json_schema", "json_object")
    ]
    # re-planned: the json_object prompt spells the schema out, the json_schema one did not
    first = json.dumps(fake_llm.bodies[0]["messages"], ensure_ascii=False)
    last = json.dumps(fake_llm.bodies[-1]["messages"], ensure_ascii=False)
    assert "JSON Schema" not in first and "JSON Schema" in last
    store.close()


# -- 4. finish_reason length ---------------------------------------------------------------


def test_a_cut_off_answer_is_asked_again_with_a_higher_max_tokens(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.fail_next("length")
    runner, store = make_runner(tmp_path, fake_llm.base_url, concurrency=1, max_tokens=300)
    result = run_brief(runner, brief_text(segments=1, variants=1))
    assert result.failed == 0
    assert [b.get("max_tokens") for b in fake_llm.bodies] == [300, 600]
    rows = store._conn.execute(
        "select finish_reason, error from generations order by id"
    ).fetchall()
    assert rows[0] == ("length", rows[0][1]) and "stopped at max_tokens 300" in rows[0][1]
    assert rows[1] == ("stop", None)
    store.close()


def test_twice_cut_off_fails_with_stopped_at_max_tokens(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.reply = copy_reply
    fake_llm.fail_next("length", times=2)
    runner, store = make_runner(tmp_path, fake_llm.base_url, concurrency=1)
    result = run_brief(runner, brief_text(segments=1, variants=1))
    (outcome,) = result.outcomes
    assert outcome.status == "failed"
    assert outcome.error is not None and outcome.error.startswith("stopped at max_tokens 4096")
    assert "invalid JSON" not in outcome.error
    assert [b.get("max_tokens") for b in fake_llm.bodies] == [None, 4096]
    store.close()


# -- 9. streaming without usage --------------------------------------------------------------


def test_a_stream_without_usage_stores_estimated_tokens(tmp_path: Path) -> None:
    class Watching(NullObserver):
        wants_tokens = True

    with FakeLLMServer(reply=copy_reply, stream_usage=False) as server:
        settings = LLMSettings(model="fake-model", timeout=5.0, max_retries=0, stream=True)
        config = resolve_endpoint(settings, base_url=server.base_url, api_key=KEY)
        assert config is not None
        store = Store.open(tmp_path / "wb.db")
        runner = BatchRunner(
            store, OpenAICompatProvider(config, settings), RunOptions(), Watching()
        )
        result = run_brief(runner, brief_text(segments=1, variants=2))
        assert all(b.get("stream") for b in server.bodies)
    assert result.failed == 0 and all(o.tokens > 0 for o in result.outcomes)
    rows = store._conn.execute(
        "select prompt_tokens, completion_tokens, tokens_estimated from generations"
    ).fetchall()
    assert rows and all(p > 0 and c > 0 and est == 1 for p, c, est in rows)
    store.close()
