"""A new brief from a few answers: the YAML the "new brief" form writes.

The form (TUI) asks for campaign, brand, product, price, offer, deadline, landing page, the
library segments to address and a few common deliverables; :func:`draft_yaml` turns the
answers into a commented brief (the same file an operator would type by hand), which the
loader then validates like any other brief. Answers that cannot be read (a price that is not
a number, a date that is not a date) are ``InputError`` problems naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import yaml

from workbench.brief.loader import BRIEF_MODELS
from workbench.brief.models import slugify
from workbench.errors import InputError, Problem
from workbench.guards.text import clean_text

DRAFT_LABEL = "new brief"


class DeliverablePreset(TypedDict):
    """One deliverable the form offers, as the brief's ``deliverables:`` entry holds it."""

    kind: str
    """The content kind (copy, title, poster, video_script)."""
    variants: int
    """Variants per style."""
    channel: NotRequired[str]
    """The channel of a copy or title deliverable."""
    size: NotRequired[str]
    """A poster's size preset."""
    template: NotRequired[str]
    """A poster's template."""
    platform: NotRequired[str]
    """A video script's platform."""
    duration: NotRequired[int]
    """A video script's length in seconds."""
    qr: NotRequired[bool]
    """A poster prints a QR code of the landing page (set when the brief has one)."""


class DraftProduct(TypedDict):
    """The product block the form writes; the optional fields only when answered."""

    name: str
    """The product's name, on one line."""
    price: NotRequired[int | float]
    """The price as a number (an integer when it is whole)."""
    offer: NotRequired[str]
    """The offer, on one line."""
    deadline: NotRequired[date]
    """The offer's last day."""
    landing_url: NotRequired[str]
    """The landing page."""


class DraftCampaign(TypedDict):
    """The ``campaign:`` block of a drafted brief."""

    name: str
    """The campaign's name, on one line."""
    language: str
    """The content language (zh-CN, en-US)."""
    brand: dict[str, str]
    """The brand block: its name."""
    product: DraftProduct
    """The product block."""


class DraftData(TypedDict):
    """A drafted brief as data, before validation."""

    campaign: DraftCampaign
    """The campaign block."""
    segments: list[str]
    """Library segment ids, in the order picked, without repeats."""
    deliverables: list[DeliverablePreset]
    """The picked deliverables."""


# The deliverables the form offers, by id: the common ones for a community operator.
DELIVERABLE_PRESETS: dict[str, DeliverablePreset] = {
    "community": {"kind": "copy", "channel": "community", "variants": 3},
    "moments": {"kind": "copy", "channel": "moments", "variants": 2},
    "sms": {"kind": "copy", "channel": "sms", "variants": 2},
    "xiaohongshu_title": {"kind": "title", "channel": "xiaohongshu", "variants": 5},
    "poster": {"kind": "poster", "size": "xiaohongshu", "template": "bold-sale", "variants": 2},
    "douyin_script": {"kind": "video_script", "platform": "douyin", "duration": 30, "variants": 2},
}

_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")

_COMMENTS = {
    "zh-CN": {
        "head": "新简报（由“新建简报”表单生成）\n"
        "全部字段见 workbench schema；Ctrl+S 保存，Ctrl+R 生成",
        "segments": "分群：分群库 segments.yaml 里的 id（导入的分群注明人数与数据日期）",
        "deliverables": "要生成的内容：每个分群 × 每项内容；variants 是每种风格的条数",
    },
    "en-US": {
        "head": "New brief (written by the new-brief form)\n"
        "Every field: workbench schema; Ctrl+S saves, Ctrl+R runs",
        "segments": "Segments: ids from the segment library (segments.yaml); imported ones "
        "note their member count and as-of date",
        "deliverables": "What to generate for every segment; variants is per style",
    },
}


