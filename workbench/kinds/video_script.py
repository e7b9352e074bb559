"""Short-video scripts: a shot list that tiles the duration, hook first, CTA last.

Answer shape: ``{"title", "cover_text", "hook", "hashtags": [str], "duration": int,
"shots": [{"start", "end", "shot_size", "visual", "voiceover", "onscreen_text", "sound"}]}``.
Shot sizes are canonical in Chinese (特写/近景/中景/全景); English synonyms are accepted and
normalised. Shots that do not tile are re-timed in proportion to their voice-over (a repair).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from workbench.kinds.channels import (
    HOOK_MAX_SECONDS,
    SPEECH_RATE_EN,
    SPEECH_RATE_ZH,
    TIMING_TOLERANCE,
    VIDEO_COVER_MAX,
    VIDEO_PLATFORMS,
    ChannelSpec,
    weighted_len,
)
from workbench.kinds.common import (
    Answer,
    Problems,
    check_banned,
    clean_hashtags,
    language,
    schema_of,
    speech_units,
    validate,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable

ShotSize = Literal["特写", "近景", "中景", "全景"]
SHOT_SIZES: tuple[str, ...] = ("特写", "近景", "中景", "全景")
SHOT_SIZE_EN = {"特写": "close-up", "近景": "medium close-up", "中景": "medium", "全景": "wide"}
_SYNONYMS: dict[str, str] = {
    "close-up": "特写", "closeup": "特写", "close up": "特写", "cu": "特写", "ecu": "特写",
    "extreme close-up": "特写", "特写镜头": "特写",
    "medium close-up": "近景", "medium close up": "近景", "mcu": "近景", "近景镜头": "近景",
    "medium": "中景", "medium shot": "中景", "mid shot": "中景", "ms": "中景", "中景镜头": "中景",
    "wide": "全景", "wide shot": "全景", "long shot": "全景", "full shot": "全景", "ws": "全景",
    "ls": "全景", "远景": "全景", "全景镜头": "全景",
}  # fmt: skip


class Shot(Answer):
    start: float = Field(description="Start second")
    end: float = Field(description="End second")
    shot_size: ShotSize = Field(description="特写, 近景, 中景 or 全景")
    visual: str = Field(description="What the camera shows")
    voiceover: str = Field(description="Spoken words; about 4 Chinese characters per second")
    onscreen_text: str = Field(description="Caption on screen; may be empty")
    sound: str = Field(description="Music or sound effect; may be empty")


class VideoScriptAnswer(Answer):
    title: str = Field(description="Video title within the platform's limit")
    cover_text: str = Field(description=f"Cover text, at most {VIDEO_COVER_MAX} characters")
    hook: str = Field(description="The opening line that stops the scroll (first ≤3 s)")
    hashtags: list[str] = Field(description="Topic tags without '#'")
    duration: int = Field(description="Total seconds; must equal the requested duration")
    shots: list[Shot] = Field(
        description="Shots in order, tiling 0..duration; the first is the hook (≤3 s)"
    )


def speech_rate(lang: str) -> float:
    return SPEECH_RATE_EN if lang == "en-US" else SPEECH_RATE_ZH


def normalise_shot_size(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip()
        return key if key in SHOT_SIZES else _SYNONYMS.get(key.lower(), value)
    return value


class VideoScriptKind:
    name = "video_script"

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return VideoScriptAnswer

    def json_schema(self, deliverable: Deliverable, count: int) -> dict[str, Any]:
        return schema_of(VideoScriptAnswer)

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[dict[str, Any]]:
        if isinstance(data, dict) and isinstance(data.get("shots"), list):
            data = dict(data)
            data["shots"] = [
                {**s, "shot_size": normalise_shot_size(s.get("shot_size"))}
                if isinstance(s, dict)
                else s
                for s in data["shots"]
            ]
        answer = validate(VideoScriptAnswer, data)
        platform = getattr(deliverable, "platform", "douyin")
        duration = int(getattr(deliverable, "duration", answer.duration))
        return [check_script(answer.model_dump(), VIDEO_PLATFORMS[platform], duration, brief)]


def _tiles(shots: list[dict[str, Any]], duration: float) -> bool:
    if not shots or abs(shots[0]["start"]) > TIMING_TOLERANCE:
        return False
    if abs(shots[-1]["end"] - duration) > TIMING_TOLERANCE:
        return False
    for a, b in itertools.pairwise(shots):
        if abs(b["start"] - a["end"]) > TIMING_TOLERANCE:
            return False
    return all(s["end"] > s["start"] for s in shots)


def retime(shots: list[dict[str, Any]], duration: float, lang: str) -> None:
    """Give each shot time in proportion to its voice-over; the hook at most 3 s."""
    weights = [max(speech_units(s["voiceover"], lang), 1) for s in shots]
    total = sum(weights)
    secs = [duration * w / total for w in weights]
    if len(shots) > 1 and secs[0] > HOOK_MAX_SECONDS:
        secs[0] = HOOK_MAX_SECONDS
        rest = sum(weights[1:])
        secs[1:] = [(duration - HOOK_MAX_SECONDS) * w / rest for w in weights[1:]]
    t = 0.0
    for shot, sec in zip(shots, secs, strict=True):
        shot["start"] = round(t, 1)
        t += sec
        shot["end"] = round(t, 1)
    shots[-1]["end"] = float(duration)


def check_script(
    values: dict[str, Any], spec: ChannelSpec, duration: int, brief: Brief
) -> dict[str, Any]:
    problems = Problems()
    lang = language(brief)
    rate = speech_rate(lang)
    hashtags = clean_hashtags(values["hashtags"], spec.hashtags_max, "hashtags", problems)
    title = values["title"]
    n = spec.title_length(title)
    if not title:
        problems.add("title", "is empty")
    elif spec.title_max is not None and n > spec.title_max:
        note = spec.counting_note
        problems.add("title", f"is {n} characters{note}; the limit is {spec.title_max}")
    if title and spec.title_min is not None and n < spec.title_min:
        problems.add("title", f"is {n} characters; the minimum on {spec.id} is {spec.title_min}")
    if not values["hook"]:
        problems.add("hook", "is empty")
    cover = values["cover_text"]
    if weighted_len(cover) > VIDEO_COVER_MAX:
        problems.add(
            "cover_text",
            f"is {weighted_len(cover)} characters (ASCII counts half); "
            f"the limit is {VIDEO_COVER_MAX}",
        )

    shots = [dict(s) for s in values["shots"]]
    if values["duration"] != duration:
        problems.repair(f"duration: was {values['duration']} s, set to the requested {duration} s")
    if len(shots) < 2:
        problems.add("shots", "needs at least 2 shots: the hook (at most 3 s) and the rest")
    else:
        ordered = sorted(shots, key=lambda s: (s["start"], s["end"]))
        if not _tiles(ordered, duration):
            retime(ordered, duration, lang)
            problems.repair(
                f"shots: re-timed to tile 0-{duration} s in proportion to their voice-over"
            )
        shots = ordered
        first = shots[0]
        if len(shots) > 1 and first["end"] - first["start"] > HOOK_MAX_SECONDS + TIMING_TOLERANCE:
            problems.add(
                "shots[0]",
                f"lasts {first['end'] - first['start']:.1f} s; the hook must be at most "
                f"{HOOK_MAX_SECONDS:g} s",
            )
        unit = "words" if lang == "en-US" else "characters"
        for i, shot in enumerate(shots):
            seconds = shot["end"] - shot["start"]
            units = speech_units(shot["voiceover"], lang)
            if units > seconds * rate + TIMING_TOLERANCE:
                problems.add(
                    f"shots[{i}].voiceover",
                    f"is {units} {unit} for {seconds:.1f} s; at {rate:g} {unit}/s at most "
                    f"{int(seconds * rate + TIMING_TOLERANCE)} fit",
                )
    fields = {k: values[k] for k in ("title", "cover_text", "hook")}
    fields.update({f"hashtags[{i}]": t for i, t in enumerate(hashtags)})
    for i, shot in enumerate(shots):
        for key in ("visual", "voiceover", "onscreen_text"):
            fields[f"shots[{i}].{key}"] = shot[key]
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    content = {
        "title": title,
        "cover_text": cover,
        "hook": values["hook"],
        "hashtags": hashtags,
        "duration": duration,
        "shots": shots,
    }
    return problems.attach(content)
