from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.guards.archive import check_zip


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * 60_000_000)
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError, match=r"sharedStrings.xml would inflate \d+x .*zip bomb"):
        check_zip(path)


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04truncated"])
def test_non_zip_and_truncated_files_are_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        check_zip(path)
    assert str(caught.value).startswith(f"{path}: not an XLSX file")
    assert "\n" not in str(caught.value)


def test_an_ordinary_archive_passes(tmp_path: Path) -> None:
    path = tmp_path / "ok.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", "<a>" + "会员日" * 1000 + "</a>")
    check_zip(path)
