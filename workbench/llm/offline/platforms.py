"""Facts as a platform that bans off-platform diversion lets them be said.

抖音 and 小红书 ban sending their readers elsewhere (扫码, 进群, 二维码: the lint's
``platform_qr``). A brief's offer written for the community channel ("第二杯半价，进群领5元
无门槛券") keeps its other clauses there and loses the diversion clause; the piece ends
with the platform's own action instead. A poster that asks for its QR code (``qr: true``)
keeps the brief's words: the lint then says so as a caution.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.lint.briefcontext import diversion_platforms
from workbench.lint.claims import DIVERSION

if TYPE_CHECKING:
    from workbench.llm.base import JobContext
    from workbench.llm.offline.facts import Facts

# The words the lint's platform_qr rule bans on those platforms (QR wording and joining a
# group; lint/claims.py).
_CLAUSE = re.compile(r"[^，,；;。！!？?]+[，,；;。！!？?]?")


def without_diversion(text: str) -> str:
    """``text`` without its clauses that carry diversion wording (the marks tidied)."""
    if not DIVERSION.search(text):
        return text
    kept = [c for c in _CLAUSE.findall(text) if not DIVERSION.search(c)]
    return "".join(kept).strip().rstrip("，,；;")


def for_platform(facts: Facts, job: JobContext) -> Facts:
    """``facts`` for the job's channel or platform (unchanged where diversion is allowed)."""
    d = job.deliverable
    target = getattr(d, "target", None)
    if getattr(d, "qr", False) or not diversion_platforms(target, getattr(d, "size", None)):
        return facts
    offer = without_diversion(facts.offer)
    points = [p for p in (without_diversion(x) for x in facts.points) if p]
    if offer == facts.offer and points == facts.points:
        return facts
    math = facts.math if offer and not DIVERSION.search(facts.math) else ""
    return replace(facts, offer=offer, points=points, math=math)
