"""The lint, review, audit and export commands end to end, and their one-line errors."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from cli_testkit import Cli
from helpers_review import CAMPAIGN, generated_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return generated_workspace(tmp_path, monkeypatch, steps=["marketing", "legal"])


def test_lint_file_json_offsets_and_exit_code(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "copy.md"
    text = "# 标题\n\n全网最好的米粉，最佳食用期30天。\n"
    path.write_text(text, encoding="utf-8")
    code, out, _ = cli("lint", str(path), "--json")
    assert code == 1
    findings = json.loads(out)
    assert [f["term"] for f in findings] == ["最好"]
    f = findings[0]
    assert text[f["start"] : f["end"]] == "最好"
    assert {"category", "severity", "message", "suggestion"} <= set(f)
    path.write_text("最佳食用期30天\n", encoding="utf-8")
    assert cli("lint", str(path))[0] == 0


def test_lint_fix_file_keeps_the_original(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "sms.txt"
    path.write_text("会员日满199减50，稳赚不赔", encoding="utf-8")
    code, _, _ = cli("lint", str(path), "--channel", "sms", "--fix")
    fixed = tmp_path / "sms.fixed.txt"
    assert fixed.read_text(encoding="utf-8").endswith("拒收请回复R")
    assert "稳赚不赔" not in fixed.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == "会员日满199减50，稳赚不赔"
    assert code == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("lint",), "give one PATH"),
        (("lint", "nope.md"), "no such file"),
        (("lint", "x.md", "--channel", "tv"), "unknown channel"),
        (("review", "approve", "999999"), "not found"),
        (("review", "reject", "1"), "needs a comment"),
        (("export", CAMPAIGN, "--format", "pdf"), "unknown format"),
        (("export", "nope"), "not found"),
        (("export", CAMPAIGN, "--status", "done"), "unknown status"),
        (("audit",), "give one VARIANT_ID"),
        (("review", "import", "missing.xlsx"), "file not found"),
    ],
)
def test_bad_inputs_give_one_line_errors(
    ws: Path, cli: Cli, args: tuple[str, ...], needle: str
) -> None:
    (ws / "x.md").write_text("hi", encoding="utf-8")
    code, _, err = cli(*args)
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_review_flow_audit_and_variants_show(
    ws: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli("review", "approve", "1", "--reviewer", "mia")
    assert code == 0 and "in_review" in out and "legal" in out
    code, out, _ = cli("review", "approve", "1", "--step", "legal", "--reviewer", "lee")
    assert code == 0 and "approved" in out
    editor = ws / "editor.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8').replace('body: ', 'body: 全网最好的米粉。', 1),"
        " encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    code, out, err = cli("review", "edit", "2")
    assert code == 0, err
    new_id = int(out.split("new version ")[1].split()[0])
    code, _, err = cli("review", "approve", str(new_id))
    assert code == 2 and "override reason" in err
    code, out, _ = cli("variants", "show", str(new_id))
    assert "v1 #2" in out and f"v2 #{new_id}" in out and "最好" in out
    code, out, _ = cli("audit", "1", "--json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["generate", "approve", "approve"]
    assert {"variant_id", "action", "actor", "at", "from_status", "to_status", "comment"} <= set(
        entries[-1]
    )
    assert entries[-1]["actor"] == "lee" and entries[-1]["to_status"] == "approved"


def test_export_then_import_through_the_cli(ws: Path, cli: Cli) -> None:
    out_path = ws / "review.csv"
    code, _, _ = cli("export", CAMPAIGN, "--format", "csv", "--out", str(out_path))
    assert code == 0
    with out_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("decision")] = "通过"
    with out_path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, out, _ = cli("review", "import", str(out_path), "--reviewer", "wang")
    assert code == 0 and "Applied 1" in out
    code, out, _ = cli("review", "import", str(out_path))
    assert "Applied 0" in out and "imported before" in out
    code, out, _ = cli("audit", "--campaign", CAMPAIGN, "--json")
    actions = [e["action"] for e in json.loads(out)]
    assert "export" in actions and actions.count("import") == 2
