"""Bindings whose description and tooltip are catalog keys, translated per instance.

Class-level ``BINDINGS`` are declared with catalog keys (``tui.key.*``) so the footer, the
help screen and the command palette all show the workspace language.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from workbench.i18n import Catalog

# Textual's own binding texts (the command palette key it adds to every app)
TEXTUAL_TEXTS = {"palette": "tui.key.palette", "Open the command palette": "tui.tip.palette"}


def _tr(t: Catalog, text: str) -> str:
    text = TEXTUAL_TEXTS.get(text, text)
    return t.get(text, text)


def localize_bindings(node: DOMNode, t: Catalog) -> None:
    """Replace catalog keys in ``node``'s bindings by text in the catalog's language."""
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [
            replace(b, description=_tr(t, b.description), tooltip=_tr(t, b.tooltip))
            for b in bindings
        ]


def active_bindings(node: DOMNode) -> list[Binding]:
    """Every binding of ``node`` with an id, in declaration order, without duplicates."""
    seen: set[str] = set()
    result: list[Binding] = []
    for bindings in node._bindings.key_to_bindings.values():
        for b in bindings:
            if b.id and b.id not in seen:
                seen.add(b.id)
                result.append(b)
    return result
