from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbench.errors import WorkbenchError
from workbench.fsio import atomic_output, atomic_write_bytes, atomic_write_text


def test_writes_whole_file_and_creates_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.csv"
    atomic_write_text(target, "a,b\n1,2\n", newline="")
    assert target.read_text(encoding="utf-8") == "a,b\n1,2\n"
    atomic_write_bytes(target, b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"
    assert [p.name for p in target.parent.iterdir()] == ["a.csv"]


def test_written_file_has_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_failure_keeps_previous_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "export.jsonl"
    target.write_text("good\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write("half")
        raise RuntimeError("killed mid-export")
    assert target.read_text(encoding="utf-8") == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.jsonl"]


def test_unwritable_folder_is_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="cannot write"):
        atomic_write_text(blocker / "sub" / "a.txt", "x")
