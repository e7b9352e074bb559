"""A catastrophic pattern in compliance.yaml is refused at load, not run forever."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import run


@pytest.mark.parametrize("pattern", ["(a+)+$", "(最|最好)*吃"])
def test_catastrophic_workspace_pattern_is_one_line(
    ws: Path, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    (ws / "compliance.yaml").write_text(
        f"terms:\n  - {{term: 测试, category: absolute, severity: ban, pattern: '{pattern}'}}\n",
        encoding="utf-8",
    )
    (ws / "copy.txt").write_text("a" * 40 + "!", encoding="utf-8")
    code = run(["lint", "copy.txt"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith(f"{ws / 'compliance.yaml'}:2: terms[0].pattern")
    assert "exponential" in err and len(err.splitlines()) == 1
