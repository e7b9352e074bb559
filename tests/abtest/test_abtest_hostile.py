"""A/B imports with hostile encodings and numbers: one line each, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.abtest.importing import import_events, import_results
from workbench.errors import InputError
from workbench.store import Store

HEADER = "variant_id,date,impressions,clicks,conversions"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "wb.db")


@pytest.mark.parametrize("count", ["²", "１２", str(2**63), "9" * 400])
def test_counts_must_be_ascii_and_fit_sqlite(store: Store, tmp_path: Path, count: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"{HEADER}\n1,2026-03-10,{count},1,1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_results(store, path)
    assert f"{path}:2: impressions: " in str(caught.value)
    assert "is not a whole number >= 0" in str(caught.value)


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_other_encodings_are_read(store: Store, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(
        '{"variant_id": "未知", "event": "click", "ts": "2026-03-10"}\n'.encode(encoding)
    )
    with pytest.raises(InputError) as caught:
        import_events(store, path)
    assert "not UTF-8" not in str(caught.value)  # decoded; the row itself is what is wrong


def test_undecodable_bytes_and_deep_json_are_one_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"\x80\x81\xfe\n")
    with pytest.raises(InputError, match=r"events\.jsonl:1: not UTF-8 text"):
        import_events(store, path)
    path.write_text('{"a":' * 3000 + "1" + "}" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"events\.jsonl:1: JSON nested too deeply"):
        import_events(store, path)


def test_a_fifo_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    with pytest.raises(InputError, match="not a regular file"):
        import_results(store, path)
