"""Visits (planned, held, cancelled), their call reports and next-step tasks."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from rmdesk import clock, vocab
from rmdesk.errors import NotFound, ValidationError
from rmdesk.services import validation as v
from rmdesk.services import versions, workcal
from rmdesk.services.clients import fetch_client
from rmdesk.services.visit_rows import TaskRow, VisitRow
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, ClientEvent, Contact, Objection, Product, Task, Visit


def _to_datetime(value: object, field: str) -> datetime:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    try:
        return datetime.fromisoformat(str(value).strip()).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise ValidationError("error.datetime_format", field) from None


def plan_visit(store: Store, client_id: int, data: Mapping[str, object]) -> int:
    """A planned visit; `planned_at` is required, everything else optional."""
    if not data.get("planned_at"):
        raise ValidationError("error.required", "planned_at")
    values: dict[str, object] = {
        "planned_at": _to_datetime(data["planned_at"], "planned_at"),
        "duration_min": v.int_range(data.get("duration_min"), 5, 24 * 60, "duration_min") or 60,
        "kind": v.choice(data.get("kind"), vocab.VISIT_KINDS, "kind") or "onsite",
        "place": v.optional_text(data.get("place"), "place", 200),
        "objective": v.optional_text(data.get("objective"), "objective", 2000),
        "agenda": v.optional_text(data.get("agenda"), "agenda", 5000),
        "questions": v.optional_text(data.get("questions"), "questions", 5000),
        "attendees_ours": v.optional_text(data.get("attendees_ours"), "attendees", 1000),
        "attendees_theirs": v.optional_text(data.get("attendees_theirs"), "attendees", 1000),
        "confirmed": bool(data.get("confirmed", False)),
        "materials": json.dumps(list(data.get("materials") or []), ensure_ascii=False),
        "products": json.dumps(list(data.get("products") or []), ensure_ascii=False),
    }
    with store.write() as s:
        fetch_client(s, client_id)
        contact_id = data.get("contact_id")
        if contact_id is not None:
            contact = s.get(Contact, contact_id)
            if contact is None or contact.client_id != client_id:
                raise ValidationError("error.contact_not_of_client", "contact_id")
        now = clock.now()
        visit = Visit(client_id=client_id, contact_id=contact_id, status="planned", created_at=now,
                      updated_at=now, sequence=0, **values)
        s.add(visit)
        s.flush()
        return visit.id


def _editing(store: Store, visit_id: int, expected_version: int | None):
    """One write changing a visit loaded at `expected_version` (a stale copy: Conflict)."""
    return versions.editing(store, Visit, visit_id, expected_version, "error.visit_not_found")


def _visit(s, visit_id: int) -> Visit:
    visit = s.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise NotFound("error.visit_not_found", id=visit_id)
    return visit


def _new_version(visit: Visit) -> None:
    """A change a calendar shows: the exported event's SEQUENCE and LAST-MODIFIED grow."""
    visit.sequence = (visit.sequence or 0) + 1
    visit.updated_at = clock.now()


def confirm_visit(store: Store, visit_id: int, confirmed: bool = True, expected_version: int | None = None) -> None:
    with _editing(store, visit_id, expected_version) as (s, visit):
        if visit.status != "planned":
            raise ValidationError("error.visit_not_planned", "status")
        if visit.confirmed != confirmed:
            visit.confirmed = confirmed
            _new_version(visit)


@dataclass(frozen=True)
class ReportPrefill:
    """What the call report form starts from: the visit as planned."""

    client_id: int
    owner: str
    attendees: str  # the key person met and their side's planned attendees
    products: tuple[str, ...]  # product keys planned for presentation


def report_prefill(store: Store, visit_id: int) -> ReportPrefill:
    with store.read() as s:
        visit = _visit(s, visit_id)
        contact = s.get(Contact, visit.contact_id) if visit.contact_id else None
        client = s.get(Client, visit.client_id)
        theirs = visit.attendees_theirs or ""
        met = theirs if contact is None or contact.name in theirs else ", ".join(filter(None, [contact.name, theirs]))
        return ReportPrefill(visit.client_id, client.owner, met, tuple(json.loads(visit.products or "[]")))


