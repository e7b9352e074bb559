"""Script timing: speaking rate, tiling checks and re-timing in proportion to voice-over.

Times are planned in tenths of a second so re-timed shots tile exactly and every shot's
voice-over still fits after rounding. The speaking rate is units per second: Chinese
characters for zh-CN, words for en-US (``speech_units``); a deliverable's ``speech_rate``
wins over the workspace setting, which wins over the built-in defaults.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.kinds.channels import (
    HOOK_MAX_SECONDS,
    SPEECH_RATE_EN,
    SPEECH_RATE_ZH,
    TIMING_TOLERANCE,
)
from workbench.kinds.common import speech_units

if TYPE_CHECKING:
    from workbench.brief.loader import LoadedBrief
    from workbench.kinds.records import ShotItem
    from workbench.settings import ScriptSettings

MIN_SHOT_SECONDS = 1.0  # a shot shorter than this cannot be filmed or read
SCRIPT_KINDS = ("video_script", "live_script")


def default_rate(lang: str) -> float:
    return SPEECH_RATE_EN if lang == "en-US" else SPEECH_RATE_ZH


def speech_rate(lang: str, deliverable: Any = None) -> float:
    """Units per second for this deliverable: its own ``speech_rate`` or the default."""
    rate = getattr(deliverable, "speech_rate", None)
    return float(rate) if rate else default_rate(lang)


def unit_name(lang: str) -> str:
    return "words" if lang == "en-US" else "characters"


def apply_speech_rates(loaded: LoadedBrief, settings: ScriptSettings) -> LoadedBrief:
    """Give script deliverables without a ``speech_rate`` the workspace's rate.

    Only a rate that differs from the built-in default is written into the brief, so the
    brief's hash (and every job key) stays the same under default settings; a changed
    setting changes the hash and the scripts are written again.
    """
    from workbench.brief.loader import content_hash

    lang = loaded.brief.campaign.language
    wanted = settings.speech_rate_en if lang == "en-US" else settings.speech_rate_zh
    if math.isclose(wanted, default_rate(lang)):
        return loaded
    changed = False
    for deliverable in loaded.brief.deliverables:
        if deliverable.kind in SCRIPT_KINDS and getattr(deliverable, "speech_rate", 0) is None:
            deliverable.speech_rate = wanted  # type: ignore[union-attr]
            changed = True
    if changed:
        loaded.content_hash = content_hash(loaded.brief)
    return loaded


def seconds(shot: ShotItem) -> float:
    return float(shot["end"]) - float(shot["start"])


def timing_problems(
    shots: Sequence[ShotItem], duration: float, rate: float, lang: str
) -> list[tuple[str, str]]:
    """Every timing rule a shot list breaks, as ``(path, message)`` pairs."""
    out: list[tuple[str, str]] = []
    tol = TIMING_TOLERANCE
    if abs(float(shots[0]["start"])) > tol:
        out.append(("shots[0].start", f"is {shots[0]['start']:g} s; the first shot starts at 0"))
    for i in range(1, len(shots)):
        prev, cur = float(shots[i - 1]["end"]), float(shots[i]["start"])
        if cur - prev > tol:
            out.append((f"shots[{i}].start", f"leaves a gap {prev:g}-{cur:g} s"))
        elif prev - cur > tol:
            out.append((f"shots[{i}].start", f"overlaps the previous shot ({cur:g} < {prev:g} s)"))
    if abs(float(shots[-1]["end"]) - duration) > tol:
        out.append(
            (
                f"shots[{len(shots) - 1}].end",
                f"is {shots[-1]['end']:g} s; the video is {duration:g} s",
            )
        )
    for i, shot in enumerate(shots):
        if seconds(shot) < MIN_SHOT_SECONDS - tol:
            out.append(
                (f"shots[{i}]", f"lasts {seconds(shot):.1f} s; at least {MIN_SHOT_SECONDS:g} s")
            )
    if seconds(shots[0]) > HOOK_MAX_SECONDS + tol:
        out.append(
            (
                "shots[0]",
                f"lasts {seconds(shots[0]):.1f} s; the hook is at most {HOOK_MAX_SECONDS:g} s",
            )
        )
    unit = unit_name(lang)
    for i, shot in enumerate(shots):
        units = speech_units(shot["voiceover"], lang)
        room = max(seconds(shot), 0.0) * rate
        if units > room + tol:
            out.append(
                (
                    f"shots[{i}].voiceover",
                    f"is {units} {unit} for {seconds(shot):.1f} s; at {rate:g} {unit}/s at most "
                    f"{int(room + tol)} fit",
                )
            )
    return out


@dataclass(frozen=True)
class Retime:
    spans: list[tuple[float, float]] | None  # None: the voice-over cannot fit
    reason: str = ""


def _share(extra: int, weights: list[float]) -> list[int]:
    """Split ``extra`` tenths in proportion to ``weights`` (largest remainder)."""
    total = sum(weights)
    if total <= 0:
        weights, total = [1.0] * len(weights), float(len(weights))
    raw = [extra * w / total for w in weights]
    parts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (raw[i] - parts[i], -i), reverse=True)
    for i in order[: extra - sum(parts)]:
        parts[i] += 1
    return parts


def retime(voiceovers: Sequence[str], duration: float, rate: float, lang: str) -> Retime:
    """Spans tiling ``[0, duration]`` with time in proportion to each voice-over.

    Each shot first gets the time its voice-over needs at ``rate`` (at least 1 s); the
    rest is shared in proportion to the voice-over. The hook (first shot) stays within
    3 s. ``spans`` is None when the voice-over cannot fit, with the reason.
    """
    unit = unit_name(lang)
    units = [speech_units(v, lang) for v in voiceovers]
    total = round(duration * 10)
    floor = round(MIN_SHOT_SECONDS * 10)
    need = [max(math.ceil(u / rate * 10 - 1e-6), floor) for u in units]
    hook_cap = round(HOOK_MAX_SECONDS * 10)
    if len(need) > 1 and need[0] > hook_cap:
        return Retime(
            None,
            f"the hook's voice-over is {units[0]} {unit}: at {rate:g} {unit}/s it needs "
            f"{need[0] / 10:.1f} s, more than the {HOOK_MAX_SECONDS:g} s hook; shorten it to "
            f"{int(HOOK_MAX_SECONDS * rate)} {unit}",
        )
    if sum(need) > total:
        spare = sum(units) - int(duration * rate)
        return Retime(
            None,
            f"the voice-over needs {sum(need) / 10:.1f} s at {rate:g} {unit}/s but the video is "
            f"{duration:g} s; cut about {max(spare, 1)} {unit} or use fewer shots",
        )
    alloc = list(need)
    extra = total - sum(need)
    if len(alloc) > 1:
        weights = [float(u) for u in units]
        first = _share(extra, weights)[0]
        alloc[0] = min(hook_cap, need[0] + first)
        extra -= alloc[0] - need[0]
        rest = _share(extra, weights[1:])
        alloc[1:] = [n + r for n, r in zip(need[1:], rest, strict=True)]
    else:
        alloc[0] = total
    spans: list[tuple[float, float]] = []
    t = 0
    for tenths in alloc:
        spans.append((t / 10, (t + tenths) / 10))
        t += tenths
    return Retime(spans)
