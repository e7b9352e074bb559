"""A damaged or read-only database is one line naming the file, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers_guards import CAMPAIGN, small_workspace

from workbench.cli.main import run
from workbench.errors import StoreError
from workbench.guards.dberror import database_error


def test_a_damaged_page_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = small_workspace(tmp_path, monkeypatch, titles=40)
    db = folder / "workbench.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'variants'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page : root * page] = b"\xa5" * page  # the variants table's root page
    db.write_bytes(bytes(data))
    capsys.readouterr()
    code = run(["variants", "list", "--campaign", CAMPAIGN])
    err = capsys.readouterr().err.strip()
    assert code == StoreError.exit_code and len(err.splitlines()) == 1, err
    assert err.startswith(f"error: {db}: ") and "damaged" in err


def test_read_only_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        con.execute("INSERT INTO t VALUES (1)")
    error = database_error(caught.value, path)
    assert str(error) == (
        f"{path}: the database is read-only; check the permissions of the file and its "
        "folder (attempt to write a readonly database)"
    )
