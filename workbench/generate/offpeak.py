"""Off-peak scheduling for endpoints without a Batch API (DeepSeek: half price 00:30-08:30
Beijing time): when the next window opens, so ``generate --off-peak`` can wait for it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workbench.errors import ConfigError
from workbench.settings import OffPeakSettings


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def zone(settings: OffPeakSettings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"llm.off_peak.timezone: {settings.timezone!r} is not an IANA time zone "
            "(e.g. Asia/Shanghai)"
        ) from None


def window_start(settings: OffPeakSettings, now: datetime) -> datetime | None:
    """None when ``now`` (aware) is inside the window, else when the next window opens."""
    tz = zone(settings)
    local = now.astimezone(tz)
    start, end = _clock(settings.start), _clock(settings.end)
    if start == end:
        return None  # a 24-hour window
    here = local.time().replace(second=0, microsecond=0)
    inside = start <= here < end if start < end else (here >= start or here < end)
    if inside:
        return None
    opens = local.replace(hour=start.hour, minute=start.minute, second=0, microsecond=0)
    if opens <= local:
        opens += timedelta(days=1)
    return opens


def window_end(settings: OffPeakSettings, now: datetime) -> datetime:
    """When the window that is open at ``now`` (or opens next) closes."""
    tz = zone(settings)
    local = now.astimezone(tz)
    end = _clock(settings.end)
    closes = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if closes <= local:
        closes += timedelta(days=1)
    return closes
