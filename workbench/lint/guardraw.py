"""Fact-guard inputs from a stored brief's YAML (already parsed), tolerant of anything odd.

Stored briefs were valid when they ran, but the lint must not fail on one that is not: each
value is taken only when it has the expected type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from workbench.brief.models import Segment
from workbench.lint.facts import Facts, facts_from_values

if TYPE_CHECKING:
    from workbench.segments import SegmentLibrary


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return str(value) if isinstance(value, str | int | float) else ""


def raw_segment(
    data: Any, segment_id: str | None, library: SegmentLibrary | None
) -> Segment | None:
    """The segment ``segment_id``: inline in the brief, else from ``library``."""
    if not segment_id:
        return None
    items = data.get("segments") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and str(item.get("id")) == segment_id:
            try:
                return Segment.model_validate(item)
            except ValidationError:
                return None
    return library.get(segment_id) if library is not None else None


def raw_facts(data: Any, segment: Segment | None) -> Facts | None:
    """Facts from a parsed brief; None when it has no campaign to take them from."""
    campaign = _dict(data.get("campaign")) if isinstance(data, dict) else {}
    if not campaign:
        return None
    brand = _dict(campaign.get("brand"))
    product = _dict(campaign.get("product"))
    texts = [
        _text(campaign.get("name")),
        _text(brand.get("name")),
        *_texts(brand.get("must_include")),
        _text(product.get("name")),
        _text(product.get("short_name")),
        _text(product.get("price_unit")),
        *_texts(product.get("selling_points")),
        _text(product.get("landing_url")),
    ]
    if segment is not None and segment.address_as:
        texts.append(segment.address_as)
    numbers: list[float] = []
    for d in data.get("deliverables") or [] if isinstance(data.get("deliverables"), list) else []:
        for name in ("duration", "minutes"):
            value = _dict(d).get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                numbers.append(float(value))
    price = product.get("price")
    deadline = product.get("deadline")
    return facts_from_values(
        texts=[t for t in texts if t],
        proof=_texts(product.get("proof")),
        offer=_text(product.get("offer")),
        price=float(price)
        if isinstance(price, int | float) and not isinstance(price, bool)
        else None,
        deadline=str(deadline) if deadline else None,
        numbers=numbers,
    )


def raw_limit(data: Any, index: int | None, key: str) -> int | None:
    """``deliverables[index].<key>`` (sms_parts, max_chars) when it is a positive int."""
    items = data.get("deliverables") if isinstance(data, dict) else None
    if index is None or not isinstance(items, list) or not 0 <= index < len(items):
        return None
    value = _dict(items[index]).get(key)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if key == "sms_parts" and _dict(items[index]).get("channel") == "sms":
        return 1  # the brief's default
    return None


def raw_value(data: Any, index: int | None, key: str) -> Any:
    """``deliverables[index].<key>`` as written, or None."""
    items = data.get("deliverables") if isinstance(data, dict) else None
    if index is None or not isinstance(items, list) or not 0 <= index < len(items):
        return None
    return _dict(items[index]).get(key)
