"""Every bad input through the CLI: one line per problem, a non-zero exit, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli.main import run


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"- a\n- b\n", "mapping"),
        (b"just text\n", "mapping"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\xff\xfe\xfa not utf-8", "UTF-8"),
        (b"campaign: [unclosed\n", "YAML"),
    ],
)
def test_unreadable_briefs(
    ws: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    brief = ws / "bad.yaml"
    brief.write_bytes(content)
    for command in ("validate", "generate"):
        capsys.readouterr()
        assert run([command, str(brief)]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(str(brief)), err
        assert expected.lower() in lines[0].lower(), lines[0]
    assert not (ws / "workbench.db").exists()


def test_every_problem_in_every_brief_is_listed(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = (ws / "briefs" / "member-day.yaml").read_text(encoding="utf-8")
    first = ws / "one.yaml"
    first.write_text(good.replace("variants: 10", "variants: 99"), encoding="utf-8")
    second = ws / "two.yaml"
    second.write_text(good.replace("kind: poster", "kind: billboard"), encoding="utf-8")
    assert run(["validate", str(first), str(second)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{first}:") and "deliverables[2].variants" in lines[0]
    assert lines[1].startswith(f"{second}:") and "deliverables[3]" in lines[1]


def test_variants_without_a_database(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["variants", "list"]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "workbench generate" in err
    assert not (ws / "workbench.db").exists()


def test_db_flag_and_environment(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    flag_db = tmp_path / "flag.db"
    env_db = tmp_path / "env.db"
    brief = "briefs/store-opening-week.yaml"
    assert run(["generate", brief, "--only", "kind=copy", "--db", str(flag_db)]) == 0
    assert run(["--db", str(flag_db), "variants", "list"]) == 0
    monkeypatch.setenv("WORKBENCH_DB", str(env_db))
    assert run(["generate", brief, "--only", "kind=poster"]) == 0
    assert flag_db.is_file() and env_db.is_file()
    assert not (ws / "workbench.db").exists()


def test_init_on_a_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert run(["init", str(target)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_schema_out_writes_a_file(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = ws / "brief.schema.json"
    assert run(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")


def test_workspace_is_found_from_a_subfolder(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_HOME")
    monkeypatch.chdir(ws / "briefs")
    assert run(["generate", "member-day.yaml", "--only", "kind=title"]) == 0
    assert (ws / "workbench.db").is_file()


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("xiaohongsu", "unknown size"),
        ("[10, 20]", "200-5000 pixels"),
        ("[xiaohongshu, banana]", "unknown size"),
    ],
)
def test_poster_sizes_are_checked_at_validate(
    ws: Path, capsys: pytest.CaptureFixture[str], size: str, message: str
) -> None:
    text = (ws / "briefs" / "member-day.yaml").read_text(encoding="utf-8")
    brief = ws / "sizes.yaml"
    brief.write_text(text.replace("size: xiaohongshu", f"size: {size}"), encoding="utf-8")
    assert run(["validate", str(brief)]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith(f"{brief}:") and "deliverables[3].size:" in line and message in line


def test_poster_templates_are_checked_at_validate(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (ws / "briefs" / "member-day.yaml").read_text(encoding="utf-8")
    brief = ws / "template.yaml"
    brief.write_text(text.replace("template: bold-sale", "template: bold-sail"), encoding="utf-8")
    assert run(["validate", str(brief)]) == 2
    line = capsys.readouterr().err.strip()
    assert "deliverables[3].template:" in line and "bold-sale" in line
