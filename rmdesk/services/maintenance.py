"""Step 6, keeping the client: maintenance contacts by way, the next due date, and
complaints handled through listen → apologise → reassure → solve → follow up → close."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    ARRAY,
    Date,
    any_,
    bindparam,
    case,
    extract,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
)

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.playbook import loader
from rmdesk.services import next_dates, versions, workcal
from rmdesk.services import validation as v
from rmdesk.services.clients import fetch_client
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Complaint, Contact, MaintenanceLog


@dataclass(frozen=True)
class MaintenanceRow:
    id: int
    way: str
    note: str | None
    at: datetime


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    text: str
    received_at: datetime
    steps_done: tuple[str, ...]
    closed_at: datetime | None
    version: int = 1


def log_contact(store: Store, client_id: int, way: str, note: str | None = None,
                next_date: date | str | None = None) -> int:
    """Record a maintenance contact; optionally set when the next one is due (else the
    client's cadence counts from this contact)."""
    key = v.choice(way, loader.MAINTENANCE_WAYS, "maintenance_way", required=True)
    text = v.optional_text(note, "notes", 5000)
    due = v.to_date(next_date, "next_maintenance_date")
    if due is not None and due < clock.today():
        raise ValidationError("error.date_not_future", "next_maintenance_date")
    with store.write() as s:
        client = fetch_client(s, client_id)
        row = MaintenanceLog(client_id=client_id, way=key, note=text, at=clock.now())
        s.add(row)
        # A date given here wins over the cadence until the next contact; a contact without
        # one hands the next date back to the tier's cadence (services/cadence.py).
        client.next_maintenance_date = due
        client.updated_at = clock.now()
        s.flush()
        return row.id


def contacts_of(store: Store, client_id: int) -> list[MaintenanceRow]:
    with store.read() as s:
        rows = s.scalars(select(MaintenanceLog).where(MaintenanceLog.client_id == client_id)
                         .order_by(MaintenanceLog.at.desc(), MaintenanceLog.id.desc()))
        return [MaintenanceRow(r.id, r.way, r.note, r.at) for r in rows]


def add_complaint(store: Store, client_id: int, text: str) -> int:
    said = v.required_text(text, "complaint", 5000)
    with store.write() as s:
        fetch_client(s, client_id)
        row = Complaint(client_id=client_id, text=said, received_at=clock.now(), steps_done="[]")
        s.add(row)
        s.flush()
        return row.id


def mark_complaint_step(store: Store, complaint_id: int, step_id: str, done: bool = True,
                        expected_version: int | None = None) -> ComplaintRow:
    """Tick a handling step; the complaint closes when the last step (close the loop) is done."""
    if step_id not in loader.COMPLAINT_STEPS:
        raise ValidationError("error.not_in_list", "complaint", value=step_id)
    with versions.editing(store, Complaint, complaint_id, expected_version,
                          "error.complaint_not_found") as (s, row):
        steps = set(json.loads(row.steps_done))
        steps = steps | {step_id} if done else steps - {step_id}
        ordered = [k for k in loader.COMPLAINT_STEPS if k in steps]
        row.steps_done = json.dumps(ordered)
        row.closed_at = clock.now() if "close_loop" in steps else None
        s.flush()  # the new version
        return ComplaintRow(row.id, row.text, row.received_at, tuple(ordered), row.closed_at, row.version)


def complaints_of(store: Store, client_id: int) -> list[ComplaintRow]:
    with store.read() as s:
        rows = s.scalars(select(Complaint).where(Complaint.client_id == client_id)
                         .order_by(Complaint.closed_at.is_not(None), Complaint.received_at.desc()))
        return [ComplaintRow(r.id, r.text, r.received_at, tuple(json.loads(r.steps_done)), r.closed_at, r.version)
                for r in rows]


@dataclass(frozen=True)
class DueRow:
    client_id: int
    client_name: str
    tier: str | None
    due: date


def maintenance_due(store: Store, on: date | None = None, limit: int | None = None) -> list[DueRow]:
    """Clients whose next maintenance contact is due on or before `on` (default today),
    earliest first (the first `limit`): kept clients on their tier's cadence, moved to a
    working day, and any client with a date set by hand (see services/cadence.py)."""
    from rmdesk.services.cadence import schedule

    day = on or clock.today()
    if next_dates.roll_due(store):  # each client's due date, stored: one indexed range
        with store.read() as s:
            rows = s.execute(select(Client.id, Client.name, Client.tier, Client.next_due)
                             .where(Client.next_due <= day, Client.deleted_at.is_(None))
                             .order_by(Client.next_due, Client.name, Client.id).limit(limit))
            return [DueRow(*row) for row in rows]
    due = [DueRow(d.client_id, d.client_name, d.tier, d.due) for d in schedule(store) if d.due <= day]
    return due[:limit] if limit is not None else due


@dataclass(frozen=True)
class BirthdayRow:
    client_id: int
    client_name: str
    contact_name: str
    title: str | None
    day: date  # this year's (or next year's) date of the birthday
    age: int
    lunar: bool = False  # kept on the lunar calendar; `day` is its solar date this time


def birthdays_ahead(store: Store, days: int = 7, start: date | None = None,
                    limit: int | None = None) -> list[BirthdayRow]:
    """Key persons whose birthday falls within the next `days` days (today included), by
    date then client name; the first `limit` of them when given (Today shows 100 of the
    thousands a branch's book has in a week). 29 February is kept on 28 February in other
    years. A lunar birthday (农历) falls on the same lunar month and day each year (see
    workcal.lunar_to_solar for leap months and short months); its age counts lunar years."""
    first = start or clock.today()
    last = first + timedelta(days=days - 1)
    out = []
    if days < 1:
        return out
    if next_dates.roll_birthdays(store, first):  # each one's next date, stored: one indexed range
        with store.read(screenful=limit is not None) as s:
            rows = s.execute(select(Contact.client_id, Client.name, Contact.name, Contact.title, Contact.birthday,
                                    Contact.birthday_is_lunar, Contact.next_birthday)
                             .join(Client, Contact.client_id == Client.id)
                             .where(Contact.next_birthday.between(first, last), Client.deleted_at.is_(None))
                             .order_by(Contact.next_birthday, _as_python_sorts(s, Client.name), Contact.id)
                             .limit(limit))
            lunar_years: dict[date, int] = {}
            for client_id, client_name, name, title, born, lunar, day in rows:
                if lunar:
                    if born not in lunar_years:
                        lunar_years[born] = workcal.to_lunar(born)[0]
                    age = workcal.to_lunar(day)[0] - lunar_years[born]
                else:
                    age = day.year - born.year
                out.append(BirthdayRow(client_id, client_name, name, title, day, age, bool(lunar)))
        return sorted(out, key=lambda r: (r.day, r.client_name))  # stable: the query's order within a tie
    # Let the database keep only the month-days in the window (a big book has 100k+ persons);
    # a lunar birthday moves on the solar calendar, so those are all read (they are few).
    month_days = _window_month_days(first, days)
    with store.read() as s:
        rows = s.execute(select(Contact.client_id, Client.name, Contact.name, Contact.title, Contact.birthday,
                                Contact.birthday_is_lunar)
                         .join(Client, Contact.client_id == Client.id)
                         .where(Contact.birthday.is_not(None), Client.deleted_at.is_(None),
                                or_(_month_day_in(s, Contact.birthday, month_days),
                                    Contact.birthday_is_lunar.is_(True))))
        lunar_days: dict[date, list[tuple[date, int]]] = {}  # by birth date: a big book repeats them
        for client_id, client_name, name, title, born, lunar in rows:
            if lunar:
                if born not in lunar_days:
                    lunar_days[born] = [(day, workcal.to_lunar(day)[0] - workcal.to_lunar(born)[0])
                                        for day in workcal.lunar_anniversaries(born, first, last)[:1]]
                for day, age in lunar_days[born]:
                    out.append(BirthdayRow(client_id, client_name, name, title, day, age, True))
            else:
                for day in workcal.solar_anniversaries(born, first, last)[:1]:
                    out.append(BirthdayRow(client_id, client_name, name, title, day, day.year - born.year))
    return sorted(out, key=lambda r: (r.day, r.client_name))[:limit]


def _as_python_sorts(s, column):
    """`column` ordered as Python orders str (by code point), so a page the database cut
    agrees with the same rows sorted here: SQLite's BINARY collation already does (UTF-8
    bytes), PostgreSQL's database collation may not, its "C" does."""
    return column if s.get_bind().dialect.name == "sqlite" else column.collate("C")


def _window_offsets(first: date, days: int) -> dict[str, int]:
    """Each MM-DD of the `days` days from `first` (at most a year's), and how many days after
    `first` it first comes; 02-29 on 02-28's day when the window has no 29th (a 29 February
    date is kept on 28 February in common years)."""
    offsets: dict[str, int] = {}
    for i in range(min(days, 366)):
        offsets.setdefault((first + timedelta(days=i)).strftime("%m-%d"), i)
    if "02-28" in offsets:
        offsets.setdefault("02-29", offsets["02-28"])
    return offsets


def _window_month_days(first: date, days: int) -> set[str]:
    """The MM-DD of the `days` days from `first` (see _window_offsets)."""
    return set(_window_offsets(first, days))


def _month_day(s, column):
    """(`column`'s month and day as each engine's expression index has it, MM-DD -> its key):
    SQLite's on the ISO text, PostgreSQL's month * 100 + day (rmdesk.store.pg_speed, 0025)."""
    if s.get_bind().dialect.name == "sqlite":
        # stored as YYYY-MM-DD; literal 6, 5 so an expression index on substr(…, 6, 5) matches
        return func.substr(column, literal_column("6"), literal_column("5")), str
    hundred = literal_column("100")  # a literal, as in the index's expression
    return extract("month", column) * hundred + extract("day", column), lambda md: int(md[:2]) * 100 + int(md[3:])


def _month_day_in(s, column, month_days: set[str]):
    """`column` (a date) falls on one of `month_days` (MM-DD), through the expression index."""
    expression, key = _month_day(s, column)
    return expression.in_(sorted(key(md) for md in month_days))


def _window_position(s, column, first: date, days: int):
    """How many days after `first` `column`'s month and day first comes in the window of
    `days` days (_window_offsets), as SQL."""
    expression, key = _month_day(s, column)
    return case({key(md): literal(i) for md, i in _window_offsets(first, days).items()}, value=expression)


ANY_DATES_AT_MOST = 20_000  # the days listed for an index lookup (126 years × 90 days is 11,340)


def _founded_in(s, founded_live, month_days: set[str]):
    """The founding date falls on one of `month_days`. PostgreSQL: as the list of those days
    in every year between the book's first and last founding date (`= ANY`): under row-level
    security only a leakproof condition (date equality is) may use an index, and the month
    and day expression is not, which read every client of the book for an RM (270 ms at 100k;
    ix_clients_pg_founded, rmdesk.store.pg_speed). SQLite has no row-level security: its
    expression index serves the month and day."""
    if s.get_bind().dialect.name == "sqlite":
        return _month_day_in(s, Client.founded_date, month_days)
    oldest, newest = s.execute(select(func.min(Client.founded_date), func.max(Client.founded_date))
                               .where(*founded_live)).one()
    if oldest is None:
        return false()
    days = []
    for year in range(oldest.year, newest.year + 1):
        for md in month_days:
            try:
                days.append(date(year, int(md[:2]), int(md[3:])))
            except ValueError:  # 29 February of a common year: no one was founded on it
                continue
    if len(days) > ANY_DATES_AT_MOST:
        return _month_day_in(s, Client.founded_date, month_days)
    return Client.founded_date == any_(bindparam("founded_days", days, type_=ARRAY(Date)))


@dataclass(frozen=True)
class Reminder:
    """A personal-care occasion (情感维护) coming up."""

    day: date
    kind: str  # birthday | anniversary | spring_festival | mid_autumn
    client_id: int | None  # None for a festival (greet every kept client)
    client_name: str
    person: str | None  # the key person (birthdays)
    years: int | None  # age, or years since founding
    lunar: bool = False
    clients: int = 0  # festivals: how many kept clients to greet


def care_reminders(store: Store, days: int | None = None, start: date | None = None,
                   limit: int | None = None) -> list[Reminder]:
    """Birthdays (solar or lunar), company anniversaries, Spring Festival and Mid-Autumn
    greetings in the next `days` days (default: the reminder setting), earliest first; the
    first `limit` when given. (Each kind's own first `limit` are enough for that: the
    merged order keeps each kind's order.)"""
    from rmdesk.services.settings import get_reminder_days

    span = get_reminder_days(store) if days is None else days
    first = start or clock.today()
    last = first + timedelta(days=span - 1)
    out = [Reminder(b.day, "birthday", b.client_id, b.client_name,
                    " ".join(filter(None, [b.contact_name, b.title])), b.age, b.lunar)
           for b in birthdays_ahead(store, span, first, limit=limit)]
    with store.read() as s:
        # only the founding dates whose month and day fall in the window (not the whole book)
        founded_live = (Client.deleted_at.is_(None), Client.founded_date.is_not(None),
                     Client.status.in_((literal_column("'active'"), literal_column("'won'"))))
        founded = (select(Client.id, Client.name, Client.founded_date)
                   .where(*founded_live, _founded_in(s, founded_live, _window_month_days(first, span))))
        if limit is not None and span <= 365:
            # the first `limit` by day and name, cut by the database: a week holds 11,000 founding
            # days at 1M (200 ms made into reminders here). Within a year, a client founded
            # before the window has exactly one anniversary in it, at its first month and day.
            founded = (founded.where(Client.founded_date < first)
                       .order_by(_window_position(s, Client.founded_date, first, span),
                                 _as_python_sorts(s, Client.name), Client.id).limit(limit))
        founded = list(s.execute(founded))
        festivals = [(key, day) for key in workcal.FESTIVALS for day in workcal.festival_dates(key, first, last)]
        kept = 0  # how many kept clients to greet: counted only when a festival is in the window
        if festivals:  # (at 1M the count reads 150,000 rows, 300-1,150 ms; most of the year no one needs it)
            kept = s.scalar(select(func.count()).select_from(Client).where(
                Client.deleted_at.is_(None), Client.step == 6, Client.status.in_(("active", "won")))) or 0
    for cid, name, day0 in founded:
        for day in workcal.solar_anniversaries(day0, first, last)[:1]:
            out.append(Reminder(day, "anniversary", cid, name, None, day.year - day0.year))
    for key, day in festivals:
        out.append(Reminder(day, key, None, "", None, None, True, kept))
    return sorted(out, key=lambda r: (r.day, r.kind != "spring_festival" and r.kind != "mid_autumn",
                                      r.client_name))[:limit]
