"""The client list on a team database as an RM, under row-level security: the sort indexes
carry what the clients policy checks (the owner), so a page of the list however deep is read
off the index alone, without fetching each row the page passes (rmdesk.store.pg_speed,
migration 0033); the RM's pages are exactly the admin's list cut to the RM's clients."""

import pytest
from pg_plans import plan, statements
from sqlalchemy import create_engine, text

from rmdesk.services import clients, demo
from rmdesk.services.clients import ClientQuery
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql


def _team_book(team_setup, every: int):
    """Two RMs and a 200-client demo book, every `every`-th client RM a's, analysed: (the team,
    the admin's open store)."""
    team = team_setup.two_rms()
    admin = Store.open(url=team.url)
    demo.generate(admin, 200, seed=6)
    with admin.write() as s:
        s.execute(text("UPDATE clients SET owner = :a WHERE id % :n = 0"), {"a": team.logins["a"], "n": every})
        s.execute(text("ANALYZE clients"))  # the planner's share of the book for 有限公司: most of it
    return team, admin


def test_an_rms_deep_page_is_an_index_only_scan_and_their_own_clients(team_setup):
    team = team_setup.two_rms()
    admin = Store.open(url=team.url)
    demo.generate(admin, 200, seed=6)
    with admin.write() as s:  # half the book is RM a's
        s.execute(text("UPDATE clients SET owner = :a WHERE id % 2 = 0"), {"a": team.logins["a"]})
    raw_admin = create_engine(team.url)
    with raw_admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE clients"))  # the visibility map an index-only scan reads
    raw_admin.dispose()
    everyone = clients.list_clients(admin, ClientQuery(), sort="name")
    admin.close()
    rm = Store.open(url=team.sign_in("a"))
    try:
        total, _exact = clients.count_clients_capped(rm, ClientQuery())
        pages, sent = statements(rm, lambda: [
            clients.list_clients(rm, ClientQuery(), sort="name", offset=offset, limit=20, total=total)
            for offset in range(0, total, 20)])
        theirs = [r.id for r in everyone if r.id % 2 == 0]
        assert [r.id for page in pages for r in page] == theirs and total == len(theirs) == 100
        [(deep, parameters)] = [(s, p) for s, p in sent if "OFFSET" in s.upper() and 80 in p.values()]
        plan_ = plan(team.sign_in("a"), deep, parameters, "enable_seqscan = off")
        assert "Index Only Scan using ix_clients_pg_sort_name" in plan_, plan_
    finally:
        rm.close()



@pytest.mark.parametrize("who", ["admin", "rm"])
def test_a_capped_count_reads_its_sources_off_their_indexes(team_setup, who):
    """A capped count of a broad search reads each source with table scans off, as the admin
    and as an RM: a scan stopping after cap + 1 looked cheap to the planner, but where the
    matches sit together in the table it read most of it (华 at 100k: 75 ms, off its index 20;
    bench/pg_search.py). A dense 3+ character term's row by row test keeps its scan. The count
    is still exact below the cap and a floor above it."""
    from sqlalchemy import event

    team, admin = _team_book(team_setup, 2)
    admin.close()
    store = Store.open(url=team.url if who == "admin" else team.sign_in("a"))
    scans = {}

    def note_scans(_conn, cursor, statement, _parameters, _context, _many):
        if statement.startswith("SELECT CASE WHEN (count(*)"):
            source = "grams" if "search_grams @>>" in statement else "rows" if " ILIKE " in statement else "other"
            with cursor.connection.cursor() as shown:  # on the statement's own transaction
                scans.setdefault(source, set()).add(shown.execute("SHOW enable_seqscan").fetchone()[0])
    try:
        terms = ("华", "王", "电力", "有限公司")
        plain = {term: clients.count_clients(store, ClientQuery(search=term)) for term in terms}
        event.listen(store.engine, "after_cursor_execute", note_scans)
        for term, count in plain.items():
            assert count > 3 and clients.count_clients_capped(store, ClientQuery(search=term), cap=3) == (3, False)
            assert clients.count_clients_capped(store, ClientQuery(search=term), cap=count) == (count, True)
        assert scans["grams"] == {"off"} and scans["rows"] == {"on"}, scans
    finally:
        store.close()


def test_a_searchs_estimates_are_compiled_once_and_agree_with_the_plan(team_setup):
    """The planner's estimates a search asks for (walk or gather) go through the statement
    cache like any select: asked again with another term, the EXPLAIN is not compiled again;
    the estimate is the plan's own row count; the book's size is asked once a transaction.
    As an RM the estimate has the policy's share in it."""
    from sqlalchemy import event, func, select

    from rmdesk.store.models import Client

    team, admin = _team_book(team_setup, 4)
    hits = []
    event.listen(admin.engine, "before_cursor_execute",
                 lambda _c, _cur, st, _p, context, _m: st.startswith("EXPLAIN") and "%(" in st  # not the literal one
                 and hits.append(context.cache_hit))
    try:
        estimates = {}
        for term in ("华", "电"):
            condition = clients.server_search_parts(term)[0].on_row
            with admin.read() as s:
                estimates[term] = clients._estimated_rows(s, select(Client.id).where(condition))
                planned = s.execute(text("EXPLAIN (FORMAT JSON) " + str(
                    select(Client.id).where(condition).compile(dialect=s.get_bind().dialect,
                                                               compile_kwargs={"literal_binds": True})))).scalar()
                assert estimates[term] == planned[0]["Plan"]["Plan Rows"]
        assert [hit == admin.engine.dialect.CACHE_HIT for hit in hits] == [False, True], hits
        sizes = []
        event.listen(admin.engine, "before_cursor_execute",
                     lambda _c, _cur, st, *_: "pg_class" in st and sizes.append(st))
        for _transaction in range(2):
            with admin.read() as s:
                assert clients._book_size(s) == clients._book_size(s) == 200
        assert len(sizes) == 2  # once in each
        with admin.read() as s:
            everyone = clients._estimated_rows(s, select(Client.id))
            assert everyone == s.scalar(select(func.count()).select_from(Client)) == 200
    finally:
        admin.close()
    rm = Store.open(url=team.sign_in("a"))
    try:
        with rm.read() as s:
            assert 0 < clients._estimated_rows(s, select(Client.id)) < everyone
    finally:
        rm.close()


