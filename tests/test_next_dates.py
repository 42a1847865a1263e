"""Today off stored next dates (rmdesk.services.next_dates): the next birthday worked out
ahead, brought forward once its day has passed, cleared by any change of the birthday (the
app's or raw SQL's); the next due maintenance contact cleared by a visit, a contact, a tier
change, the scheme; both the same answers as working everything out each time."""

from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from rmdesk import clock
from rmdesk.services import cadence, clients, maintenance, next_dates, pipeline, tiering, visits
from rmdesk.store.models import Client, Contact
from rmdesk.store.next_dates import NEVER

pytestmark = pytest.mark.both_engines
NOW = datetime(2026, 11, 23, 9, 30)  # as pinned by conftest


def _stored(store, pid):
    with store.read() as s:
        return s.scalar(select(Contact.next_birthday).where(Contact.id == pid))


def test_next_birthday_by_hand():
    # 27 Jan 1990 was Spring Festival (lunar 1990-01-01): 6 Feb 2027, then 26 Jan 2028
    assert next_dates.next_birthday(date(1990, 1, 27), True, date(2026, 12, 20)) == date(2027, 2, 6)
    assert next_dates.next_birthday(date(1990, 1, 27), True, date(2027, 2, 6)) == date(2027, 2, 6)
    assert next_dates.next_birthday(date(1990, 1, 27), True, date(2027, 2, 7)) == date(2028, 1, 26)
    assert next_dates.next_birthday(date(1990, 1, 27), False, date(2026, 12, 20)) == date(2027, 1, 27)
    # 29 February: 28 February in a common year, the day itself in a leap year
    assert next_dates.next_birthday(date(2000, 2, 29), False, date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_dates.next_birthday(date(2000, 2, 29), False, date(2027, 3, 1)) == date(2028, 2, 29)
    # not born yet on the day: the first birthday after birth
    assert next_dates.next_birthday(date(2026, 12, 25), False, date(2026, 12, 20)) == date(2027, 12, 25)
    assert next_dates.next_birthday(date(1990, 1, 27), True, date(2099, 6, 1)) == NEVER  # beyond the calendar


def test_the_window_crosses_the_year_end_and_rolls_forward(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    spring = clients.add_contact(store, cid, {"name": "王总", "birthday": "1990-01-27", "birthday_is_lunar": True})
    leap = clients.add_contact(store, cid, {"name": "张总", "birthday": "2000-02-29"})
    new_year = clients.add_contact(store, cid, {"name": "李总", "birthday": "1972-01-02"})
    assert _stored(store, spring) is None  # not worked out until Today asks
    rows = maintenance.birthdays_ahead(store, 45, start=date(2026, 12, 28))
    assert [(r.contact_name, r.day, r.age, r.lunar) for r in rows] == [
        ("李总", date(2027, 1, 2), 55, False), ("王总", date(2027, 2, 6), 37, True)]
    assert (_stored(store, spring), _stored(store, leap), _stored(store, new_year)) == (
        date(2027, 2, 6), date(2027, 2, 28), date(2027, 1, 2))
    rows = maintenance.birthdays_ahead(store, 3, start=date(2027, 2, 27))
    assert [(r.contact_name, r.day, r.age) for r in rows] == [("张总", date(2027, 2, 28), 27)]
    # the days passed: brought forward to the next ones, the others left as they were
    assert maintenance.birthdays_ahead(store, 7, start=date(2027, 3, 1)) == []
    assert (_stored(store, spring), _stored(store, leap), _stored(store, new_year)) == (
        date(2028, 1, 26), date(2028, 2, 29), date(2028, 1, 2))
    rows = maintenance.birthdays_ahead(store, 2, start=date(2028, 2, 28))
    assert [(r.contact_name, r.day, r.age) for r in rows] == [("张总", date(2028, 2, 29), 28)]
    # a window before the day they were brought up to (a clock set back): still right
    rows = maintenance.birthdays_ahead(store, 45, start=date(2026, 12, 28))
    assert [(r.contact_name, r.day) for r in rows] == [("李总", date(2027, 1, 2)), ("王总", date(2027, 2, 6))]


def test_a_changed_birthday_is_worked_out_again_whoever_changes_it(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    pid = clients.add_contact(store, cid, {"name": "王总", "birthday": "1975-09-20"})
    start = date(2027, 9, 10)
    assert [r.day for r in maintenance.birthdays_ahead(store, 12, start=start)] == [date(2027, 9, 20)]
    clients.update_contact(store, pid, {"birthday_is_lunar": True})  # lunar 1975-08-15: 15 Sep 2027
    assert _stored(store, pid) is None
    assert [r.day for r in maintenance.birthdays_ahead(store, 12, start=start)] == [date(2027, 9, 15)]
    clients.update_contact(store, pid, {"title": "总经理"})  # not the birthday: the date stays
    assert _stored(store, pid) == date(2027, 9, 15)
    with store.engine.begin() as conn:  # raw SQL too (the trigger)
        conn.execute(text("UPDATE contacts SET birthday = :d, birthday_is_lunar = :f WHERE id = :p"),
                     {"d": date(1980, 9, 18), "f": False, "p": pid})
    assert _stored(store, pid) is None
    rows = maintenance.birthdays_ahead(store, 12, start=start)
    assert [(r.day, r.age, r.lunar) for r in rows] == [(date(2027, 9, 18), 47, False)]
    clients.update_contact(store, pid, {"birthday": None})
    assert maintenance.birthdays_ahead(store, 366, start=start) == []


def test_the_stored_dates_give_what_working_each_window_out_gives(store, monkeypatch):
    cid = clients.create_client(store, {"name": "华能电力"})
    born = [date(1970 + i % 30, 1 + i % 12, 1 + (i * 7) % 28) for i in range(40)] + [date(1984, 2, 29)]
    for i, day in enumerate(born):
        clients.add_contact(store, cid, {"name": f"客户{i}", "birthday": day.isoformat(), "birthday_is_lunar": i % 3 == 0})
    windows = [(date(2026, 12, 20), 30), (date(2027, 1, 25), 60), (date(2027, 2, 20), 15), (date(2027, 6, 1), 200)]
    stored = [maintenance.birthdays_ahead(store, days, start=first) for first, days in windows]
    monkeypatch.setattr(next_dates, "roll_birthdays", lambda _store, _first: False)
    assert stored == [maintenance.birthdays_ahead(store, days, start=first) for first, days in windows]
    assert sum(len(rows) for rows in stored) > 20


# ---- the next due maintenance contact (clients.next_due) -------------------------------

def _due(store, cid):
    with store.read() as s:
        return s.scalar(select(Client.next_due).where(Client.id == cid))


def _kept(store, name, tier):
    cid = clients.create_client(store, {"name": name, "tier": tier})
    pipeline.move_to_step(store, cid, 6, reason="won elsewhere in the test")
    return cid


def _contact_on(store, cid, day):
    clock.pin(datetime.combine(day, datetime.min.time()).replace(hour=10))
    try:
        maintenance.log_contact(store, cid, "onsite")
    finally:
        clock.pin(NOW)


def test_the_due_date_is_stored_and_follows_visits_tiers_and_the_scheme(store):
    major = _kept(store, "华能电力", "major")  # monthly
    prospect = clients.create_client(store, {"name": "长城汽车"})  # not kept: never due
    _contact_on(store, major, date(2026, 9, 1))  # 1 October is National Day: due Thursday 8 October
    assert _due(store, major) is None
    assert [(r.client_id, r.due) for r in maintenance.maintenance_due(store, date(2026, 10, 8))] == [
        (major, date(2026, 10, 8))]
    assert maintenance.maintenance_due(store, date(2026, 10, 7)) == []
    assert (_due(store, major), _due(store, prospect)) == (date(2026, 10, 8), None)  # not kept: never due
    # a held visit: the clock starts again (20 November + 1 month = Sunday 20 December -> Monday)
    vid = visits.plan_visit(store, major, {"planned_at": "2026-11-20 10:00", "kind": "phone"})
    assert _due(store, major) is None  # a planned visit is a change of the client's visits too
    maintenance.maintenance_due(store)
    visits.record_report(store, vid, "谈得不错")
    assert _due(store, major) is None
    assert [r.due for r in maintenance.maintenance_due(store, date(2026, 12, 31))] == [date(2026, 12, 21)]
    # a tier change: small clients every 6 months -> Thursday 20 May 2027
    clients.update_client(store, major, {"tier": "small"})
    assert _due(store, major) is None
    assert [r.due for r in maintenance.maintenance_due(store, date(2027, 12, 31))] == [date(2027, 5, 20)]
    # the scheme's cadence for the tier: every 3 weeks -> Friday 11 December
    tiering.set_tier_cadence(store, "small", "FREQ=WEEKLY;INTERVAL=3")
    assert [r.due for r in maintenance.maintenance_due(store, date(2027, 12, 31))] == [date(2026, 12, 11)]
    assert _due(store, major) == date(2026, 12, 11)
    # the client leaves the keeping (trash): no longer due, and back again
    clients.trash_client(store, major)
    assert maintenance.maintenance_due(store, date(2027, 12, 31)) == []
    clients.restore_client(store, major)
    assert [r.due for r in maintenance.maintenance_due(store, date(2027, 12, 31))] == [date(2026, 12, 11)]


def test_the_stored_due_dates_give_what_the_schedule_gives(store, monkeypatch):
    for i, tier in enumerate(["key", "major", "small", None, "key", "small"] * 3):
        cid = _kept(store, f"客户{i}", tier) if i % 4 else clients.create_client(store, {"name": f"客户{i}"})
        _contact_on(store, cid, date(2026, 1 + i % 11, 1 + (i * 5) % 27))
        if i % 5 == 0:
            maintenance.log_contact(store, cid, "onsite", next_date=f"2026-12-{1 + i:02d}")
    days = [date(2026, 11, 23), date(2026, 12, 31), date(2027, 6, 30)]
    stored = [maintenance.maintenance_due(store, day) for day in days]
    assert [len(rows) for rows in stored] != [0, 0, 0]
    monkeypatch.setattr(next_dates, "roll_due", lambda _store: False)
    assert stored == [maintenance.maintenance_due(store, day) for day in days]


def test_todays_first_rows_are_the_first_of_all_of_them(store, monkeypatch):
    # Today asks for the first 101 care reminders only: the cut must fall where the whole,
    # sorted list would be cut, ties on one day by client name as Python orders it (code
    # point: "B" before "a"). (The test cluster's collation is C.UTF-8, bytes already: a
    # server's language collation, which the query's COLLATE "C" is for, is not tried here.)
    names = ["b电力", "B电力", "阿里", "a电力", "Z集团", "华能", "华能电力", "ä电力"]
    for i, name in enumerate(names):
        cid = clients.create_client(store, {"name": name})
        cadence.set_founded_date(store, cid, f"19{80 + i}-12-0{1 + i % 3}")
        for j in range(3):
            clients.add_contact(store, cid, {"name": f"联系人{i}{j}", "birthday": f"19{70 + j}-12-0{1 + (i + j) % 3}",
                                             "birthday_is_lunar": (i + j) % 4 == 0})
    first = date(2026, 11, 30)
    whole_birthdays = maintenance.birthdays_ahead(store, 10, start=first)
    whole_care = maintenance.care_reminders(store, 10, start=first)
    assert len(whole_birthdays) > 15 and len({r.day for r in whole_birthdays}) < len(whole_birthdays)
    assert {r.kind for r in whole_care} >= {"birthday", "anniversary"}
    for limit in range(1, len(whole_care) + 2):
        assert maintenance.birthdays_ahead(store, 10, start=first, limit=limit) == whole_birthdays[:limit]
        assert maintenance.care_reminders(store, 10, start=first, limit=limit) == whole_care[:limit]
    monkeypatch.setattr(next_dates, "roll_birthdays", lambda _store, _first: False)  # worked out each time
    assert maintenance.birthdays_ahead(store, 10, start=first, limit=7) == whole_birthdays[:7]


@pytest.mark.sqlite_only
def test_the_stale_birthdays_are_read_off_their_index_at_every_start(store):
    """Every start asks for the stale next birthdays (usually none). With statistics taken
    while the column was still empty, SQLite scanned every key person for that (35 ms at 100k);
    the read is two ranges of ix_contacts_next_birthday, whatever the statistics say."""
    cid = clients.create_client(store, {"name": "华能电力"})
    pids = [clients.add_contact(store, cid, {"name": f"客户{i}", "birthday": f"19{60 + i}-03-0{1 + i % 9}"})
            for i in range(30)]
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # every next_birthday still empty, as in a new book
    statements = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM contacts" in statement:
            statements.append((statement, parameters))

    from sqlalchemy import event

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        assert next_dates.roll_birthdays(store, date(2027, 1, 10))
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert all(_stored(store, pid) is not None for pid in pids)
    [(statement, parameters)] = [(st, p) for st, p in statements if st.lstrip().upper().startswith("SELECT")]
    with store.engine.connect() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    assert plan.count("SEARCH contacts USING INDEX ix_contacts_next_birthday (next_birthday=?)") == 1, plan
    assert plan.count("SEARCH contacts USING INDEX ix_contacts_next_birthday (next_birthday<?)") == 1, plan
    assert not any(line.startswith("SCAN contacts") for line in plan), plan
    # a day later: only the passed birthdays are stale, and they are found
    clients.update_contact(store, pids[0], {"birthday": "1990-01-10"})
    assert next_dates.roll_birthdays(store, date(2027, 1, 11))
    assert _stored(store, pids[0]) == date(2028, 1, 10)
