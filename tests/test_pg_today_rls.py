"""Today on a team database as an RM, under row-level security: the founding anniversaries
are asked as a list of days, a leakproof condition, so the server can read them off an index
for the RM too (rmdesk.services.maintenance._founded_in, ix_clients_pg_founded) instead of
every client of the book; the RM gets exactly their own clients' anniversaries. Also how
Today's other reads are planned there: its first rows with the policy looked up per row, and
the due dates still to work out off their own (nearly empty) index."""

from datetime import date

import pytest
from pg_plans import plan, statements
from sqlalchemy import create_engine, text

from rmdesk.services import cadence, clients, demo, maintenance
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql


def test_an_rms_anniversaries_are_read_off_the_founding_dates_index(team_setup):
    team = team_setup.two_rms()
    admin = Store.open(url=team.url)
    demo.generate(admin, 200, seed=5)  # enough rows that reading a whole index costs more than a lookup
    mine = {}
    for i, (who, founded) in enumerate([("a", "1998-12-02"), ("b", "2005-12-03"), ("a", "2000-02-29"),
                                        ("b", "1990-12-02"), ("a", "1987-06-01")]):
        cid = clients.create_client(admin, {"name": f"客户{i}", "owner": team.logins[who]})
        cadence.set_founded_date(admin, cid, founded)
        mine.setdefault(who, set()).add(cid)
    with admin.write() as s:  # the month-and-day index would do for so few rows: only the new one left
        s.execute(text("DROP INDEX ix_clients_pg_founded_md"))
        s.execute(text("ANALYZE clients"))
    admin.close()
    rm = Store.open(url=team.sign_in("a"))
    try:
        rows, sent = statements(rm, lambda: maintenance.care_reminders(rm, 7, start=date(2026, 12, 1)))
        assert {(r.client_id, r.day) for r in rows if r.kind == "anniversary"} == {
            (min(mine["a"]), date(2026, 12, 2))}  # 客户0 only: 客户3 (same day) is b's
        leap = maintenance.care_reminders(rm, 3, start=date(2027, 2, 27))
        assert [(r.day, r.kind) for r in leap] == [(date(2027, 2, 28), "anniversary")]
        [(statement, parameters)] = [(s, p) for s, p in sent if "founded_date = ANY" in s]
        plan_ = plan(team.sign_in("a"), statement, parameters, "enable_seqscan = off", "enable_bitmapscan = off")
        raw = create_engine(team.sign_in("a"))
        try:  # and raw SQL as this RM still sees only their own founding dates
            with raw.connect() as conn:
                seen = set(conn.execute(text("SELECT id FROM clients WHERE founded_date IS NOT NULL")).scalars())
        finally:
            raw.dispose()
        assert "Index Scan using ix_clients_pg_founded on clients" in plan_, plan_
        assert "Index Cond: (founded_date = ANY" in plan_, plan_
        assert seen == mine["a"]
    finally:
        rm.close()


