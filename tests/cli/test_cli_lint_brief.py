"""``workbench lint FILE --brief BRIEF``: the fact guard on a text file, findings at offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import run

TEXT = (
    "宝妈们好！有机婴儿米粉89元/盒，满199减50。\n"
    "办理后3天有效，老会员回购时常提到。\nhello，沉睡VIP们！\n"
)


def test_lint_file_against_a_brief(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(TEXT, encoding="utf-8")
    capsys.readouterr()
    code = run(["lint", str(path), "--brief", str(ws / "briefs" / "member-day.yaml"), "--json"])
    assert code == 1
    found = json.loads(capsys.readouterr().out)
    bans = [(f["rule"], f["term"]) for f in found if f["severity"] == "ban"]
    assert bans == [
        ("claim", "3天"),
        ("claim", "回购"),
        ("claim", "常提到"),
        ("internal", "沉睡VIP"),
    ]
    for f in found:
        assert TEXT[f["start"] : f["end"]] == f["term"]
    # Without the brief there are no facts to hold the text to.
    capsys.readouterr()
    run(["lint", str(path), "--json"])
    plain = json.loads(capsys.readouterr().out)
    assert not [f for f in plain if f["rule"] in ("claim", "internal")]


def test_lint_fix_against_a_brief_lints_clean(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(TEXT, encoding="utf-8")
    brief = str(ws / "briefs" / "member-day.yaml")
    assert run(["lint", str(path), "--brief", brief, "--fix"]) == 0
    fixed = (tmp_path / "copy.fixed.txt").read_text(encoding="utf-8")
    assert "3天" not in fixed and "回购" not in fixed and "沉睡VIP" not in fixed
    assert "满199减50" in fixed
    capsys.readouterr()
    assert run(["lint", str(tmp_path / "copy.fixed.txt"), "--brief", brief]) == 0
