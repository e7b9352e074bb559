"""Fonts: the bundled Noto Sans SC subsets, system fallback for characters they lack, and
deliberate dropping of emoji (never tofu boxes).

Text is split into *runs*, each drawn with one font: the bundled face when it covers the
character (its character list ships beside it), else a system font found with
``fc-list :charset=…`` (CJK faces preferred), else the character is dropped and reported.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from workbench import locations

Font = ImageFont.FreeTypeFont
WEIGHTS = ("regular", "bold")
_FILES = {"regular": "NotoSansSC-Regular-subset.otf", "bold": "NotoSansSC-Bold-subset.otf"}
_CHARS_FILE = "NotoSansSC-subset.chars.txt"
_SYSTEM_FAMILY = {
    "regular": "Noto Sans CJK SC:style=Regular",
    "bold": "Noto Sans CJK SC:style=Bold",
}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def fonts_dir() -> Path:
    return locations.resource_dir("assets") / "fonts"


@dataclass(frozen=True)
class FontRef:
    path: str
    index: int = 0


def is_emoji(ch: str) -> bool:
    """Emoji and pictographs, their modifiers and variation selectors: dropped on purpose
    (colour emoji fonts are bitmap-only and vary by machine)."""
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
        or cp in (0x20E3, 0x3030, 0x303D, 0x3297, 0x3299)
    )


@lru_cache(maxsize=1)
def bundled_chars() -> frozenset[str]:
    path = fonts_dir() / _CHARS_FILE
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").replace("\n", ""))


@lru_cache(maxsize=4)
def bundled_font(weight: str) -> FontRef:
    path = fonts_dir() / _FILES[weight]
    if path.is_file():
        return FontRef(str(path))
    system = _fc_match(_SYSTEM_FAMILY[weight])
    if system is None:
        raise FileNotFoundError(f"no CJK font: {path} is missing and fc-match found none")
    return system


def _fc(args: list[str]) -> str:
    exe = shutil.which(args[0])
    if exe is None:
        return ""
    done = subprocess.run([exe, *args[1:]], capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else ""


def _fc_match(pattern: str) -> FontRef | None:
    line = _fc(["fc-match", "-f", "%{file}\t%{index}\n", pattern]).strip()
    if not line:
        return None
    path, _, index = line.partition("\t")
    return FontRef(path, int(index or 0)) if path else None


@lru_cache(maxsize=2048)
def system_font_for(ch: str, weight: str) -> FontRef | None:
    """A system font that has ``ch`` (CJK SC faces first, bold when asked), or None."""
    listing = _fc(["fc-list", f":charset={ord(ch):x}", "file", "index", "family", "style"])
    candidates: list[tuple[int, str, int]] = []
    for line in listing.splitlines():
        path, _, rest = line.partition(":")
        path = path.strip()
        if not path or "emoji" in path.lower() or not path.endswith((".ttf", ".otf", ".ttc")):
            continue
        index = 0
        for part in rest.split(":"):
            part = part.strip()
            if part.startswith("index="):
                index = int(part[6:] or 0)
        text = rest.lower()
        score = 0
        score += 0 if "cjk sc" in text or "sc" in text.split(",")[0] else 2
        score += 0 if ("bold" in text) == (weight == "bold") else 1
        candidates.append((score, path, index))
    if not candidates:
        return None
    _, path, index = min(candidates)
    return FontRef(path, index)


@lru_cache(maxsize=512)
def load(ref: FontRef, size: int) -> Font:
    return ImageFont.truetype(ref.path, size, index=ref.index, layout_engine=ImageFont.Layout.BASIC)


@dataclass
class Run:
    text: str
    ref: FontRef


@dataclass
class Typeface:
    """One weight: cleans, measures and splits text into runs (widths cached per size)."""

    weight: str = "regular"
    _widths: dict[tuple[int, str], float] = field(default_factory=dict)

    def clean(self, text: str) -> tuple[str, set[str]]:
        """``text`` without emoji, zero-width/control characters and characters no font
        has, plus the visible characters that were dropped."""
        covered = bundled_chars()
        kept: list[str] = []
        dropped: set[str] = set()
        for ch in text:
            if ch in ("\n", "\t"):
                kept.append(" ")
            elif ch in _ZERO_WIDTH or 0xFE00 <= ord(ch) <= 0xFE0F:
                continue
            elif is_emoji(ch):
                dropped.add(ch)
            elif unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs"):
                continue
            elif (
                covered
                and ch not in covered
                and not ch.isspace()
                and system_font_for(ch, self.weight) is None
            ):
                dropped.add(ch)
            else:
                kept.append(ch)
        return "".join(kept), dropped

    def runs(self, text: str) -> list[Run]:
        main = bundled_font(self.weight)
        covered = bundled_chars()
        runs: list[Run] = []
        for ch in text:
            ref: FontRef | None = main
            if covered and ch not in covered and not ch.isspace():
                ref = system_font_for(ch, self.weight)
                if ref is None:  # clean() drops these; skip defensively
                    continue
            if runs and runs[-1].ref == ref:
                runs[-1].text += ch
            else:
                assert ref is not None
                runs.append(Run(ch, ref))
        return runs

    def measure(self, text: str, size: int) -> float:
        key = (size, text)
        width = self._widths.get(key)
        if width is None:
            width = sum(load(r.ref, size).getlength(r.text) for r in self.runs(text))
            self._widths[key] = width
        return width

    def measurer(self, size: int) -> Callable[[str], float]:
        return lambda text: self.measure(text, size)


_TYPEFACES: dict[str, Typeface] = {}


def typeface(weight: str) -> Typeface:
    """The shared typeface of a weight (its width cache lives as long as the process)."""
    if weight not in WEIGHTS:
        raise ValueError(f"unknown font weight {weight!r}; use {', '.join(WEIGHTS)}")
    if weight not in _TYPEFACES:
        _TYPEFACES[weight] = Typeface(weight)
    return _TYPEFACES[weight]
