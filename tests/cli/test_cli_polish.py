"""Rough edges of the operator's day (#18): comments, variants list, validate, ab report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from workbench.cli.main import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "review"))
from helpers_review import CAMPAIGN, generated_workspace


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated_workspace(tmp_path, monkeypatch)


def _first_id(capsys: pytest.CaptureFixture[str]) -> int:
    _, out, _ = cli(capsys, "variants", "list", "--campaign", CAMPAIGN, "--json")
    return int(json.loads(out)[0]["id"])


def test_comment_takes_text_and_prints_no_status_move(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vid = _first_id(capsys)
    code, out, _ = cli(capsys, "review", "comment", str(vid), "--text", "语气再亲切一点")
    assert code == 0
    assert out.strip() == f"Variant {vid}: comment added (status unchanged)"
    assert "->" not in out
    code, out, _ = cli(capsys, "review", "comment", str(vid), "--reason", "old flag")
    assert code == 0
    _, trail, _ = cli(capsys, "audit", str(vid), "--json")
    comments = [r["comment"] for r in json.loads(trail) if r["action"] == "comment"]
    assert comments == ["语气再亲切一点", "old flag"]
    code, out, err = cli(capsys, "review", "comment", str(vid))
    assert code == 2 and err.strip() == "error: a comment needs its text (--text)"
