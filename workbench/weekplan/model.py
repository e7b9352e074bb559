"""The plan file contract: a week of group content slots (DESIGN.md, issue 15)."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from workbench.brief.models import Brand, Language, Segment, SegmentId, Strict

Activity = Literal["ip_activity", "member_day", "daily_brand", "product_push", "new_store"]
Format = Literal["image_text", "poster_copy", "short_video"]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

FORMATS: tuple[str, ...] = ("image_text", "poster_copy", "short_video")
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class PlanSlot(Strict):
    activity: Activity = Field(description="ip_activity | member_day | daily_brand | ...")
    days: list[Day] = Field(min_length=1, description="Days of the week: mon ... sun")
    time: str = Field(description='Local send time, quoted: "20:00"')
    format: Format = Field(description="image_text | poster_copy | short_video")
    brief: str | None = Field(None, description="A brief file, relative to the plan")
    theme: str | None = Field(
        None, min_length=1, max_length=100, description="Brand content without a product"
    )
    owner: str | None = Field(None, min_length=1, max_length=40, description="Who sends it")

    @field_validator("days")
    @classmethod
    def _unique_days(cls, days: list[str]) -> list[str]:
        if len(set(days)) != len(days):
            raise ValueError("each day may be listed once")
        return days

    @field_validator("time")
    @classmethod
    def _clock(cls, value: str) -> str:
        match = TIME_RE.match(value)
        if match is None:
            raise ValueError(f"'{value}' is not a time like \"08:30\" (24-hour HH:MM)")
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    @model_validator(mode="after")
    def _brief_or_theme(self) -> PlanSlot:
        if (self.brief is None) == (self.theme is None):
            raise ValueError("give either brief (a brief file) or theme (brand content), not both")
        return self


class Plan(Strict):
    week_of: date = Field(description="The Monday of the week (ISO date)")
    timezone: str = Field("Asia/Shanghai", description="IANA timezone of the slot times")
    segments: list[SegmentId | Segment] = Field(
        min_length=1, description="Audience segments: library ids or inline segments"
    )
    owner: str = Field(min_length=1, max_length=40, description="Who sends by default")
    brand: Brand | None = Field(
        None, description="Brand for theme slots (default: the brand of the first brief)"
    )
    language: Language | None = Field(
        None, description="Language of theme slots (default: the first brief's, else zh-CN)"
    )
    slots: list[PlanSlot] = Field(min_length=1, description="What to send, when")

    @field_validator("week_of")
    @classmethod
    def _monday(cls, value: date) -> date:
        if value.weekday() != 0:
            day = DAYS[value.weekday()]
            raise ValueError(f"{value.isoformat()} is a {day}; week_of must be the Monday")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown timezone '{value}' (use an IANA name such as Asia/Shanghai)"
            ) from None
        return value

    def resolved_segments(self) -> list[Segment]:
        return [s for s in self.segments if isinstance(s, Segment)]
