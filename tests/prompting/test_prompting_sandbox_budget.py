"""Workspace templates cannot escape the prompts folder, hang, or exhaust memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import run

RENDER = [
    "prompts",
    "render",
    "briefs/member-day.yaml",
    "--segment",
    "new-moms",
    "--deliverable",
    "0",
    "--style",
    "agent",
]


def _override(ws: Path, body: str) -> Path:
    path = ws / "prompts" / "common" / "safety.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_a_symlink_out_of_the_prompts_folder_is_not_followed(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
    link = ws / "prompts" / "common" / "safety.j2"
    link.parent.mkdir(parents=True)
    link.symlink_to(secret)
    (ws / "prompts" / "kinds").symlink_to(tmp_path)  # a folder link too
    assert run(RENDER) == 0
    captured = capsys.readouterr()
    assert "TOP-SECRET-LINE" not in captured.out + captured.err
    assert "数据与指令的边界" in captured.out  # the packaged template was used instead
    assert run(["prompts", "list"]) == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 10**(10**10) }}", "BudgetExceeded: the power 10**10000000000 is too large"),
        ('{{ "x" * 1000000000 }}', "BudgetExceeded: repeating 1 items 1,000,000,000 times"),
        ("{{ 'a'.ljust(100000000) }}", "BudgetExceeded: a value of 100,000,000 items"),
        ("{{ (range(100000)|list) * 100000 }}", "BudgetExceeded: repeating 100,000 items"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError: maximum recursion"),
    ],
)
def test_runaway_templates_stop_with_one_line(
    ws: Path, capsys: pytest.CaptureFixture[str], body: str, message: str
) -> None:
    path = _override(ws, body)
    assert run(RENDER) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}:1: template common/safety.j2 (workspace): ")
    assert message in err and len(err.splitlines()) == 1


def test_nested_loops_stop_at_the_deadline(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbench.guards.budget.RENDER_SECONDS", 0.2)
    _override(
        ws, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    assert run(RENDER) == 2
    assert "BudgetExceeded: rendering took longer than 0.2 s; stopped" in capsys.readouterr().err
