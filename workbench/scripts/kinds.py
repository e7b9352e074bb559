"""The script kinds and how each one exports: its sheet, its teleprompter text, subtitles.

The one table keyed by content kind here; a new script kind adds its row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from workbench.scripts.rows import Sheet, live_sheet, video_sheet
from workbench.scripts.srt import to_srt
from workbench.scripts.writers import live_teleprompter, video_teleprompter

S = TypeVar("S")
"""The script kind's stored content (``VideoScriptContent``, ``LiveScriptContent``)."""


@dataclass(frozen=True)
class ScriptExport(Generic[S]):
    """How one script kind is exported."""

    sheet: Callable[[S, str, str | None], Sheet]
    """Content, language and platform to the shooting or run sheet."""
    teleprompter: Callable[[S, str], str]
    """Content and language to the text the person on camera reads."""
    srt: Callable[[S, str], str] | None
    """Content and language to the SRT subtitles; None: no timed voice-over lines."""
    sheet_label: str
    """The ``labels()`` key naming its XLSX sheet (``sheet``: shooting, ``run``: run sheet)."""
    no_subtitles: str = ""
    """Why it has no SRT (shown when ``subtitles`` is false)."""

    @property
    def subtitles(self) -> bool:
        """It has timed voice-over lines, so it exports as SRT."""
        return self.srt is not None


SCRIPT_EXPORTS: dict[str, ScriptExport[Any]] = {  # by kind: each reads its own content
    "video_script": ScriptExport(video_sheet, video_teleprompter, to_srt, "sheet"),
    "live_script": ScriptExport(live_sheet, live_teleprompter, None, "run", "live script"),
}
