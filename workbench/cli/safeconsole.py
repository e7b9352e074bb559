"""A Rich console that never writes a control character it did not make itself.

Text from briefs, model answers and edits is cleaned when it enters the workbench, but a
database written by an older version (or by hand) may still hold ESC or C1 characters;
printed raw, they would move the cursor, retitle the window or recolour the terminal
(escape-sequence injection). Every text segment is passed through
:func:`workbench.guards.text.for_display` (controls shown as ``\\xNN``) just before it is
written, and secrets are masked (:func:`workbench.guards.redact.redact`); Rich's own
control segments (cursor moves of live displays) pass unchanged.

Catalog strings are not markup: :class:`Plain` marks them (the CLI's catalog returns it), the
console prints them as they are, and an f-string that puts one inside markup
(``f"[yellow]{t('llm.offline')}[/]"``) gets it escaped, so ``[llm]`` is never eaten as a tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.segment import Segment
from rich.text import Text

from workbench.guards.redact import redact
from workbench.guards.text import for_display
from workbench.i18n import Catalog


class Plain(str):
    """Text that is not markup: printed as it is; escaped where formatted into markup."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return escape(str.__format__(str(self), spec))


class ConsoleCatalog(Catalog):
    """The catalog for Rich output: every string (values filled in) is :class:`Plain`."""

    def __call__(self, key: str, **values: object) -> str:
        return Plain(super().__call__(key, **values))


def _masked(text: str) -> str:
    masked = redact(text)
    return Plain(masked) if isinstance(text, Plain) else masked


class SafeConsole(Console):
    """``rich.console.Console`` with control characters in printed text made visible."""

    def print(self, *objects: Any, **options: Any) -> None:
        """``Console.print`` with secrets masked in text before highlighting splits it."""
        masked = tuple(_masked(o) if isinstance(o, str) else o for o in objects)
        super().print(*masked, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        """Markup is parsed in strings code writes, never in :class:`Plain` catalog text."""
        if isinstance(text, Plain):
            options["markup"] = False
        return super().render_str(text, **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment
            if segment.control
            else Segment(for_display(redact(segment.text)), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(safe)
