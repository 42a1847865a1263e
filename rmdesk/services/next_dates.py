"""Today's birthdays and due maintenance contacts as indexed ranges (rmdesk.store.next_dates).

Each key person's `next_birthday` holds the first date of their birthday on or after the
day it was worked out. `roll_birthdays(store, first)` brings the stale ones up to `first`
(the new ones, those whose birthday changed — the trigger cleared them — and those whose
date has passed: a few hundred a day in a 100k book), so a window from `first` on reads
them off the index. The day they were last brought up to is kept in the settings; a window
starting before it (a clock set back) is worked out the old way by the caller.

`roll_due(store)` works out each client's `next_due` that a trigger cleared (or that was
never worked out) with services.cadence's own rule, and clears every one the signed-in role
sees when what they all depend on changed — the tier scheme's cadences, the holiday calendar
(its fingerprint is kept per role in the settings: under row-level security each role
clears only the rows it sees).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

from sqlalchemy import bindparam, literal_column, or_, select, text, update

from rmdesk import clock
from rmdesk.services import workcal
from rmdesk.store import changes
from rmdesk.store.engine import Store
from rmdesk.store.models import CalendarDay, Client, Contact, Setting
from rmdesk.store.next_dates import NEVER

BASE_KEY = "next_birthday_base"
_AHEAD = timedelta(days=800)  # a lunar year with a leap month is 384 days; two of them fit


def next_birthday(born: date, lunar: bool, base: date) -> date:
    """The first day on or after `base` of the birthday of someone born on `born` (solar
    date; `lunar`: kept on the lunar calendar), NEVER when none is known (beyond 2099)."""
    days = (workcal.lunar_anniversaries if lunar else workcal.solar_anniversaries)(born, base, base + _AHEAD)
    return days[0] if days else NEVER


def roll_birthdays(store: Store, first: date) -> bool:
    """Bring every stale next_birthday the caller may see up to `first`. False when `first`
    is before the day they were brought up to (the stored dates may skip it) or the store is
    read-only: the caller then works the window out itself."""
    if store.readonly:
        return False
    with store.read() as s:
        row = s.get(Setting, BASE_KEY)
        base = date.fromisoformat(json.loads(row.value)) if row else None
        if base is not None and first < base:
            return False
        columns = (Contact.id, Contact.birthday, Contact.birthday_is_lunar)
        if store.is_sqlite:  # two ranges of its index, named: the OR of them was a scan of every
            # key person at every start (35 ms at 100k), planned on statistics taken while the
            # column was still empty
            stale = list(s.execute(text(
                "SELECT id, birthday, birthday_is_lunar FROM contacts INDEXED BY ix_contacts_next_birthday "
                "WHERE next_birthday IS NULL AND birthday IS NOT NULL UNION ALL "
                "SELECT id, birthday, birthday_is_lunar FROM contacts INDEXED BY ix_contacts_next_birthday "
                "WHERE next_birthday < :first AND birthday IS NOT NULL")
                .bindparams(bindparam("first", first, type_=Contact.next_birthday.type)).columns(*columns)))
        else:
            stale = list(s.execute(select(*columns).where(
                Contact.birthday.is_not(None), or_(Contact.next_birthday.is_(None), Contact.next_birthday < first))))
    if not stale and base == first:
        return True  # nothing written: a refresh stays a read (no change notice to the team)
    known: dict[tuple[date, bool], date] = {}  # a big book repeats birth dates
    values = []
    for cid, born, lunar in stale:
        key = (born, bool(lunar))
        if key not in known:
            known[key] = next_birthday(born, bool(lunar), first)
        values.append({"cid": cid, "day": known[key]})
    with store.write() as s:
        _set(s, Contact.__table__, "next_birthday", values)
        if base is None or first > base:
            s.merge(Setting(key=BASE_KEY, value=json.dumps(first.isoformat())))
    return True


DUE_KEY = "next_due_basis"
_RULE_VERSION = 1  # raise when services.cadence.due_item changes: every stored date is worked out again


def _basis(store: Store) -> str:
    """A fingerprint of what every client's due date depends on besides its own rows."""
    import chinese_calendar

    from rmdesk.services.cadence import rules

    cadences, fallback = rules(store)
    with store.read() as s:
        days = [(str(d), bool(off), h) for d, off, h in s.execute(
            select(CalendarDay.day, CalendarDay.off, CalendarDay.holiday).order_by(CalendarDay.day))]
    text_ = json.dumps([_RULE_VERSION, cadences, fallback, days, getattr(chinese_calendar, "__version__", "")],
                       sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text_.encode()).hexdigest()


