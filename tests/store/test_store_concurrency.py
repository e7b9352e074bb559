"""Several processes on one file, and a SIGKILL in the middle of writing."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from store_testkit import complete_range, make_job, seed

from workbench.store import Store
from workbench.store.migrations import MIGRATIONS

HERE = Path(__file__).resolve().parent


def _open_and_close(path: Path, barrier: Any) -> None:
    barrier.wait()
    Store.open(path).close()


def _race(path: Path, start: int, stop: int, run_id: int, barrier: Any) -> None:
    barrier.wait()
    complete_range(path, start, stop, run_id)


def _run_all(target: Any, args: list[tuple[Any, ...]]) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args))
    procs = [ctx.Process(target=target, args=(*a, barrier)) for a in args]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [proc.exitcode for proc in procs] == [0] * len(procs)


def test_processes_open_a_blank_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    _run_all(_open_and_close, [(path,)] * 4)
    with Store.open(path) as store:
        rows = store._conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
        # every migration applied exactly once, in registration order
        assert [r[0] for r in rows] == [m.name for m in MIGRATIONS._migrations]


def test_racing_processes_complete_overlapping_jobs(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    with Store.open(path) as store:
        _, run_id = seed(store)
    # Jobs 0-149 and 50-199: 100 jobs completed by both, 2 variants each.
    _run_all(_race, [(path, 0, 150, run_id), (path, 50, 200, run_id)])
    with Store.open(path) as store:
        conn = store._conn

        def n(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        assert n("SELECT COUNT(*) FROM jobs WHERE status = 'ok'") == 200
        assert n("SELECT COUNT(*) FROM jobs WHERE attempts != 1") == 0
        assert n("SELECT COUNT(*) FROM variants") == 400
        assert n("SELECT COUNT(*) FROM generations") == 200
        assert n("SELECT COUNT(*) FROM reviews WHERE action = 'generate'") == 400
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {here!r})
    from pathlib import Path
    from store_testkit import make_job
    from workbench.store import Store

    store = Store.open(Path({path!r}))
    for i in range(1_000_000):
        store.variants.complete_job(*make_job(i, {run_id}, count=1 + i % 3))
        if i == 200:
            print("running", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_loop_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    with Store.open(path) as store:
        _, run_id = seed(store)
    script = KILL_SCRIPT.format(here=str(HERE), path=str(path), run_id=run_id)
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "running"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        jobs = conn.execute("SELECT key, count, status FROM jobs").fetchall()
        assert len(jobs) > 200
        assert {status for _, _, status in jobs} == {"ok"}
        per_job = dict(conn.execute("SELECT job_key, COUNT(*) FROM variants GROUP BY job_key"))
        assert per_job == {key: count for key, count, _ in jobs}
        gens = dict(conn.execute("SELECT job_key, COUNT(*) FROM generations GROUP BY job_key"))
        assert gens == {key: 1 for key, _, _ in jobs}
        orphans = conn.execute(
            "SELECT COUNT(*) FROM variants v LEFT JOIN reviews r ON r.variant_id = v.id "
            "WHERE r.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()
    with Store.open(path) as store:  # and the store opens it again
        assert len(store.variants.rows()) == sum(per_job.values())


def test_threads_share_one_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        _, run_id = seed(store)
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(
                pool.map(
                    lambda i: store.variants.complete_job(*make_job(i % 50, run_id)), range(200)
                )
            )
        assert len({tuple(ids) for ids in results}) == 50
        assert len(store.variants.rows()) == 100
