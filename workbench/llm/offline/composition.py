"""One composition: facts, seeded randomness and the language's phrase banks."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.llm.offline import phrases_en, phrases_zh
from workbench.llm.offline.facts import Facts, facts_for, scrub
from workbench.llm.offline.text import pick, squash

if TYPE_CHECKING:
    from workbench.llm.base import JobContext

_BRIEF_KEYS: dict[int, tuple[object, str]] = {}
_FACTS: dict[tuple[str, str], Facts] = {}


def _brief_key(job: JobContext) -> str:
    """sha256 of the brief's JSON, cached per brief object (briefs are not mutated)."""
    brief = job.brief
    hit = _BRIEF_KEYS.get(id(brief))
    if hit is not None and hit[0] is brief:
        return hit[1]
    key = hashlib.sha256(brief.model_dump_json().encode()).hexdigest()
    if len(_BRIEF_KEYS) > 64:
        _BRIEF_KEYS.clear()
    _BRIEF_KEYS[id(brief)] = (brief, key)
    return key


def seed(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:8])


@dataclass
class Ctx:
    job: JobContext
    facts: Facts
    rng: random.Random  # seeded by every job coordinate, variant included
    base: int  # offset shared by the variants of one segment/style: rotation keeps them apart
    variant: int
    style: str
    bank: ModuleType
    facts_key: tuple[str, str]  # (brief hash, segment id): caches of derived text use it

    @property
    def en(self) -> bool:
        return self.facts.en

    def values(self, **extra: str) -> dict[str, str]:
        f = self.facts
        v = self.variant + self.base
        sep = ", " if f.en else "、"
        bank = self.bank
        get = bank.GET.get(f.category if f.service else "goods") or bank.GET[f.form]
        values = {
            "product": f.product,
            "short": f.short,
            "price": f.price,
            "offer": f.offer,
            "math": f.math,
            "deadline": f.deadline,
            "point": f.point(v),
            "point2": f.point(v + 1) if len(f.points) > 1 else "",
            "points": sep.join(f.points[:3]),
            "proof": f.proof[v % len(f.proof)] if f.proof else "",
            "addr": f.address,
            "pain": f.pain(v),
            "interest": f.interest(v),
            "region": f.region,
            "brand": f.brand,
            "occasion": f.occasion,
            "get": get,
            "get_cap": get[:1].upper() + get[1:],
        }
        values.update(extra)
        return values

    def say(self, beat: str, rotate: int | None = None, **extra: str) -> str:
        return squash(pick(self.bank.BEATS[beat], self.values(**extra), self.rng, rotate))

    def cta(self, rotate: int = 0) -> str:
        """The call to action for the goal and product form (a link CTA only with a link)."""
        bank = self.bank.CTA if link_text(self) else self.bank.CTA_NO_LINK
        options = bank[self.facts.goal]
        template = options[(self.base + self.variant + rotate) % len(options)]
        return template.format_map(self.values())

    def safe(self, text: str) -> str:
        return scrub(text, self.facts.terms)


def link_text(ctx: Ctx) -> str:
    """The link text the composer puts into copy (and measures SMS with): the landing URL.
    Link tracking replaces it here, in one place, so fitting measures the real link."""
    return ctx.facts.url


def make_ctx(job: JobContext) -> Ctx:
    key = _brief_key(job)
    coords = (job.segment.id, job.deliverable_index, job.style, job.round)
    rng = random.Random(seed(key, *coords, job.variant_index, job.count))
    base = seed(key, *coords) % 997
    facts = _FACTS.get((key, job.segment.id))
    if facts is None:
        if len(_FACTS) > 256:
            _FACTS.clear()
        facts = _FACTS[(key, job.segment.id)] = facts_for(job)
    bank = phrases_en if facts.en else phrases_zh
    return Ctx(job, facts, rng, base, job.variant_index, job.style, bank, (key, job.segment.id))
