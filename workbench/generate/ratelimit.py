"""A requests-per-minute limiter for asyncio: request starts are spaced evenly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimiter:
    """Space request starts at least ``60 / rpm`` seconds apart (``rpm = 0``: no limit)."""

    def __init__(self, rpm: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 60.0 / rpm if rpm > 0 else 0.0
        self._clock = clock
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        if not self.interval:
            return
        async with self._lock:
            now = self._clock()
            wait = self._next - now
            self._next = max(now, self._next) + self.interval
        if wait > 0:
            await asyncio.sleep(wait)