@dataclass(frozen=True)
class BriefDraft:
    """The form's answers, as typed (text fields stripped by the loader)."""

    campaign: str
    brand: str
    product: str
    price: str = ""
    offer: str = ""
    deadline: str = ""
    landing_url: str = ""
    segments: Sequence[str] = ()
    deliverables: Sequence[str] = ()
    language: str = "zh-CN"
    notes: Mapping[str, str] = field(default_factory=dict)
    """A short note per segment id, written as a comment next to it (name, members)."""


def parse_deadline(text: str) -> date | None:
    """``2026-03-15``, ``2026/3/15``, ``2026.03.15`` or ``2026年3月15日``; None when empty."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        raise ValueError("must be a date such as 2026-03-15")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"is not a calendar date ({exc})") from None


def _price(text: str) -> float | int | None:
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = float(text.lstrip("¥￥$"))
    except ValueError:
        raise ValueError("must be a number such as 89 or 89.9") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise ValueError("must be a number of 0 or more")
    return int(value) if value.is_integer() else value


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def draft_data(draft: BriefDraft) -> DraftData:
    """The brief as data (before validation); bad price or date: ``InputError``."""
    problems: list[Problem] = []
    product: DraftProduct = {"name": _one_line(draft.product)}
    try:
        price = _price(draft.price)
        if price is not None:
            product["price"] = price
    except ValueError as exc:
        problems.append(Problem(DRAFT_LABEL, None, "campaign.product.price", str(exc)))
    if draft.offer.strip():
        product["offer"] = _one_line(draft.offer)
    try:
        deadline = parse_deadline(draft.deadline)
        if deadline is not None:
            product["deadline"] = deadline
    except ValueError as exc:
        problems.append(Problem(DRAFT_LABEL, None, "campaign.product.deadline", str(exc)))
    if draft.landing_url.strip():
        product["landing_url"] = draft.landing_url.strip()
    unknown = [d for d in draft.deliverables if d not in DELIVERABLE_PRESETS]
    if unknown:
        known = ", ".join(DELIVERABLE_PRESETS)
        message = f"unknown {', '.join(unknown)}; known: {known}"
        problems.append(Problem(DRAFT_LABEL, None, "deliverables", message))
    if problems:
        raise InputError(problems)
    deliverables = [DeliverablePreset(**DELIVERABLE_PRESETS[d]) for d in draft.deliverables]
    for d in deliverables:
        if "qr" in BRIEF_MODELS[d["kind"]].model_fields and "landing_url" in product:
            d["qr"] = True  # a deliverable that can print a QR code points it at the landing page
    return {
        "campaign": {
            "name": _one_line(draft.campaign),
            "language": draft.language,
            "brand": {"name": _one_line(draft.brand)},
            "product": product,
        },
        "segments": list(dict.fromkeys(draft.segments)),
        "deliverables": deliverables,
    }


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)


def draft_yaml(draft: BriefDraft) -> str:
    """The commented brief YAML for ``draft`` (validate it with the loader)."""
    data = draft_data(draft)
    notes = _COMMENTS.get(draft.language, _COMMENTS["zh-CN"])
    lines = [f"# {line}" for line in notes["head"].splitlines()]
    lines.append(_dump({"campaign": data["campaign"]}).rstrip())
    lines.append(f"# {notes['segments']}")
    if data["segments"]:
        lines.append("segments:")
        for seg in data["segments"]:
            entry = _dump([seg]).rstrip()
            note = _one_line(draft.notes.get(seg, ""))
            lines.append(f"  {entry}  # {note}" if note else f"  {entry}")
    else:
        lines.append("segments: []")
    lines.append(f"# {notes['deliverables']}")
    if data["deliverables"]:
        body = _dump({"deliverables": data["deliverables"]}).rstrip().splitlines()
        lines.append(body[0])
        lines.extend(f"  {line}" for line in body[1:])
    else:
        lines.append("deliverables: []")
    return "\n".join(lines) + "\n"


def draft_path(folder: Path, draft: BriefDraft) -> Path:
    """A file for the new brief in ``folder`` named after the campaign, never an existing one."""
    stem = slugify(_one_line(draft.campaign)) or "brief"
    path = folder / f"{stem}.yaml"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.yaml"
        n += 1
    return path
