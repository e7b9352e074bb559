"""Channel limits as findings: SMS length, segments, signature and opt-out; title and body
lengths; folding. Figures and counting rules come from ``workbench.kinds.channels``.

Each raw finding is a :class:`~workbench.lint.hits.LimitHit` (rule, severity, field, start,
end, the message's values, suggestion, fix); ``start``/``end`` mark the part past the limit
(or the insertion point for a missing piece).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from workbench.kinds import KINDS
from workbench.kinds.channels import (
    CHANNELS,
    SMS_MAX_TOTAL,
    SMS_OPT_OUT,
    SMS_OPT_OUT_EN,
    VIDEO_PLATFORMS,
    ChannelSpec,
    sms_count,
    sms_max_chars,
    sms_signature,
)
from workbench.kinds.common import speech_units
from workbench.lint.hits import LimitHit

if TYPE_CHECKING:
    from workbench.lint.engine import LintContext

SMS_BASIS = "运营商/云短信规则：70 字 1 条，长短信每 67 字 1 条，签名计入；营销短信须带退订方式"
FOLD_LINES = 6
_CJK = re.compile(r"[\u4e00-\u9fff]")
FOLDING_CHANNELS = frozenset({"moments"})  # pasted Moments copy folds (channels doc 1.6)
_SIGNATURE = re.compile(r"^\s*【[^【】\n]{2,16}】")
_SIGNATURE_EN = re.compile(r"^\s*(?:【[^【】\n]{2,16}】|[^\s:【】][^:【】\n]{1,39}: )")
_OPT_OUT = re.compile(
    r"拒收请回复\s*R|回复?\s*[RT]\s*退订|退订回?\s*[RT]|reply\s+(?:R|STOP)|opt[- ]out", re.I
)


def _cut(text: str, limit: int, weighted: bool) -> int:
    """Index of the first character past ``limit`` (ASCII counting half when weighted)."""
    if not weighted:
        return min(limit, len(text))
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 127 else 1
        if (units + 1) // 2 > limit:
            return i
    return len(text)


def _label(spec: ChannelSpec, ctx: LintContext) -> str:
    return spec.label_en if ctx.language == "en-US" else spec.label_zh


def _counting(weighted: bool) -> dict[str, str]:
    return {
        "counting_zh": "（英文数字计半字）" if weighted else "",
        "counting_en": " (ASCII counts half)" if weighted else "",
    }


def sms_limits(text: str, field: str | None, ctx: LintContext) -> list[LimitHit]:
    """Signature, stray 【】, opt-out, total length and billed segments of one SMS."""
    out: list[LimitHit] = []
    n = len(text)
    brand = ctx.brand or ("Brand" if ctx.language == "en-US" else "品牌")
    sig = (_SIGNATURE_EN if ctx.language == "en-US" else _SIGNATURE).match(text)
    if sig is None:
        out.append(
            LimitHit(
                rule="sms_signature",
                severity="limit",
                field=field,
                start=0,
                end=0,
                values={"brand": brand, "signature": sms_signature(brand, ctx.language)},
                suggestion=sms_signature(brand, ctx.language),
                fix=sms_signature(ctx.brand, ctx.language) if ctx.brand else None,
                basis=SMS_BASIS,
            )
        )
    rest_at = sig.end() if sig else 0
    stray = text.find("【", rest_at)
    if stray >= 0:
        close = text.find("】", stray)
        out.append(
            LimitHit(
                rule="sms_brackets",
                severity="limit",
                field=field,
                term=text[stray : close + 1 if close > 0 else stray + 1],
                start=stray,
                end=close + 1 if close > 0 else stray + 1,
                values={},
                basis=SMS_BASIS,
            )
        )
    if ctx.marketing and not _OPT_OUT.search(text):
        chinese = re.search(r"[\u4e00-\u9fff]", text) is not None
        opt = SMS_OPT_OUT if chinese or not text else SMS_OPT_OUT_EN
        out.append(
            LimitHit(
                rule="sms_opt_out",
                severity="ban",
                field=field,
                start=n,
                end=n,
                values={"opt_out": opt},
                suggestion=opt,
                fix=opt,
                basis=SMS_BASIS,
            )
        )
    parts = sms_count(text)
    spec = CHANNELS["sms"]
    allowed = ctx.sms_parts or spec.sms_max_parts
    values: dict[str, str | int] = {"count": n, "segments": parts, "limit": allowed}
    if n > SMS_MAX_TOTAL:
        out.append(
            LimitHit(
                rule="sms_length",
                severity="limit",
                field=field,
                start=SMS_MAX_TOTAL,
                end=n,
                values={"count": n, "limit": SMS_MAX_TOTAL},
                basis=SMS_BASIS,
            )
        )
    if parts > allowed:
        start = min(sms_max_chars(replace(spec, sms_max_parts=allowed)), n)
        out.append(
            LimitHit(
                rule="sms_segments",
                severity="limit",
                field=field,
                start=start,
                end=n,
                values=values,
                basis=SMS_BASIS,
            )
        )
    elif parts > 1:
        out.append(
            LimitHit(
                rule="sms_billing",
                severity="info",
                field=field,
                start=0,
                end=n,
                values=values,
                basis=SMS_BASIS,
            )
        )
    return out


def _title(
    text: str, field: str | None, spec: ChannelSpec, ctx: LintContext, offset: int = 0
) -> list[LimitHit]:
    if spec.title_max is None or not text:
        return []
    n = spec.title_length(text)
    common: dict[str, str | int] = {
        "channel": _label(spec, ctx),
        "count": n,
        "limit": spec.title_max,
    }
    if n > spec.title_max:
        cut = _cut(text, spec.title_max, spec.title_weighted)
        return [
            LimitHit(
                rule="title_length",
                severity="limit",
                field=field,
                start=offset + cut,
                end=offset + len(text),
                values={**common, **_counting(spec.title_weighted)},
            )
        ]
    if spec.title_min is not None and n < spec.title_min:
        return [
            LimitHit(
                rule="title_short",
                severity="limit",
                field=field,
                start=offset,
                end=offset + len(text),
                values={**common, "min": spec.title_min},
            )
        ]
    return []


def _body(
    text: str, field: str | None, spec: ChannelSpec, ctx: LintContext, offset: int = 0
) -> list[LimitHit]:
    out: list[LimitHit] = []
    if not text:
        return out
    label = _label(spec, ctx)
    if spec.body_max is not None:
        n = spec.body_length(text)
        if n > spec.body_max:
            out.append(
                LimitHit(
                    rule="body_length",
                    severity="limit",
                    field=field,
                    start=offset + _cut(text, spec.body_max, spec.body_weighted),
                    end=offset + len(text),
                    values={
                        "channel": label,
                        "count": n,
                        "limit": spec.body_max,
                        **_counting(spec.body_weighted),
                    },
                )
            )
    if ctx.max_chars is not None:
        n = spec.body_length(text)
        if n > ctx.max_chars:
            out.append(
                LimitHit(
                    rule="body_length",
                    severity="limit",
                    field=field,
                    start=offset + _cut(text, ctx.max_chars, spec.body_weighted),
                    end=offset + len(text),
                    values={
                        "channel": label,
                        "count": n,
                        "limit": ctx.max_chars,
                        **_counting(spec.body_weighted),
                    },
                    basis="brief: deliverables[].max_chars",
                )
            )
    elif spec.body_fold is not None and spec.id in FOLDING_CHANNELS:
        lines = text.count("\n") + 1
        if len(text) > spec.body_fold or lines > FOLD_LINES:
            start = min(spec.body_fold, len(text))
            if lines > FOLD_LINES:
                nth = -1
                for _ in range(FOLD_LINES):
                    nth = text.index("\n", nth + 1)
                start = min(start, nth + 1)
            out.append(
                LimitHit(
                    rule="fold",
                    severity="limit",  # kept above the fold unless max_chars says otherwise
                    field=field,
                    start=offset + start,
                    end=offset + len(text),
                    values={
                        "channel": label,
                        "count": len(text),
                        "lines": lines,
                        "limit": spec.body_fold,
                    },
                )
            )
    return out


def live_coverage(content: object, ctx: LintContext) -> list[LimitHit]:
    """A run sheet's word-for-word share (``info``): how many of its minutes the host's
    lines fill at the speaking rate it was checked at; [] for other content. An honest
    offline sheet scripts a few minutes of a long stream (a 60-minute sheet: about 7-8%)
    and cues the rest; a model's sheet is measured the same way."""
    if not isinstance(content, dict):
        return []
    phases, minutes = content.get("phases"), content.get("minutes")
    rate = content.get("speech_rate")
    if not isinstance(phases, list) or not isinstance(minutes, int | float) or minutes <= 0:
        return []
    if not isinstance(rate, int | float) or rate <= 0:
        return []
    said = [
        str(beat.get("lines") or "")
        for phase in phases
        if isinstance(phase, dict)
        for beat in phase.get("beats") or []
        if isinstance(beat, dict)
    ]
    # counted as the sheet was written (characters for Chinese, words for English), whatever
    # language the report is in
    lang = "zh-CN" if any(_CJK.search(line) for line in said) else "en-US"
    units = sum(speech_units(line, lang) for line in said)
    spoken = units / (60 * rate)
    return [
        LimitHit(
            rule="live_coverage",
            severity="info",
            field="phases",
            start=0,
            end=0,
            values={
                "spoken": f"{spoken:.1f}",
                "minutes": f"{minutes:g}",
                "share": f"{100 * spoken / minutes:.1f}",
                "units": units,
                "rate": f"{rate:g}",
                "unit_zh": "词" if lang == "en-US" else "字",
                "unit_en": "words" if lang == "en-US" else "characters",
            },
        )
    ]


