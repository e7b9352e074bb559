"""The audit and the variants survive INSERT OR REPLACE; killed runs become interrupted."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_guards import CAMPAIGN, open_store, small_workspace

from workbench.store import Store
from workbench.store.db import write_txn


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    folder = small_workspace(tmp_path, monkeypatch)
    return open_store(folder)


def test_insert_or_replace_cannot_rewrite_the_audit(store: Store) -> None:
    row = store._conn.execute("SELECT id, actor FROM reviews ORDER BY id LIMIT 1").fetchone()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store._conn.execute(
            "INSERT OR REPLACE INTO reviews (id, campaign_id, actor, action, created_at) "
            "VALUES (?, ?, 'mallory', 'approve', 'x')",
            (row[0], CAMPAIGN),
        )
    assert (
        store._conn.execute("SELECT actor FROM reviews WHERE id = ?", (row[0],)).fetchone()[0]
        == row[1]
    )


def test_variants_cannot_be_replaced_rewritten_or_deleted(store: Store) -> None:
    v = store.variants.rows(campaign=CAMPAIGN)[0]
    conn = store._conn
    with pytest.raises(sqlite3.IntegrityError, match="cannot be replaced"):
        conn.execute(
            "INSERT OR REPLACE INTO variants (id, uid, job_key, slot, campaign_id, kind, "
            "content, created_at, updated_at) VALUES (?, 'zz', 'k', 9, ?, 'title', '{}', 'x', "
            "'x')",
            (v.id, CAMPAIGN),
        )
    with pytest.raises(sqlite3.IntegrityError, match="never updated"):
        conn.execute("UPDATE variants SET content = '{}' WHERE id = ?", (v.id,))
    with pytest.raises(sqlite3.IntegrityError, match="kept for the audit"):
        conn.execute("DELETE FROM variants WHERE id = ?", (v.id,))
    # a repeated (job_key, slot, version) is dropped, REPLACE or not
    conn.execute(
        "INSERT OR REPLACE INTO variants (uid, job_key, slot, version, campaign_id, kind, "
        "content, created_at, updated_at) VALUES ('new-uid', ?, ?, ?, ?, 'title', '{}', 'x', "
        "'x')",
        (v.job_key, v.slot, v.version, CAMPAIGN),
    )
    assert store.variants.get(v.id).content == v.content
    # status and lint changes still work (review actions, relint)
    conn.execute("UPDATE variants SET lint = '[]' WHERE id = ?", (v.id,))


def test_a_killed_run_is_marked_interrupted_by_the_next_one(store: Store) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)
    with write_txn(store._conn) as conn:
        conn.execute(
            "INSERT INTO runs (campaign_id, status, started_at, counts, pid, host) "
            "VALUES (?, 'running', 'x', '{}', ?, ?)",
            (CAMPAIGN, pid, __import__("socket").gethostname()),
        )
        conn.execute(
            "INSERT INTO runs (campaign_id, status, started_at, counts) "
            "VALUES (?, 'running', 'y', '{}')",
            (CAMPAIGN,),
        )
        conn.execute(
            "INSERT INTO runs (campaign_id, status, started_at, counts, pid, host) "
            "VALUES (?, 'running', 'z', '{}', 1, 'another-host')",
            (CAMPAIGN,),
        )
    run_id = store.runs.start(CAMPAIGN, None, "offline", "offline", {})
    statuses = dict(store._conn.execute("SELECT started_at, status FROM runs"))
    assert statuses["x"] == "interrupted" and statuses["y"] == "interrupted"
    assert statuses["z"] == "running"  # another machine's run is not ours to judge
    assert len(store.runs.interrupted) == 2
    mine = store._conn.execute("SELECT status, pid FROM runs WHERE id = ?", (run_id,)).fetchone()
    assert mine[0] == "running" and mine[1] > 0
