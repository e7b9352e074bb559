"""Rounds per job slot: the next round after a prompt changed (``ab promote``).

A job's key covers its round and its rendered prompt (the few-shot pool included). A plain
``generate`` plans every slot in the round it was last generated in, so unchanged slots find
their finished job and stay cached. A slot whose job finished in that round but whose key
no longer matches (its rendered prompt changed: a promoted winner joined the examples of
that kind and channel) is re-run as the next round: new variants under a round number of
their own, the earlier round's variants kept. ``--fresh`` ignores all this and starts one
new round for every slot, above every slot's round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from workbench.generate.jobs import Job
from workbench.store.runs import Slot


def slot_of(job: Job) -> Slot:
    ctx = job.ctx
    return (ctx.segment.id, ctx.deliverable_index, ctx.style, ctx.variant_index)


def with_round(job: Job, round_: int) -> Job:
    return job if job.ctx.round == round_ else Job(replace(job.ctx, round=round_))


def at_slot_rounds(jobs: Iterable[Job], slots: dict[Slot, tuple[int, bool]]) -> list[Job]:
    """Each job in the round its slot was last generated in (new slots: as expanded)."""
    out = []
    for job in jobs:
        seen = slots.get(slot_of(job))
        out.append(with_round(job, seen[0]) if seen else job)
    return out


def next_round(job: Job, slots: dict[Slot, tuple[int, bool]]) -> Job | None:
    """The job as the next round when its slot finished in the job's round under another
    key (the prompt changed), else None (a new slot, or one to retry in its round)."""
    seen = slots.get(slot_of(job))
    if seen is None or not seen[1] or seen[0] != job.ctx.round:
        return None
    return with_round(job, job.ctx.round + 1)
