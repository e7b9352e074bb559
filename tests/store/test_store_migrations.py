"""Databases written by older workbenches: rows as they were before ``m210_prompt_parts``
(written here by hand on the schema of the migrations up to m200) and job keys of 64 hex
digits from before ``m220_scale_keys``."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from workbench.cli.main import run
from workbench.generate import jobs
from workbench.store import Store
from workbench.store.migrations import MIGRATIONS

STAMP = "2026-01-05T08:00:00.000Z"
# JSON as an ensure_ascii writer leaves it: a lone surrogate escape (half an emoji cut off)
CUT_EMOJI = '[{"role": "system", "content": "\\u4f60\\u597d\\n\\nok"}, '
CUT_EMOJI += '{"role": "user", "content": "\\ud83d \\u4f1a\\u5458\\u65e5"}]'
OLD_GENERATIONS = {
    # id: (messages JSON, variables JSON), as the columns held them before m210
    1: (CUT_EMOJI, '{"lang": "zh-CN", "note": "\\udc00", "examples": []}'),
    2: ("null", "null"),  # a failed call recorded without a prompt
    3: ("[]", "{}"),
    4: (
        json.dumps([{"role": "user", "content": "看图", "name": "operator"}], ensure_ascii=False),
        None,
    ),
}


def old_key(ident: int) -> str:
    return hashlib.sha256(str(ident).encode()).hexdigest()


def old_database(path: Path) -> None:
    """A database at m200_tui_superseded holding generations the way it stored them."""
    conn = sqlite3.connect(path)
    MIGRATIONS.apply(Database(conn), stop_before="m210_prompt_parts")
    conn.execute(
        "INSERT INTO campaigns (id, name, current_round, created_at, updated_at) "
        "VALUES ('old', '老活动', 1, ?, ?)",
        (STAMP, STAMP),
    )
    conn.execute(
        "INSERT INTO runs (id, campaign_id, provider, model, status, started_at) "
        "VALUES (1, 'old', 'openai', 'm', 'done', ?)",
        (STAMP,),
    )
    for ident, (messages, variables) in OLD_GENERATIONS.items():
        key = old_key(ident)
        conn.execute(
            "INSERT INTO jobs (key, campaign_id, run_id, segment_id, kind, channel, style, "
            "status, attempts, updated_at) VALUES (?, 'old', 1, 's', 'copy', 'sms', 'agent', "
            "'ok', 1, ?)",
            (key, STAMP),
        )
        conn.execute(
            "INSERT INTO generations (id, job_key, run_id, campaign_id, provider, model, "
            "template, template_hash, variables, messages, response_text, attempt, purpose, "
            "created_at) VALUES (?, ?, 1, 'old', 'openai', 'm', 'styles/agent.j2', 'h', ?, ?, "
            "'{}', 1, 'generate', ?)",
            (ident, key, variables, messages, STAMP),
        )
        conn.execute(
            "INSERT INTO variants (id, uid, job_key, slot, campaign_id, segment_id, kind, "
            "channel, style, provider, model, generation_id, content, created_at, updated_at) "
            "VALUES (?, ?, ?, 0, 'old', 's', 'copy', 'sms', 'agent', 'openai', 'm', ?, "
            '\'{"body": "会员日"}\', ?, ?)',
            (ident, f"u{ident:09d}", key, ident, STAMP, STAMP),
        )
    conn.commit()
    conn.close()


def test_an_older_database_opens_and_rebuilds_every_prompt_exactly(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_database(path)
    with Store.open(path) as store:  # m210 and m220 run here
        for ident, (messages, variables) in OLD_GENERATIONS.items():
            generation = store.variants.get(ident).generation
            assert generation is not None
            assert generation["messages"] == (json.loads(messages) if messages else None)
            assert generation["variables"] == (json.loads(variables) if variables else None)
    with sqlite3.connect(path) as db:
        packed = db.execute(
            "SELECT count(*) FROM generations WHERE messages_parts IS NOT NULL"
        ).fetchone()
        applied = [name for (name,) in db.execute("SELECT name FROM _sqlite_migrations")]
    assert packed == (2,)  # the cut emoji's and the empty list; the others stay JSON
    assert applied[-2:] == ["m210_prompt_parts", "m220_scale_keys"]


def test_old_job_keys_are_cut_to_the_prefix_the_workbench_computes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_database(path)
    with Store.open(path):
        pass
    with sqlite3.connect(path) as db:
        for table, column in (("jobs", "key"), ("generations", "job_key"), ("variants", "job_key")):
            lengths = db.execute(f"SELECT DISTINCT length({column}) FROM {table}").fetchall()
            assert lengths == [(jobs.KEY_HEX,)], table
        keys = {key for (key,) in db.execute("SELECT key FROM jobs")}
    assert keys == {old_key(i)[: jobs.KEY_HEX] for i in OLD_GENERATIONS}


BRIEF = """campaign:
  id: keys-test
  name: 键测试
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: seg-a, name: 人群A, description: 新客}
deliverables:
  - kind: copy
    channel: sms
    variants: 2
    styles: [agent, instruction]
"""


def test_a_brief_generated_before_m220_stays_cached_after_it(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = ws / "briefs" / "keys.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    with monkeypatch.context() as old:  # the workbench before m220: 64 hex digits
        old.setattr(jobs, "KEY_HEX", 64)
        assert run(["generate", str(brief), "--offline"]) == 0
    with sqlite3.connect(ws / "workbench.db") as db:
        assert db.execute("SELECT DISTINCT length(key) FROM jobs").fetchall() == [(64,)]
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm220_scale_keys'")
    assert run(["generate", str(brief), "--offline"]) == 0  # m220 runs first
    with sqlite3.connect(ws / "workbench.db") as db:
        variants = db.execute("SELECT count(*), count(DISTINCT uid) FROM variants").fetchone()
        calls = db.execute("SELECT count(*) FROM generations").fetchone()
        lengths = db.execute("SELECT DISTINCT length(job_key) FROM variants").fetchall()
    assert variants == (4, 4) and calls == (4,)  # every job cached: no new call, no new row
    assert lengths == [(jobs.KEY_HEX,)]


def test_variants_show_json_of_an_older_database_keeps_the_cut_emoji_escaped(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_database(ws / "workbench.db")
    capsys.readouterr()
    assert run(["variants", "show", "1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\\ud83d" in out  # escaped: stdout cannot encode a lone surrogate
    shown = json.loads(out)["generation"]
    assert shown["messages"] == json.loads(CUT_EMOJI)
    assert shown["variables"]["note"] == "\udc00"
