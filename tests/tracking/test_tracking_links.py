"""Tracked links: short codes, targets that keep the brand's parameters, links in copy
bodies and poster QR codes, ``variants --json``'s ``link``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from tracking_kit import BASE_URL, LANDING, make_workspace

from workbench.cli.main import run
from workbench.tracking.body import relink
from workbench.tracking.links import (
    CODE_LENGTH,
    code_for,
    link_text_length,
    target_url,
    uid_for,
    variant_link,
)


@pytest.mark.parametrize("uid", ["0000000000", "ffffffffff", "0d1313d699", "640e8dcf16"])
def test_code_is_short_alphanumeric_and_gives_the_uid_back(uid: str) -> None:
    code = code_for(uid)
    assert re.fullmatch(r"[0-9A-Za-z]{1,10}", code) and len(code) == CODE_LENGTH
    assert uid_for(code) == uid


@pytest.mark.parametrize("code", ["", "abc", "abcdefgh", "abc-def", "zzzzzzz", "中文中文中文中"])
def test_what_is_not_a_code(code: str) -> None:
    assert uid_for(code) is None


def test_target_keeps_the_brands_parameters_and_sets_utm_content() -> None:
    url = target_url(
        "https://example.com/p?utm_source=brand&utm_medium=crm&utm_content=old&ref=a%20b#top",
        uid="0d1313d699",
        campaign="tea-open",
        source="square",
        medium="poster",
    )
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query)
    assert ("utm_source", "brand") in pairs and ("utm_medium", "crm") in pairs
    assert pairs.count(("utm_content", "0d1313d699")) == 1 and ("utm_content", "old") not in pairs
    assert ("utm_source", "square") not in pairs and ("utm_campaign", "tea-open") in pairs
    assert "ref=a%20b" in parts.query and parts.fragment == "top"


def test_link_text_length_is_what_any_variant_takes() -> None:
    for base in ("", BASE_URL):
        expected = link_text_length(
            LANDING, base_url=base, campaign="tea-open", kind="copy", channel="sms"
        )
        for uid in ("0000000000", "ffffffffff", "0d1313d699"):
            link = variant_link(
                LANDING, base_url=base, uid=uid, campaign="tea-open", kind="copy", channel="sms"
            )
            assert len(link.url) == expected
    assert (
        link_text_length(LANDING, base_url=BASE_URL, campaign="c", kind="copy", channel="sms")
        == len(BASE_URL) + 3 + CODE_LENGTH
    )


def test_relink_replaces_only_the_landing_url_and_recounts() -> None:
    content: dict[str, Any] = {
        "body": f"看这里 {LANDING} 以及 {LANDING}/more",
        "cta": "点链接",
        "length": 0,
        "sms_length": 0,
        "sms_segments": 0,
    }
    assert relink(content, LANDING, "https://t.example.cn/s/0000001")
    assert content["body"] == f"看这里 https://t.example.cn/s/0000001 以及 {LANDING}/more"
    assert content["length"] == content["sms_length"] == len(content["body"])
    assert content["sms_segments"] >= 1


def _variants(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert run(["variants", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_copy_bodies_and_posters_carry_the_short_link(
    tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variants = _variants(capsys)
    copies = [v for v in variants if v["kind"] == "copy"]
    posters = [v for v in variants if v["kind"] == "poster"]
    assert len(copies) == 6 and len(posters) == 2
    for v in variants:
        link = v["link"]
        assert link["code"] == code_for(v["uid"])
        assert link["url"] == f"{BASE_URL}/s/{link['code']}"
        query = dict(parse_qsl(urlsplit(link["target"]).query))
        assert query["utm_content"] == v["uid"] and query["store"] == "cd01"
        assert query["utm_source"] == "brand_sms" and query["utm_medium"] == "crm"
    for v in copies:
        assert LANDING not in v["content"]["body"]
        if "http" in v["content"]["body"]:
            assert v["link"]["url"] in v["content"]["body"]
            assert v["content"]["length"] == len(v["content"]["body"])
    assert any(v["link"]["url"] in v["content"]["body"] for v in copies)
    for v in posters:
        assert {a["preset"] for a in v["assets"]} == {"xiaohongshu", "square"}
        assert {a["qr_url"] for a in v["assets"]} == {v["link"]["url"]}
    capsys.readouterr()
    assert run(["variants", "show", str(copies[0]["id"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["link"] == copies[0]["link"]


def test_without_base_url_the_link_is_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_workspace(tmp_path / "ws", "")
    monkeypatch.setenv("WORKBENCH_HOME", str(folder))
    monkeypatch.chdir(folder)
    assert run(["generate", str(folder / "tea.yaml"), "--offline", "--only", "kind=poster"]) == 0
    posters = _variants(capsys)
    assert posters
    for v in posters:
        assert v["link"]["url"] == v["link"]["target"]
        query = dict(parse_qsl(urlsplit(v["link"]["target"]).query))
        assert query["utm_source"] == "brand_sms" and query["utm_content"] == v["uid"]
        assert {a["qr_url"] for a in v["assets"]} == {v["link"]["url"]}
