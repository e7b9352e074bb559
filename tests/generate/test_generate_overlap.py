"""A job that is storing its answer holds no place at the gate: at concurrency 1 the next
job's request goes out while the first job's store write is still running (the runner has
two workers per place; bench/pipeline.py measures what it saves)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from test_generate_robustness import brief_text, copy_reply, make_runner, run_brief

from workbench.store.writes import Variants
from workbench.testing import FakeLLMServer

WAIT_S = 10.0  # far beyond the next request's round trip on a local server


def test_the_next_request_goes_out_while_an_answer_is_stored(
    tmp_path: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_llm.reply = copy_reply
    real = Variants.complete_job
    seen: list[int] = []

    def slow_first_write(self: Variants, *args: Any) -> list[int]:
        if not seen:  # the first job's write waits for the second job's request
            deadline = time.monotonic() + WAIT_S
            while len(fake_llm.requests) < 2 and time.monotonic() < deadline:
                time.sleep(0.01)
            seen.append(len(fake_llm.requests))
        return real(self, *args)

    monkeypatch.setattr(Variants, "complete_job", slow_first_write)
    runner, store = make_runner(tmp_path, fake_llm.base_url, concurrency=1)
    result = run_brief(runner, brief_text(segments=1, variants=3))
    assert seen and seen[0] >= 2, "the second request waited for the first job's store write"
    assert result.failed == 0 and len(fake_llm.requests) == 3
    store.close()
    with sqlite3.connect(tmp_path / "wb.db") as db:
        assert db.execute("select count(*) from variants").fetchone()[0] == 3
