"""SRT subtitles from a video script's voice-over and shot timing.

Each shot's voice-over becomes one or more cues inside the shot's time, split at sentence
(then clause) breaks so a cue holds at most two lines, and timed in proportion to what is
said. Chinese subtitles follow the usual convention: no trailing full stops or commas,
clause commas shown as spaces; lines are at most 16 characters (ASCII counts half).
English lines wrap at 42 characters on word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.kinds.channels import weighted_len
from workbench.kinds.common import speech_units
from workbench.kinds.records import VideoScriptContent
from workbench.scripts.timecode import srt_time

LINE_MAX = {"zh-CN": 16, "en-US": 42}
LINES_PER_CUE = 2
_SENTENCES = re.compile(r"(?<=[。！？!?；;…])\s*|(?<=[.])\s+")
_CLAUSES = re.compile(r"(?<=[，、,：:])\s*")
_ZH_TRAIL = "。，、；：,;:"
_ZH_INNER = re.compile(r"[，、；。]")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]

    def render(self, index: int) -> str:
        text = "\n".join(self.lines)
        return f"{index}\n{srt_time(self.start_ms)} --> {srt_time(self.end_ms)}\n{text}\n"


def width(text: str, lang: str) -> int:
    return len(text) if lang == "en-US" else weighted_len(text)


def tidy(text: str, lang: str) -> str:
    """A subtitle line's text: Chinese drops trailing stops and shows clause marks as spaces."""
    text = " ".join(text.split())
    if lang == "en-US":
        return text
    text = text.rstrip(_ZH_TRAIL)
    return " ".join(_ZH_INNER.sub(" ", text).split())


def wrap(text: str, lang: str) -> list[str]:
    """Lines of at most ``LINE_MAX`` width: word breaks (en), spaces or characters (zh)."""
    limit = LINE_MAX.get(lang, LINE_MAX["zh-CN"])
    if width(text, lang) <= limit:
        return [text]
    lines: list[str] = []
    if lang == "en-US" or " " in text:
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}".strip()
            if current and width(candidate, lang) > limit:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        if all(width(line, lang) <= limit for line in lines):
            return lines
        text = " ".join(lines)
        lines = []
    current = ""
    for ch in text:
        if width(current + ch, lang) > limit:
            lines.append(current.strip())
            current = ch.lstrip()
        else:
            current += ch
    if current.strip():
        lines.append(current.strip())
    return lines


def _pieces(text: str, lang: str) -> list[tuple[str, ...]]:
    """The voice-over in pieces that each fit one cue (two lines), split at breaks."""
    limit = LINE_MAX.get(lang, LINE_MAX["zh-CN"]) * LINES_PER_CUE
    out: list[str] = []
    for sentence in (s for s in _SENTENCES.split(text) if s.strip()):
        if width(tidy(sentence, lang), lang) <= limit:
            out.append(sentence)
            continue
        current = ""
        for clause in (c for c in _CLAUSES.split(sentence) if c.strip()):
            if current and width(tidy(current + clause, lang), lang) > limit:
                out.append(current)
                current = clause
            else:
                current += clause
        if current:
            out.append(current)
    pieces: list[tuple[str, ...]] = []
    for piece in out:
        lines = [line for line in wrap(tidy(piece, lang), lang) if line]
        for i in range(0, len(lines), LINES_PER_CUE):
            pieces.append(tuple(lines[i : i + LINES_PER_CUE]))
    return pieces


def cues(content: VideoScriptContent, lang: str) -> list[Cue]:
    """Subtitle cues for every shot with a voice-over, inside the shot's time."""
    result: list[Cue] = []
    for shot in content.get("shots") or []:
        pieces = _pieces(str(shot.get("voiceover") or ""), lang)
        if not pieces:
            continue
        start = round(float(shot["start"]) * 1000)
        end = round(float(shot["end"]) * 1000)
        weights = [max(speech_units(" ".join(p), lang), 1) for p in pieces]
        total = sum(weights)
        t = start
        for i, (piece, w) in enumerate(zip(pieces, weights, strict=True)):
            share = (end - start) * w / total
            stop = end if i == len(pieces) - 1 else min(end, t + round(share / 100) * 100)
            if stop > t:
                result.append(Cue(t, stop, piece))
            t = stop
    return result


def to_srt(content: VideoScriptContent, lang: str) -> str:
    """The whole SRT file: numbered cues, each followed by a blank line."""
    return "".join(cue.render(i) + "\n" for i, cue in enumerate(cues(content, lang), start=1))
