"""The real OpenAI-compatible adapter against a real LiteLLM proxy on 127.0.0.1: a brief
of 26 jobs end to end, then rate limits, 500s, garbage and truncation injected by the
proxy's hook, and ``llm test`` (usage, structured-output probe, the server's error text).

Skipped locally when the proxy is not installed; a failure (not a skip) when CI=true."""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litellm_kit import MASTER_KEY, MODEL, REPO, LiteLLMProxy, litellm_executable

from workbench.brief.loader import load_brief
from workbench.cli.main import run
from workbench.generate.runner import plan_jobs
from workbench.llm.base import LLMRequest
from workbench.llm.factory import make_provider
from workbench.prompting import PromptLibrary
from workbench.settings import LLMSettings

BRIEF = REPO / "templates" / "briefs" / "member-day.yaml"


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiteLLMProxy]:
    executable = litellm_executable()
    server = LiteLLMProxy(tmp_path_factory.mktemp("litellm")).start(executable)
    try:
        yield server
    finally:
        server.stop()


def _first_user(messages: list[dict[str, str]]) -> str:
    first = next(m for m in messages if m["role"] == "user")
    return hashlib.sha256(first["content"].encode("utf-8")).hexdigest()


def composer_answers(brief: Path) -> dict[str, str]:
    """What the offline composer answers for every job of ``brief``, by prompt."""
    loaded = load_brief(brief)
    composer = make_provider(None, LLMSettings())
    answers: dict[str, str] = {}

    async def answer_all() -> None:
        # planned as the endpoint run plans them: json_schema prompts for "openai-compatible"
        endpoint = make_provider(_config(), LLMSettings(model=MODEL))
        for p in plan_jobs(loaded, PromptLibrary(), endpoint, round=1):
            request = LLMRequest(p.prompt.messages, job=p.job.ctx, json_schema=p.schema)
            answers[_first_user(p.prompt.messages)] = (await composer.complete(request)).text

    asyncio.run(answer_all())
    return answers


def _config():  # type: ignore[no-untyped-def]
    from workbench.llm.factory import resolve_endpoint

    return resolve_endpoint(
        LLMSettings(model=MODEL), base_url="http://127.0.0.1:9/v1", api_key=MASTER_KEY
    )


@pytest.fixture
def workspace(ws: Path, monkeypatch: pytest.MonkeyPatch, proxy: LiteLLMProxy) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", MASTER_KEY)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    proxy.queue_faults()
    return ws


def generate(proxy: LiteLLMProxy, *extra: str) -> int:
    argv = ["generate", str(BRIEF), "--base-url", proxy.base_url, "--model", MODEL]
    return run([*argv, *extra])


def db_rows(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "workbench.db") as db:
        return db.execute(sql).fetchall()


def test_a_brief_of_26_jobs_generates_end_to_end(
    workspace: Path, proxy: LiteLLMProxy, capsys: pytest.CaptureFixture[str]
) -> None:
    proxy.set_answers(composer_answers(BRIEF))
    before = len(proxy.requests())
    assert generate(proxy, "-c", "4") == 0, capsys.readouterr().err
    assert db_rows(workspace, "select status, count(*) from jobs group by 1") == [("ok", 26)]
    assert db_rows(workspace, "select count(*) from variants") == [(44,)]
    kinds = {k for (k,) in db_rows(workspace, "select distinct kind from variants")}
    assert kinds == {"copy", "title", "poster", "video_script"}
    sent = proxy.requests()[before:]
    calls = db_rows(workspace, "select purpose, count(*) from generations group by 1")
    assert dict(calls)["generate"] == 26 and len(sent) == sum(n for _, n in calls)
    assert {r["response_format"] for r in sent} == {"json_schema"}
    tokens = db_rows(
        workspace, "select min(prompt_tokens), min(completion_tokens) from generations"
    )
    assert tokens[0][0] and tokens[0][1]
    assert MASTER_KEY.encode() not in (workspace / "workbench.db").read_bytes()
    assert generate(proxy) == 0 and len(proxy.requests()) == before + len(sent)  # no calls


def test_faults_from_the_proxy_are_retried_repaired_and_recorded(
    workspace: Path, proxy: LiteLLMProxy, capsys: pytest.CaptureFixture[str]
) -> None:
    proxy.set_answers(composer_answers(BRIEF))
    # one job at a time: job 1 garbage then its repair; job 2 a 429 and a 500 before its
    # answer; job 3 cut off at max_tokens, asked again with a higher cap
    proxy.queue_faults("garbage", "ok", "rate_limit", "server_error", "ok", "length")
    assert generate(proxy, "-c", "1") == 0, capsys.readouterr().err
    assert db_rows(workspace, "select status, count(*) from jobs group by 1") == [("ok", 26)]
    log = proxy.requests()
    faults = [r["do"] for r in log if r["do"]]
    assert faults[-6:] == ["garbage", "ok", "rate_limit", "server_error", "ok", "length"]
    repaired = db_rows(workspace, "select count(*) from generations where purpose = 'repair'")
    assert repaired[0][0] >= 2  # the garbage and the cut-off answer
    reasons = db_rows(
        workspace, "select finish_reason, purpose from generations where finish_reason = 'length'"
    )
    assert reasons == [("length", "generate")]
    errors = [e for (e,) in db_rows(workspace, "select error from generations") if e]
    assert any("stopped at max_tokens" in e for e in errors)
    raised = [r["max_tokens"] for r in log if r["max_tokens"]]
    assert raised == [4096]  # only the repair of the cut-off answer raised the cap


def test_llm_test_through_the_proxy(
    workspace: Path, proxy: LiteLLMProxy, capsys: pytest.CaptureFixture[str]
) -> None:
    proxy.set_answers({})
    capsys.readouterr()
    argv = ["llm", "test", "--base-url", proxy.base_url, "--model", MODEL, "--json"]
    assert run(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["usage"]["prompt_tokens"] == 120
    assert data["structured_output"]["current"] == "json_schema"
    assert data["structured_output"]["probes"][0]["mode"] == "json_schema"


def test_a_wrong_key_shows_the_proxys_own_message(
    workspace: Path,
    proxy: LiteLLMProxy,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong-key-000000000000")
    capsys.readouterr()
    assert run(["llm", "test", "--base-url", proxy.base_url, "--model", MODEL]) == 4
    err = capsys.readouterr().err
    assert "the server said:" in err and "sk-wrong-key-000000000000" not in err
