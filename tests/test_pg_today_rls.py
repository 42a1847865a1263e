"""Today on a team database as an RM, under row-level security: the founding anniversaries
are asked as a list of days, a leakproof condition, so the server can read them off an index
for the RM too (rmdesk.services.maintenance._founded_in, ix_clients_pg_founded) instead of
every client of the book; the RM gets exactly their own clients' anniversaries."""

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
