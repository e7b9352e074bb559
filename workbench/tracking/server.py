"""The click endpoint: ``GET /s/{code}`` answers 302 to the variant's target and stores
the hit; unknown codes get 404 and are stored as orphans; ``GET /healthz``.

Hits are queued and written by one thread in small batches (one transaction per batch,
at most ``FLUSH_SECONDS`` late), through the same ``Store`` as the CLI and TUI: WAL mode
lets them read while the server writes. Codes resolve from the database (the landing URL
from the campaign's newest brief) and stay cached for ``CACHE_SECONDS``.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from workbench.errors import WorkbenchError
from workbench.store import Store
from workbench.tracking.attach import landing_urls
from workbench.tracking.links import uid_for, variant_link
from workbench.tracking.visitors import is_bot, salted, stamp_and_day

log = logging.getLogger("workbench.track")
FLUSH_SECONDS = 0.2
BATCH = 2000
CACHE_SECONDS = 60.0
MAX_FIELD = 512  # user agent and referer are stored cut to this length


@dataclass(frozen=True)
class Target:
    variant_id: int
    url: str


class HitWriter:
    """One thread that stores queued hits in batches; ``close`` flushes the rest."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._queue: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="wb-track-writer", daemon=True)
        self.written = 0

    def start(self) -> None:
        self._thread.start()

    def put(self, hit: tuple[Any, ...]) -> None:
        self._queue.put(hit)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        done = False
        while not done:
            batch: list[tuple[Any, ...]] = []
            try:
                item = self._queue.get(timeout=FLUSH_SECONDS)
            except queue.Empty:
                continue
            deadline = time.monotonic() + FLUSH_SECONDS
            while item is not None:
                batch.append(item)
                if len(batch) >= BATCH or time.monotonic() >= deadline:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            done = item is None
            self._store(batch)

    def _store(self, batch: list[tuple[Any, ...]]) -> None:
        if not batch:
            return
        try:
            self.written += self.store.tracking.record_hits(batch)
        except (WorkbenchError, sqlite3.Error):  # logged; the server keeps serving
            log.exception("could not store %d hits", len(batch))


class Resolver:
    """code -> ``Target`` (or None for an orphan), cached for ``CACHE_SECONDS``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, tuple[float, Target | None]] = {}

    def __call__(self, code: str) -> Target | None:
        now = time.monotonic()
        hit = self._cache.get(code)
        if hit is not None and hit[0] > now:
            return hit[1]
        target = self._resolve(code)
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[code] = (now + CACHE_SECONDS, target)
        return target

    def _resolve(self, code: str) -> Target | None:
        uid = uid_for(code)
        variant = self.store.tracking.variant(uid) if uid else None
        if variant is None:
            return None
        landing = landing_urls(self.store, [variant.campaign_id]).get(variant.campaign_id)
        if not landing:
            return None
        link = variant_link(
            landing,
            base_url="",
            uid=variant.uid,
            campaign=variant.campaign_id,
            kind=variant.kind,
            channel=variant.channel,
        )
        return Target(int(variant.id), link.target)


def make_app(store: Store) -> Starlette:
    """The ASGI app over an open store (the caller closes it)."""
    salt = store.tracking.salt()
    resolve = Resolver(store)
    writer = HitWriter(store)

    async def short(request: Request) -> Response:
        code = request.path_params["code"]
        ua = request.headers.get("user-agent", "")[:MAX_FIELD]
        referer = request.headers.get("referer", "")[:MAX_FIELD]
        ip = request.client.host if request.client else ""
        ts, day = stamp_and_day()
        target = resolve(code)
        visitor = salted(salt, ip, ua)
        row = (ts, day, code[:64], None, visitor, salted(salt, ip), ua, referer)
        if target is None:
            log.warning("orphan code %r (referer %r)", code[:64], referer)
            writer.put((*row, "orphan"))
            return PlainTextResponse("not found\n", status_code=404)
        kind = "bot" if is_bot(request.method, ua, request.headers) else "click"
        writer.put((ts, day, code, target.variant_id, *row[4:], kind))
        return RedirectResponse(target.url, status_code=302, headers={"Cache-Control": "no-store"})

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"ok": True, "stored": writer.written})

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        writer.start()
        try:
            yield
        finally:
            writer.close()

    return Starlette(
        routes=[
            Route("/s/{code}", short, methods=["GET", "HEAD"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


def serve(store: Store, host: str, port: int, *, access_log: bool = True) -> None:
    """Run the endpoint until interrupted (uvicorn, one process)."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(
        make_app(store),
        host=host,
        port=port,
        access_log=access_log,
        proxy_headers=True,
        log_level="info",
    )
