"""Runs whose process was killed: still ``running`` in the table, gone from the machine.

A run records its process id and host when it starts. Before a new run starts, every run
of this host still marked ``running`` whose process no longer exists (or that recorded no
process at all: databases written before the ``pid`` column) is closed as ``interrupted``.
Runs of other hosts are left alone: their processes cannot be checked from here.
"""

from __future__ import annotations

import os
import socket
import sqlite3

from workbench.store.db import now


def this_host() -> str:
    return socket.gethostname()


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (signal 0 checks without signalling)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True


def close_killed_runs(conn: sqlite3.Connection) -> list[int]:
    """Mark this host's dead ``running`` runs ``interrupted`` (inside the caller's write
    transaction); returns their ids."""
    host = this_host()
    stale = [
        int(run_id)
        for run_id, pid, run_host in conn.execute(
            "SELECT id, pid, host FROM runs WHERE status = 'running'"
        )
        if (run_host in (None, host))
        and (pid is None or not process_alive(int(pid)))
        and int(pid or 0) != os.getpid()
    ]
    stamp = now()
    for run_id in stale:
        conn.execute(
            "UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ?",
            (stamp, run_id),
        )
    return stale