def _due_key(store: Store) -> str:
    if store.is_sqlite:
        return DUE_KEY
    with store.read() as s:  # each role's own: it clears only the rows it sees
        return f"{DUE_KEY}:{s.scalar(text('SELECT current_user'))}"[:64]


def roll_due(store: Store) -> bool:
    """Work out every next_due the caller may see that is cleared; False on a read-only
    store (the caller then works the schedule out itself)."""
    from rmdesk.services.cadence import DUE_FIELDS, due_item, last_contacts, rules

    if store.readonly:
        return False
    basis, key = _basis(store), _due_key(store)
    table = Client.__table__
    with store.read() as s:
        row = s.get(Setting, key)
        changed = row is None or json.loads(row.value) != basis
    if changed:
        with store.write() as s:  # the table, not the mapper: not a user's edit (no new version)
            s.execute(update(table).where(table.c.next_due.is_not(None)).values(next_due=None))
            s.merge(Setting(key=key, value=json.dumps(basis)))
    # the kept clients only: one outside the keeping stays cleared, never due (writing a date
    # on each of a 100k book's rows took minutes on PostgreSQL: every index of the row is
    # written again)
    # KEPT with its constants written out, as in the partial index ix_clients_due_stale (SQLite
    # uses a partial index only when the query's terms are the index's own)
    stale = (Client.next_due.is_(None), Client.deleted_at.is_(None),
             Client.status.in_([literal_column("'active'"), literal_column("'won'")]),
             or_(Client.step == literal_column("6"), Client.next_maintenance_date.is_not(None)))
    with store.read() as s:
        if store.is_sqlite:  # its planner has no statistics for an index this small: it is named
            kept = list(s.execute(text(
                "SELECT id, name, tier, cadence_rule, next_maintenance_date, step_entered_at, step FROM clients "
                "INDEXED BY ix_clients_due_stale WHERE next_due IS NULL AND deleted_at IS NULL AND "
                "status IN ('active', 'won') AND (step = 6 OR next_maintenance_date IS NOT NULL)").columns(*DUE_FIELDS)))
        else:
            # Nor can PostgreSQL's statistics tell that index is all but empty: most clients are
            # not kept and have no next_due, so it expects a quarter of the book and at 1M chose
            # now the index, now reading all 1M rows (1.7 s on every Today). No plain scan, then.
            s.execute(text("SET LOCAL enable_seqscan = off"))
            kept = list(s.execute(select(*DUE_FIELDS).where(*stale)))
    if not kept:
        return True  # nothing written: a refresh stays a read
    contacts = last_contacts(store, select(Client.id).where(*stale))
    cadences, fallback = rules(store)
    today = clock.today()
    values = []
    for fields in kept:
        item = due_item(fields, contacts.get(fields[0]), cadences, fallback, today)
        values.append({"cid": fields[0], "day": item.due if item is not None else NEVER})
    with store.write() as s:
        # only rows still cleared: a change meanwhile (its trigger cleared the row again) is
        # not overwritten with a date worked out before it
        _set(s, table, "next_due", values, only_cleared=True)
    return True


def _set(s, table, column: str, values: list[dict], only_cleared: bool = False) -> None:
    """Write the worked-out dates (`values`: cid, day) through the table, not the mapper: the
    rows' versions are users' edits, these are not; nor is it a change to tell the team about
    (derived data: no change notice). PostgreSQL: one statement over arrays (one per row
    took 2.7 ms each, the statement trigger with it: minutes for a 100k book's first Today)."""
    if not values:
        return
    changes.quiet(s.connection(), True)
    if s.get_bind().dialect.name == "postgresql":
        name = table.name  # a fixed table of ours, not input
        guard = f" AND {name}.{column} IS NULL" if only_cleared else ""
        s.execute(text(f"UPDATE {name} SET {column} = d.day FROM unnest(CAST(:ids AS integer[]), "
                       f"CAST(:days AS date[])) AS d(id, day) WHERE {name}.id = d.id{guard}"),
                  {"ids": [v["cid"] for v in values], "days": [v["day"] for v in values]})
    else:
        where = [table.c.id == bindparam("cid")] + ([table.c[column].is_(None)] if only_cleared else [])
        s.execute(update(table).where(*where).values({column: bindparam("day")}), values)
    changes.quiet(s.connection(), False)
