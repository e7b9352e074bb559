"""Claim packs (``templates/compliance/packs.json``): Advertising Law art. 17 for every ad,
and category packs switched on by ``product.category``.

A hit is a ``ban``; no compliant wording replaces a disease or efficacy claim, so its fix
removes the clause ("根治湿疹" is removed, never turned into "改善湿疹"). A category may also
require text in every piece (health food: 本品不能代替药物).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workbench.lint.claims import clause_span
from workbench.lint.hits import ClauseHit
from workbench.locations import resource_dir

ALWAYS = "art17"


@dataclass(frozen=True)
class Pack:
    name: str
    regex: re.Pattern[str] | None
    basis_zh: str
    basis_en: str
    require: tuple[str, ...]


@lru_cache(maxsize=1)
def packs() -> dict[str, Pack]:
    """The packaged packs, each compiled into one regular expression."""
    path = resource_dir("templates") / "compliance" / "packs.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Pack] = {}
    for name, body in data.items():
        if name.startswith("_"):
            continue
        patterns = [str(p) for p in body.get("patterns", [])]
        out[name] = Pack(
            name=name,
            regex=re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None,
            basis_zh=str(body.get("basis_zh", "")),
            basis_en=str(body.get("basis_en", "")),
            require=tuple(str(r) for r in body.get("require", [])),
        )
    return out


def active(category: str | None) -> list[Pack]:
    """art. 17 always; the category's pack when there is one."""
    table = packs()
    chosen = [table[ALWAYS]] if ALWAYS in table else []
    if category and category != ALWAYS and category in table:
        chosen.append(table[category])
    return chosen


def pack_hits(text: str, category: str | None) -> list[ClauseHit]:
    """Raw findings for every pack hit in ``text`` (the fix removes the clause)."""
    out: list[ClauseHit] = []
    for pack in active(category):
        if pack.regex is None:
            continue
        for m in pack.regex.finditer(text):
            left, right = clause_span(text, m.start(), m.end())
            out.append(
                ClauseHit(
                    rule="claim_pack",
                    pack=pack.name,
                    term=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    clause=text[left:right].strip(),
                    fix_start=left,
                    fix_end=right,
                    basis=pack.basis_zh,
                )
            )
    out.sort(key=lambda f: (f.start, -f.end))
    kept: list[ClauseHit] = []
    for f in out:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def missing_required(whole: str, category: str | None) -> list[tuple[str, Pack]]:
    """(text, pack) for every required text the category needs and ``whole`` lacks."""
    return [(need, pack) for pack in active(category) for need in pack.require if need not in whole]
