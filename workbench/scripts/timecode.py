"""Time labels for scripts: SRT timecodes, shot seconds and run-sheet minutes."""

from __future__ import annotations


def srt_time(ms: int) -> str:
    """``HH:MM:SS,mmm`` (SRT)."""
    ms = max(int(ms), 0)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


def clock_seconds(value: float) -> str:
    """Shot time as ``M:SS`` (whole seconds) or ``M:SS.s``: 8.6 -> ``0:08.6``."""
    tenths = round(float(value) * 10)
    minutes, rest = divmod(tenths, 600)
    seconds, tenth = divmod(rest, 10)
    return f"{minutes}:{seconds:02d}" + (f".{tenth}" if tenth else "")


def clock_minutes(value: float) -> str:
    """Run-sheet time from minutes: ``MM:SS``, or ``H:MM:SS`` from an hour on."""
    total = round(float(value) * 60)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def span_seconds(start: float, end: float) -> str:
    return f"{clock_seconds(start)}–{clock_seconds(end)}"


def span_minutes(start: float, end: float) -> str:
    return f"{clock_minutes(start)}–{clock_minutes(end)}"


def number(value: float) -> str:
    """1.0 -> ``1``, 2.5 -> ``2.5``."""
    return f"{float(value):.1f}".rstrip("0").rstrip(".")
