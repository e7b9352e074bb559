"""Numbers in a brief that YAML lets through but no customer should read: ``.inf``/``.nan``.

YAML reads ``price: .inf`` as a float, pydantic accepts it (it is > 0), and the copy then
said "¥inf". Every float in the brief's product and campaign data must be finite.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.brief.yamldoc import join_path, line_of, locate, parse
from workbench.errors import Problem


def _floats(value: Any, path: str) -> list[tuple[str, float]]:
    if isinstance(value, float):
        return [(path, value)]
    if isinstance(value, dict):
        return [f for k, v in value.items() for f in _floats(v, join_path(path, str(k)))]
    if isinstance(value, list):
        return [f for i, v in enumerate(value) for f in _floats(v, join_path(path, i))]
    return []


def infinite_problems(loaded: Any) -> list[Problem]:
    """A problem for every infinite or NaN number the brief holds."""
    data = loaded.brief.model_dump(mode="python")
    bad = [(p, v) for p, v in _floats(data, "") if not math.isfinite(v)]
    if not bad:
        return []
    doc = parse(loaded.raw, str(loaded.path))
    problems = []
    for path, value in bad:
        line = None
        if doc.root is not None:
            loc = tuple(
                int(x) if x.isdigit() else x
                for x in path.replace("[", ".").replace("]", "").split(".")
            )
            found = locate(doc.root, loc)
            line = line_of(found.node) if found.found else None
        problems.append(
            Problem(str(loaded.path), line, path, f"must be a finite number, not {value}")
        )
    return problems
