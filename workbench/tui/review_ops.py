"""The TUI's side of review actions: the editor's YAML text and the reviewer's name.

The actions themselves (review, edit, import decisions, regenerate, lint) are ``Workbench``
operations (``workbench.operations``), the same calls ``workbench review`` makes; screens
run them inside workers, never on the UI loop.
"""

from __future__ import annotations

from typing import Any

import yaml

from workbench.brief.yamldoc import parse
from workbench.errors import InputError
from workbench.kinds.base import DERIVED_KEYS
from workbench.tui.context import TuiContext


def actor(ctx: TuiContext) -> str:
    return ctx.workbench.actor()


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text as YAML literal blocks (``|``), so the editor shows it as written."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def editable_text(content: dict[str, Any]) -> str:
    """The content as YAML for the editor, without the counts the core recomputes."""
    shown = {k: v for k, v in content.items() if k not in DERIVED_KEYS}
    return yaml.dump(shown, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=1000)


def save_edit(ctx: TuiContext, variant_id: int, text: str, comment: str | None = None) -> int:
    """Parse the edited YAML and store it as a new version; returns the new variant's id."""
    label = f"variant {variant_id}"
    doc = parse(text, label)
    if doc.problems:
        raise InputError(doc.problems)
    return ctx.workbench.edit(variant_id, doc.data, comment=comment, label=label)
