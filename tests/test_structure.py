"""Structure counts the architecture promises (docs/ARCHITECTURE.md): content kinds own
themselves, so code outside ``workbench/kinds/`` rarely asks which kind it holds."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.kinds import KINDS

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"
_NAMES = "|".join(sorted(KINDS))
_SUBJECT = r"""(?:\bkind\b|\[["']kind["']\]|\.get\(["']kind["']\))"""
SWITCH = re.compile(
    rf"""{_SUBJECT}\s*(?:==|!=)\s*["'](?:{_NAMES})["']"""
    rf"""|{_SUBJECT}\s+(?:not\s+)?in\s*[(\[{{]\s*["'](?:{_NAMES})["']"""
)
MAX_KIND_SWITCHES = 5


def kind_switches() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "kinds") in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SWITCH.search(line):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    return found


def test_the_pattern_finds_switches() -> None:
    for line in (
        'if kind == "poster":',
        'if d.kind in ("copy", "title"):',
        'elif row["kind"] != "live_script":',
        'x = v.get("kind") == "copy"',
    ):
        assert SWITCH.search(line), line
    for line in ('if error.kind == "timeout":', "get_kind(kind).renders_image", 'kind="copy"'):
        assert not SWITCH.search(line), line


def test_content_kind_switches_outside_kinds_are_few() -> None:
    found = kind_switches()
    assert len(found) <= MAX_KIND_SWITCHES, "\n".join(found)
