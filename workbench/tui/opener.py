"""Open a file in the desktop's viewer, or say there is none.

On a headless machine (an SSH session, a server: no DISPLAY or WAYLAND_DISPLAY on Linux)
nothing can show a picture, so the caller tells the operator where the file is instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def opener_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The command that opens a file on this desktop, or None when there is no desktop."""
    env = os.environ if environ is None else environ
    if sys.platform == "darwin":
        names = ["open"]
    elif sys.platform.startswith("win"):
        return None  # os.startfile would be the way; the workbench targets POSIX terminals
    elif env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        names = ["xdg-open", "gio", "open"]
    else:
        return None
    for name in names:
        found = shutil.which(name)
        if found:
            return [found, "open"] if name == "gio" else [found]
    return None


def open_file(path: Path, environ: Mapping[str, str] | None = None) -> bool:
    """Start the desktop's viewer on ``path``; False when there is none or it fails to
    start (the viewer runs detached: its own errors are not waited for)."""
    command = opener_command(environ)
    if command is None:
        return False
    try:
        subprocess.Popen(  # a fixed opener and a file path, no shell
            [*command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True
