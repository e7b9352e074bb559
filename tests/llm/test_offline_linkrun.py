"""``generate`` with ``[tracking] base_url``: the offline composer is told the base URL
(``Workbench.provider``), so stored SMS carry the short link within their parts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbench.cli.main import run
from workbench.kinds.channels import sms_count

BASE_URL = "https://t.example.cn"
ZH = {
    "campaign": {
        "id": "tea-open",
        "name": "春熙路新店开业周",
        "goal": "acquire",
        "brand": {"name": "一杯茶研所"},
        "product": {
            "name": "春日限定青提茉莉",
            "short_name": "青提茉莉",
            "category": "beverage",
            "price": 18,
            "price_unit": "杯",
            "selling_points": ["现摘青提", "茉莉冷萃茶底", "低糖可选"],
            "offer": "开业三天第二杯半价",
            "deadline": "2026-04-05",
            "landing_url": "https://example.com/tea/open?store=cd01&utm_source=brand_sms",
        },
    },
    "segments": [{"id": "office", "name": "周边白领", "address_as": "各位"}],
}


def test_generate_stores_sms_within_parts_with_the_short_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    assert run(["init", str(folder)]) == 0
    toml = folder / "workbench.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'base_url = ""' in text
    toml.write_text(text.replace('base_url = ""', f'base_url = "{BASE_URL}"'), "utf-8")
    raw = json.loads(json.dumps(ZH))
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
