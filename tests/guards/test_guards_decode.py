from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.guards.decode import decode_text, detect_encoding, read_bytes, read_text

TEXT = "campaign:\n  name: 三月会员日\n  offer: 满199减50\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk"]
)
def test_common_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(TEXT.encode(encoding))
    assert read_text(path) == TEXT


def test_bad_bytes_are_one_line_with_the_line_number() -> None:
    data = "第一行\n第二行\n".encode() + b"\xff\xfe\xfd"
    with pytest.raises(InputError) as caught:
        decode_text(data, "x.csv", "CSV")
    assert str(caught.value) == "x.csv:3: not valid UTF-8 text (bad byte 0xff); save it as UTF-8"


def test_random_latin1_bytes_are_not_mistaken_for_gbk() -> None:
    with pytest.raises(InputError):
        decode_text(bytes(range(0x80, 0x100)) * 4, "x.csv", "CSV")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match=r"x.yaml:2: binary file \(contains NUL bytes\), not YAML"):
        decode_text(b"a: 1\n\x00\x01", "x.yaml", "YAML")


def test_bom_is_detected_and_skipped() -> None:
    assert detect_encoding(b"\xef\xbb\xbfa") == ("utf-8", 3)
    assert detect_encoding("ab".encode("utf-16-le")) == ("utf-16-le", 0)


def test_fifo_devices_and_folders_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path, message in (
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
        (tmp_path, "is a directory"),
        (tmp_path / "gone.csv", "file not found"),
    ):
        with pytest.raises(InputError, match=message):
            read_bytes(path)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="file is too large"):
        read_bytes(path, limit=1000)
    assert len(read_bytes(path, limit=2000)) == 2000