def record_report(store: Store, visit_id: int, outcome: str, needs: str | None = None,
                  reaction: str | None = None, next_steps: Sequence[Mapping[str, object]] = (), *,
                  attendees_met: str | None = None, products: Sequence[str] = (),
                  objections: Sequence[Mapping[str, object]] = (),
                  expected_version: int | None = None) -> list[int]:
    """Mark the visit held with its call report, in one transaction: the objections raised are
    logged on the client (tied to the visit) and the next steps become tasks (ids returned)."""
    outcome_text = v.required_text(outcome, "outcome", 5000)
    tasks = []
    for step in next_steps:
        tasks.append(Task(title=v.required_text(step.get("title"), "task_title", 300),
                          owner=v.optional_text(step.get("owner"), "owner", 64) or "",
                          due_date=v.to_date(step.get("due_date"), "due_date"), created_at=clock.now()))
    raised = [Objection(type=v.choice(o.get("type"), vocab.OBJECTION_TYPES, "objection_type", required=True),
                        words=v.required_text(o.get("words"), "words", 2000),
                        answer=v.optional_text(o.get("answer"), "answer", 2000),
                        blocking=bool(o.get("blocking", True)), resolved=False, created_at=clock.now())
              for o in objections]
    with _editing(store, visit_id, expected_version) as (s, visit):
        if visit.status == "cancelled":
            raise ValidationError("error.visit_cancelled", "status")
        if visit.planned_at > clock.now():  # not held yet: it would count as a contact to come
            raise ValidationError("error.visit_in_future", "planned_at", at=visit.planned_at.strftime("%Y-%m-%d %H:%M"))
        known = set(s.scalars(select(Product.key)))
        for key in products:
            if key not in known:
                raise ValidationError("error.not_in_list", "products_discussed", value=key)
        visit.status = "done"
        visit.report_outcome = outcome_text
        visit.report_needs = v.optional_text(needs, "needs", 5000)
        visit.report_reaction = v.optional_text(reaction, "reaction", 5000)
        visit.report_attendees = v.optional_text(attendees_met, "attendees_met", 1000)
        visit.report_products = json.dumps(list(dict.fromkeys(products)), ensure_ascii=False)
        visit.reported_at = clock.now()
        _new_version(visit)
        for row in (*tasks, *raised):
            row.client_id = visit.client_id
            row.visit_id = visit.id
            s.add(row)
        s.flush()
        return [t.id for t in tasks]


def cancel_visit(store: Store, visit_id: int, reason: str, expected_version: int | None = None) -> None:
    text = v.required_text(reason, "reason", 2000)
    with _editing(store, visit_id, expected_version) as (s, visit):
        if visit.status != "planned":
            raise ValidationError("error.visit_not_planned", "status")
        visit.status = "cancelled"
        visit.cancel_reason = text
        _new_version(visit)


def visits_between(store: Store, start: date, days: int = 1, client_id: int | None = None,
                   include_cancelled: bool = False, limit: int | None = None) -> list[VisitRow]:
    """Visits with planned_at in [start, start + days), in time order (the first `limit`)."""
    begin = datetime.combine(start, datetime.min.time())
    query = (
        select(Visit, Client.name, Contact.name)
        .join(Client, Visit.client_id == Client.id)
        .outerjoin(Contact, Visit.contact_id == Contact.id)
        .where(Visit.planned_at >= begin, Visit.planned_at < begin + timedelta(days=days),
               Visit.deleted_at.is_(None), Client.deleted_at.is_(None))
        .order_by(Visit.planned_at, Visit.id)
    )
    if not include_cancelled:
        query = query.where(Visit.status != "cancelled")
    if client_id is not None:
        query = query.where(Visit.client_id == client_id)
    if limit is not None:
        query = query.limit(limit)
    with store.read(screenful=limit is not None) as s:
        return [VisitRow(vis.id, vis.client_id, cname, pname, vis.planned_at, vis.duration_min, vis.place,
                         vis.kind, vis.objective, vis.status, vis.confirmed, vis.version)
                for vis, cname, pname in s.execute(query)]


def client_visits(store: Store, client_id: int) -> list[VisitRow]:
    """All visits of a client, newest first."""
    query = (
        select(Visit, Client.name, Contact.name)
        .join(Client, Visit.client_id == Client.id)
        .outerjoin(Contact, Visit.contact_id == Contact.id)
        .where(Visit.client_id == client_id, Visit.deleted_at.is_(None))
        .order_by(Visit.planned_at.desc(), Visit.id.desc())
    )
    with store.read() as s:
        return [VisitRow(vis.id, vis.client_id, cname, pname, vis.planned_at, vis.duration_min, vis.place,
                         vis.kind, vis.objective, vis.status, vis.confirmed, vis.version)
                for vis, cname, pname in s.execute(query)]


def open_tasks(store: Store, due_by: date | None = None, limit: int | None = None,
               client_id: int | None = None, due_from: date | None = None) -> list[TaskRow]:
    """Tasks not done, optionally only those due in [`due_from`, `due_by`] or of one
    client, earliest first (the first `limit`)."""
    query = (select(Task, Client.name).join(Client, Task.client_id == Client.id)
             .where(Task.done_at.is_(None), Client.deleted_at.is_(None))
             .order_by(Task.due_date.is_(None), Task.due_date, Task.id))
    if due_by is not None:
        # no undated tasks then: a plain order the due-date index can serve
        query = query.where(Task.due_date <= due_by).order_by(None).order_by(Task.due_date, Task.id)
    if due_from is not None:
        query = query.where(Task.due_date >= due_from)
    if client_id is not None:
        query = query.where(Task.client_id == client_id)
    if limit is not None:
        query = query.limit(limit)
    with store.read(screenful=limit is not None) as s:
        return [TaskRow(t.id, t.client_id, name, t.title, t.owner, t.due_date, t.version)
                for t, name in s.execute(query)]


