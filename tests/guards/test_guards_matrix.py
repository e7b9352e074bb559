"""A brief whose job matrix is above generate.max_jobs is refused at validate, with the count."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbench.cli.main import run


def _big_brief(ws: Path, segments: int) -> Path:
    brief = yaml.safe_load((ws / "briefs" / "member-day.yaml").read_text(encoding="utf-8"))
    brief["segments"] = [
        {"id": f"s{i}", "name": f"人群{i}", "description": "宝宝0-12个月", "lifecycle": "new"}
        for i in range(segments)
    ]
    path = ws / "briefs" / "big.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True), encoding="utf-8")
    return path


def _ceiling(ws: Path, value: int) -> None:
    toml = ws / "workbench.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("[generate]\n", f"[generate]\nmax_jobs = {value}\n"), "utf-8")


def test_validate_and_generate_refuse_a_matrix_above_the_ceiling(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _big_brief(ws, 40)
    _ceiling(ws, 500)
    for command in (["validate", str(path)], ["generate", str(path)]):
        assert run(command) == 2
        err = capsys.readouterr().err.strip()
        assert err == (
            f"{path}: deliverables: expands into 880 jobs, above the ceiling of 500 "
            "(generate.max_jobs in workbench.toml); split the brief or raise it"
        )
    assert not (ws / "workbench.db").exists() or run(["variants", "list", "--json"]) == 0


def test_briefs_together_count_and_the_ceiling_is_configurable(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _big_brief(ws, 20)  # 440 jobs; member-day has 44
    _ceiling(ws, 450)
    assert run(["validate", str(path)]) == 0
    capsys.readouterr()
    assert run(["validate", str(path), "briefs/member-day.yaml"]) == 2
    assert "briefs: together expand into 484 jobs, above the ceiling of 450" in (
        capsys.readouterr().err
    )
