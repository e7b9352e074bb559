"""Live-stream run sheets: 开场 - 爬坡 - 高潮 - 落幕 with the host's word-for-word lines.

Answer shape: ``{"title", "minutes", "phases": [{"phase", "start", "end", "goal", "beats":
[{"start", "end", "segment", "lines", "action", "interaction"}]}], "fabe": {"feature",
"advantage", "benefit", "evidence"}, "recap"}``. Times are minutes from the start of the
stream. The four phases come in order and tile ``[0, minutes]``; a phase's beats tile the
phase. Times that do not tile are re-timed in proportion (a recorded repair); missing
phases, empty lines, missing interaction beats or an empty FABE go back to the model.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import Field

from workbench.kinds.base import KindBase
from workbench.kinds.channels import TIMING_TOLERANCE, VIDEO_PLATFORMS, weighted_len
from workbench.kinds.common import (
    Answer,
    Problems,
    check_banned,
    language,
    speech_units,
    validate,
)
from workbench.kinds.records import (
    FABE_KEYS,
    LiveScriptContent,
    LiveScriptLimits,
    LiveScriptReply,
    PhaseItem,
)
from workbench.kinds.timing import speech_rate, unit_name

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable

PHASES: tuple[str, ...] = ("开场", "爬坡", "高潮", "落幕")
PHASE_EN = {"开场": "Opening", "爬坡": "Climb", "高潮": "Climax", "落幕": "Close"}
PHASE_SHARES = (0.1, 0.3, 0.45, 0.15)  # default split of the stream when times are unusable
INTERACTIONS: tuple[str, ...] = ("", "抽奖", "盖楼", "限时秒杀", "问答", "福袋")
INTERACTION_EN = {"抽奖": "lucky draw", "盖楼": "comment chain", "限时秒杀": "flash sale",
                  "问答": "Q&A", "福袋": "gift bag"}  # fmt: skip
REQUIRED_INTERACTIONS = ("抽奖", "盖楼", "限时秒杀")
ALL_INTERACTIONS_FROM = 30  # minutes: from this length every required interaction appears
LIVE_TITLE_MAX = 30
_PHASE_SYNONYMS = {
    "opening": "开场", "open": "开场", "warm-up": "开场", "warm up": "开场", "开播": "开场",
    "climb": "爬坡", "ramp-up": "爬坡", "ramp up": "爬坡", "build-up": "爬坡", "build up": "爬坡",
    "climax": "高潮", "peak": "高潮", "close": "落幕", "closing": "落幕", "wrap-up": "落幕",
    "wrap up": "落幕", "收尾": "落幕", "结尾": "落幕",
}  # fmt: skip
_INTERACTION_SYNONYMS = {
    "none": "", "-": "", "无": "", "lucky draw": "抽奖", "draw": "抽奖", "giveaway": "抽奖",
    "comment chain": "盖楼", "comment thread": "盖楼", "flash sale": "限时秒杀", "秒杀": "限时秒杀",
    "q&a": "问答", "qa": "问答", "gift bag": "福袋", "lucky bag": "福袋",
}  # fmt: skip

_CHECKED_BEAT_KEYS: tuple[Literal["segment", "lines", "action"], ...] = (
    "segment",
    "lines",
    "action",
)  # the texts of a beat checked for banned words
Phase = Literal["开场", "爬坡", "高潮", "落幕"]
Interaction = Literal["", "抽奖", "盖楼", "限时秒杀", "问答", "福袋"]


class LiveBeat(Answer):
    start: float = Field(description="Start minute")
    end: float = Field(description="End minute")
    segment: str = Field(description="What this beat is, e.g. 欢迎进场, 产品讲解, 福利预告")
    lines: str = Field(description="The host's word-for-word lines (逐字稿)")
    action: str = Field(description="What the host or assistant does, shows or holds up")
    interaction: Interaction = Field(description="抽奖, 盖楼, 限时秒杀, 问答, 福袋 or empty")


class LivePhase(Answer):
    phase: Phase = Field(description="开场, 爬坡, 高潮 or 落幕, in this order")
    start: float = Field(description="Start minute")
    end: float = Field(description="End minute")
    goal: str = Field(description="What this phase must achieve")
    beats: list[LiveBeat] = Field(description="Beats in order, tiling the phase")


class Fabe(Answer):
    feature: str = Field(description="F: what the product is or has")
    advantage: str = Field(description="A: why that is better")
    benefit: str = Field(description="B: what the viewer gets from it")
    evidence: str = Field(description="E: verifiable proof (certificates, tests, reviews)")


class LiveScriptAnswer(Answer):
    title: str = Field(description=f"Live-room title, at most {LIVE_TITLE_MAX} characters")
    minutes: int = Field(description="Total minutes; must equal the requested length")
    phases: list[LivePhase] = Field(description="The four phases 开场, 爬坡, 高潮, 落幕")
    fabe: Fabe = Field(description="The product explained with FABE")
    recap: str = Field(description="The closing recap, word for word")


def _normalise(data: Any) -> Any:
    """Accept English phase and interaction names (and none/null for no interaction)."""
    if not isinstance(data, dict) or not isinstance(data.get("phases"), list):
        return data
    phases = []
    for p in data["phases"]:
        if isinstance(p, dict):
            p = dict(p)
            name = p.get("phase")
            if isinstance(name, str) and name.strip() not in PHASES:
                p["phase"] = _PHASE_SYNONYMS.get(name.strip().lower(), name)
            if isinstance(p.get("beats"), list):
                p["beats"] = [_normalise_beat(b) for b in p["beats"]]
        phases.append(p)
    return {**data, "phases": phases}


def _normalise_beat(beat: Any) -> Any:
    if not isinstance(beat, dict):
        return beat
    value = beat.get("interaction")
    if value is None:
        return {**beat, "interaction": ""}
    if isinstance(value, str) and value.strip() not in INTERACTIONS:
        return {**beat, "interaction": _INTERACTION_SYNONYMS.get(value.strip().lower(), value)}
    return beat


def live_limits(deliverable: Any, lang: str) -> LiveScriptLimits:
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


class LiveScriptKind(KindBase[LiveScriptContent, LiveScriptReply]):
    name = "live_script"
    angles_zh = ("福利先行", "痛点场景", "专家讲解", "门店实拍", "顾客证言", "节令氛围")
    angles_en = (
        "perks first",
        "pain-point scene",
        "expert explainer",
        "in-store footage",
        "customer testimony",
        "seasonal mood",
    )

    def text(self, content: LiveScriptContent) -> str:
        lines = [f"{content.get('title', '')} · {content.get('minutes', '')} min"]
        for phase in content.get("phases") or []:
            lines.append(
                f"【{phase.get('phase', '')}】{phase.get('start', 0):g}-{phase.get('end', 0):g}"
                f" min {phase.get('goal', '')}"
            )
            for beat in phase.get("beats") or []:
                mark = f" ·{beat['interaction']}" if beat.get("interaction") else ""
                lines.append(
                    f"  {beat.get('start', 0):>5.1f}-{beat.get('end', 0):>5.1f} "
                    f"{beat.get('segment', '')}{mark}：{beat.get('lines', '')}"
                )
        fabe = content.get("fabe") or {}
        lines += [
            f"FABE {k[0].upper()}：{fabe[k]}"
            for k in ("feature", "advantage", "benefit", "evidence")
            if fabe.get(k)
        ]
        if content.get("recap"):
            lines.append(f"复盘：{content['recap']}")
        return "\n".join(lines)

    def headline(self, content: LiveScriptContent) -> str:
        return str(content.get("title", ""))

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> LiveScriptLimits:
        return live_limits(deliverable, lang)

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return LiveScriptAnswer

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[LiveScriptContent]:
        answer = validate(LiveScriptAnswer, _normalise(data))
        values = cast("LiveScriptReply", answer.model_dump())  # the model's fields, validated
        return [check_live(values, deliverable, brief)]


def _tiles(spans: list[tuple[float, float]], start: float, end: float) -> bool:
    tol = TIMING_TOLERANCE
    if not spans or abs(spans[0][0] - start) > tol or abs(spans[-1][1] - end) > tol:
        return False
    if any(b - a <= 0 for a, b in spans):
        return False
    return all(abs(spans[i][0] - spans[i - 1][1]) <= tol for i in range(1, len(spans)))


def retile(
    weights: list[float], start: float, end: float, step: int = 1
) -> list[tuple[float, float]]:
    """Spans tiling ``[start, end]`` in proportion to ``weights``.

    Times fall on multiples of ``step`` tenths of a minute (10: whole minutes) where the
    span allows it, else on tenths; every span gets at least one step. Weights that are all
    zero share equally.
    """
    n = len(weights)
    lo, hi = round(start * 10), round(end * 10)
    if step > 1 and (lo % step or hi % step or (hi - lo) // step < n):
        step = 1
    total = (hi - lo) // step
    if sum(weights) <= 0:
        weights = [1.0] * n
    raw = [total * w / sum(weights) for w in weights]
    parts = [max(1, math.floor(r)) for r in raw]
    while sum(parts) > total and max(parts) > 1:  # minimums pushed the sum over
        parts[parts.index(max(parts))] -= 1
    order = sorted(range(n), key=lambda i: (raw[i] - math.floor(raw[i]), -i), reverse=True)
    for i in order[: max(total - sum(parts), 0)]:
        parts[i] += 1
    spans, t = [], lo
    for units in parts:
        spans.append((t / 10, (t + units * step) / 10))
        t += units * step
    return spans


def _length(a: float, b: float) -> float:
    return max(b - a, 0.0)


def _check_phase_times(
    phases: list[PhaseItem], minutes: int, lang: str, problems: Problems
) -> None:
    spans = [(float(p["start"]), float(p["end"])) for p in phases]
    if not _tiles(spans, 0, minutes):
        declared = [_length(a, b) for a, b in spans]
        weights = declared if all(declared) else [s * minutes for s in PHASE_SHARES]
        for p, (start, end) in zip(phases, retile(weights, 0, minutes), strict=True):
            p["start"], p["end"] = start, end
        problems.repair(f"phases: re-timed to tile 0-{minutes} min in proportion to their length")
    for i, p in enumerate(phases):
        beats = p["beats"]
        if not beats:
            problems.add(f"phases[{i}].beats", "is empty; every phase needs at least one beat")
            continue
        bspans = [(float(b["start"]), float(b["end"])) for b in beats]
        if _tiles(bspans, p["start"], p["end"]):
            continue
        declared = [_length(a, b) for a, b in bspans]
        weights = (
            declared
            if all(declared)
            else [float(max(speech_units(b["lines"], lang), 1)) for b in beats]
        )
        for beat, (s, e) in zip(beats, retile(weights, p["start"], p["end"]), strict=True):
            beat["start"], beat["end"] = s, e
        problems.repair(f"phases[{i}].beats: re-timed to tile {p['start']:g}-{p['end']:g} min")


def check_live(values: LiveScriptReply, deliverable: Any, brief: Brief) -> LiveScriptContent:
    """Validate (and safely repair) one run sheet; ``ContentError`` names what is left."""
    problems = Problems()
    lang = language(brief)
    rate = speech_rate(lang, deliverable)
    minutes = int(getattr(deliverable, "minutes", values["minutes"]))
    title = values["title"]
    if not title:
        problems.add("title", "is empty")
    elif weighted_len(title) > LIVE_TITLE_MAX:
        problems.add("title", f"is {weighted_len(title)} characters; the limit is {LIVE_TITLE_MAX}")
    if values["minutes"] != minutes:
        problems.repair(f"minutes: was {values['minutes']}, set to the requested {minutes}")
    phases: list[PhaseItem] = [
        {**p, "beats": [b.copy() for b in p["beats"]]} for p in values["phases"]
    ]
    names = [p["phase"] for p in phases]
    if names != list(PHASES):
        problems.add(
            "phases",
            f"are {'-'.join(names) or 'missing'}; give exactly four phases in the order "
            + "-".join(PHASES),
        )
    else:
        _check_phase_times(phases, minutes, lang, problems)
    unit = unit_name(lang)
    found: set[str] = set()
    for i, p in enumerate(phases):
        for j, b in enumerate(p["beats"]):
            found.add(b["interaction"])
            if not b["lines"]:
                problems.add(f"phases[{i}].beats[{j}].lines", "is empty; write the host's words")
            room = _length(b["start"], b["end"]) * 60 * rate
            units = speech_units(b["lines"], lang)
            if units > room + TIMING_TOLERANCE:
                problems.add(
                    f"phases[{i}].beats[{j}].lines",
                    f"is {units} {unit} for {_length(b['start'], b['end']):g} min; at "
                    f"{rate:g} {unit}/s at most {int(room)} fit",
                )
    wanted = REQUIRED_INTERACTIONS if minutes >= ALL_INTERACTIONS_FROM else ()
    missing = [k for k in wanted if k not in found]
    if missing:
        problems.add(
            "phases",
            f"need interaction beats {', '.join(missing)} (a {minutes}-minute stream has "
            + ", ".join(REQUIRED_INTERACTIONS)
            + ")",
        )
    elif not found - {""}:
        problems.add("phases", "need at least one interaction beat (抽奖, 盖楼 or 限时秒杀)")
    for key in FABE_KEYS:
        if not values["fabe"][key]:
            problems.add(f"fabe.{key}", "is empty; explain the product with all of F, A, B, E")
    if not values["recap"]:
        problems.add("recap", "is empty; close with a recap of product, offer and next steps")
    fields = {"title": title, "recap": values["recap"]}
    fields.update({f"fabe.{k}": values["fabe"][k] for k in FABE_KEYS})
    for i, p in enumerate(phases):
        fields[f"phases[{i}].goal"] = p["goal"]
        for j, b in enumerate(p["beats"]):
            for part in _CHECKED_BEAT_KEYS:
                fields[f"phases[{i}].beats[{j}].{part}"] = b[part]
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    content: LiveScriptContent = {
        "title": title,
        "minutes": minutes,
        "platform": getattr(deliverable, "platform", None),
        "speech_rate": rate,
        "phases": phases,
        "fabe": values["fabe"],
        "recap": values["recap"],
    }
    return problems.attach(content)
