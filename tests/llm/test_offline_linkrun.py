"""``generate`` with ``[tracking] base_url``: the offline composer is told the base URL
(``Workbench.provider``), so stored SMS carry the short link within their parts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from offline_kit import TEA_OPEN

from workbench.cli.main import run
from workbench.kinds.channels import sms_count

BASE_URL = "https://t.example.cn"


def test_generate_stores_sms_within_parts_with_the_short_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    toml = folder / "workbench.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'base_url = ""' in text
    toml.write_text(text.replace('base_url = ""', f'base_url = "{BASE_URL}"'), "utf-8")
    raw = json.loads(json.dumps(TEA_OPEN))
    raw["deliverables"] = [
        {"kind": "copy", "channel": "sms", "variants": 2, "styles": ["specific", "agent"]}
    ]
    (folder / "tea.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    assert run(["generate", "tea.json", "--offline"]) == 0
    capsys.readouterr()
    assert run(["variants", "list", "--json"]) == 0
    variants = json.loads(capsys.readouterr().out)
    assert len(variants) == 4
    for v in variants:
        body = v["content"]["body"]
        assert v["link"]["url"] in body and re.search(r"/s/[0-9A-Za-z]{7}", body), body
        assert sms_count(body) == v["content"]["sms_segments"] == 1, body
