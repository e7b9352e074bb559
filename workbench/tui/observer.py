"""The bridge between the batch runner (in a worker thread) and the generate screen.

Starts and finishes are posted as messages; streamed text is buffered per job and read by
the screen on a timer, so a fast model cannot flood the message queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from textual.message import Message

from workbench.generate.runner import Outcome, PlannedJob

STREAM_KEEP = 4000  # characters of a job's streamed text kept for display


class StreamBuffers:
    """Streamed text per running job, safe to write from the runner thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._text: dict[str, str] = {}

    def append(self, key: str, text: str) -> None:
        with self._lock:
            joined = self._text.get(key, "") + text
            self._text[key] = joined[-STREAM_KEEP:]

    def get(self, key: str) -> str:
        with self._lock:
            return self._text.get(key, "")

    def drop(self, key: str) -> None:
        with self._lock:
            self._text.pop(key, None)


class RunNotice(Message):
    """The runner wants the operator to know something (AIMD concurrency, a fallback)."""

    def __init__(self, key: str, values: Mapping[str, str | int]) -> None:
        super().__init__()
        self.key = key
        self.values = dict(values)


class TuiObserver:
    """A ``RunObserver`` that turns runner events into messages for the screen."""

    wants_tokens = True

    def __init__(
        self,
        post: Callable[[Message], object],
        buffers: StreamBuffers,
        started: Callable[[PlannedJob], Message],
        finished: Callable[[Outcome], Message],
    ) -> None:
        self._post = post
        self.buffers = buffers
        self._started = started
        self._finished = finished

    def planned(self, campaign_id: str, total: int) -> None:
        return None

    def job_started(self, job: PlannedJob) -> None:
        self._post(self._started(job))

    def token(self, job: PlannedJob, text: str) -> None:
        self.buffers.append(job.key, text)

    def job_finished(self, outcome: Outcome) -> None:
        self._post(self._finished(outcome))

    def notice(self, key: str, values: Mapping[str, str | int]) -> None:
        self._post(RunNotice(key, values))