@pytest.mark.parametrize("who", ["admin", "rm"])
def test_the_lists_first_page_starts_no_parallel_workers_and_counts_off_its_own_reads(team_setup, who):
    """first_page, what the list reads on a keystroke, as the admin and as an RM: every
    statement of it runs with parallel workers off (their launch cost more than the scans of a
    few thousand rows they split: the planner chose them for dianli's gathered page after an
    ANALYZE, 57 ms against 31), while a read that is not a keystroke's keeps the server's
    setting. A search whose range over the sort column ("h": the pinyin's start, by name)
    holds more than the cap is counted off that range's own read: no capped count runs
    after it, and the count is what count_clients_capped says."""
    from sqlalchemy import event

    team, admin = _team_book(team_setup, 2)
    admin.close()
    store = Store.open(url=team.url if who == "admin" else team.sign_in("a"))
    shown, statements = [], []

    def note(_conn, cursor, statement, _parameters, _context, _many):
        statements.append(statement)
        if statement.startswith(("SELECT", "WITH")) and "set_config" not in statement:
            with cursor.connection.cursor() as asked:
                shown.append(asked.execute("SHOW max_parallel_workers_per_gather").fetchone()[0])
    event.listen(store.engine, "after_cursor_execute", note)
    try:
        for term in ("h", "华", "dianli", "91"):
            q = ClientQuery(search=term)
            statements.clear()
            total, exact, rows = clients.first_page(store, q, limit=5, cap=8)  # a page under the cap
            sent = list(statements)
            assert shown and set(shown) == {"0"}, (term, shown)
            shown.clear()
            assert [r.id for r in rows] == [r.id for r in clients.list_clients(store, q, limit=5)]
            if term == "h":
                assert (total, exact) == (8, False)
                assert (total, exact) == clients.count_clients_capped(store, q, cap=8)
                assert not any("count(*) >" in st for st in sent), sent  # no capped count
        shown.clear()
        clients.list_clients(store, ClientQuery())  # the whole list (an export): the server's setting
        assert shown and "0" not in shown, shown
    finally:
        store.close()


def test_an_rms_policy_shares_are_the_planners_guess_and_the_real_count_once(team_setup):
    """What a search's walk-or-gather choice weighs an RM's estimates by (clients._policy_shares):
    the planner's guess of the share of the live book the RM sees, and the real share, counted
    once for the store; the admin, whom no policy filters, has (1, 1) without a read."""
    from sqlalchemy import event

    team, admin = _team_book(team_setup, 4)
    with admin.read() as s:
        live = s.scalar(text("SELECT count(*) FROM clients WHERE deleted_at IS NULL"))
        theirs = s.scalar(text("SELECT count(*) FROM clients WHERE deleted_at IS NULL AND id % 4 = 0"))
    with admin.read() as s:
        assert clients._policy_shares(s, admin) == (1.0, 1.0) and not admin.planning
    admin.close()
    rm = Store.open(url=team.sign_in("a"))
    counted = []
    event.listen(rm.engine, "before_cursor_execute",
                 lambda _c, _cur, st, *_: st.startswith("SELECT count(*)") and counted.append(st))
    try:
        with rm.read() as s:
            guessed, real = clients._policy_shares(s, rm)
        assert real == pytest.approx(theirs / 200) and theirs < live
        assert 0 < guessed <= 1
        with rm.read() as s:
            assert clients._policy_shares(s, rm) == (guessed, real)
        assert len(counted) == 1
    finally:
        rm.close()


def test_a_large_source_of_a_merged_page_is_walked_without_counting_it_first(team_setup, monkeypatch):
    """A source on the clients row that the planner expects above SORT_LIMIT (the initials hn
    at 1M: 87,710) is walked along the sort order straight away: counting its first
    SORT_LIMIT + 1 rows first read them all off a bitmap scan (250 of hn's 503 ms). The page
    is still the plain query's."""
    from sqlalchemy import event

    team = team_setup.two_rms()
    admin = Store.open(url=team.url)
    demo.generate(admin, 200, seed=6)
    with admin.write() as s:
        s.execute(text("ANALYZE clients"))
    q = ClientQuery(search="hn")
    want = [r.id for r in clients.list_clients(admin, q, limit=5)]
    monkeypatch.setattr(clients, "SORT_LIMIT", 0)  # every source on the row is "large"
    sent = []
    event.listen(admin.engine, "before_cursor_execute", lambda _c, _cur, st, *_: sent.append(st))
    try:
        total, exact, rows = clients.first_page(admin, q, limit=5, cap=2)
        assert [r.id for r in rows] == want and len(want) == 5
        assert (total, exact) == clients.count_clients_capped(admin, q, cap=2) == (2, False)
        grams_counted = [st for st in sent if st.startswith("SELECT count(*)") and "search_grams" in st]
        assert not grams_counted, grams_counted
    finally:
        admin.close()
