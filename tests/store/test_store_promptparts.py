"""Prompt parts: messages and variables stored once per distinct piece, read back exactly,
and existing rows converted by the migration."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from store_testkit import CAMPAIGN_ID, make_job, seed

from workbench.store import GenerationRecord, Store
from workbench.store.db import dumps

SYSTEM = "你是品牌营销文案助手。\n\n【合规底线】不用绝对化用语。\n\n"  # ends in a blank line
FACTS = '【数据块：brief】\n```json\n{"brand": {"name": "小鹿母婴"}}\n```'


def messages(i: int) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"{FACTS}\n\n【本条变体】第 {i} 个版本。\n\n\n\n结尾"},
    ]


def variables(i: int) -> dict[str, object]:
    return {
        "lang": "zh-CN",
        "variant_index": i,
        "data": {"brand": {"name": "小鹿母婴"}, "price": 89.5, "tags": ["有机", None, True]},
        "examples": [],
        "json_schema": {"type": "object", "properties": {"body": {"type": "string"}}},
    }


def stored(store: Store, count: int) -> list[int]:
    _, run_id = seed(store)
    ids = []
    for i in range(count):
        job, gen, variants = make_job(i, run_id)
        gen = replace(gen, messages=messages(i), variables=variables(i))
        ids += store.variants.complete_job(job, gen, variants)
    return ids


def test_messages_and_variables_read_back_exactly(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        ids = stored(store, 3)
        for i, vid in zip(range(3), ids[::2], strict=True):
            generation = store.variants.get(vid).generation
            assert generation is not None
            assert generation["messages"] == messages(i)
            assert json.dumps(generation["variables"]) == json.dumps(variables(i))
            assert "messages_parts" not in generation and "variables_parts" not in generation


def test_repeated_pieces_are_stored_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        stored(store, 50)
    with sqlite3.connect(tmp_path / "wb.db") as db:
        parts = db.execute("select count(*) from prompt_parts").fetchone()[0]
        full = db.execute("select count(*) from generations where messages is not null").fetchone()
    # shared: the system prompt's 3 pieces (the last one empty, also the empty piece
    # between the user message's blank lines), facts, the ending, 4 variables; per call:
    # its variant line and its variant_index
    assert parts == 3 + 1 + 1 + 4 + 50 * 2
    assert full == (0,)


def test_a_message_that_is_not_plain_text_is_kept_whole(tmp_path: Path) -> None:
    odd = [{"role": "user", "content": "看图", "name": "operator"}]
    with Store.open(tmp_path / "wb.db") as store:
        _, run_id = seed(store)
        job, gen, variants = make_job(0, run_id)
        ids = store.variants.complete_job(job, replace(gen, messages=odd), variants)
        assert (store.variants.get(ids[0]).generation or {})["messages"] == odd


def test_the_migration_converts_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "wb.db"
    with Store.open(path) as store:
        ids = stored(store, 4)
    with sqlite3.connect(path) as db:  # as a database before m210 held them
        for i, (gid,) in enumerate(db.execute("select id from generations order by id").fetchall()):
            db.execute(
                "update generations set messages = ?, variables = ? where id = ?",
                (dumps(messages(i)), dumps(variables(i)), gid),
            )
        db.execute("drop table prompt_parts")
        db.execute("alter table generations drop column messages_parts")
        db.execute("alter table generations drop column variables_parts")
        db.execute("delete from _sqlite_migrations where name = 'm210_prompt_parts'")
    before = path.stat().st_size
    with Store.open(path) as store:
        for i, vid in zip(range(4), ids[::2], strict=True):
            generation = store.variants.get(vid).generation
            assert generation is not None
            assert generation["messages"] == messages(i)
            assert generation["variables"] == variables(i)
    with sqlite3.connect(path) as db:
        left = db.execute(
            "select count(*) from generations where messages is not null or variables is not null"
        ).fetchone()
    assert left == (0,) and before > 0


def test_failed_and_repair_calls_are_stored_the_same_way(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wb.db") as store:
        _, run_id = seed(store)
        job, gen, variants = make_job(0, run_id)
        repair = [
            *messages(0),
            {"role": "assistant", "content": "{}"},
            {"role": "user", "content": "修正"},
        ]
        store.variants.fail_job(
            job, replace(gen, messages=messages(0), error="bad json"), "bad json"
        )
        first = store.variants.record_generation(
            GenerationRecord(job.key, run_id, CAMPAIGN_ID, "p", "m", "t", "h", {}, repair)
        )
        assert first > 0
        ids = store.variants.complete_job(
            job, replace(gen, messages=repair, purpose="repair"), variants
        )
        assert (store.variants.get(ids[0]).generation or {})["messages"] == repair


def test_interning_many_gives_the_ids_of_interning_one_by_one(tmp_path: Path) -> None:
    # one lookup query per generation instead of one per piece (PERF): same ids, same rows
    from workbench.store.promptparts import intern, intern_many

    texts = ["甲", "乙", "甲", "\ud83d半个", "丙", "乙", "丁"]
    ids = []
    for name, one_by_one in (("a.db", True), ("b.db", False)):
        store = Store.open(tmp_path / name)
        conn = store._conn
        with conn:
            intern(conn, "乙")  # stored before: found, not stored again
            got = [intern(conn, t) for t in texts] if one_by_one else intern_many(conn, texts)
        rows = conn.execute("SELECT id, hash, z, data FROM prompt_parts ORDER BY id").fetchall()
        ids.append((got, rows))
        store.close()
    assert ids[0] == ids[1]
    assert ids[1][0][0] == ids[1][0][2] and len(ids[1][1]) == 5
