"""What CLI tests share: ``Cli``, the type of the ``cli`` fixture (tests/cli/conftest.py)."""

from __future__ import annotations

from typing import Protocol


class Cli(Protocol):
    def __call__(self, *args: str) -> tuple[int, str, str]:
        """Run ``workbench *args`` in-process: (exit code, stdout, stderr); never a traceback."""
        ...
