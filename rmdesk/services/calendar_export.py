"""The visits of a date range as calendar entries, written by rmdesk.formats.ics."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from rmdesk import i18n
from rmdesk.formats.ics import STATUS, CalendarEntry, write_calendar
from rmdesk.services.settings import get_profile
from rmdesk.services.visits import reschedule_field
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, ClientEvent, Contact, Visit


def export_calendar(store: Store, start: date, end: date, lang: str | None = None) -> bytes:
    """Visits planned in [start, end] (dates inclusive) as an iCalendar file."""
    lang = lang or i18n.language()
    zone_name = get_profile(store).timezone or "Asia/Shanghai"
    query = (select(Visit, Client.name, Contact.name, Contact.title)
             .join(Client, Visit.client_id == Client.id).outerjoin(Contact, Visit.contact_id == Contact.id)
             .where(Visit.deleted_at.is_(None), Client.deleted_at.is_(None),
                    Visit.planned_at >= datetime.combine(start, datetime.min.time()),
                    Visit.planned_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
             .order_by(Visit.planned_at, Visit.id))
    entries = []
    with store.read() as s:
        moves: dict[str, list[datetime]] = {}
        for field, at in s.execute(select(ClientEvent.field, ClientEvent.at)
                                   .where(ClientEvent.kind == "visit_rescheduled")):
            moves.setdefault(field, []).append(at)
        for visit, client_name, contact_name, title in s.execute(query):
            # Each reschedule, the call report and a cancellation make a new version.
            moved = moves.get(reschedule_field(visit.id), [])
            changed = max([visit.created_at, *moved] + ([visit.reported_at] if visit.reported_at else []))
            meeting = " ".join(filter(None, [contact_name, title]))
            lines = [f"{i18n.message('plan.contact', lang)}: {meeting}" if meeting else "",
                     visit.agenda or "", visit.report_outcome or ""]
            entries.append(CalendarEntry(
                visit_id=visit.id, begin=visit.planned_at, duration_min=visit.duration_min,
                last_modified=changed,
                sequence=len(moved) + (1 if visit.reported_at else 0) + (1 if visit.status == "cancelled" else 0),
                summary=" — ".join(filter(None, [client_name, visit.objective])),
                location=visit.place or "",
                description="\n".join(line for line in lines if line),
                status="CONFIRMED" if visit.status == "planned" and visit.confirmed else STATUS[visit.status]))
    return write_calendar(entries, zone_name)
