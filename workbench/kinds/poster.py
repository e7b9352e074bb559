"""Poster copy: the words a poster layout places (rendering lives in ``workbench.poster``).

Answer shape: ``{"headline", "subheadline", "bullets": [str] (1-4), "cta", "badge"}``.
Caps (``POSTER_CAPS``) count a CJK character as 1 and ASCII as half, so en-US copy gets
twice the characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import Field

from workbench.kinds.base import KindBase
from workbench.kinds.channels import POSTER_BULLETS, POSTER_CAPS, weighted_len
from workbench.kinds.common import Answer, Problems, check_banned, validate
from workbench.kinds.records import PosterContent, PosterLimits, PosterReply

if TYPE_CHECKING:
    from pydantic import BaseModel

    from workbench.brief.models import Brief, Deliverable

_LO, _HI = POSTER_BULLETS


class PosterAnswer(Answer):
    headline: str = Field(
        description=f"Main line, at most {POSTER_CAPS['headline']} Chinese characters"
    )
    subheadline: str = Field(
        description=f"Second line, at most {POSTER_CAPS['subheadline']} Chinese characters"
    )
    bullets: list[str] = Field(
        description=(
            f"{_LO}-{_HI} selling points, each at most {POSTER_CAPS['bullet']} Chinese characters"
        )
    )
    cta: str = Field(description=f"Call to action, at most {POSTER_CAPS['cta']} characters")
    badge: str = Field(
        description=(
            f"Corner badge such as 限时 or 会员专享, at most {POSTER_CAPS['badge']}; may be empty"
        )
    )


class PosterKind(KindBase[PosterContent, PosterReply]):
    name = "poster"
    angles_zh = ("利益点大字", "价格锚点", "场景氛围", "身份认同", "限时福利")
    angles_en = ("big benefit", "price anchor", "scene mood", "identity", "limited-time perk")
    lint_scope: str | None = "poster"
    carries_qr = True
    renders_image = True

    def text(self, content: PosterContent) -> str:
        bullets = "\n".join(f"· {b}" for b in content.get("bullets") or [])
        parts = [
            content.get("badge") or "",
            content.get("headline", ""),
            content.get("subheadline") or "",
            bullets,
            content.get("cta") or "",
        ]
        return "\n".join(p for p in parts if p)

    def headline(self, content: PosterContent) -> str:
        return str(content.get("headline", ""))

    def prompt_limits(self, deliverable: Deliverable, lang: str, brand: str) -> PosterLimits:
        return {
            "label_zh": "",
            "label_en": "the poster",
            "headline_max": POSTER_CAPS["headline"],
            "subheadline_max": POSTER_CAPS["subheadline"],
            "bullet_max": POSTER_CAPS["bullet"],
            "cta_max": POSTER_CAPS["cta"],
            "badge_max": POSTER_CAPS["badge"],
            "bullets_min": POSTER_BULLETS[0],
            "bullets_max": POSTER_BULLETS[1],
            "qr": bool(getattr(deliverable, "qr", False)),
            "emoji_max": 0,
        }

    def call_size(self, deliverable: Deliverable) -> int:
        return 1

    def response_model(self, deliverable: Deliverable, count: int) -> type[BaseModel]:
        return PosterAnswer

    def parse(
        self, data: Any, deliverable: Deliverable, brief: Brief, count: int
    ) -> list[PosterContent]:
        answer = validate(PosterAnswer, data)
        return [check_poster(cast("PosterReply", answer.model_dump()), brief)]


def _cap(problems: Problems, path: str, text: str, cap_key: str, required: bool = True) -> None:
    if not text:
        if required:
            problems.add(path, "is empty")
        return
    n = weighted_len(text)
    cap = POSTER_CAPS[cap_key]
    if n > cap:
        problems.add(path, f"is {n} characters (ASCII counts half); the limit is {cap}")


def check_poster(values: PosterReply, brief: Brief) -> PosterContent:
    problems = Problems()
    bullets = [b.strip() for b in values["bullets"] if b.strip()]
    if len(bullets) > _HI:
        problems.repair(f"bullets: kept the first {_HI} of {len(bullets)}")
        bullets = bullets[:_HI]
    if len(bullets) < _LO:
        problems.add("bullets", f"needs {_LO}-{_HI} items")
    _cap(problems, "headline", values["headline"], "headline")
    _cap(problems, "subheadline", values["subheadline"], "subheadline")
    for i, b in enumerate(bullets):
        _cap(problems, f"bullets[{i}]", b, "bullet")
    _cap(problems, "cta", values["cta"], "cta")
    _cap(problems, "badge", values["badge"], "badge", required=False)
    fields = {
        "headline": values["headline"],
        "subheadline": values["subheadline"],
        "cta": values["cta"],
        "badge": values["badge"],
    }
    fields.update({f"bullets[{i}]": b for i, b in enumerate(bullets)})
    check_banned(fields, brief, problems)
    problems.raise_if_any()
    content: PosterContent = {
        "headline": values["headline"],
        "subheadline": values["subheadline"],
        "bullets": bullets,
        "cta": values["cta"],
        "badge": values["badge"],
    }
    return problems.attach(content)
