"""Structure counts the architecture promises (docs/ARCHITECTURE.md): content kinds own
themselves, so code outside ``workbench/kinds/`` rarely asks which kind it holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from workbench.brief.loader import BRIEF_MODELS
from workbench.brief.models import Deliverable
from workbench.kinds import KINDS
from workbench.llm.offline.composer import COMPOSERS
from workbench.locations import resource_dir
from workbench.scripts.kinds import SCRIPT_EXPORTS

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"
_NAMES = "|".join(sorted(KINDS))
_SUBJECT = r"""(?:\bkind\b|\[["']kind["']\]|\.get\(["']kind["']\))"""
SWITCH = re.compile(
    rf"""{_SUBJECT}\s*(?:==|!=)\s*["'](?:{_NAMES})["']"""
    rf"""|{_SUBJECT}\s+(?:not\s+)?in\s*[(\[{{]\s*["'](?:{_NAMES})["']"""
)
MAX_KIND_SWITCHES = 0


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


def test_a_kind_is_complete_where_it_must_live_outside_kinds() -> None:
    """What the recipe "add a kind" (docs/ARCHITECTURE.md) names outside ``workbench/kinds/``,
    checked for every kind, so a new kind fails here with the list of what it still lacks."""
    union = {m.model_fields["kind"].annotation: m for m in get_args(get_args(Deliverable)[0])}
    deliverable_kinds = {get_args(literal)[0] for literal in union}
    missing = [f"{name}: no KindSpec in workbench/kinds" for name in deliverable_kinds - set(KINDS)]
    for name in KINDS:
        if name not in deliverable_kinds:
            missing.append(f"{name}: its deliverable model in brief/models.py Deliverable")
        model = BRIEF_MODELS.get(name)
        if model is None or get_args(model.model_fields["kind"].annotation) != (name,):
            missing.append(f"{name}: its deliverable model in brief/loader.py BRIEF_MODELS")
        if name not in COMPOSERS:
            missing.append(f"{name}: its offline answer in llm/offline/composer.py COMPOSERS")
        if not (resource_dir("prompts") / "kinds" / f"{name}.j2").is_file():
            missing.append(f"{name}: its prompt prompts/kinds/{name}.j2")
    assert not missing, "\n".join(missing)
    assert set(SCRIPT_EXPORTS) <= set(KINDS)
