"""Plain-text views of variant content, shared by the CLI and the TUI."""

from __future__ import annotations

from typing import Any


def content_text(kind: str, content: dict[str, Any]) -> str:
    """The whole piece as an operator would read or paste it."""
    if kind in ("copy", "theme_post"):
        body = content.get("body", "")
        cta = content.get("cta") or ""
        parts = [content.get("title") or "", body]
        tags = " ".join(f"#{t}" for t in content.get("hashtags") or [])
        parts += [tags, "" if cta in body else cta]
        return "\n".join(p for p in parts if p)
    if kind == "title":
        angle = content.get("angle")
        return f"{content.get('text', '')}" + (f"  〔{angle}〕" if angle else "")
    if kind == "poster":
        bullets = "\n".join(f"· {b}" for b in content.get("bullets") or [])
        parts = [
            content.get("badge") or "",
            content.get("headline", ""),
            content.get("subheadline") or "",
            bullets,
            content.get("cta") or "",
        ]
        return "\n".join(p for p in parts if p)
    if kind == "video_script":
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
    if kind == "live_script":
        return _live_text(content)
    return "\n".join(f"{k}: {v}" for k, v in content.items())


def _live_text(content: dict[str, Any]) -> str:
    lines = [f"{content.get('title', '')} · {content.get('minutes', '')} min"]
    for phase in content.get("phases") or []:
        lines.append(
            f"【{phase.get('phase', '')}】{phase.get('start', 0):g}-{phase.get('end', 0):g} min "
            f"{phase.get('goal', '')}"
        )
        for beat in phase.get("beats") or []:
            mark = f" ·{beat['interaction']}" if beat.get("interaction") else ""
            lines.append(
                f"  {beat.get('start', 0):>5.1f}-{beat.get('end', 0):>5.1f} "
                f"{beat.get('segment', '')}{mark}：{beat.get('lines', '')}"
            )
    fabe = content.get("fabe") or {}
    lines += [f"FABE {k[0].upper()}：{fabe[k]}" for k in ("feature", "advantage", "benefit",
                                                         "evidence") if fabe.get(k)]  # fmt: skip
    if content.get("recap"):
        lines.append(f"复盘：{content['recap']}")
    return "\n".join(lines)


def preview(kind: str, content: dict[str, Any], width: int = 48) -> str:
    """One line, at most ``width`` characters."""
    if kind in ("copy", "theme_post"):
        text = content.get("title") or content.get("body", "")
    elif kind == "title":
        text = content.get("text", "")
    elif kind == "poster":
        text = content.get("headline", "")
    elif kind in ("video_script", "live_script"):
        text = content.get("title", "")
    else:
        text = content_text(kind, content)
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