def content_limits(kind: str, content: dict[str, Any], ctx: LintContext) -> list[LimitHit]:
    """Channel-limit findings for one variant's content, on the fields its kind names (and
    a run sheet's word-for-word share)."""
    spec = KINDS.get(kind)
    if spec is None:
        return []
    out: list[LimitHit] = live_coverage(content, ctx)
    for item in spec.limit_fields(content, ctx.channel):
        if item.role == "sms":
            out += sms_limits(item.text, item.field, ctx)
        elif item.role == "title":
            out += _title(item.text, item.field, item.spec, ctx)
        else:
            out += _body(item.text, item.field, item.spec, ctx)
    return out


def text_limits(text: str, ctx: LintContext) -> list[LimitHit]:
    """Channel limits for a whole file; a leading Markdown heading is the title."""
    channel = ctx.channel
    if channel is None:
        return []
    if channel in CHANNELS and CHANNELS[channel].sms:
        return sms_limits(text.strip(), None, ctx)
    spec = CHANNELS.get(channel) or VIDEO_PLATFORMS.get(channel)
    if spec is None:
        return []
    heading = re.match(r"[ \t]*#{1,6}[ \t]+(.+?)[ \t]*(?:\n|$)", text)
    if heading is None:
        return _body(text.strip(), None, spec, ctx, offset=len(text) - len(text.lstrip()))
    title_start = heading.start(1)
    body = text[heading.end() :]
    body_start = heading.end() + len(body) - len(body.lstrip())
    return _title(heading.group(1), None, spec, ctx, offset=title_start) + _body(
        body.strip(), None, spec, ctx, offset=body_start
    )
