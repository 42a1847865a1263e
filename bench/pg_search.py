"""The bench's PostgreSQL section: the client list, search, the board and Today on a 100k book
in a team database, through rmdesk's services, next to the same SQL run through psycopg
directly (the floor; shown in the `raw` column).

`make bench` runs it when Debian's PostgreSQL is installed: a throwaway cluster
(scripts/pg-test-cluster.sh) whose files stay in bench/data/pg-clients-100000, so that the
book is built once (`rmdesk demo --db-url … --clients 100000`, ~10 min) and resumed later;
the cluster is stopped at the end. Without PostgreSQL or psycopg: one line, skipped.

  python -m bench.pg_search                                   this section alone
  RMDESK_BENCH_1M=1 python -m bench.pg_search                 and the 1M book (book1m, built once)
  RMDESK_BENCH_PG_URL=postgresql://user@host/db python -m bench.pg_search
                                                              search only, on a server of yours
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parent / "scripts" / "pg-test-cluster.sh"
BOOK = HERE / "data" / "pg-clients-100000"
CLIENTS = 100_000
SHARED_BUFFERS = "1GB"  # the bench server's (see _cluster)
TERMS = ["华", "王", "电力", "华能", "有限公司", "集团有限", "hndl", "huaneng", "911", "科技"]
TODAY_ROWS = 100  # rmdesk.gui.pages.today.ROWS


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def missing() -> str | None:
    """Why the section cannot run here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[team]')"
    if subprocess.run(["bash", str(SCRIPT), "bindir"], capture_output=True).returncode != 0:
        return "PostgreSQL is not installed (scripts/pg-test-cluster.sh install)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cluster():
    """Start (or resume) the bench's cluster; returns the admin URL of its book's database."""
    from sqlalchemy import URL

    port = _free_port()
    ready = BOOK / "ready"
    # a team's server, not a test cluster: buffers for the book's hot pages (the test clusters'
    # 64 MB hold a twentieth of this 1.2 GB book; PostgreSQL's guide is a quarter of the RAM)
    env = {**os.environ, "PG_SHARED_BUFFERS": SHARED_BUFFERS}
    if ready.exists():
        done = subprocess.run(["bash", str(SCRIPT), "resume", str(BOOK), str(port)], capture_output=True, text=True,
                              env=env)
    else:
        subprocess.run(["bash", str(SCRIPT), "stop", str(BOOK)], capture_output=True)  # a half-built one
        done = subprocess.run(["bash", str(SCRIPT), "start", str(BOOK), str(port)], capture_output=True, text=True,
                              env=env)
    if done.returncode != 0:
        raise RuntimeError(f"the bench's PostgreSQL cluster did not start:\n{done.stderr}")
    password = (BOOK / "admin-password").read_text().strip()
    return URL.create("postgresql+psycopg", username="rmdesk_admin", password=password, host="127.0.0.1",
                      port=port, database="book")