def test_todays_screenful_reads_look_each_rows_client_up_and_show_only_the_rms_rows(team_setup):
    """Today's sections read their first rows with a small work_mem where row-level security
    applies (Store.read screenful): the planner can then no longer hash every client an RM
    sees to check the child tables' policy (at 100k that hash cost 30-40 ms a statement;
    bench/pg_search.py measures it). The memory is set for those reads' transactions only,
    not for the admin, who bypasses the policies, and an RM still gets exactly their own
    clients' rows."""
    from rmdesk.services import early_warnings, visits
    from rmdesk.store.engine import SCREENFUL_WORK_MEM

    team = team_setup.two_rms()
    admin = Store.open(url=team.url)
    demo.generate(admin, 60, seed=11)
    with admin.write() as s:  # every other client is a's, the rest b's
        s.execute(text("UPDATE clients SET owner = CASE WHEN id % 2 = 0 THEN :a ELSE :b END"),
                  {"a": team.logins["a"], "b": team.logins["b"]})
        mine = set(s.execute(text("SELECT id FROM clients WHERE id % 2 = 0 AND deleted_at IS NULL")).scalars())
    start, days, everything = date(2000, 1, 1), 40 * 366, 10_000

    def sections(store, limit):
        return {"visits": [v.id for v in visits.visits_between(store, start, days, limit=limit)
                           if limit is None or v.client_id in mine],
                "tasks": [t.id for t in visits.open_tasks(store, limit=limit) if limit is None or t.client_id in mine],
                "warnings": [w.id for w in early_warnings.open_warnings(store, limit=limit)
                             if limit is None or w.client_id in mine],
                "birthdays": [(b.client_id, b.contact_name) for b in maintenance.birthdays_ahead(
                    store, 366, date(2026, 12, 1), limit=limit) if limit is None or b.client_id in mine]}
    expected = sections(admin, everything)  # the lead's view, cut to a's clients
    with admin.read(screenful=True) as s:  # the admin (a superuser) bypasses the policies
        assert not admin.under_policies and s.scalar(text("SHOW work_mem")) != SCREENFUL_WORK_MEM
    admin.close()
    assert all(expected.values()), expected  # the demo gave each section rows of a's clients
    rm = Store.open(url=team.sign_in("a"))
    assert rm.under_policies
    sections_rows = {"visits.id,", "tasks.id,", "early_warnings.id,", "contacts.client_id,"}  # (not the roll's)
    memory = {}

    def note_memory(_conn, cursor, statement, _parameters, _context, _many):
        first_column = statement.split()[1]
        if statement.startswith("SELECT") and first_column in sections_rows:  # on the statement's transaction
            with cursor.connection.cursor() as shown:
                memory.setdefault(first_column, set()).add(shown.execute("SHOW work_mem").fetchone()[0])
    try:
        from sqlalchemy import event

        event.listen(rm.engine, "after_cursor_execute", note_memory)
        assert sections(rm, everything) == expected
        assert memory == dict.fromkeys(sections_rows, {SCREENFUL_WORK_MEM}), memory
        memory.clear()
        sections(rm, None)  # the whole lists (exports, reports): the server's own memory
        assert set(memory) == sections_rows and not any(SCREENFUL_WORK_MEM in m for m in memory.values()), memory
    finally:
        rm.close()


def test_the_stale_due_dates_are_read_off_their_index_on_postgresql(team_setup):
    """Most clients are not kept and have no next_due, so PostgreSQL's statistics expect a large
    share of the book in ix_clients_due_stale (which holds the kept clients still to work out:
    at most a few) and chose to read the whole table (1.7 s at 1M): the roll reads that index."""
    from sqlalchemy import event

    from rmdesk.services import next_dates

    store = Store.open(url=team_setup.url)
    for i in range(400):
        clients.create_client(store, {"name": f"客户{i}"})
    with store.write() as s:  # half the book kept (a date by hand), the other half not
        s.execute(text("UPDATE clients SET next_maintenance_date = '2027-01-04' WHERE id % 2 = 0"))
    assert next_dates.roll_due(store)  # their due dates worked out: the index is empty again
    with store.write() as s:
        s.execute(text("ANALYZE clients"))
    plans = []

    def explain(_conn, cursor, statement, parameters, _context, _many):
        if statement.startswith("SELECT") and "next_due IS NULL" in statement and "FROM clients" in statement:
            with cursor.connection.cursor() as plan:  # on the statement's own transaction
                plans.append("\n".join(r[0] for r in plan.execute("EXPLAIN " + statement, parameters)))
    event.listen(store.engine, "after_cursor_execute", explain)
    try:
        assert next_dates.roll_due(store)
    finally:
        event.remove(store.engine, "after_cursor_execute", explain)
    assert plans and all("ix_clients_due_stale" in p and "Seq Scan on clients" not in p for p in plans), plans
    assert len(maintenance.maintenance_due(store, date(2030, 1, 1))) == 200  # and the kept ones are due by then
    store.close()
