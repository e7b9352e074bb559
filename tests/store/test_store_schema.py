"""Opening, pragmas and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.errors import StoreError
from workbench.store import Store
from workbench.store.migrations import MIGRATIONS

EXPECTED_COLUMNS = {
    "campaigns": [
        "id", "name", "goal", "language", "brand", "product", "current_round",
        "created_at", "updated_at",
    ],
    "segments": ["campaign_id", "id", "name", "data", "updated_at"],
    "briefs": ["id", "campaign_id", "path", "raw", "sha256", "created_at"],
    "runs": [
        "id", "campaign_id", "brief_id", "provider", "model", "settings", "started_at",
        "finished_at", "status", "counts",
    ],
    "jobs": [
        "key", "campaign_id", "run_id", "segment_id", "deliverable_index", "kind", "channel",
        "style", "framework", "variant_index", "count", "round", "status", "attempts",
        "error", "updated_at",
    ],
    "generations": [
        "id", "job_key", "run_id", "campaign_id", "provider", "model", "template",
        "template_hash", "variables", "messages", "response_text", "prompt_tokens",
        "completion_tokens", "latency_ms", "error", "attempt", "purpose", "created_at",
    ],
    "variants": [
        "id", "uid", "job_key", "slot", "campaign_id", "segment_id", "deliverable_index",
        "kind", "channel", "style", "framework", "provider", "model", "generation_id",
        "content", "status", "version", "parent_id", "round", "lint", "created_at",
        "updated_at",
    ],
    "assets": [
        "id", "variant_id", "path", "sha256", "size", "template", "width", "height",
        "created_at",
    ],
    "reviews": [
        "id", "variant_id", "campaign_id", "actor", "action", "from_status", "to_status",
        "comment", "data", "created_at",
    ],
    "experiments": [
        "id", "campaign_id", "name", "metric", "alpha", "status", "segment_id", "kind",
        "winner_arm_id", "data", "created_at", "updated_at",
    ],
    "arms": ["id", "experiment_id", "variant_id", "name", "weight", "tracking_code", "created_at"],
    "metrics": [
        "id", "arm_id", "date", "impressions", "clicks", "conversions", "shares", "cost",
        "revenue", "updated_at",
    ],
}  # fmt: skip


def test_migrate_blank(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        db = store.db
        tables = set(db.table_names())
        assert set(EXPECTED_COLUMNS) <= tables
        for table, columns in EXPECTED_COLUMNS.items():
            # m001's columns come first, in order; later migrations only add columns
            names = [c.name for c in db.table(table).columns]
            assert names[: len(columns)] == columns, table
        applied = [m.name for m in MIGRATIONS.applied(db)]
        assert applied == [m.name for m in MIGRATIONS._migrations]
        assert applied[0] == "m001_initial"
        unique = {tuple(index.columns) for index in db.table("variants").indexes if index.unique}
        assert ("job_key", "slot", "version") in unique
        assert ("uid",) in unique
        indexed = {tuple(i.columns) for i in db.table("variants").indexes}
        assert ("campaign_id", "segment_id", "kind") in indexed
        assert ("campaign_id", "status") in indexed
        assert ("arm_id", "date") in {
            tuple(i.columns) for i in db.table("metrics").indexes if i.unique
        }


def test_open_creates_parent_folder_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "wb.db"
    with Store.open(path) as store:
        store.variants.save_brief({"id": "c", "name": "C"}, [], "raw", "h", "b.yaml")
    with Store.open(path) as store:
        assert store.migrate() == []
        assert store.runs.current_round("c") == 1
        rows = list(store.db.query("SELECT COUNT(*) AS n FROM _sqlite_migrations"))
        assert rows[0]["n"] == len(MIGRATIONS._migrations)


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_readable_by_plain_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    with Store.open(path) as store:
        store.variants.save_brief({"id": "c", "name": "会员日"}, [], "raw", "h", "b.yaml")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name FROM campaigns").fetchall() == [("会员日",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite, just some text that is long enough\n" * 50)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert "not an SQLite database" in message and "\n" not in message


def test_sqlite_but_not_workbench(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a workbench database"):
        Store.open(path)


def test_newer_workbench_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    with Store.open(path) as store:
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('workbench', 'm999_future', 'now')"
        )
    with pytest.raises(StoreError, match="newer workbench"):
        Store.open(path)


def test_folder_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_empty_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store.open(path) as store:
        assert "variants" in store.db.table_names()
