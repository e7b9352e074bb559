"""Two texts side by side with their differences marked (difflib, character level so
Chinese, which has no spaces between words, diffs as well as English)."""

from __future__ import annotations

import difflib

from rich.text import Text

from workbench.guards.text import for_display

REMOVED = "bold white on dark_red"
ADDED = "bold black on green"


def diff_pair(left: str, right: str) -> tuple[Text, Text, float]:
    """Marked copies of ``left`` and ``right`` and their similarity ratio (0..1); control
    characters shown as visible escapes, never sent to the terminal."""
    left, right = for_display(left), for_display(right)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    a = Text()
    b = Text()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            a.append(left[i1:i2])
            b.append(right[j1:j2])
            continue
        if i2 > i1:
            a.append(left[i1:i2], style=REMOVED)
        if j2 > j1:
            b.append(right[j1:j2], style=ADDED)
    return a, b, matcher.ratio()
