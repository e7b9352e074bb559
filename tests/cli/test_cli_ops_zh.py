"""A zh-CN workspace reads Chinese (#18 OPS): kind, channel, style, metric and A/B status
names, the decisions import's row problems, ``--help`` type names, the demo's next step."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from cli_testkit import Cli
from helpers_review import CAMPAIGN, generated_workspace

from workbench.i18n import Catalog


@pytest.fixture
def zh_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = generated_workspace(tmp_path, monkeypatch)
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    return folder


def test_catalog_names_kinds_channels_and_styles_in_chinese_and_ids_in_english() -> None:
    zh, en = Catalog("zh-CN"), Catalog("en-US")
    assert zh.kind_name("copy", "community") == "文案·社群"
    assert zh.kind_name("video_script", "douyin") == "短视频脚本·抖音"
    assert zh.kind_name("poster") == "海报"
    assert zh.name("style", "agent") == "代理人法"
    assert zh.name("metric", "conversion") == "转化"
    assert zh.name("ab_status", "running") == "进行中"
    assert en.kind_name("copy", "community") == "copy·community"  # what --kind/--channel take
    assert zh.name("kind", "brand_new_kind") == "brand_new_kind"
    assert zh.name("channel", None) == ""


def test_variants_list_names_kinds_and_styles_in_chinese(zh_ws: Path, cli: Cli) -> None:
    code, out, _ = cli("variants", "list", "--campaign", CAMPAIGN, "--kind", "copy")
    assert code == 0
    assert "文案·社群" in out and "代理人法" in out
    assert "copy·community" not in out and "agent" not in out


def test_ab_list_and_create_read_chinese(zh_ws: Path, cli: Cli) -> None:
    code, out, _ = cli("ab", "create", "--campaign", CAMPAIGN, "--include-drafts")
    assert code == 0
    assert "指标 转化" in out and "metric" not in out and "conversion" not in out
    code, out, _ = cli("ab", "list", "--campaign", CAMPAIGN)
    assert code == 0
    assert "进行中" in out and "转化" in out and "社群" in out and "文案" in out
    assert not re.search(r"\b(running|conversion|community|copy)\b", out)
    code, out, _ = cli("ab", "report", "--campaign", CAMPAIGN)
    assert "指标: 转化" in out and "conversion" not in out


def _export(cli: Cli, folder: Path) -> tuple[Path, list[list[str]]]:
    path = folder / "review.csv"
    assert cli("export", CAMPAIGN, "--format", "csv", "--out", str(path))[0] == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return path, list(csv.reader(handle))


def test_review_import_row_problems_read_chinese(zh_ws: Path, cli: Cli) -> None:
    path, rows = _export(cli, zh_ws)
    header = rows[0]
    column = {name: header.index(name) for name in ("变体ID", "审核决定", "校验码")}
    rows[1][column["变体ID"]] = "99999"
    rows[1][column["审核决定"]] = "通过"
    rows[2][column["审核决定"]] = "也许"
    rows[3][column["审核决定"]] = "通过"
    rows[3][column["校验码"]] = "0" * len(rows[3][column["校验码"]])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, out, _ = cli("review", "import", str(path))
    assert code == 1
    assert "第 2 行（变体 99999）：没有这个变体 ID" in out
    assert "看不懂的审核决定 '也许'" in out
    assert "第 4 行" in out and "已过期：导出之后变体改过了" in out
    assert "unknown" not in out and "stale" not in out


@pytest.mark.parametrize(
    "argv",
    [["generate", "--help"], ["ab", "size", "--help"], ["export", "--help"], ["ab", "--help"]],
)
def test_zh_help_names_types_and_usage_in_chinese(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = cli(*argv)
    shown = out + err
    assert code == 0, shown
    assert "用法：" in shown
    left = re.findall(r"<(?:str|int|float|file|path|list\[\w+\]|float range|int range)>", shown)
    assert not left, left
    assert "[OPTIONS]" not in shown and "COMMAND" not in shown
    assert "<数字>" in shown or "<文本" in shown or "命令" in shown


def test_a_group_without_its_command_says_so_in_chinese(
    monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, out, err = cli("ab")
    assert code == 2
    assert "缺少子命令" in out + err and "Missing" not in out + err


def test_demo_says_cd_to_the_folder_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    code, out, err = cli("demo", "--dir", "my shop")
    assert code == 0, err
    assert "cd 'my shop' && workbench variants show" in out
    assert "demo-workspace" not in out
    assert "文案·社群" in out and "· copy" not in out  # the sample panels' titles


def test_presets_prompts_and_lint_read_chinese(zh_ws: Path, cli: Cli) -> None:
    code, out, _ = cli("llm", "presets")
    assert code == 0
    assert "预设" in out and "接口地址" in out and "base URL" not in out
    code, out, _ = cli("prompts", "list")
    assert code == 0 and "内置" in out and "packaged" not in out
    code, out, _ = cli("lint", "--campaign", CAMPAIGN)
    assert "（内置）" in out and "packaged" not in out
