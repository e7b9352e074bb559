"""A Rich console that never writes a control character it did not make itself.

Text from briefs, model answers and edits is cleaned when it enters the workbench, but a
database written by an older version (or by hand) may still hold ESC or C1 characters;
printed raw, they would move the cursor, retitle the window or recolour the terminal
(escape-sequence injection). Every text segment is passed through
:func:`workbench.guards.text.for_display` (controls shown as ``\\xNN``) just before it is
written, and secrets are masked (:func:`workbench.guards.redact.redact`); Rich's own
control segments (cursor moves of live displays) pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from workbench.guards.redact import redact
from workbench.guards.text import for_display


class SafeConsole(Console):
    """``rich.console.Console`` with control characters in printed text made visible."""

    def print(self, *objects: Any, **options: Any) -> None:
        """``Console.print`` with secrets masked in text before highlighting splits it."""
        masked = tuple(redact(o) if isinstance(o, str) else o for o in objects)
        super().print(*masked, **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment
            if segment.control
            else Segment(for_display(redact(segment.text)), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(safe)
