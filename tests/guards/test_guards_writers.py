"""Every file the workbench writes goes through workbench/fsio.py (atomic, no half files)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"
# Direct writes: Path.write_text/write_bytes, open(..., "w"/"a"/"x"), an image or workbook
# saved to a path, os.replace done by hand (store.assets.save records a poster's row, no file).
DIRECT = re.compile(
    r"\.write_text\(|\.write_bytes\(|\bopen\([^)]*['\"][wax]b?\+?['\"]|os\.replace\("
    r"|(?<!store\.assets)\.save\((?!handle|buf|buffer)"
)


def test_no_module_writes_a_file_directly() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "fsio.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if DIRECT.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_direct_writes() -> None:
    for line in (
        'path.write_text("x")',
        "path.write_bytes(data)",
        'with open(p, "w") as f:',
        "book.save(path)",
        "os.replace(tmp, path)",
    ):
        assert DIRECT.search(line), line
    assert not DIRECT.search("image.save(handle, 'PNG')")
