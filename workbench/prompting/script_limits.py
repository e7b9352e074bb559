"""Prompt numbers for scripts: platform presets for short videos, phases for live streams."""

from __future__ import annotations

from typing import Any

from workbench.kinds.channels import VIDEO_PLATFORMS
from workbench.kinds.live_script import (
    ALL_INTERACTIONS_FROM,
    INTERACTIONS,
    LIVE_TITLE_MAX,
    PHASE_SHARES,
    PHASES,
    REQUIRED_INTERACTIONS,
)
from workbench.kinds.timing import MIN_SHOT_SECONDS, speech_rate
from workbench.kinds.video_presets import VIDEO_PRESETS
from workbench.kinds.video_script import CUSTOMER_MAX_SHOTS


def script_limits(deliverable: Any) -> dict[str, Any]:
    """Video preset facts: suggested durations, frame, tone, shot caps."""
    p = VIDEO_PRESETS[deliverable.platform]
    return {
        "preset_durations": list(p.durations),
        "preset_duration_ok": deliverable.duration in p.durations,
        "frame": p.frame,
        "tone_zh": p.tone_zh,
        "tone_en": p.tone_en,
        "min_shot_seconds": MIN_SHOT_SECONDS,
        "customer_max_shots": CUSTOMER_MAX_SHOTS,
    }


def live_limits(deliverable: Any, lang: str) -> dict[str, Any]:
    """Live run-sheet numbers: phase order and suggested minutes, interactions, pace."""
    minutes = deliverable.minutes
    platform = deliverable.platform
    spec = VIDEO_PLATFORMS.get(platform) if platform else None
    marks = [0]
    for share in PHASE_SHARES:
        marks.append(marks[-1] + round(minutes * share))
    marks[-1] = minutes
    return {
        "label_zh": spec.label_zh if spec else "",
        "label_en": spec.label_en if spec else "a live stream",
        "minutes": minutes,
        "phases": list(PHASES),
        "phase_plan": [
            {"phase": name, "start": marks[i], "end": marks[i + 1]} for i, name in enumerate(PHASES)
        ],
        "interactions": [k for k in INTERACTIONS if k],
        "required_interactions": list(REQUIRED_INTERACTIONS)
        if minutes >= ALL_INTERACTIONS_FROM
        else [],
        "title_max": LIVE_TITLE_MAX,
        "speech_rate": speech_rate(lang, deliverable),
        "emoji_max": 0,
    }
