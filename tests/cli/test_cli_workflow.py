"""The CLI end to end with the offline composer: init, validate, generate, browse."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cli_testkit import Cli

MEMBER_DAY_VARIANTS = 2 * (6 + 2 + 10 + 2 + 2)


def test_init_creates_workspace_and_keeps_existing_files(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "shop"
    code, _, _ = cli("init", str(folder))
    assert code == 0
    for name in (
        "workbench.toml",
        "segments.yaml",
        "briefs/member-day.yaml",
        "briefs/store-opening-week.yaml",
    ):
        assert (folder / name).is_file(), name
    (folder / "segments.yaml").write_text("segments: []\n", encoding="utf-8")
    code, _, _ = cli("init", str(folder))
    assert code == 0
    assert (folder / "segments.yaml").read_text(encoding="utf-8") == "segments: []\n"


def test_validate_prints_the_matrix(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("validate", "briefs/member-day.yaml", "briefs/store-opening-week.yaml")
    assert code == 0
    assert "26" in out and str(MEMBER_DAY_VARIANTS) in out


def test_validate_reports_every_problem_and_writes_nothing(ws: Path, cli: Cli) -> None:
    bad = ws / "bad.yaml"
    text = (ws / "briefs/member-day.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("variants: 3", "varients: 3"), encoding="utf-8")
    code, _, err = cli("validate", str(bad))
    assert code == 2
    line = err.strip().splitlines()[0]
    assert line.startswith(f"{bad}:")
    assert "deliverables[0]" in line and "varients" in line
    code, _, err = cli("generate", str(bad))
    assert code == 2
    assert not (ws / "workbench.db").exists()


def test_generate_offline_then_rerun_is_cached(ws: Path, cli: Cli) -> None:
    code, _, err = cli("generate", "briefs/member-day.yaml")
    assert code == 0, err
    assert "offline" in err.lower() or "离线" in err
    rows = _variants(cli)
    assert len(rows) == MEMBER_DAY_VARIANTS
    assert {r["provider"] for r in rows} == {"offline"}
    code, _, err = cli("generate", "briefs/member-day.yaml")
    assert code == 0
    assert len(_variants(cli)) == MEMBER_DAY_VARIANTS
    with sqlite3.connect(ws / "workbench.db") as db:
        generations = db.execute("select count(*) from generations").fetchone()[0]
    assert generations == 26  # the re-run made no calls


def test_fresh_makes_a_new_round(ws: Path, cli: Cli) -> None:
    assert cli("generate", "briefs/member-day.yaml", "--only", "kind=copy")[0] == 0
    assert cli("generate", "briefs/member-day.yaml", "--only", "kind=copy", "--fresh")[0] == 0
    rows = _variants(cli)
    assert len(rows) == 2 * 16
    assert sorted({r["round"] for r in rows}) == [1, 2]


def test_dry_run_writes_nothing(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("generate", "briefs/member-day.yaml", "--dry-run")
    assert code == 0
    assert "new-moms" in out
    assert not (ws / "workbench.db").exists()


def test_variants_json_shape_and_show(ws: Path, cli: Cli) -> None:
    assert cli("generate", "briefs/store-opening-week.yaml")[0] == 0
    rows = _variants(cli, "--kind", "copy", "--segment", "students")
    assert len(rows) == 4
    for row in rows:
        for key in (
            "id",
            "campaign",
            "segment",
            "kind",
            "channel",
            "style",
            "framework",
            "status",
            "provider",
            "model",
            "content",
        ):
            assert key in row, key
        assert row["status"] == "draft"
        assert isinstance(row["content"], dict) and row["content"]["body"]
    code, out, _ = cli("variants", "show", str(rows[0]["id"]), "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == rows[0]["id"]
    assert shown["generation"]["messages"][0]["role"] == "system"
    code, out, _ = cli("variants", "show", str(rows[0]["id"]))
    assert code == 0 and "offline" in out
    code, _, err = cli("variants", "show", "999999")
    assert code == 3 and err.count("\n") == 1


def test_prompts_render_shows_messages(ws: Path, cli: Cli) -> None:
    code, out, _ = cli(
        "prompts",
        "render",
        "briefs/member-day.yaml",
        "--segment",
        "new-moms",
        "--deliverable",
        "0",
        "--style",
        "agent",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["messages"][0]["role"] == "system"
    assert "有机婴儿米粉" in json.dumps(data["messages"], ensure_ascii=False)
    code, _, err = cli(
        "prompts",
        "render",
        "briefs/member-day.yaml",
        "--segment",
        "nobody",
        "--deliverable",
        "0",
        "--style",
        "agent",
    )
    assert code == 2 and "--segment" in err
    code, out, _ = cli("prompts", "list")
    assert code == 0 and "styles/hybrid.j2" in out


@pytest.mark.parametrize(
    "args",
    [
        ["generate", "briefs/member-day.yaml", "--concurrency", "0"],
        ["generate", "briefs/member-day.yaml", "--only", "colour=red"],
        ["generate", "briefs/member-day.yaml", "--no-such-flag"],
        ["generate", "briefs/missing.yaml"],
        ["variants", "list", "--limit", "zero"],
    ],
)
def test_bad_flags_are_one_line_errors(ws: Path, cli: Cli, args: list[str]) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert not (ws / "workbench.db").exists()


def test_schema_is_json_schema(ws: Path, cli: Cli) -> None:
    code, out, _ = cli("schema")
    assert code == 0
    schema = json.loads(out)
    assert "$schema" in schema and "campaign" in schema["properties"]


def _variants(cli: Cli, *filters: str) -> list[dict]:
    code, out, err = cli("variants", "list", "--json", *filters)
    assert code == 0, err
    return json.loads(out)
