"""The queries reshaped for PostgreSQL's speed (migration 0025, rmdesk.store.pg_speed) give
the same answers as before on both engines: the board's open deal amounts and column totals,
the care reminders' month-day window (birthdays and founding dates), the search's prefix
ranges at the edges of the alphabet."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from rmdesk.services import cadence, clients, engagement, maintenance, pipeline
from rmdesk.services.clients import ClientQuery
from rmdesk.store import pg_speed

pytestmark = pytest.mark.both_engines


def test_board_amounts_and_totals_sum_open_deals_only(store):
    a = clients.create_client(store, {"name": "华能电力", "owner": "李娜"})
    b = clients.create_client(store, {"name": "重庆钢铁", "owner": "王强"})
    clients.create_client(store, {"name": "北京华恒"})  # no deal
    pipeline.move_to_step(store, b, 3, reason="test")
    engagement.create_deal(store, a, "working_capital_loan", "1000000")
    engagement.create_deal(store, a, "working_capital_loan", "250000.50")
    won = engagement.create_deal(store, a, "working_capital_loan", "9999999")
    engagement.close_deal(store, won, won=True)
    engagement.create_deal(store, b, "working_capital_loan", "300")
    cards = {c.client_id: c for cards in pipeline.board(store).values() for c in cards}
    assert cards[a].open_deal_amount == Decimal("1250000.50")
    assert cards[b].open_deal_amount == Decimal("300.00")
    assert len(cards) == 3 and sum(c.open_deal_amount == 0 for c in cards.values()) == 1
    totals = pipeline.column_totals(store)
    assert totals[1] == pipeline.ColumnTotal(2, Decimal("1250000.50"))
    assert totals[3] == pipeline.ColumnTotal(1, Decimal("300.00"))
    assert totals[2] == pipeline.ColumnTotal(0, Decimal("0.00"))
    # the same with a filter, and a page of one card a column
    only = pipeline.BoardFilter(owner="李娜")
    assert pipeline.column_totals(store, only)[1] == pipeline.ColumnTotal(1, Decimal("1250000.50"))
    assert pipeline.column_totals(store, only)[3].cards == 0
    first = pipeline.board(store, per_column=1)
    assert [len(first[step]) for step in (1, 3)] == [1, 1]


def test_care_reminders_keep_the_window_across_the_year_end_and_29_february(store):
    a = clients.create_client(store, {"name": "华能电力"})
    pipeline.move_to_step(store, a, 6, reason="test")
    clients.add_contact(store, a, {"name": "王总", "birthday": "1970-12-31"})
    clients.add_contact(store, a, {"name": "李总", "birthday": "1972-01-02"})
    clients.add_contact(store, a, {"name": "张总", "birthday": "1980-02-29"})
    clients.add_contact(store, a, {"name": "赵总", "birthday": "1975-06-15"})  # outside every window here
    cadence.set_founded_date(store, a, "2000-02-29")
    rows = maintenance.birthdays_ahead(store, 5, start=date(2026, 12, 30))
    assert [(r.contact_name, r.day) for r in rows] == [("王总", date(2026, 12, 31)), ("李总", date(2027, 1, 2))]
    rows = maintenance.care_reminders(store, 3, start=date(2027, 2, 27))
    assert [(r.day, r.kind, r.person) for r in rows] == [(date(2027, 2, 28), "birthday", "张总"),
                                                         (date(2027, 2, 28), "anniversary", None)]
    rows = maintenance.care_reminders(store, 3, start=date(2028, 2, 28))  # a leap year: on the day
    assert [(r.day, r.kind) for r in rows] == [(date(2028, 2, 29), "birthday"), (date(2028, 2, 29), "anniversary")]
    assert maintenance.care_reminders(store, 2, start=date(2027, 3, 1)) == []


def test_prefix_searches_at_the_edges_of_the_alphabet(store):
    z = clients.create_client(store, {"name": "中国重汽", "credit_code": "91370000163063779X"})
    y = clients.create_client(store, {"name": "云南铜业", "credit_code": "915300002919000008"})

    def found(term):
        total, exact = clients.count_clients_capped(store, ClientQuery(search=term))
        rows = clients.list_clients(store, ClientQuery(search=term), limit=200, total=total, total_exact=exact)
        return total, {r.id for r in rows}
    assert found("z") == (1, {z})
    assert found("zg") == (1, {z})
    assert found("zhongguo") == (1, {z})
    assert found("yun") == (1, {y})
    assert found("9153") == (1, {y})
    assert found("91") == (2, {y, z})
    assert found("913700001630637") == (1, {z})
    assert found("9") == (2, {y, z})
    assert found("{") == (0, set())


def test_the_indexes_are_there_on_postgresql_only(store, engine_name):
    listed = ("SELECT name FROM sqlite_master WHERE type = 'index'" if engine_name == "sqlite"
              else "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    with store.engine.connect() as conn:
        names = set(conn.scalars(text(listed)))
    assert (set(pg_speed.INDEXES) <= names) == (engine_name == "postgresql")
    assert not (set(pg_speed.INDEXES) & names) or engine_name == "postgresql"
    with store.engine.begin() as conn:  # running it again changes nothing
        pg_speed.install(conn)


def test_the_migration_refreshes_a_team_databases_policies(store, engine_name):
    """0025 re-runs `team init` where one ran: the lead check becomes a sub-select (once per
    statement); a database without a team (and SQLite) is left alone."""
    from rmdesk.store import team

    with store.engine.begin() as conn:
        team.refresh_policies(conn)  # no team yet: nothing
        if engine_name == "sqlite":
            return
        assert not conn.scalar(text("SELECT count(*) FROM pg_policies WHERE policyname = 'rmdesk_access'"))
        team.init(conn)
        team.refresh_policies(conn)
        qual = conn.scalar(text("SELECT qual FROM pg_policies WHERE tablename = 'clients' "
                                "AND policyname = 'rmdesk_access'"))
    assert "SELECT pg_has_role" in qual
