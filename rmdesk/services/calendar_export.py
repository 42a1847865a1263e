"""The visits of a date range as calendar entries, written by rmdesk.formats.ics.

What a file holds, so that the copies already in a user's calendar stay right:
- every live visit planned in the window (planned: TENTATIVE, or CONFIRMED once confirmed
  or held; cancelled: CANCELLED);
- a visit planned in the window that went to the trash (or whose client did) in the last
  CANCELLED_KEEP_DAYS days: CANCELLED, with the SEQUENCE the trash move raised;
- a live visit moved out of the window in the last CANCELLED_KEEP_DAYS days: exported at its
  new time, so the calendar moves the event (a CANCELLED copy would remove it, and the later
  export that has it at its new time could not bring it back with the same SEQUENCE).
After CANCELLED_KEEP_DAYS the file forgets them: a calendar has long taken the update.

LAST-MODIFIED: the visit's updated_at, written by clock.now(), which is the computer's local
time; it is converted to UTC with the computer's zone. Planned times are the RM's wall-clock
time in the profile's zone (DTSTART with that TZID).
With the masking setting on, the key person's phone number is masked in the description.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import and_, false, or_, select

from rmdesk import clock, i18n
from rmdesk.formats.ics import STATUS, CalendarEntry, write_calendar
from rmdesk.services import masking
from rmdesk.services.settings import get_book_id, get_calendar_alarm_minutes, get_profile
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, ClientEvent, Contact, Visit

CANCELLED_KEEP_DAYS = 90


def _utc_of_local(stamp: datetime) -> datetime:
    """A naive clock.now() stamp (the computer's local time) as an aware datetime."""
    return stamp.astimezone()


def export_calendar(store: Store, start: date, end: date, lang: str | None = None,
                    alarm_minutes: int | None = None) -> bytes:
    """Visits planned in [start, end] (dates inclusive) as an iCalendar file; `alarm_minutes`
    overrides the reminder setting (0: no reminder)."""
    lang = lang or i18n.language()
    profile = get_profile(store)
    zone_name = profile.timezone or "Asia/Shanghai"
    book_id = get_book_id(store)
    alarm = get_calendar_alarm_minutes(store) if alarm_minutes is None else alarm_minutes
    masked = masking.enabled(store)
    begin = datetime.combine(start, datetime.min.time())
    stop = datetime.combine(end + timedelta(days=1), datetime.min.time())
    since = clock.now() - timedelta(days=CANCELLED_KEEP_DAYS)
    with store.read() as s:
        moved_out = set()
        for field, old in s.execute(select(ClientEvent.field, ClientEvent.old)
                                        .where(ClientEvent.kind == "visit_rescheduled", ClientEvent.at >= since)):
            try:
                was = datetime.fromisoformat(old or "")
            except ValueError:
                continue
            if begin <= was < stop:
                moved_out.add(int(field.split(".")[1]))
        in_window = and_(Visit.planned_at >= begin, Visit.planned_at < stop)
        live = and_(Visit.deleted_at.is_(None), Client.deleted_at.is_(None))
        recently_gone = or_(Visit.deleted_at >= since, Client.deleted_at >= since)
        query = (select(Visit, Client.name, Client.deleted_at, Contact.name, Contact.title, Contact.phone)
                 .join(Client, Visit.client_id == Client.id).outerjoin(Contact, Visit.contact_id == Contact.id)
                 .where(or_(and_(in_window, or_(live, recently_gone)),
                            and_(live, Visit.id.in_(moved_out) if moved_out else false())))
                 .order_by(Visit.planned_at, Visit.id))
        entries = []
        for visit, client_name, client_gone, contact_name, title, phone in s.execute(query):
            gone = visit.deleted_at is not None or client_gone is not None
            if phone and masked:
                phone = masking.phone(phone)
            meeting = " ".join(filter(None, [contact_name, title]))
            if phone:
                meeting = " · ".join(filter(None, [meeting, f"{i18n.message('files.calendar_phone', lang)} {phone}"]))
            lines = [f"{i18n.message('plan.contact', lang)}: {meeting}" if meeting else "",
                     visit.agenda or "", visit.report_outcome or ""]
            if gone or visit.status == "cancelled":
                status = "CANCELLED"
            elif visit.status == "planned" and visit.confirmed:
                status = "CONFIRMED"
            else:
                status = STATUS[visit.status]
            changed = visit.updated_at or visit.created_at
            entries.append(CalendarEntry(
                visit_id=visit.id, begin=visit.planned_at, duration_min=visit.duration_min,
                last_modified=_utc_of_local(changed), sequence=visit.sequence or 0,
                summary=" — ".join(filter(None, [client_name, visit.objective])),
                location=visit.place or "",
                description="\n".join(line for line in lines if line),
                status=status))
    who = " · ".join(filter(None, [profile.rm_name, profile.bank]))
    name = i18n.message("files.calendar_name", lang, who=who) if who else i18n.message("files.calendar_name_plain", lang)
    return write_calendar(entries, zone_name, book_id, calendar_name=name, alarm_minutes=alarm)

