"""A model's answer that breaks the fact guard gets one repair round naming what to remove."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workbench.cli.main import run
from workbench.testing import FakeLLMServer

BRIEF = """campaign:
  id: guard-test
  name: 守卫测试
  brand: {name: 小鹿母婴}
  product: {name: 有机婴儿米粉, price: 89, offer: 满199减50, selling_points: [有机认证]}
segments:
  - {id: vip, name: 沉睡VIP, description: 近90天没有下单, address_as: 老朋友们}
deliverables:
  - {kind: copy, channel: community, styles: [instruction]}
"""


def answer(body: str) -> str:
    return json.dumps(
        {"title": None, "body": body, "hashtags": ["辅食"], "cta": "点击下单"},
        ensure_ascii=False,
    )


@pytest.fixture
def brief(ws: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-never-stored-0123456789")
    path = ws / "briefs" / "guard.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    return str(path)


def rows(ws: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(ws / "workbench.db") as db:
        return db.execute(sql).fetchall()


def test_an_invented_claim_gets_a_repair_round(
    ws: Path, brief: str, fake_llm: FakeLLMServer
) -> None:
    fake_llm.queue_replies(
        answer("沉睡VIP们好！有机婴儿米粉满199减50，3天有效。"),
        answer("老朋友们好！有机婴儿米粉满199减50。"),
    )
    args = ["--base-url", fake_llm.base_url, "--model", "fake-model"]
    assert run(["generate", brief, *args]) == 0
    assert rows(ws, "select purpose, error is not null from generations order by id") == [
        ("generate", 1),
        ("repair", 0),
    ]
    ask = fake_llm.bodies[-1]["messages"][-1]["content"]
    assert "3天有效" in ask and "删除简报没有的说法" in ask
    assert "沉睡VIP" in ask and "老朋友们" in ask
    body = json.loads(rows(ws, "select content from variants")[0][0])["body"]
    assert body == "老朋友们好！有机婴儿米粉满199减50。"


def test_a_clean_answer_needs_no_repair(ws: Path, brief: str, fake_llm: FakeLLMServer) -> None:
    fake_llm.queue_replies(answer("老朋友们好！有机婴儿米粉满199减50。"))
    assert run(["generate", brief, "--base-url", fake_llm.base_url, "--model", "m"]) == 0
    assert rows(ws, "select purpose from generations") == [("generate",)]


def test_a_second_bad_answer_is_stored_with_its_findings(
    ws: Path, brief: str, fake_llm: FakeLLMServer
) -> None:
    bad = answer("有机婴儿米粉满199减50，3天有效。")
    fake_llm.queue_replies(bad, bad)
    assert run(["generate", brief, "--base-url", fake_llm.base_url, "--model", "m"]) == 0
    lint = json.loads(rows(ws, "select lint from variants")[0][0])
    assert [(f["rule"], f["term"]) for f in lint if f["severity"] == "ban"] == [("claim", "3天")]
