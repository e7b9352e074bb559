"""The off-peak window: inside, before, after, and across midnight."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.errors import ConfigError
from workbench.generate.offpeak import window_end, window_start
from workbench.settings import OffPeakSettings

SHANGHAI = OffPeakSettings(start="00:30", end="08:30", timezone="Asia/Shanghai")


def utc(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_inside_the_window_starts_at_once() -> None:
    assert window_start(SHANGHAI, utc(17)) is None  # 01:00 in Shanghai


def test_before_the_window_waits_for_its_start() -> None:
    opens = window_start(SHANGHAI, utc(15))  # 23:00 in Shanghai, 1 March
    assert opens is not None
    assert (opens.day, opens.hour, opens.minute) == (2, 0, 30)
    assert opens.astimezone(UTC) == utc(16, 30)


def test_after_the_window_waits_for_the_next_day() -> None:
    opens = window_start(SHANGHAI, utc(1))  # 09:00 in Shanghai
    assert opens is not None and opens.astimezone(UTC) == utc(16, 30)
    assert window_end(SHANGHAI, opens).astimezone(UTC) == utc(0, 30, day=2)


def test_a_window_across_midnight() -> None:
    night = OffPeakSettings(start="22:00", end="06:00", timezone="UTC")
    assert window_start(night, utc(23)) is None
    assert window_start(night, utc(5, 59)) is None
    opens = window_start(night, utc(6))
    assert opens is not None and opens == utc(22)


def test_a_bad_time_zone_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not an IANA time zone"):
        window_start(OffPeakSettings(timezone="Mars/Olympus"), utc(1))
