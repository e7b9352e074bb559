"""One composition: facts, seeded randomness and the language's phrase banks."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.kinds import get_kind
from workbench.llm.offline import phrases_en, phrases_zh
from workbench.llm.offline.facts import Facts, facts_for, scrub
from workbench.llm.offline.text import pick, squash
from workbench.tracking.links import UID_LENGTH, variant_link

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
    link: str = ""  # the link as the customer gets it, for measuring (``link_text``)
    short_link: bool = False  # ``link`` is a tracked short link (``[tracking] base_url``)
    group: int = 0  # offset shared by the five styles of one segment/deliverable

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
            "you": f.address if f.named else "",  # address_as only: titles that address the reader
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

    def cta(self, rotate: int = 0, with_link: bool | None = None, goal: str = "") -> str:
        """The call to action for the goal and product form: a link CTA ("点链接") only
        when the text carries the link (``with_link``, by default: the brief has one);
        ``goal`` overrides the segment's (a line to those who have "not bought yet")."""
        linked = bool(link_text(self)) if with_link is None else with_link
        bank = self.bank.CTA if linked else self.bank.CTA_NO_LINK
        options = bank[goal or self.facts.ask]  # never "again" to a new customer
        turn = self.variant + self.group + rotate
        template = options[turn % len(options)]  # styles take turns; deliverables rotate
        return template.format_map(self.values())

    def safe(self, text: str) -> str:
        return scrub(text, self.facts.terms)


def link_text(ctx: Ctx) -> str:
    """The link the composer writes into copy and measures channel fit with: a stand-in of
    exactly the tracked link's length (``measured_link``); ``restore_landing`` puts the
    landing URL back in its place, which the runner's link step then tracks."""
    return ctx.link


def measured_link(job: JobContext, base_url: str) -> str:
    """A link as long as the one the customer receives: the variant's tracked link
    (``{base_url}/s/{code}``, or the landing URL with its utm parameters) for a zero uid;
    every variant's link has this length (``tracking.body.job_link_length``)."""
    landing = (job.brief.campaign.product.landing_url or "").strip()
    if not landing or not get_kind(job.kind).tracked_links:
        return landing
    link = variant_link(
        landing,
        base_url=base_url,
        uid="0" * UID_LENGTH,
        campaign=job.brief.campaign.key,
        kind=job.deliverable.kind,
        channel=getattr(job.deliverable, "channel", None),
    )
    return link.url


def restore_landing(ctx: Ctx, text: str) -> str:
    """``text`` with the measured stand-in link replaced by the landing URL."""
    landing = (ctx.job.brief.campaign.product.landing_url or "").strip()
    if not ctx.link or ctx.link == landing:
        return text
    return text.replace(ctx.link, landing)


def make_ctx(job: JobContext, base_url: str = "") -> Ctx:
    key = _brief_key(job)
    coords = (job.segment.id, job.deliverable_index, job.style, job.round)
    rng = random.Random(seed(key, *coords, job.variant_index, job.count))
    base = seed(key, *coords) % 997
    group = seed(key, job.segment.id, job.deliverable_index) % 997
    facts = _FACTS.get((key, job.segment.id))
    if facts is None:
        if len(_FACTS) > 256:
            _FACTS.clear()
        facts = _FACTS[(key, job.segment.id)] = facts_for(job)
    bank = phrases_en if facts.en else phrases_zh
    link = measured_link(job, base_url)
    return Ctx(
        job,
        facts,
        rng,
        base,
        job.variant_index,
        job.style,
        bank,
        (key, job.segment.id),
        link,
        bool(link and base_url),
        group,
    )
