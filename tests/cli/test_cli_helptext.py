"""``--help`` is Chinese in a zh-CN workspace and fits an 80-column terminal."""

from __future__ import annotations

import pytest
import typer
from rich.cells import cell_len

from workbench.cli.helptext import localise, wrap_cells, zh_help
from workbench.cli.main import app, run


def _texts(command: object, path: str = "workbench") -> list[tuple[str, str]]:
    found = [(path, command.help or "")]  # type: ignore[attr-defined]
    for param in command.params:  # type: ignore[attr-defined]
        if getattr(param, "help", None):
            found.append((f"{path} {param.name}", param.help))
    for name, sub in getattr(command, "commands", {}).items():
        found += _texts(sub, f"{path} {name}")
    return found


def test_every_command_and_option_has_chinese_help() -> None:
    missing = [
        where for where, text in _texts(typer.main.get_command(app)) if zh_help(text) == text
    ]
    assert not missing, f"add their zh-CN help to HELP_ZH in workbench/i18n.py: {missing}"


def test_localised_tree_has_no_english_left() -> None:
    command = localise(typer.main.get_command(app), "zh-CN")
    english = [where for where, text in _texts(command) if text.isascii()]
    assert not english


@pytest.mark.parametrize(
    "argv", [["--help"], ["generate", "--help"], ["review", "approve", "--help"]]
)
def test_help_in_a_chinese_workspace(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "zh-CN")
    monkeypatch.setenv("COLUMNS", "80")
    assert run(argv) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("用法：workbench")
    assert "选项：" in shown and "显示此帮助并退出。" in shown
    assert "Usage" not in shown and "Show this message" not in shown
    assert max(cell_len(line) for line in shown.splitlines()) <= 80


def test_help_stays_english_in_an_english_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["generate", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "Usage: workbench generate" in shown and "Jobs in flight at once." in shown


def test_wrapping_counts_cells_and_keeps_words() -> None:
    lines = wrap_cells("数据库文件（默认取 WORKBENCH_DB，否则用工作区的 workbench.db）。", 30)
    assert all(cell_len(line) <= 30 for line in lines)
    assert "WORKBENCH_DB，" in "".join(lines)
    assert not any(line.startswith(("，", "。", "）")) for line in lines)
