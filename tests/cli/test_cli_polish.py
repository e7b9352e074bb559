"""Rough edges of the operator's day (#18): comments, variants list, validate, ab report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_testkit import Cli
from helpers_review import CAMPAIGN, generated_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated_workspace(tmp_path, monkeypatch)


def _first_id(cli: Cli) -> int:
    _, out, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--json")
    return int(json.loads(out)[0]["id"])


def test_comment_takes_text_and_prints_no_status_move(ws: Path, cli: Cli) -> None:
    vid = _first_id(cli)
    code, out, _ = cli("review", "comment", str(vid), "--text", "语气再亲切一点")
    assert code == 0
    assert out.strip() == f"Variant {vid}: comment added (status unchanged)"
    assert "->" not in out
    code, out, _ = cli("review", "comment", str(vid), "--reason", "old flag")
    assert code == 0
    _, trail, _ = cli("audit", str(vid), "--json")
    comments = [r["comment"] for r in json.loads(trail) if r["action"] == "comment"]
    assert comments == ["语气再亲切一点", "old flag"]
    code, out, err = cli("review", "comment", str(vid))
    assert code == 2 and err.strip() == "error: a comment needs its text (--text)"


def test_variants_list_in_brief_order_wrapped_at_80_columns(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, out, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--kind", "copy")
    assert code == 0
    assert out.index("new-moms") < out.index("dormant-vip")  # the brief names new-moms first
    assert "草稿" in out and "draft" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    lines = [line for line in out.splitlines() if line.strip()]
    assert any("…" in line for line in lines)  # previews are cut at 60 characters, wrapped
    code, full, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--kind", "copy", "--full")
    assert code == 0 and "utm_content" in "".join(full.split())  # the whole body, link too
    assert len(full.splitlines()) > len(out.splitlines())


def test_validate_warns_about_a_past_deadline(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-20")
    code, out, err = cli("validate", "briefs/member-day.yaml")
    assert code == 0 and "valid" in out
    line = next(
        n
        for n, text in enumerate((ws / "briefs/member-day.yaml").read_text().splitlines(), 1)
        if text.strip().startswith("deadline:")
    )
    assert err.strip() == (
        f"briefs/member-day.yaml:{line}: campaign.product.deadline: warning: the deadline "
        "2026-03-15 was 5 day(s) ago; copy that quotes it reads as expired: fix the date "
        "before generating"
    )
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-03-15")
    code, out, err = cli("validate", "briefs/member-day.yaml")
    assert code == 0 and err == ""


def test_ab_report_without_data_shows_no_rates(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, _ = cli("ab", "create", "--campaign", CAMPAIGN, "--include-drafts")
    assert code == 0
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, out, _ = cli("ab", "report", "--campaign", CAMPAIGN)
    assert code == 0
    assert "暂无数据" in out and "无数据" in out
    assert "50.0%" not in out and "0.0%" not in out


def test_ab_size_speaks_the_workspace_language(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_LANG")  # the workspace's workbench.toml says zh-CN
    code, out, _ = cli("ab", "size", "--baseline", "0.2", "--mde", "0.05")
    assert code == 0
    assert out.startswith("每组需要 1,030 人") and "公式：Evan Miller 双侧检验" in out


def test_copy_names_the_year_of_a_deadline_in_another_year(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-01")
    brief = ws / "briefs/member-day.yaml"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("deadline: 2026-03-15", "deadline: 2027-01-01"),
        encoding="utf-8",
    )
    code, _, _ = cli("generate", str(brief))
    assert code == 0
    _, out, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--kind", "copy", "--json")
    bodies = [v["content"]["body"] for v in json.loads(out) if "1月1日" in v["content"]["body"]]
    assert bodies and all("2027年1月1日" in body for body in bodies)


def test_audit_at_80_columns_in_chinese_without_lint_rows(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    vid = _first_id(cli)
    assert cli("lint", str(vid))[0] in (0, 1)
    reason = "这一句太夸张了，而且和门店活动不符合，请换成更朴素的说法再提交审核，谢谢"
    assert cli("review", "reject", str(vid), "--reason", reason)[0] == 0
    _, trail, _ = cli("audit", str(vid), "--json")
    assert [r["action"] for r in json.loads(trail)] == ["generate", "reject"]  # no lint row
    _, shown, _ = cli("variants", "show", str(vid), "--json")
    assert "lint" in json.loads(shown)  # the findings stay on the variant
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, out, _ = cli("audit", str(vid))
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    assert "驳回" in out and "草稿 → 已驳回" in out and "运行 #1" in out
    assert "这一句太夸张了" in out and "再提交审核，谢谢" in out  # wrapped, not cut
    code, out, _ = cli("review", "submit", str(_first_id(cli) + 1))
    assert "草稿 → 审核中" in out


def test_error_lines_carry_the_workspace_language_prefix(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = cli("review", "approve", "99999")
    assert code == 3 and err.strip() == "error: variant 99999 not found"
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, _, err = cli("review", "approve", "99999")
    assert code == 3 and err.strip() == "错误：找不到变体 99999"  # the message too (errortexts)
