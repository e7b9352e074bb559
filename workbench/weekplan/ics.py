"""The week as an iCalendar file (RFC 5545, via the ``icalendar`` library): one event per
slot at its local time in the plan's timezone (a VTIMEZONE is included so 企业微信, Outlook
and Apple Calendar place it right), the copy in the description, the owner as organizer
name and a 10-minute reminder."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from workbench import __version__
from workbench.fsio import atomic_write_bytes

if TYPE_CHECKING:
    from workbench.store.slotrecords import Slot
    from workbench.weekplan.sheet import SheetRow

EVENT_MINUTES = 15
DOMAIN = "workbench.local"


def build_calendar(rows: list[SheetRow], slots: list[Slot], name: str) -> bytes:
    """``rows`` are the sheet rows of ``slots`` (same order): labels already translated."""
    cal = Calendar()
    cal.add("prodid", f"-//workbench//calendar {__version__}//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    zones = sorted({s.timezone for s in slots})
    for zone in zones:
        first = min(date.fromisoformat(s.date) for s in slots if s.timezone == zone)
        last = max(date.fromisoformat(s.date) for s in slots if s.timezone == zone)
        cal.add_component(
            Timezone.from_tzinfo(
                ZoneInfo(zone),
                tzid=zone,
                first_date=first - timedelta(days=366),
                last_date=last + timedelta(days=366),
            )
        )
    stamp = datetime.now(ZoneInfo("UTC")).replace(microsecond=0)
    for row, slot in zip(rows, slots, strict=True):
        tz = ZoneInfo(slot.timezone)
        hour, minute = (int(x) for x in slot.time.split(":"))
        start = datetime.combine(date.fromisoformat(slot.date), time(hour, minute), tz)
        event = Event()
        event.add("uid", f"slot-{slot.id}-{slot.plan_key}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))
        event.add("summary", f"{row.activity} · {row.format} · {row.segment}")
        description = [row.copy]
        if row.link:
            description.append(row.link)
        if row.poster:
            description.append(row.poster)
        description.append(f"{row.owner} · {row.status}")
        event.add("description", "\n\n".join(d for d in description if d))
        event.add("categories", [row.activity])
        event.add("x-workbench-slot", str(slot.id))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event["summary"])
        alarm.add("trigger", timedelta(minutes=-10))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(rows: list[SheetRow], slots: list[Slot], path: Path, name: str) -> None:
    atomic_write_bytes(path, build_calendar(rows, slots, name))
