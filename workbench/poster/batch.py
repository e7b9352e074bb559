"""Render many posters so that one bad poster is a recorded failure, not a lost batch.

``render_files`` stops at the first exception (and a Pillow or qrcode error was a
traceback). :func:`render_each` renders every task on its own, in worker processes above
``POOL_THRESHOLD``, and returns the files drawn plus one line per poster that failed
(``poster <path>: <reason>``); the caller records and counts those.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.poster.service import POOL_THRESHOLD, RenderedFile, RenderTask, render_file


class PosterFailed(WorkbenchError):
    """Posters that could not be drawn (one line each); the ones that could are recorded."""

    exit_code = 1


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _failure(task: RenderTask, exc: BaseException) -> str:
    return f"poster {Path(task.path).name} (variant {task.variant_id}): {_reason(exc)}"


def render_each(
    tasks: Sequence[RenderTask], workers: int | None = None
) -> tuple[list[RenderedFile], list[str]]:
    """Every task rendered on its own: ``(files drawn, one line per failed poster)``."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 8)
    files: list[RenderedFile] = []
    failures: list[str] = []
    if len(tasks) <= POOL_THRESHOLD or workers <= 1:
        for task in tasks:
            try:
                files.append(render_file(task))
            except Exception as exc:  # any poster's own failure: Pillow, qrcode, fonts, disk
                failures.append(_failure(task, exc))
        return files, failures
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures: list[tuple[RenderTask, Future[RenderedFile]]] = [
            (task, pool.submit(render_file, task)) for task in tasks
        ]
        for task, future in futures:
            try:
                files.append(future.result())
            except Exception as exc:  # the worker's exception, re-raised here
                failures.append(_failure(task, exc))
    return files, failures
