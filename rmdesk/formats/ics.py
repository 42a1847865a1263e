"""Visits as an RFC 5545 calendar. Each visit keeps one UID (visit-<id>@rmdesk), and
SEQUENCE/LAST-MODIFIED grow with changes, so re-importing the file into Outlook or
Apple Calendar updates the events instead of duplicating them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select

from rmdesk import i18n
from rmdesk.services.settings import get_profile
from rmdesk.services.visits import reschedule_field
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, ClientEvent, Contact, Visit

STATUS = {"planned": "TENTATIVE", "done": "CONFIRMED", "cancelled": "CANCELLED"}


def uid(visit_id: int) -> str:
    return f"visit-{visit_id}@rmdesk"


def export_calendar(store: Store, start: date, end: date, lang: str | None = None) -> bytes:
    """Visits planned in [start, end] (dates inclusive) as an iCalendar file."""
    lang = lang or i18n.language()
    zone_name = get_profile(store).timezone or "Asia/Shanghai"
    zone = ZoneInfo(zone_name)
    cal = Calendar()
    cal.add("prodid", "-//rmdesk//call plans//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-timezone", zone_name)
    query = (select(Visit, Client.name, Contact.name, Contact.title)
             .join(Client, Visit.client_id == Client.id).outerjoin(Contact, Visit.contact_id == Contact.id)
             .where(Visit.deleted_at.is_(None), Client.deleted_at.is_(None),
                    Visit.planned_at >= datetime.combine(start, datetime.min.time()),
                    Visit.planned_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
             .order_by(Visit.planned_at, Visit.id))
    with store.read() as s:
        moves: dict[str, list[datetime]] = {}
        for field, at in s.execute(select(ClientEvent.field, ClientEvent.at)
                                   .where(ClientEvent.kind == "visit_rescheduled")):
            moves.setdefault(field, []).append(at)
        for visit, client_name, contact_name, title in s.execute(query):
            event = Event()
            event.add("uid", uid(visit.id))
            begin = visit.planned_at.replace(tzinfo=zone)  # stored as the RM's local wall-clock time
            event.add("dtstart", begin)
            event.add("dtend", begin + timedelta(minutes=visit.duration_min))
            event.add("dtstamp", datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0))
            # Each reschedule, the call report and a cancellation make a new version.
            moved = moves.get(reschedule_field(visit.id), [])
            changed = max([visit.created_at, *moved] + ([visit.reported_at] if visit.reported_at else []))
            event.add("last-modified", changed.replace(tzinfo=zone))
            event.add("sequence", len(moved) + (1 if visit.reported_at else 0)
                      + (1 if visit.status == "cancelled" else 0))
            event.add("summary", " — ".join(filter(None, [client_name, visit.objective])))
            if visit.place:
                event.add("location", visit.place)
            meeting = " ".join(filter(None, [contact_name, title]))
            lines = [f"{i18n.message('plan.contact', lang)}: {meeting}" if meeting else "",
                     visit.agenda or "", visit.report_outcome or ""]
            event.add("description", "\n".join(line for line in lines if line))
            event.add("status", "CONFIRMED" if visit.status == "planned" and visit.confirmed
                      else STATUS[visit.status])
            cal.add_component(event)
    cal.add_missing_timezones()  # the VTIMEZONE that TZID refers to (RFC 5545 3.6.5)
    return cal.to_ical()
