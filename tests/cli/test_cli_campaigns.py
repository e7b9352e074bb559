"""``workbench campaigns`` and CAMPAIGN arguments given by number, prefix or name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_testkit import Cli
from helpers_review import CAMPAIGN, generated_workspace
from rich.cells import cell_len


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated_workspace(tmp_path, monkeypatch)


def test_campaigns_lists_numbers_ids_names_and_statuses(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli("campaigns", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["number"], r["id"], r["name"]) for r in rows] == [(1, CAMPAIGN, "三月会员日")]
    assert rows[0]["variants"] == sum(rows[0]["by_status"].values()) > 0
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = cli("campaigns")
    assert code == 0 and "三月会员日" in out and "草稿" in out and CAMPAIGN in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("given", ["1", "member", "三月会员日", " member-day-2026-03 "])
def test_campaign_arguments_take_number_prefix_or_name(ws: Path, cli: Cli, given: str) -> None:
    _, everything, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--json")
    code, out, _ = cli("variants", "list", "--campaign", given, "--json")
    assert code == 0 and json.loads(out) == json.loads(everything)
    code, out, _ = cli("export", given, "--format", "jsonl", "--out", str(ws / "x.jsonl"))
    assert code == 0 and (ws / "x.jsonl").is_file()
    code, out, _ = cli("audit", "--campaign", given, "--json")
    assert code == 0 and json.loads(out)[-1]["action"] == "export"


def test_unknown_campaign_is_one_line(ws: Path, cli: Cli) -> None:
    code, out, err = cli("export", "nope")
    assert code != 0 and out == ""
    assert err.strip() == "error: campaign 'nope' not found; see workbench campaigns (1-1)"
