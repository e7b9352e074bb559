"""The concurrency gate (generate/adaptive.py): places handed to waiters in order, one
wake-up per release, cancellation never loses or leaks a place, AIMD width."""

from __future__ import annotations

import asyncio

import pytest

from workbench.generate.adaptive import AdaptiveLimit


async def test_a_freed_place_goes_to_the_first_waiter() -> None:
    gate = AdaptiveLimit(1)
    await gate.acquire()
    order: list[str] = []

    async def wait(name: str) -> None:
        await gate.acquire()
        order.append(name)

    tasks = [asyncio.create_task(wait(name)) for name in "abc"]
    await asyncio.sleep(0)
    assert gate.in_flight == 1 and order == []
    for _ in "abc":
        await gate.release()
        await asyncio.sleep(0)
        assert gate.in_flight == 1  # the place was handed over, never two at once
    await asyncio.gather(*tasks)
    assert order == ["a", "b", "c"]


async def test_a_release_wakes_one_waiter_not_all() -> None:
    gate = AdaptiveLimit(2)
    await gate.acquire()
    await gate.acquire()
    woken: list[int] = []

    async def wait(i: int) -> None:
        await gate.acquire()
        woken.append(i)

    tasks = [asyncio.create_task(wait(i)) for i in range(10)]
    await asyncio.sleep(0)
    await gate.release()
    for _ in range(3):
        await asyncio.sleep(0)
    assert woken == [0] and gate.in_flight == 2
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert gate.in_flight == 2  # the cancelled waiters took nothing


async def test_a_waiter_cancelled_after_the_hand_over_passes_its_place_on() -> None:
    gate = AdaptiveLimit(1)
    await gate.acquire()
    first = asyncio.create_task(gate.acquire())
    second = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0)
    await gate.release()  # handed to ``first``, which has not run yet
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(second, timeout=5)  # the place went on to ``second``
    assert gate.in_flight == 1


async def test_busy_halves_and_successes_grow_back_handing_places_over() -> None:
    changes: list[tuple[int, int]] = []
    gate = AdaptiveLimit(4, on_change=lambda old, new: changes.append((old, new)))
    for _ in range(4):
        await gate.acquire()
    gate.busy()
    assert gate.limit == 2 and changes == [(4, 2)]
    waiter = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0)
    for _ in range(2):  # 4 in flight at width 2, then 2: nobody gets in yet
        await gate.release()
    await asyncio.sleep(0)
    assert not waiter.done() and gate.in_flight == 2
    await gate.release(succeeded=True)  # 1 in flight: the waiter's turn
    await asyncio.wait_for(waiter, timeout=5)
    assert gate.in_flight == 2 and gate.limit == 2
    await gate.release(succeeded=True)  # the second success in a row at width 2
    assert gate.limit == 3 and changes[-1] == (2, 3) and gate.in_flight == 1
