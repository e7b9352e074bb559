"""Issue 10: central records are typed; ``dict[str, Any]`` is left only at JSON edges.

Counted in ``workbench/``, one per occurrence (a line may hold several):

- ``dict[str, Any]``, ``Dict[str, Any]``, ``Mapping[str, Any]``, ``MutableMapping[str, Any]``
  and the same with ``object`` instead of ``Any`` (``dict[str, object]`` is the same record);
- every use of a name aliased to one of them (``JsonObject = dict[str, Any]``,
  ``Row: TypeAlias = Mapping[str, Any]``, ``type Payload = dict[str, Any]``): an alias hides
  the same untyped record.

The target of the issue is 150. ``LIMIT`` is where the typed-records work stands; lower it
when a module is converted, never raise it: a new record is a frozen dataclass with field
docstrings (``workbench/store/findings.py`` is the model), converted to JSON in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "workbench"
TARGET = 150
LIMIT = 144

_UNTYPED = r"\b(?:typing\.)?(?:dict|Dict|Mapping|MutableMapping)\[\s*str\s*,\s*(?:Any|object)\s*\]"
UNTYPED = re.compile(_UNTYPED)
ALIAS = re.compile(
    r"^\s*(?:type\s+)?(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?:typing\.)?TypeAlias\s*)?=\s*"
    + _UNTYPED
    + r"\s*(?:#.*)?$",
    re.M,
)


def _sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(ROOT.rglob("*.py"))}


def count_untyped(sources: dict[Path, str]) -> Counter[str]:
    """Occurrences per file: the spelled-out forms, plus every use of an alias of them."""
    aliases = {m.group("name") for text in sources.values() for m in ALIAS.finditer(text)}
    uses = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(aliases))) + r")\b")
    found: Counter[str] = Counter()
    for path, text in sources.items():
        name = str(path.relative_to(ROOT.parent)) if path.is_relative_to(ROOT) else path.name
        found[name] += len(UNTYPED.findall(text))
        if aliases:
            for line in text.splitlines():
                if ALIAS.match(line):
                    continue  # the definition was counted above
                found[name] += len(uses.findall(line))
    return +found


def test_the_counter_sees_every_spelling_and_aliases(tmp_path: Path) -> None:
    sample = {
        tmp_path / "workbench" / "a.py": (
            "from typing import Any, Mapping, TypeAlias\n"
            "JsonObject = dict[str, Any]\n"
            "Row: TypeAlias = Mapping[str, Any]\n"
            "def f(x: JsonObject, y: Row) -> dict[str,  object]: ...\n"
            "def g(z: typing.Dict[str, Any]) -> list[JsonObject]: ...\n"
            "ok: dict[str, int] = {}\n"
        )
    }
    assert sum(count_untyped(sample).values()) == 7


def test_untyped_records_stay_under_the_limit() -> None:
    found = count_untyped(_sources())
    total = sum(found.values())
    worst = ", ".join(f"{name} {n}" for name, n in found.most_common(12))
    assert total <= LIMIT, (
        f"{total} untyped dict records in workbench/ (limit {LIMIT}, target {TARGET}); "
        f"type the new record instead (frozen dataclass, to_json at the edge). Most: {worst}"
    )