def _build(url) -> None:
    """The demo book, once: through the CLI as a user builds one."""
    import psycopg
    from sqlalchemy import URL

    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname="postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS book")
        conn.execute("CREATE DATABASE book")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="rmdesk-bench-") as data_dir:
        env = {**os.environ, "RMDESK_DB_PASSWORD": url.password}
        done = subprocess.run([sys.executable, "-m", "rmdesk", "demo", "--data-dir", data_dir, "--db-url",
                               URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                                          database=url.database).render_as_string(),
                               "--clients", str(CLIENTS), "--seed", "1"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the PostgreSQL demo book was not built:\n{done.stderr}")
    # the statistics and visibility map autovacuum would give the new book: figures() runs
    # _vacuum after this, before every run, so the first measurements do not race it
    (BOOK / "ready").write_text("demo --clients 100000 --seed 1\n", encoding="utf-8")
    print(f"built the PostgreSQL book (100k) in {time.perf_counter() - started:.0f} s", flush=True)


BRANCHES_1M = ["上海分公司", "北京分公司", "广州分公司", "深圳分公司", "成都分公司", "重庆分公司", "武汉分公司",
               "南京分公司", "杭州分公司"]


def _scaled_1m(url):
    """RMDESK_BENCH_1M=1: database book1m beside the book, its clients and key persons copied
    ten times as the SQLite 1M book is (bench/__main__.scaled_1m: names get a branch suffix,
    pinyin and credit codes stay unique), built once (about 15 minutes here). The copies are
    inserted with triggers off (session_replication_role): a key person's copy has its
    client's copied key_person_grams already, and nothing is there to be notified."""
    import psycopg

    from rmdesk.services.pinyin import search_keys

    big = url.set(database="book1m")
    kw = {"host": url.host, "port": url.port, "user": url.username, "password": url.password}
    with psycopg.connect(dbname="postgres", autocommit=True, **kw) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'book1m'").fetchone()
    if exists:
        with psycopg.connect(dbname="book1m", autocommit=True, **kw) as conn:
            if conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 10 * CLIENTS:
                return big
    started = time.perf_counter()
    with psycopg.connect(dbname="postgres", autocommit=True, **kw) as conn:
        conn.execute("DROP DATABASE IF EXISTS book1m")
        conn.execute("CREATE DATABASE book1m TEMPLATE book")
    with psycopg.connect(dbname="book1m", autocommit=True, **kw) as conn:
        conn.execute("SET session_replication_role = replica")
        columns = {table: [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))] for table in ("clients", "contacts")}
        for k, branch in enumerate(BRANCHES_1M, start=1):
            initials, full = search_keys(branch)
            copied = {"id": f"id + {k * CLIENTS}", "name": f"name || '（{branch}）'",
                      "pinyin_initials": f"pinyin_initials || '{initials}'", "pinyin_full": f"pinyin_full || '{full}'",
                      "credit_code": f"substr(credit_code, 1, 17) || '{chr(96 + k)}'"}
            conn.execute(f"INSERT INTO clients ({', '.join(columns['clients'])}) SELECT "
                         f"{', '.join(copied.get(c, c) for c in columns['clients'])} FROM clients WHERE id <= {CLIENTS}")
            of_contacts = {"id": f"id + {k * 10 * CLIENTS}", "client_id": f"client_id + {k * CLIENTS}"}
            conn.execute(f"INSERT INTO contacts ({', '.join(columns['contacts'])}) SELECT "
                         f"{', '.join(of_contacts.get(c, c) for c in columns['contacts'])} FROM contacts "
                         f"WHERE client_id <= {CLIENTS}")
        for table in ("clients", "contacts"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.execute("VACUUM (ANALYZE)")
    print(f"built the PostgreSQL 1M book in {time.perf_counter() - started:.0f} s", flush=True)
    return big


def _vacuum(url) -> None:
    """What autovacuum does on a server between a day's writes, before each run: the earlier
    runs' writes (Today's worked-out dates, the refresh bench's updates) and a migration's
    backfill leave pages that an index-only scan must read from the table (an RM's list
    measured 190 ms with 14% of the clients' pages so, 55 ms after VACUUM)."""
    import psycopg

    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname=url.database, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


class _Floor:
    """The statements a service call sends, and their median time run through psycopg directly."""

    def __init__(self, store, url, timings) -> None:
        import psycopg
        from sqlalchemy import event

        self.statements: list[tuple[str, object]] = []
        self._on = False
        self.timings = timings
        event.listen(store.engine, "before_cursor_execute", self._record)
        self.conn = psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                                    dbname=url.database, autocommit=True, options="-c jit=off")  # as rmdesk's

    def _record(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:
        if self._on and not executemany:
            self.statements.append((statement, parameters))

    def ms(self, fn: Callable[[], object]) -> float:
        self.statements, self._on = [], True
        try:
            fn()
        finally:
            self._on = False
        statements = [(s, p) for s, p in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]

        def run() -> None:
            with self.conn.cursor() as cur:
                for statement, params in statements:
                    cur.execute(statement, params)
                    cur.fetchall()
        return statistics.median(self.timings(run))


BOARD_CARDS = 100  # rmdesk.gui.pages.pipeline.CARDS_PER_COLUMN (the first paint; "Show more" for the rest)
RM = "李娜"  # a demo owner: the bench's RM role (row-level security on; see _team)


def page_services(store):
    """What the board page and the Today page read (rmdesk.gui.pages.pipeline / today.refresh)."""
    from datetime import date

    from rmdesk.services import clients, early_warnings, maintenance, pipeline, settings, visits

    def board_page():
        f = pipeline.BoardFilter()
        columns = pipeline.board(store, f, per_column=BOARD_CARDS)
        if any(len(c) >= BOARD_CARDS for c in columns.values()):
            pipeline.column_totals(store, f)

    def today():
        day = date.today()
        clients.is_empty(store)
        visits.visits_between(store, day, 1, limit=TODAY_ROWS + 1)
        visits.open_tasks(store, due_by=day, limit=TODAY_ROWS + 1)
        early_warnings.open_warnings(store, limit=TODAY_ROWS + 1)
        span = settings.get_reminder_days(store)
        maintenance.maintenance_due(store, day, limit=TODAY_ROWS + 1)
        maintenance.care_reminders(store, span, day, limit=TODAY_ROWS + 1)
        pipeline.stale_cards(store, limit=TODAY_ROWS + 1)
    return board_page, today


def measure(url, record, timings, search_terms, who: str = "", big: bool = False) -> None:
    """The section's figures on the store at `url`; `who` tags them (an RM's role: row-level
    security on, which can change the plans); `big`: the 1M book (its own targets)."""
    from rmdesk.services import clients, pipeline
    from rmdesk.services.clients import ClientQuery
    from rmdesk.store.engine import Store

    store = Store.open(url=url)
    floor = _Floor(store, url, timings)
    size, list_target, search_target = ("1M", 300, 150) if big else ("100k", 150, 50)

    def page(q: ClientQuery | None = None, sort: str = "name", desc: bool = False, offset: int = 0):
        q = q or ClientQuery()

        def run():  # what the list model does: the count with the first page (first_page); a page
            # scrolled to: the count it holds, then that page
            if not offset:
                return clients.first_page(store, q, sort=sort, descending=desc, limit=200)
            total, exact = clients.count_clients_capped(store, q)
            return clients.list_clients(store, q, sort=sort, descending=desc, offset=offset, limit=200,
                                        total=total, total_exact=exact)
        return run

    pg = f" [PostgreSQL{who}]"
    middle = min(50_000, clients.count_clients(store) // 2)
    cases = [
        ("list: count + first page (by name)", page()),
        ("list: sort by step, descending", page(sort="step", desc=True)),
        ("list: sort by tier", page(sort="tier")),
        ("list: sort by last update, descending", page(sort="updated_at", desc=True)),
        ("list: filter step 3", page(ClientQuery(step=3))),
        ("list: filter status nurture, sort by district", page(ClientQuery(status="nurture"), sort="district")),
        ("list: filter step 2 + owner, by next action", page(ClientQuery(step=2, owner="李娜"), sort="next_action_date")),
        # the middle of what this role sees (an RM sees a third of the book: 50,000 is past its end)
        (f"list: page at row {middle:,} (scrolled)", page(offset=middle)),
    ]
    for figure, fn in cases:
        record(figure + pg, size, timings(fn), target=list_target, raw=floor.ms(fn))
    everything: list[float] = []
    for kind, terms in search_terms(store).items():
        values, raws = [], []
        for term in terms:
            fn = page(ClientQuery(search=term))
            values += timings(fn)
            raws.append(floor.ms(fn))
        everything += values
        record(f"search-as-you-type p95: {kind} ({', '.join(terms)})" + pg, size, values, stat="p95",
               target=search_target, raw=statistics.median(raws))
    record("search-as-you-type p95: all typical queries" + pg, size, everything, stat="p95", target=search_target)
    fn = page(ClientQuery(search="集团有限公司"))
    record("search, broad: 集团有限公司 (1 in 4 clients match)" + pg, size, timings(fn), stat="p95", raw=floor.ms(fn))
    for term in ("h", "华"):
        fn = lambda term=term: clients.count_clients_capped(store, ClientQuery(search=term), cap=None)  # noqa: E731
        record(f"search: exact count when scrolled to the end ({term})" + pg, size, timings(fn), raw=floor.ms(fn))
    board_page, today = page_services(store)
    record(f"pipeline board page services (≤{BOARD_CARDS} cards a step + totals)" + pg, size, timings(board_page),
           target=300, raw=floor.ms(board_page))
    fn = lambda: pipeline.board(store)  # noqa: E731
    cards = sum(len(c) for c in fn().values())
    record(f"pipeline board service, every card ({cards} open cards)" + pg, size, timings(fn), raw=floor.ms(fn))
    record("Today page services" + pg, size, timings(today), target=300, raw=floor.ms(today))
    floor.conn.close()
    store.close()


def sqlite_beside(record, timings) -> None:
    """The board page and Today on the SQLite 100k book of the bench (when built), for the
    comparison (the SQLite section measures the list and search itself)."""
    from rmdesk.store.engine import Store

    book = HERE / "data" / f"clients-{CLIENTS}"
    if not (book / "rmdesk.sqlite3").exists():
        return
    store = Store.open(book)
    try:
        board_page, today = page_services(store)
        record(f"pipeline board page services (≤{BOARD_CARDS} cards a step + totals) [SQLite]", "100k",
               timings(board_page), target=300)
        record("Today page services [SQLite]", "100k", timings(today), target=300)
    finally:
        store.close()


def _team(url):
    """Row-level security on the bench's book (`rmdesk team init`, safe to repeat) and an RM
    role owning the demo's clients of RM; returns the RM's URL."""
    import secrets

    from sqlalchemy import create_engine

    from rmdesk.store import team

    password = secrets.token_hex(12)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            team.init(conn)
            team.add_member(conn, RM, RM, lead=False, password=password)
    finally:
        engine.dispose()
    return url.set(username=RM, password=password)


def figures(record, timings, search_terms) -> None:
    """The section of `make bench` (bench.__main__ passes its own record/timings/search_terms)."""
    reason = missing()
    if reason:
        print(f"PostgreSQL: skipped — {reason}", flush=True)
        return
    BOOK.parent.mkdir(parents=True, exist_ok=True)
    url = _cluster()
    try:
        if not (BOOK / "ready").exists():
            _build(url)
        _vacuum(url)
        terms: dict[str, list[str]] = {}

        def admins_terms(store):  # read on the admin's store (an RM may not see the client they come from)
            terms.update(search_terms(store))
            return terms
        measure(url, record, timings, admins_terms)
        # as an RM, row-level security on: the admin's terms, as many runs (the search's indexes
        # serve an RM too since migration 0027: rmdesk.store.pg_leakproof)
        measure(_team(url), record, timings, lambda _store: terms, who=f", RM {RM}: row-level security")
        sqlite_beside(record, timings)
        from bench import team_refresh  # issue 15 item 5: what the live refresh costs, same book

        team_refresh.figures(url, record)
        if os.environ.get("RMDESK_BENCH_1M") == "1":  # the 1M targets (search p95 ≤ 150, list ≤ 300)
            big = _scaled_1m(url)
            _vacuum(big)
            measure(big, record, timings, lambda _store: terms, big=True)
            measure(_team(big), record, timings, lambda _store: terms, who=f", RM {RM}: row-level security", big=True)
    finally:
        subprocess.run(["bash", str(SCRIPT), "halt", str(BOOK)], capture_output=True)


def run(url_text: str, repeat: int = 7) -> list[tuple[str, float, float, float]]:
    """Search only, on a server given by URL: (term, p95, median, psycopg p95)."""
    from rmdesk.services.clients import ClientQuery, first_page
    from rmdesk.store import server
    from rmdesk.store.engine import Store

    url = server.parse(url_text, password=server.password_from_environment())
    store = Store.open(url=url)

    def timings(fn, repeat=repeat):
        fn()
        out = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            out.append((time.perf_counter() - started) * 1000)
        return out

    floor = _Floor(store, url, timings)
    rows = []
    for term in TERMS:
        q = ClientQuery(search=term)

        def page(q=q):  # what the list model does: the count with the first page
            first_page(store, q, limit=200)
        ours = timings(page)
        floor.statements = []
        raw = floor.ms(page)
        rows.append((term, _p95(ours), statistics.median(ours), raw))
    floor.conn.close()
    store.close()
    return rows


def main() -> None:
    url = os.environ.get("RMDESK_BENCH_PG_URL")
    if url:
        print(f"{'term':<10} {'p95 ms':>8} {'median':>8} {'psycopg median':>15}")
        for term, p95, median, floor in run(url):
            print(f"{term:<10} {p95:8.1f} {median:8.1f} {floor:15.1f}")
        return
    import bench.__main__ as bench
    from rmdesk import clock

    clock.pin(None)
    bench.save = lambda: None  # alone: leave the full run's bench/results.json as it is
    print(f"rmdesk bench, PostgreSQL section — {bench.load_note()}", flush=True)
    figures(bench.record, bench.timings, bench.search_terms)
    print(f"{bench.load_note()} at end")
    table(bench.RESULTS)


def table(results: list[dict]) -> None:
    """The section's figures as one table: median, p95, the psycopg floor (the same SQL run
    directly), the target."""
    print("\n| figure | median ms | p95 ms | psycopg floor ms | target | met |\n|---|---|---|---|---|---|")
    for row in results:
        floor = "" if row["raw_sqlite_ms"] is None else row["raw_sqlite_ms"]
        met = "" if row["met"] is None else ("yes" if row["met"] else "no")
        target = "" if row["target"] is None else f"{row['stat']} ≤ {row['target']}"
        print(f"| {row['figure']} | {row['median']} | {row['p95']} | {floor} | {target} | {met} |")


if __name__ == "__main__":
    main()
