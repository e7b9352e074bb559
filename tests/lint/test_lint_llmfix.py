"""--fix with an endpoint: the model is asked once with the findings; a new version is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.store import Store
from workbench.testing import FakeLLMServer


def test_llm_fix_for_a_file_and_a_variant(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_llm: FakeLLMServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    assert run(["generate", "briefs/member-day.yaml"]) == 0  # offline
    store = Store.open(folder / "workbench.db")
    v = store.variants.rows(channel="community")[0]
    bad = {**v.content, "body": "全网最好的米粉"}
    bad_id = store.reviews.add_version(v.id, bad, None, "mia")
    text = (folder / "workbench.toml").read_text(encoding="utf-8")
    text = text.replace('base_url = ""', f'base_url = "{fake_llm.base_url}"', 1)
    text = text.replace('model = ""', 'model = "fake-model"', 1)
    (folder / "workbench.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-real-0000")

    fake_llm.queue_replies(json.dumps({**bad, "body": "有机认证的米粉"}, ensure_ascii=False))
    code = run(["lint", str(bad_id), "--fix"])
    assert code == 0
    prompt = fake_llm.bodies[-1]["messages"][-1]["content"]
    assert "最好" in prompt and "全网最好的米粉" in prompt
    newest = store.variants.rows(channel="community")[0]
    assert newest.parent_id == bad_id and newest.content["body"] == "有机认证的米粉"
    assert store.variants.get(bad_id).content["body"] == "全网最好的米粉"
    assert (store.variants.get(newest.id).generation or {})["purpose"] == "repair"

    page = folder / "note.md"
    page.write_text("稳赚不赔的好项目", encoding="utf-8")
    fake_llm.queue_replies("收益因人而异的好项目")
    capsys.readouterr()
    assert run(["lint", str(page), "--fix"]) == 0
    assert (folder / "note.fixed.md").read_text(encoding="utf-8") == "收益因人而异的好项目"
    assert page.read_text(encoding="utf-8") == "稳赚不赔的好项目"
