"""Visits as an RFC 5545 calendar (METHOD:PUBLISH), for Outlook, Google, Apple Calendar and
Exchange. What goes into each event is gathered by rmdesk.services.calendar_export.

- UID: visit-<id>.<book id>@rmdesk. The book id is made once per book (the store), so two
  RMs' books never give two different visits one UID in a shared calendar.
- SEQUENCE / LAST-MODIFIED grow with every change an event shows (a new time, confirmed or
  not, held, cancelled, trashed, restored), so a re-import updates the events in place.
- LAST-MODIFIED and DTSTAMP are UTC; DTSTART/DTEND carry the profile's zone (TZID with its
  VTIMEZONE).
- A VALARM reminds `alarm_minutes` before a visit that still takes place (0: none).
- Text is cleaned of control characters (a lone CR would split a content line)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

STATUS = {"planned": "TENTATIVE", "done": "CONFIRMED", "cancelled": "CANCELLED"}
PRODID = "-//rmdesk//call plans//EN"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def uid(visit_id: int, book_id: str) -> str:
    return f"visit-{visit_id}.{book_id}@rmdesk"


@dataclass(frozen=True)
class CalendarEntry:
    visit_id: int
    begin: datetime  # the RM's local wall-clock time, as stored (in the profile's zone)
    duration_min: int
    last_modified: datetime  # aware (any zone); written in UTC
    sequence: int
    summary: str
    location: str
    description: str
    status: str  # an RFC 5545 VEVENT STATUS


def clean_text(text: str) -> str:
    """Line ends as LF (icalendar writes them as \\n), other control characters dropped."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def write_calendar(entries: list[CalendarEntry], zone_name: str, book_id: str, calendar_name: str = "rmdesk",
                   alarm_minutes: int = 0, alarm_text: str = "") -> bytes:
    zone = ZoneInfo(zone_name)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean_text(calendar_name))
    cal.add("x-wr-timezone", zone_name)
    stamp = datetime.now(tz=UTC).replace(microsecond=0)
    for entry in entries:
        event = Event()
        event.add("uid", uid(entry.visit_id, book_id))
        begin = entry.begin.replace(tzinfo=zone)
        event.add("dtstart", begin)
        event.add("dtend", begin + timedelta(minutes=entry.duration_min))
        event.add("dtstamp", stamp)
        event.add("last-modified", entry.last_modified.astimezone(UTC).replace(microsecond=0))
        event.add("sequence", entry.sequence)
        event.add("summary", clean_text(entry.summary))
        if entry.location:
            event.add("location", clean_text(entry.location))
        event.add("description", clean_text(entry.description))
        event.add("status", entry.status)
        if alarm_minutes > 0 and entry.status != "CANCELLED":
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", clean_text(alarm_text or entry.summary))
            alarm.add("trigger", timedelta(minutes=-alarm_minutes))
            event.add_component(alarm)
        cal.add_component(event)
    cal.add_missing_timezones()  # the VTIMEZONE that TZID refers to (RFC 5545 3.6.5)
    return cal.to_ical()
