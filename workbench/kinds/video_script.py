"""Short-video scripts: a shot list that tiles the duration, hook first, CTA last.

Answer shape: ``{"title", "cover_text", "hook", "cta", "hashtags": [str], "duration": int,
"shots": [{"start", "end", "shot_size", "visual", "voiceover", "onscreen_text", "sound",
"props", "cue"}]}``. Shot sizes are canonical in Chinese (特写/近景/中景/全景); English
synonyms are accepted and normalised.

Timing rules: shots tile ``[0, duration]``, the first (the hook) lasts at most 3 s, every
shot at least 1 s, and each voice-over fits its time at the speaking rate. A script that
breaks them is re-timed in proportion to its voice-over when the voice-over fits the
duration (recorded in ``content["repairs"]``); otherwise the problems go back to the model.
Co-creation scripts (``audience: customer``) have few shots and a cue for every line.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import Field

from workbench.kinds.base import KindBase, LimitField
from workbench.kinds.channels import (
    HOOK_MAX_SECONDS,
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
    validate,
)
from workbench.kinds.posts import channel_limits
from workbench.kinds.records import (
    ShotItem,
    VideoScriptContent,
    VideoScriptLimits,
    VideoScriptReply,
)
from workbench.kinds.timing import (
    MIN_SHOT_SECONDS,
    retime,
    speech_rate,
    timing_problems,
    unit_name,
)
from workbench.kinds.video_presets import VIDEO_PRESETS

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
CUSTOMER_MAX_SHOTS = 5  # a co-creation script a customer shoots alone in ten minutes
CTA_MATCH = 0.6  # share of the CTA's characters the last shot must carry, in order
_NOISE_RE = re.compile(r"[\s\W_]+", re.UNICODE)
_CHECKED_SHOT_KEYS: tuple[Literal["visual", "voiceover", "onscreen_text", "props", "cue"], ...] = (
    "visual",
    "voiceover",
    "onscreen_text",
    "props",
    "cue",
)  # the texts of a shot checked for banned words


class Shot(Answer):
    start: float = Field(description="Start second")
    end: float = Field(description="End second")
    shot_size: ShotSize = Field(description="特写, 近景, 中景 or 全景")
    visual: str = Field(description="What the camera shows and the action in it")
    voiceover: str = Field(description="Spoken words (口播); about 4 Chinese characters a second")
    onscreen_text: str = Field(description="Caption on screen (花字/字幕); may be empty")
    sound: str = Field(description="Music or sound effect; may be empty")
    props: str = Field("", description="Props the shot needs (道具); may be empty")
    cue: str = Field(
        "",
        description="Prompt for whoever films: what to do and say (required for customer scripts)",
    )


class VideoScriptAnswer(Answer):
    title: str = Field(description="Video title within the platform's limit")
    cover_text: str = Field(description=f"Cover text, at most {VIDEO_COVER_MAX} characters")
    hook: str = Field(description="The opening line that stops the scroll (first ≤3 s)")
    cta: str = Field(description="The call to action, said or shown in the last shot")
    hashtags: list[str] = Field(description="Topic tags without '#'")
    duration: int = Field(description="Total seconds; must equal the requested duration")
    shots: list[Shot] = Field(
        description="Shots in order, tiling 0..duration; the first is the hook (≤3 s)"
    )


def normalise_shot_size(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip()
        return key if key in SHOT_SIZES else _SYNONYMS.get(key.lower(), value)
    return value


class VideoScriptKind(KindBase[VideoScriptContent, VideoScriptReply]):
    name = "video_script"
    angles_zh = ("开场提问", "反差开场", "痛点场景", "结果前置", "顾客证言", "门店实拍")
    angles_en = (
        "opening question",
        "contrast opening",
        "pain-point scene",
        "result first",
        "customer testimony",
        "in-store footage",
    )

    def text(self, content: VideoScriptContent) -> str:
        lines = [content.get("title", ""), f"封面：{content.get('cover_text', '')}"]
        for shot in content.get("shots") or []:
            lines.append(
                f"{shot.get('start', 0):>5.1f}-{shot.get('end', 0):>5.1f}s "
                f"[{shot.get('shot_size', '')}] {shot.get('visual', '')} | "
                f"口播：{shot.get('voiceover', '')} | 字幕：{shot.get('onscreen_text', '')}"
                + (f" | 道具：{shot['props']}" if shot.get("props") else "")
                + (f" | 提示：{shot['cue']}" if shot.get("cue") else "")
            )
        if content.get("cta"):
            lines.append(f"CTA：{content['cta']}")
        tags = " ".join(f"#{t}" for t in content.get("hashtags") or [])
        if tags:
            lines.append(tags)
        return "\n".join(lines)

    def headline(self, content: VideoScriptContent) -> str:
        return str(content.get("title", ""))

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> VideoScriptLimits:
        """The platform's numbers, its preset (durations, frame, tone), the shot caps and
        the timing rules."""
        d: Any = deliverable
        p = VIDEO_PRESETS[d.platform]
        rate = speech_rate(lang, d)
        return {
            **channel_limits(VIDEO_PLATFORMS[d.platform]),
            "preset_durations": list(p.durations),
            "preset_duration_ok": d.duration in p.durations,
            "frame": p.frame,
            "tone_zh": p.tone_zh,
            "tone_en": p.tone_en,
            "min_shot_seconds": MIN_SHOT_SECONDS,
            "customer_max_shots": CUSTOMER_MAX_SHOTS,
            "duration": d.duration,
            "hook_max_seconds": HOOK_MAX_SECONDS,
            "speech_rate": rate,
            "voiceover_max": int(d.duration * rate),
            "cover_max": VIDEO_COVER_MAX,
            "shot_sizes": list(SHOT_SIZES),
            "audience": d.audience,
            "emoji_max": 0,
        }

    def limit_fields(self, content: VideoScriptContent, target: str | None) -> list[LimitField]:
        spec = VIDEO_PLATFORMS.get(target or "")
        if spec is None:
            return []
        return [LimitField("title", str(content.get("title") or ""), spec, "title")]

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return VideoScriptAnswer

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[VideoScriptContent]:
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
        values = cast("VideoScriptReply", answer.model_dump())  # the model's fields, validated
        return [check_script(values, VIDEO_PLATFORMS[platform], deliverable, brief)]


def carries(text: str, cta: str) -> bool:
    """Whether ``text`` says the CTA: most of its characters, in order (paraphrase allowed)."""
    want = _NOISE_RE.sub("", cta.lower())
    have = _NOISE_RE.sub("", text.lower())
    if not want:
        return False
    if want in have:
        return True
    blocks = difflib.SequenceMatcher(None, want, have, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= CTA_MATCH * len(want)


def _check_text(values: VideoScriptReply, spec: ChannelSpec, problems: Problems) -> None:
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
    if not values["cta"]:
        problems.add("cta", "is empty; the last shot carries the call to action")
    cover = values["cover_text"]
    if weighted_len(cover) > VIDEO_COVER_MAX:
        problems.add(
            "cover_text",
            f"is {weighted_len(cover)} characters (ASCII counts half); "
            f"the limit is {VIDEO_COVER_MAX}",
        )


def _check_timing(
    shots: list[ShotItem], duration: int, rate: float, lang: str, problems: Problems
) -> None:
    """Timing rules; a script that breaks them is re-timed or its problems sent back."""
    found = timing_problems(shots, duration, rate, lang)
    if not found:
        return
    plan = retime([s["voiceover"] for s in shots], duration, rate, lang)
    if plan.spans is None:
        for path, message in found:
            problems.add(path, message)
        problems.add("shots", plan.reason)
        return
    for shot, (start, end) in zip(shots, plan.spans, strict=True):
        shot["start"], shot["end"] = start, end
    what = "; ".join(f"{path} {message}" for path, message in found[:3])
    more = f" (+{len(found) - 3} more)" if len(found) > 3 else ""
    problems.repair(
        f"shots: re-timed to tile 0-{duration} s in proportion to their voice-over at "
        f"{rate:g} {unit_name(lang)}/s (was: {what}{more})"
    )


def _check_shots(
    shots: list[ShotItem], values: VideoScriptReply, customer: bool, problems: Problems
) -> None:
    last = shots[-1]
    cta = values["cta"]
    if cta and not carries(f"{last['voiceover']} {last['onscreen_text']}", cta):
        if not last["onscreen_text"]:
            last["onscreen_text"] = cta
            problems.repair(f"shots[{len(shots) - 1}].onscreen_text: set to the CTA")
        else:
            problems.add(
                f"shots[{len(shots) - 1}]",
                f"the last shot must carry the CTA {cta!r} in its voiceover or onscreen_text",
            )
    if customer:
        if len(shots) > CUSTOMER_MAX_SHOTS:
            problems.add(
                "shots",
                f"has {len(shots)} shots; a customer shoots at most {CUSTOMER_MAX_SHOTS} "
                "simple shots alone",
            )
        for i, shot in enumerate(shots):
            if not shot["cue"]:
                problems.add(
                    f"shots[{i}].cue",
                    "is empty; a co-creation script tells the customer what to do and say",
                )


def check_script(
    values: VideoScriptReply, spec: ChannelSpec, deliverable: Any, brief: Brief
) -> VideoScriptContent:
    """Validate (and safely repair) one script; ``ContentError`` names what is left."""
    problems = Problems()
    lang = language(brief)
    rate = speech_rate(lang, deliverable)
    duration = int(getattr(deliverable, "duration", values["duration"]))
    customer = getattr(deliverable, "audience", "crew") == "customer"
    hashtags = clean_hashtags(values["hashtags"], spec.hashtags_max, "hashtags", problems)
    _check_text(values, spec, problems)
    shots = [s.copy() for s in values["shots"]]
    if values["duration"] != duration:
        problems.repair(f"duration: was {values['duration']} s, set to the requested {duration} s")
    if len(shots) < 2:
        problems.add("shots", "needs at least 2 shots: the hook (at most 3 s) and the rest")
    else:
        _check_timing(shots, duration, rate, lang, problems)
        _check_shots(shots, values, customer, problems)
    fields = {
        "title": values["title"],
        "cover_text": values["cover_text"],
        "hook": values["hook"],
        "cta": values["cta"],
    }
    fields.update({f"hashtags[{i}]": t for i, t in enumerate(hashtags)})
    for i, shot in enumerate(shots):
        for key in _CHECKED_SHOT_KEYS:
            fields[f"shots[{i}].{key}"] = shot[key]
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    content: VideoScriptContent = {
        "title": values["title"],
        "cover_text": values["cover_text"],
        "hook": values["hook"],
        "cta": values["cta"],
        "hashtags": hashtags,
        "duration": duration,
        "audience": "customer" if customer else "crew",
        "speech_rate": rate,
        "shots": shots,
    }
    return problems.attach(content)
