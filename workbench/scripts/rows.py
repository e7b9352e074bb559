"""Script content as labelled rows: the shooting sheet (video) and the run sheet (live).

Both languages' column labels live here, next to the rows they head; the sheet writers
(Markdown, CSV, XLSX) and the teleprompter read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.kinds.channels import VIDEO_PLATFORMS
from workbench.kinds.live_script import INTERACTION_EN, PHASE_EN
from workbench.kinds.records import FABE_KEYS, LiveScriptContent, VideoScriptContent
from workbench.kinds.video_script import SHOT_SIZE_EN
from workbench.scripts.timecode import number, span_minutes, span_seconds

VIDEO_COLUMNS = {
    "zh-CN": ("镜号", "时间", "时长", "景别", "画面/动作", "口播", "花字/字幕", "音乐/音效", "道具",
              "拍摄提示"),
    "en-US": ("Shot", "Time", "Length", "Size", "Visual / action", "Voice-over", "On-screen text",
              "Sound", "Props", "Cue"),
}  # fmt: skip
LIVE_COLUMNS = {
    "zh-CN": ("阶段", "时间", "时长", "环节", "主播逐字稿", "动作/展示/道具", "互动"),
    "en-US": ("Phase", "Time", "Length", "Beat", "Host's lines", "Action / props", "Interaction"),
}
LABELS = {
    "zh-CN": {
        "platform": "平台", "duration": "时长", "audience": "拍摄", "crew": "门店员工拍摄",
        "customer": "顾客共创（一部手机，10 分钟）", "cover": "封面文字", "hook": "开场钩子",
        "cta": "行动号召", "hashtags": "话题", "rate": "口播语速", "rate_unit": "字/秒",
        "minutes": "直播时长", "goal": "目标", "fabe": "FABE 产品讲解", "recap": "结尾复盘",
        "feature": "F 特点", "advantage": "A 优势", "benefit": "B 利益", "evidence": "E 证据",
        "repairs": "自动修正", "sec": "秒", "min": "分钟", "sheet": "分镜", "run": "流程单",
        "info": "信息", "title": "标题", "shot": "镜头", "say": "说", "do": "提示", "none": "无",
    },
    "en-US": {
        "platform": "Platform", "duration": "Length", "audience": "Shot by", "crew": "store crew",
        "customer": "customer co-creation (one phone, ten minutes)", "cover": "Cover text",
        "hook": "Hook", "cta": "Call to action", "hashtags": "Hashtags", "rate": "Speaking rate",
        "rate_unit": "words/s", "minutes": "Length", "goal": "Goal", "fabe": "FABE",
        "recap": "Closing recap", "feature": "F Feature", "advantage": "A Advantage",
        "benefit": "B Benefit", "evidence": "E Evidence", "repairs": "Automatic repairs",
        "sec": "s", "min": "min", "sheet": "Shots", "run": "Run sheet", "info": "Info",
        "title": "Title", "shot": "Shot", "say": "Say", "do": "Cue", "none": "none",
    },
}  # fmt: skip


@dataclass
class Sheet:
    """One script as a table plus the facts above it."""

    title: str
    columns: tuple[str, ...]
    rows: list[list[str]]
    facts: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # FABE, recap: text blocks
    repairs: list[str] = field(default_factory=list)


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["zh-CN"])


def _platform(platform: str | None, lang: str) -> str:
    spec = VIDEO_PLATFORMS.get(platform or "")
    if spec is None:
        return platform or ""
    return spec.label_en if lang == "en-US" else spec.label_zh


def video_sheet(content: VideoScriptContent, lang: str, platform: str | None = None) -> Sheet:
    t = labels(lang)
    en = lang == "en-US"
    rows = []
    for i, s in enumerate(content.get("shots") or [], start=1):
        size = str(s.get("shot_size", ""))
        rows.append(
            [
                str(i),
                span_seconds(s["start"], s["end"]),
                f"{number(float(s['end']) - float(s['start']))} {t['sec']}",
                f"{size} ({SHOT_SIZE_EN.get(size, size)})" if en else size,
                str(s.get("visual", "")),
                str(s.get("voiceover", "")),
                str(s.get("onscreen_text", "")),
                str(s.get("sound", "")),
                str(s.get("props", "")),
                str(s.get("cue", "")),
            ]
        )
    sep = ", " if en else "、"
    facts = [
        (t["platform"], _platform(platform, lang)),
        (t["duration"], f"{content.get('duration', '')} {t['sec']}"),
        (t["audience"], t[content.get("audience") or "crew"]),
        (t["cover"], str(content.get("cover_text", ""))),
        (t["hook"], str(content.get("hook", ""))),
        (t["cta"], str(content.get("cta", ""))),
        (t["hashtags"], sep.join(f"#{h}" for h in content.get("hashtags") or [])),
    ]
    if content.get("speech_rate"):
        facts.append((t["rate"], f"{number(content['speech_rate'])} {t['rate_unit']}"))
    return Sheet(
        title=str(content.get("title", "")),
        columns=VIDEO_COLUMNS["en-US" if en else "zh-CN"],
        rows=rows,
        facts=[(k, v) for k, v in facts if v.strip()],
        repairs=[str(r) for r in content.get("repairs") or []],
    )


def live_sheet(content: LiveScriptContent, lang: str, platform: str | None = None) -> Sheet:
    t = labels(lang)
    en = lang == "en-US"
    rows = []
    for phase in content.get("phases") or []:
        name = str(phase.get("phase", ""))
        shown = f"{name} {PHASE_EN.get(name, '')}".strip() if en else name
        for beat in phase.get("beats") or []:
            kind = str(beat.get("interaction") or "")
            rows.append(
                [
                    shown,
                    span_minutes(beat["start"], beat["end"]),
                    f"{number(float(beat['end']) - float(beat['start']))} {t['min']}",
                    str(beat.get("segment", "")),
                    str(beat.get("lines", "")),
                    str(beat.get("action", "")),
                    f"{kind} ({INTERACTION_EN.get(kind, kind)})" if en and kind else kind,
                ]
            )
    fabe = content.get("fabe")
    notes = [(t[k], str(fabe.get(k, "")) if fabe else "") for k in FABE_KEYS]
    notes.append((t["recap"], str(content.get("recap", ""))))
    facts = [
        (t["platform"], _platform(platform or content.get("platform"), lang)),
        (t["minutes"], f"{content.get('minutes', '')} {t['min']}"),
    ]
    for phase in content.get("phases") or []:
        span = span_minutes(phase["start"], phase["end"])
        facts.append((str(phase.get("phase", "")), f"{span} {phase.get('goal', '')}".strip()))
    if content.get("speech_rate"):
        facts.append((t["rate"], f"{number(content['speech_rate'])} {t['rate_unit']}"))
    return Sheet(
        title=str(content.get("title", "")),
        columns=LIVE_COLUMNS["en-US" if en else "zh-CN"],
        rows=rows,
        facts=[(k, v) for k, v in facts if v.strip()],
        notes=[(k, v) for k, v in notes if v.strip()],
        repairs=[str(r) for r in content.get("repairs") or []],
    )
