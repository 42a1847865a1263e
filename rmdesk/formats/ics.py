"""Visits as an RFC 5545 calendar. Each visit keeps one UID (visit-<id>@rmdesk), and
SEQUENCE/LAST-MODIFIED grow with changes, so re-importing the file into Outlook or
Apple Calendar updates the events instead of duplicating them. What goes into each
event is gathered by rmdesk.services.calendar_export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

STATUS = {"planned": "TENTATIVE", "done": "CONFIRMED", "cancelled": "CANCELLED"}


def uid(visit_id: int) -> str:
    return f"visit-{visit_id}@rmdesk"


@dataclass(frozen=True)
class CalendarEntry:
    visit_id: int
    begin: datetime  # the RM's local wall-clock time, as stored
    duration_min: int
    last_modified: datetime  # local wall-clock time too
    sequence: int
    summary: str
    location: str
    description: str
    status: str  # an RFC 5545 VEVENT STATUS


def write_calendar(entries: list[CalendarEntry], zone_name: str) -> bytes:
    zone = ZoneInfo(zone_name)
    cal = Calendar()
    cal.add("prodid", "-//rmdesk//call plans//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-timezone", zone_name)
    for entry in entries:
        event = Event()
        event.add("uid", uid(entry.visit_id))
        begin = entry.begin.replace(tzinfo=zone)
        event.add("dtstart", begin)
        event.add("dtend", begin + timedelta(minutes=entry.duration_min))
        event.add("dtstamp", datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0))
        event.add("last-modified", entry.last_modified.replace(tzinfo=zone))
        event.add("sequence", entry.sequence)
        event.add("summary", entry.summary)
        if entry.location:
            event.add("location", entry.location)
        event.add("description", entry.description)
        event.add("status", entry.status)
        cal.add_component(event)
    cal.add_missing_timezones()  # the VTIMEZONE that TZID refers to (RFC 5545 3.6.5)
    return cal.to_ical()
