"""The write API: briefs, rounds, runs, jobs, generations, variants, audit rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import SecretStr
from store_testkit import CAMPAIGN, CAMPAIGN_ID, SEGMENTS, make_job, seed

from workbench.errors import NotFoundError
from workbench.store import Store, scrub_settings, variant_uid


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "wb.db") as store:
        yield store


def count(store: Store, table: str, where: str = "1", params: tuple[object, ...] = ()) -> int:
    return int(
        store._conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0]
    )


def test_save_brief_upserts_and_dedupes(store: Store) -> None:
    first = store.variants.save_brief(CAMPAIGN, SEGMENTS, "raw: 1", "h1", "march.yaml")
    assert store.variants.save_brief(CAMPAIGN, SEGMENTS, "raw: 1", "h1", "march.yaml") == first
    assert store.runs.new_round(CAMPAIGN_ID) == 2
    renamed = {**CAMPAIGN, "name": "四月会员日"}
    changed = [*SEGMENTS[:1], {"id": "new-moms-2", "name": "二胎妈妈"}]
    second = store.variants.save_brief(renamed, changed, "raw: 2", "h2", "march.yaml")
    assert second != first
    assert store.runs.current_round(CAMPAIGN_ID) == 2  # kept across brief saves
    row = store._conn.execute("SELECT name, brand FROM campaigns").fetchone()
    assert row[0] == "四月会员日"
    assert json.loads(row[1]) == CAMPAIGN["brand"]
    assert count(store, "segments") == 3
    assert count(store, "briefs") == 2


def test_rounds(store: Store) -> None:
    seed(store)
    assert store.runs.current_round(CAMPAIGN_ID) == 1
    assert store.runs.new_round(CAMPAIGN_ID) == 2
    assert store.runs.new_round(CAMPAIGN_ID) == 3
    assert store.runs.current_round(CAMPAIGN_ID) == 3
    with pytest.raises(NotFoundError):
        store.runs.current_round("nope")
    with pytest.raises(NotFoundError):
        store.runs.new_round("nope")


def test_run_lifecycle_and_secrets_never_stored(store: Store) -> None:
    settings = {
        "model": "deepseek-chat",
        "temperature": 0.8,
        "max_tokens": 800,
        "api_key": "sk-live-1234567890abcdef",
        "llm": {"apiKey": "x", "access_token": "y", "client_secret": "z", "base_url": "u"},
        "headers": {"Authorization": "Bearer abc"},
        "key": SecretStr("hidden"),
        "extra": ["sk-abcdefghijklmnop1234", "kept"],
        "keywords": ["会员日"],
    }
    _, run_id = seed(store, settings)
    run = store.runs.get(run_id)
    assert run["status"] == "running" and run["finished_at"] is None
    assert run["settings"] == {
        "model": "deepseek-chat",
        "temperature": 0.8,
        "max_tokens": 800,
        "llm": {"base_url": "u"},
        "headers": {},
        "extra": ["kept"],
        "keywords": ["会员日"],
    }
    dump = "\n".join(store._conn.iterdump())
    for secret in ("sk-live", "Bearer", "hidden", "sk-abcdefgh", '"x"', "client_secret"):
        assert secret not in dump
    store.runs.finish(run_id, "done", {"ok": 3, "failed": 1})
    run = store.runs.get(run_id)
    assert run["status"] == "done" and run["counts"] == {"ok": 3, "failed": 1}
    assert run["finished_at"] >= run["started_at"]
    with pytest.raises(ValueError):
        store.runs.finish(run_id, "running", {})
    with pytest.raises(NotFoundError):
        store.runs.finish(999, "done", {})


def test_scrub_keeps_harmless_words() -> None:
    assert scrub_settings({"keywords": 1, "max_tokens": 2, "monkey": 3, "tokenizer": 4}) == {
        "keywords": 1,
        "max_tokens": 2,
        "monkey": 3,
        "tokenizer": 4,
    }
    assert scrub_settings({"OPENAI_API_KEY": "a", "apiToken": "b", "password": "c"}) == {}


def test_complete_job_stores_everything_in_one_go(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id, count=3)
    ids = store.variants.complete_job(job, gen, variants)
    assert len(ids) == 3
    assert store.variants.job_status([job.key, "unknown"]) == {job.key: "ok"}
    assert count(store, "generations") == 1
    assert count(store, "reviews", "action = 'generate' AND to_status = 'draft'") == 3
    uids = [r[0] for r in store._conn.execute("SELECT uid FROM variants ORDER BY slot")]
    assert uids == [variant_uid(job.key, slot) for slot in (0, 1, 2)]
    assert all(len(uid) == 10 for uid in uids)
    assert variant_uid(job.key, 0, version=2) != uids[0]


def test_complete_job_is_idempotent(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id)
    first = store.variants.complete_job(job, gen, variants)
    again = store.variants.complete_job(job, replace(gen, response_text="different"), variants)
    assert again == first
    assert count(store, "variants") == 2
    assert count(store, "generations") == 1
    assert count(store, "reviews") == 2
    attempts = store._conn.execute("SELECT attempts FROM jobs").fetchone()[0]
    assert attempts == 1


def test_racing_duplicate_variant_is_dropped(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id)
    ids = store.variants.complete_job(job, gen, [*variants, variants[0]])
    assert len(ids) == 2
    assert count(store, "reviews") == 2


def test_fail_job_then_retry(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id)
    failed = replace(gen, response_text="oops", error="bad JSON")
    store.variants.fail_job(job, failed, "bad JSON")
    store.variants.fail_job(job, None, "timeout")
    row = store._conn.execute("SELECT status, attempts, error FROM jobs").fetchone()
    assert row == ("failed", 2, "timeout")
    assert store.variants.job_status([job.key]) == {job.key: "failed"}
    repair = replace(gen, attempt=2, purpose="repair")
    assert store.variants.record_generation(repair) > 0
    store.variants.complete_job(job, replace(gen, attempt=3), variants)
    row = store._conn.execute("SELECT status, attempts, error FROM jobs").fetchone()
    assert row == ("ok", 3, None)
    store.variants.fail_job(job, None, "late failure")  # never downgrades an ok job
    assert store.variants.job_status([job.key]) == {job.key: "ok"}
    assert count(store, "generations") == 3
    with pytest.raises(ValueError):
        store.variants.record_generation(replace(gen, purpose="chat"))


def test_job_status_chunks_large_key_lists(store: Store) -> None:
    _, run_id = seed(store)
    keys = []
    for i in range(3):
        job, gen, variants = make_job(i, run_id, count=1)
        store.variants.complete_job(job, gen, variants)
        keys.append(job.key)
    wanted = [f"missing-{n}" for n in range(1200)] + keys + keys
    assert store.variants.job_status(wanted) == dict.fromkeys(keys, "ok")


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id)
    bad_run = replace(job, run_id=12345)  # foreign key violation on the job row
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.variants.complete_job(bad_run, gen, variants)
    for table in ("generations", "variants", "jobs", "reviews"):
        assert count(store, table) == 0, table


def test_save_asset(store: Store) -> None:
    _, run_id = seed(store)
    job, gen, variants = make_job(0, run_id, kind="poster", channel=None, count=1)
    (vid,) = store.variants.complete_job(job, gen, variants)
    asset_id = store.assets.save(vid, "output/p.png", "f" * 64, 2048, "bold-sale", 1080, 1440)
    assets = store.variants.get(vid).assets or ()
    assert [a["id"] for a in assets] == [asset_id]
    assert assets[0]["width"] == 1080


def test_uid_collision_fails_loudly_instead_of_dropping_a_variant(store: Store) -> None:
    _, run_id = seed(store)
    other, gen, variants = make_job(1, run_id, count=1)
    (vid,) = store.variants.complete_job(other, gen, variants)
    job, gen, variants = make_job(0, run_id, count=1)
    store._conn.execute("UPDATE variants SET uid = ? WHERE id = ?", (variant_uid(job.key, 0), vid))
    with pytest.raises(sqlite3.IntegrityError, match="uid"):
        store.variants.complete_job(job, gen, variants)
    assert store.variants.job_status([job.key]) == {}
    assert count(store, "variants") == 1
