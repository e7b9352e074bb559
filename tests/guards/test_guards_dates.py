"""Dates as spreadsheets write them, and dates as copy writes them."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.guards.dates import calendar_date, short_date, today


@pytest.mark.parametrize(
    "text", ["2026-03-10", "2026/03/10", "2026/3/10", "2026.3.10", "2026年3月10日", " 2026-3-10 "]
)
def test_calendar_dates(text: str) -> None:
    assert calendar_date(text) == date(2026, 3, 10)


@pytest.mark.parametrize(
    "text", ["10/03/2026", "2026-02-30", "2026/03-10", "20260310", "", "3月10日"]
)
def test_not_dates(text: str) -> None:
    assert calendar_date(text) is None


def test_copy_dates_carry_the_year_only_when_it_is_not_this_year() -> None:
    now = date(2026, 12, 1)
    assert short_date(date(2026, 12, 31), "zh-CN", now) == "12月31日"
    assert short_date(date(2027, 1, 1), "zh-CN", now) == "2027年1月1日"
    assert short_date(date(2026, 3, 15), "en-US", now) == "Mar 15"
    assert short_date(date(2027, 1, 1), "en-US", now) == "Jan 1, 2027"


def test_today_can_be_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2027/1/2")
    assert today() == date(2027, 1, 2)
    monkeypatch.setenv("WORKBENCH_TODAY", "nonsense")
    assert today() == date.today()
