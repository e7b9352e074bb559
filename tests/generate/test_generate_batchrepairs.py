"""``generate --batch --batch-repairs`` through the fake Batch API: a garbage line gets its
repair round as a second batch (never interactively), resumable like the first; a repair
that fails too fails the job with the reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_generate_batchrun import (
    args,
    batch_args,
    db_rows,
    server,
    variants,
    workspace,
    write_brief,
)

from workbench.cli.main import run
from workbench.store import llmbatches
from workbench.testing import FakeBatchServer

__all__ = ["server", "workspace"]  # the fixtures, shared with the batch-run tests

GARBAGE = "抱歉，我不能按格式回答。"  # a line that is not JSON at all


def batches(folder: Path) -> list[tuple[Any, ...]]:
    return db_rows(
        folder, "select id, purpose, requests, collected_at is not null from llm_batches"
    )


def test_a_garbage_line_gets_its_repair_round_as_a_second_batch(
    workspace: Path, server: FakeBatchServer
) -> None:
    server.fail_next("invalid_content", content=GARBAGE)
    brief = write_brief(workspace, segments=1, variants=2)
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) == 0
    assert server.bodies == []  # nothing went to chat completions
    assert batches(workspace) == [(1, "generate", 2, 1), (2, "repair", 1, 1)]
    second = next(b for b in server.batches.values() if b.total == 1)
    (line,) = server.input_lines(second.id)
    sent = line["body"]["messages"]
    assert sent[-2] == {"role": "assistant", "content": GARBAGE}
    assert sent[:-2] == server.input_lines(next(iter(server.batches)))[0]["body"]["messages"]
    assert variants(workspace) == (2, 2)
    purposes = db_rows(
        workspace, "select purpose, attempt, count(*) from generations group by 1, 2 order by 1"
    )
    assert purposes == [("generate", 1, 2), ("repair", 2, 1)]
    stored = db_rows(workspace, "select messages_parts is not null from generations")
    assert all(row == (1,) for row in stored)
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) == 0
    assert len(server.batches) == 2  # a re-run submits nothing


def test_the_repair_batch_resumes_like_the_first(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.fail_next("invalid_content", content=GARBAGE)
    brief = write_brief(workspace, segments=1, variants=3)
    repairs = [*batch_args(server, "--batch-repairs"), "--no-wait"]
    assert run(["generate", brief, *repairs]) == 0  # submitted; the batch is still running
    assert run(["batch", "collect", "1", "--wait", "--poll-interval", "0.01", *args(server)]) == 0
    assert batches(workspace) == [(1, "generate", 3, 1), (2, "repair", 1, 0)]
    assert variants(workspace) == (2, 2)  # the garbage line's job waits in batch 2
    capsys.readouterr()
    assert run(["generate", brief, *repairs]) == 0  # waiting in batch 2: nothing submitted
    assert len(server.batches) == 2
    assert "1 in open batches · 0 submitted now" in capsys.readouterr().err
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) == 0
    assert batches(workspace) == [(1, "generate", 3, 1), (2, "repair", 1, 1)]
    assert variants(workspace) == (3, 3) and server.bodies == []


def test_killed_after_the_repair_batch_went_out_it_is_not_sent_again(
    workspace: Path, server: FakeBatchServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after submitting the repair batch, before the first batch was marked
    collected: the re-run collects the first again but leaves the job to batch 2."""
    original = llmbatches.LLMBatches.mark_collected
    kills = iter([True])

    def dies(self: Any, local_id: int) -> None:
        if local_id == 1 and next(kills, False):
            raise KeyboardInterrupt  # the process stops right here
        original(self, local_id)

    server.fail_next("invalid_content", content=GARBAGE)
    brief = write_brief(workspace, segments=1, variants=2)
    monkeypatch.setattr(llmbatches.LLMBatches, "mark_collected", dies)
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) != 0
    assert [b[:2] for b in batches(workspace)] == [(1, "generate"), (2, "repair")]
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) == 0
    assert len(server.batches) == 2 and server.bodies == []
    assert batches(workspace) == [(1, "generate", 2, 1), (2, "repair", 1, 1)]
    assert variants(workspace) == (2, 2)


def test_a_repair_that_fails_too_fails_the_job_with_the_reason(
    workspace: Path, server: FakeBatchServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.fail_next("invalid_content", content=GARBAGE)
    server.fail_next("invalid_content", content=GARBAGE)  # the one line of the repair batch
    brief = write_brief(workspace, segments=1, variants=1)
    assert run(["generate", brief, *batch_args(server, "--batch-repairs")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    failed = db_rows(workspace, "select status, attempts, error from jobs")
    assert [(s, a) for s, a, _ in failed] == [("failed", 1)]
    assert "JSON" in failed[0][2] or "json" in failed[0][2]
    assert variants(workspace) == (0, 0) and server.bodies == []
    assert json.loads(json.dumps(batches(workspace))) == [
        [1, "generate", 1, 1],
        [2, "repair", 1, 1],
    ]


def test_batch_repairs_needs_batch(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = write_brief(workspace, segments=1, variants=1)
    assert run(["generate", brief, "--offline", "--batch-repairs"]) != 0
    err = capsys.readouterr().err
    assert "--batch-repairs" in err and "Traceback" not in err