def complete_task(store: Store, task_id: int, expected_version: int | None = None) -> None:
    with versions.editing(store, Task, task_id, expected_version, "error.task_not_found") as (_s, task):
        task.done_at = clock.now()


def overlapping(store: Store, start: datetime, duration_min: int, exclude_visit_id: int | None = None) -> list[VisitRow]:
    """Planned visits (any client) whose time overlaps [start, start + duration)."""
    end = start + timedelta(minutes=duration_min)
    candidates = visits_between(store, start.date() - timedelta(days=1), 3)
    return [v for v in candidates if v.status == "planned" and v.id != exclude_visit_id
            and v.planned_at < end and start < v.planned_at + timedelta(minutes=v.duration_min)]


def reschedule_visit(store: Store, visit_id: int, new_time: datetime | str, reason: str,
                     expected_version: int | None = None) -> None:
    """Move a planned visit; the old time and the reason stay on the client's timeline."""
    when = _to_datetime(new_time, "planned_at")
    why = v.required_text(reason, "reason", 2000)
    with _editing(store, visit_id, expected_version) as (s, visit):
        if visit.status != "planned":
            raise ValidationError("error.visit_not_planned", "status")
        s.add(ClientEvent(client_id=visit.client_id, at=clock.now(), kind="visit_rescheduled",
                          field=reschedule_field(visit.id),
                          old=visit.planned_at.isoformat(sep=" ", timespec="minutes"),
                          new=when.isoformat(sep=" ", timespec="minutes"), note=why))
        visit.planned_at = when
        visit.confirmed = False  # a new time has to be confirmed again
        _new_version(visit)


def reschedule_field(visit_id: int) -> str:
    """The ClientEvent.field of a visit's reschedules (calendar export counts them)."""
    return f"visits.{visit_id}.planned_at"


HALF_DAYS = tuple(f"{day}_{half}" for day in ("mon", "tue", "wed", "thu", "fri") for half in ("am", "pm"))
SLOT_HOURS = (9, 10, 11, 14, 15, 16)  # offer the hours RMs actually propose ("Wednesday 9:00?")


def busy_hours(store: Store, client_id: int) -> list[str]:
    with store.read() as s:
        raw = fetch_client(s, client_id).busy_hours
    return json.loads(raw) if raw else []


def set_busy_hours(store: Store, client_id: int, half_days: list[str], expected_version: int | None = None) -> None:
    """The client's busy half-days, as a whole; `expected_version`: the client's version the
    caller loaded (someone's later change of the client: Conflict, nothing written)."""
    for key in half_days:
        if key not in HALF_DAYS:
            raise ValidationError("error.not_in_list", "busy_hours", value=key)
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        client.busy_hours = json.dumps([k for k in HALF_DAYS if k in half_days])


def propose_slots(store: Store, client_id: int, duration_min: int = 60, count: int = 2,
                  after: datetime | None = None, horizon_days: int = 21) -> list[datetime]:
    """`count` concrete times on different working days, from tomorrow on, that avoid the
    RM's other planned visits (with 30 minutes to travel either side) and the client's
    busy half-days. Only working days of the Chinese calendar (see workcal): weekends and
    public holidays are skipped, an official make-up Saturday or Sunday (调休) is offered
    (it has no busy half-days of its own)."""
    workcal.load(store)
    busy = set(busy_hours(store, client_id))
    start = after or clock.now()
    day = start.date() + timedelta(days=1)
    found: list[datetime] = []
    planned = [x for x in visits_between(store, day, horizon_days) if x.status == "planned"]
    travel = timedelta(minutes=30)
    while len(found) < count and day <= start.date() + timedelta(days=horizon_days):
        if workcal.is_working_day(day):
            for hour in SLOT_HOURS:
                half = f"{('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')[day.weekday()]}_{'am' if hour < 12 else 'pm'}"
                slot = datetime.combine(day, datetime.min.time()).replace(hour=hour)
                end = slot + timedelta(minutes=duration_min)
                clash = any(p.planned_at - travel < end and slot < p.planned_at
                            + timedelta(minutes=p.duration_min) + travel for p in planned)
                if half not in busy and not clash:
                    found.append(slot)
                    break  # the alternative goes on another day
        day += timedelta(days=1)
    return found
