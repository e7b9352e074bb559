"""How hard the runner pushes the endpoint: AIMD concurrency and the dead-endpoint stop.

``AdaptiveLimit`` lets at most ``limit`` jobs call the model at once. A timeout or a 503
(the endpoint is busy: one llama.cpp slot, a queue in front of a GPU) halves the limit;
every ``limit`` successes in a row add one back, up to the configured concurrency. Queue
time on a busy server therefore stops turning into timeouts.

``EndpointHealth`` counts consecutive connection failures; after ``threshold`` of them the
endpoint is taken as unreachable and the runner starts no further jobs.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from datetime import datetime

from workbench.errors import LLMError

BUSY_STATUSES = frozenset({503})
DEAD_AFTER = 3  # consecutive connection failures before the batch stops


def is_busy_signal(error: LLMError) -> bool:
    """A timeout or a 503: the endpoint is overloaded, not broken."""
    return error.kind == "timeout" or (
        error.kind == "server" and getattr(error, "status", None) in BUSY_STATUSES
    )


class AdaptiveLimit:
    """An asyncio gate whose width follows additive-increase / multiplicative-decrease.

    Waiters queue in order and a freed place is handed to the first of them directly:
    one wake-up per release, however many jobs wait (the runner has more workers than
    places, so that a job storing its answer does not hold a place; waking every waiter
    on each release cost about 1 ms of CPU per call at concurrency 32)."""

    def __init__(self, maximum: int, on_change: Callable[[int, int], None] | None = None) -> None:
        self.maximum = max(1, maximum)
        self.limit = self.maximum
        self.in_flight = 0
        self._streak = 0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._on_change = on_change

    async def acquire(self) -> None:
        if self.in_flight < self.limit and not self._waiters:
            self.in_flight += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter  # the place is counted in ``in_flight`` when it is handed over
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.in_flight -= 1  # handed a place, then cancelled: pass it on
                self._hand_over()
            elif waiter in self._waiters:  # else a hand-over already dropped it
                self._waiters.remove(waiter)
            raise

    async def release(self, succeeded: bool = False) -> None:
        """One call ended; ``succeeded`` counts toward growing the limit again."""
        self.in_flight -= 1
        if succeeded:
            self._grow()
        self._hand_over()

    def _hand_over(self) -> None:
        while self._waiters and self.in_flight < self.limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.in_flight += 1
                waiter.set_result(None)

    def busy(self) -> None:
        """Halve the limit (never below one); the caller saw a timeout or a 503."""
        self._streak = 0
        new = max(1, self.limit // 2)
        if new != self.limit:
            old, self.limit = self.limit, new
            if self._on_change is not None:
                self._on_change(old, new)

    def _grow(self) -> None:
        if self.limit >= self.maximum:
            return
        self._streak += 1
        if self._streak >= self.limit:
            self._streak = 0
            old, self.limit = self.limit, self.limit + 1
            if self._on_change is not None:
                self._on_change(old, self.limit)


class EndpointHealth:
    """Consecutive connection failures; ``dead`` once ``threshold`` happened in a row."""

    def __init__(
        self, threshold: int = DEAD_AFTER, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        self.threshold = max(1, threshold)
        self._clock = clock
        self.streak = 0
        self.since: datetime | None = None

    def failed(self, error: LLMError) -> None:
        if error.kind != "connection":
            self.answered()
            return
        if self.streak == 0:
            self.since = self._clock()
        self.streak += 1

    def answered(self) -> None:
        """The endpoint answered (even with an error of another kind): it is alive."""
        self.streak = 0
        self.since = None

    @property
    def dead(self) -> bool:
        return self.streak >= self.threshold
