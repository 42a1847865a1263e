"""`make bench`: the issue-6 targets measured, medians over repeated runs.

Writes bench/results.json and prints a table. Data sets live in bench/data/ (kept
between runs; delete a folder to rebuild it):

  clients-100000   `rmdesk demo --clients 100000` (100k clients, ~160k visits, every table)
  board-5750       a 5,750-client demo book: ~5,000 open pipeline cards
  clients-1000000  opt-in (RMDESK_BENCH_1M=1): the 100k book's clients and key persons
                   copied 10x (names get a branch suffix, pinyin and credit codes stay
                   unique), for the 1M sort/filter/search targets

Data-path figures also give the same SQL replayed through the raw sqlite3 module on the
same file (the statements captured from SQLAlchemy), and our/raw as a ratio.
Environment: RMDESK_BENCH_REPEAT (default 7), RMDESK_BENCH_1M=1, RMDESK_BENCH_COLD=0
to skip the cold start-ups (they drop the OS page cache, which needs root).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPEAT = int(os.environ.get("RMDESK_BENCH_REPEAT", "7"))
WITH_1M = os.environ.get("RMDESK_BENCH_1M") == "1"
WITH_COLD = os.environ.get("RMDESK_BENCH_COLD", "1") == "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rmdesk import clock  # noqa: E402
from rmdesk.services import clients, demo, pipeline  # noqa: E402
from rmdesk.services.clients import ClientQuery  # noqa: E402
from rmdesk.store.engine import Store  # noqa: E402

RESULTS: list[dict] = []
ALL = ClientQuery()


# --- measuring ---------------------------------------------------------------------------
def timings(fn: Callable[[], object], repeat: int = REPEAT, warm: int = 1) -> list[float]:
    for _ in range(warm):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def p95(values: list[float]) -> float:
    return percentile(values, 0.95)


class Capture:
    """The statements (with their DBAPI parameters) a service call sends to SQLite."""

    def __init__(self, store: Store) -> None:
        from sqlalchemy import event

        self.store = store
        self.statements: list[tuple[str, object]] = []
        self._on = False
        event.listen(store.engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:
        if self._on and not executemany and not statement.startswith("BEGIN"):
            self.statements.append((statement, parameters))

    def run(self, fn: Callable[[], object]) -> list[tuple[str, object]]:
        self.statements, self._on = [], True
        try:
            fn()
        finally:
            self._on = False
        return self.statements


def raw_ms(db: Path, statements: list[tuple[str, object]], write: bool = False) -> float:
    """Median time of the same statements through the sqlite3 module, all rows fetched."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")

    def run() -> None:
        if write:
            conn.execute("BEGIN IMMEDIATE")
        for sql, params in statements:
            conn.execute(sql, params or ()).fetchall()
        if write:
            conn.execute("COMMIT")

    try:
        return statistics.median(timings(run))
    finally:
        conn.close()


def record(figure: str, size: str, values: list[float], *, target: float | None = None, stat: str = "median",
           raw: float | None = None, unit: str = "ms", note: str = "") -> dict:
    median = statistics.median(values)
    value = p95(values) if stat == "p95" else median
    row = {"figure": figure, "data": size, "stat": stat, "value": round(value, 2), "median": round(median, 2),
           "p95": round(p95(values), 2), "runs": len(values), "unit": unit,
           "raw_sqlite_ms": None if raw is None else round(raw, 3),
           "ratio_to_raw": None if not raw else round(median / raw, 2),
           "target": target, "met": None if target is None else value <= target, "note": note}
    RESULTS.append(row)
    save()  # as we go: a long run stopped half-way keeps what it measured
    flag = "" if target is None else ("  ok" if row["met"] else "  MISSED")
    print(f"  {figure:<58} {size:>6} {stat:>6} {row['value']:>10} {unit}{flag}", flush=True)
    return row


# --- data sets ---------------------------------------------------------------------------
def built(name: str, clients_n: int, **kwargs) -> Path:
    directory = DATA / name
    store = Store.open(directory)
    try:
        if clients.count_clients(store) != clients_n:
            start = time.perf_counter()
            demo.generate(store, clients_n, seed=1, force=True, **kwargs)
            seconds = time.perf_counter() - start
            print(f"built {name} in {seconds:.1f} s", flush=True)
            record(f"demo --clients {clients_n} (full book, build once)", name.split("-")[-1], [seconds * 1000],
                   unit="ms", note="built in this run")
    finally:
        store.close()
    return directory


def scaled_1m(source: Path) -> Path:
    """1M clients: the 100k book's clients and key persons copied ten times."""
    directory = DATA / "clients-1000000"
    store = Store.open(directory)
    if clients.count_clients(store) == 1_000_000:
        store.close()
        return directory
    store.close()
    shutil.rmtree(directory)
    directory.mkdir(parents=True)
    shutil.copy(source / "rmdesk.sqlite3", directory / "rmdesk.sqlite3")
    start = time.perf_counter()
    from rmdesk.services.pinyin import search_keys
    from rmdesk.store import search_index

    store = Store.open(directory)
    branches = ["上海分公司", "北京分公司", "广州分公司", "深圳分公司", "成都分公司", "重庆分公司", "武汉分公司",
                "南京分公司", "杭州分公司"]
    with store.write() as s:
        conn = s.connection()
        from rmdesk.store.models import Base

        # Only clients and key persons are copied: empty the rest, children first (a
        # parent row deleted before its children makes SQLite look them up unindexed).
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in ("clients", "contacts", "settings", "products"):
                conn.exec_driver_sql(f"DELETE FROM {table.name}")
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(clients)")]
        contact_cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(contacts)")]
        with search_index.bulk_load(conn, rows=900_000):
            for k, branch in enumerate(branches, start=1):
                initials, full = search_keys(branch)
                values = []
                for c in cols:
                    if c == "id":
                        values.append(f"id + {k * 100_000}")
                    elif c == "name":
                        values.append(f"name || '（{branch}）'")
                    elif c == "pinyin_initials":
                        values.append(f"pinyin_initials || '{initials}'")
                    elif c == "pinyin_full":
                        values.append(f"pinyin_full || '{full}'")
                    elif c == "credit_code":
                        values.append(f"substr(credit_code, 1, 17) || '{chr(96 + k)}'")
                    else:
                        values.append(c)
                conn.exec_driver_sql(f"INSERT INTO clients ({', '.join(cols)}) SELECT {', '.join(values)} "
                                     f"FROM clients WHERE id <= 100000")
                cvalues = [f"id + {k * 1_000_000}" if c == "id" else f"client_id + {k * 100_000}" if c == "client_id"
                           else c for c in contact_cols]
                conn.exec_driver_sql(f"INSERT INTO contacts ({', '.join(contact_cols)}) SELECT {', '.join(cvalues)} "
                                     f"FROM contacts WHERE client_id <= 100000")
        search_index.analyze(conn)
    store.close()
    print(f"built clients-1000000 in {time.perf_counter() - start:.1f} s", flush=True)
    return directory


# --- figures -----------------------------------------------------------------------------
SEARCHES = {
    "1 char Chinese": ["华", "电", "王"],
    "2 char Chinese": ["电力", "重庆", "华能", "秀英"],
    "3+ char Chinese": ["华恒电力", "重庆钢铁", "北京华恒", "电力有限"],
    "pinyin initials": ["h", "hn", "hnd", "hndl", "cqgt", "bjhh"],
    "full pinyin": ["huaneng", "dianli", "chongqing gang"],
    "credit code": [],  # filled from the data: a prefix and a whole code
    "contact name": [],  # filled from the data: a whole name and a given name
}


def search_terms(store: Store) -> dict[str, list[str]]:
    terms = {k: list(v) for k, v in SEARCHES.items()}
    detail = clients.get_client(store, 4242)
    terms["credit code"] = [detail.credit_code[:8], detail.credit_code]
    name = next(c.name for c in detail.contacts)
    terms["contact name"] = [name, name[1:]] if len(name) == 3 else [name]
    return terms


def data_paths(directory: Path, size: str, big: bool) -> None:
    store = Store.open(directory)
    cap = Capture(store)
    db = directory / "rmdesk.sqlite3"
    list_target = 300 if big else 150
    search_target = 150 if big else 50

    def page(q: ClientQuery = ALL, sort: str = "name", desc: bool = False, offset: int = 0):
        def run():  # what the list model does: the count with the first page (first_page); a page
            # scrolled to: the count it holds, then that page
            if not offset:
                return clients.first_page(store, q, sort=sort, descending=desc, limit=200)
            total, exact = clients.count_clients_capped(store, q)
            return clients.list_clients(store, q, sort=sort, descending=desc, offset=offset, limit=200,
                                        total=total, total_exact=exact)
        return run

    cases = [
        ("list: count + first page (by name)", page(), list_target),
        ("list: sort by step, descending", page(sort="step", desc=True), list_target),
        ("list: sort by tier", page(sort="tier"), list_target),
        ("list: sort by last update, descending", page(sort="updated_at", desc=True), list_target),
        ("list: filter step 3", page(ClientQuery(step=3)), list_target),
        ("list: filter status nurture, sort by district", page(ClientQuery(status="nurture"), sort="district"),
         list_target),
        ("list: filter step 2 + owner, by next action", page(ClientQuery(step=2, owner="李娜"), sort="next_action_date"),
         list_target),
        ("list: page at row 50,000 (scrolled)", page(offset=50_000), list_target),
    ]
    for figure, fn, target in cases:
        values = timings(fn)
        record(figure, size, values, target=target, raw=raw_ms(db, cap.run(fn)))

    all_values: list[float] = []
    for kind, terms in search_terms(store).items():
        values, raws = [], []
        for term in terms:
            fn = page(ClientQuery(search=term))
            values += timings(fn)
            raws.append(raw_ms(db, cap.run(fn)))
        all_values += values
        record(f"search-as-you-type p95: {kind} ({', '.join(terms)})", size, values, stat="p95",
               target=search_target, raw=statistics.median(raws))
    record("search-as-you-type p95: all typical queries", size, all_values, stat="p95", target=search_target)
    # Not typical: a query that matches a quarter of the book.
    fn = page(ClientQuery(search="集团有限公司"))
    record("search, broad: 集团有限公司 (1 in 4 clients match)", size, timings(fn), stat="p95",
           raw=raw_ms(db, cap.run(fn)))
    # A capped count's rest, counted when the list is scrolled to its end (once per search).
    for term in ("h", "华"):
        fn = lambda term=term: clients.count_clients_capped(store, ClientQuery(search=term), cap=None)  # noqa: E731
        record(f"search: exact count when scrolled to the end ({term})", size, timings(fn),
               raw=raw_ms(db, cap.run(fn)))
    store.close()


def tail_note(values: list[float], first: float) -> str:
    """What a p95 hides of a save: the rarer slow ones a user still feels (on SQLite these
    are the search index merging its segments, and WAL checkpoints), and the first save
    after opening, which the timings leave out as their warm-up."""
    slow = sum(v > 100 for v in values)
    return (f"p99 {percentile(values, 0.99):.1f} ms, worst {max(values):.0f} ms, {slow} of {len(values)} over 100 ms; "
            f"first save after opening {first:.0f} ms")


def saves(directory: Path, size: str) -> None:
    store = Store.open(directory)
    cap = Capture(store)
    db = directory / "rmdesk.sqlite3"
    rows = clients.list_clients(store, limit=40, offset=1000)
    ids = [r.id for r in rows]
    counter = iter(range(10**9))

    def edit():
        n = next(counter)
        clients.update_client(store, ids[n % len(ids)], {"district": f"区{n % 7}", "next_action_date": None})

    # the names read before the timing: the save is what is timed (reading the client's whole
    # record first, as this did since issue 6, was about half of the 11 ms it measured here)
    bases = {cid: clients.get_client(store, cid).name.split("·")[0] for cid in ids}

    def rename():
        n = next(counter)
        cid = ids[n % len(ids)]
        clients.update_client(store, cid, {"name": f"{bases[cid]}·{n % 3}"})

    def figure(name: str, save: Callable[[], None]) -> None:
        first = timings(save, repeat=1, warm=0)[0]  # the warm-up, timed for the note
        values = timings(save, repeat=max(REPEAT * 30, 200), warm=0)
        saved = record(name, size, values, stat="p95", target=5, raw=raw_ms(db, cap.run(save), write=True),
                       note=tail_note(values, first))
        print(f"  {'':<58} {size:>6}    {saved['note']}", flush=True)

    figure("save one record p95: edit fields", edit)
    figure("save one record p95: rename (pinyin + search index)", rename)
    for row in rows:  # leave the book as it was
        clients.update_client(store, row.id, {"name": row.name, "district": row.district,
                                              "next_action_date": row.next_action_date})
    # Deleting a key person: SQLite clears the visits that name it (ON DELETE SET NULL).
    added = iter([clients.add_contact(store, ids[n % len(ids)], {"name": f"临时联系人{n}"})
                  for n in range(max(REPEAT * 30, 200) + 1)])
    values = timings(lambda: clients.delete_contact(store, next(added)), repeat=max(REPEAT * 30, 200))
    record("save one record p95: delete a key person", size, values, stat="p95", target=5)
    store.close()


def board(directory: Path, size: str) -> None:
    from PySide6.QtWidgets import QApplication

    from rmdesk.gui import translation
    from rmdesk.gui.pages.pipeline import CARDS_PER_COLUMN, PipelinePage

    app = QApplication.instance() or QApplication([])
    translation.install("zh_CN")
    store = Store.open(directory)
    full = pipeline.board(store)
    cards = sum(len(c) for c in full.values())
    record(f"pipeline board service ({cards} open cards)", size, timings(lambda: pipeline.board(store)))
    page = PipelinePage(store, lambda _id: None)
    page.resize(1366, 768)
    page.show()
    app.processEvents()

    def show():
        page.refresh()
        app.processEvents()
        page.repaint()

    capped = any(len(c) > CARDS_PER_COLUMN for c in full.values())
    record(f"pipeline board shown ({cards} open cards, GUI)", size, timings(show), target=300,
           note=f"first paint: the {CARDS_PER_COLUMN} longest in step a column (Show more), exact heads"
           if capped else "")
    page.close()
    store.close()


def painted_once(app, widget) -> Callable[[], None]:
    """What a user waits for after a change to `widget`: the events it posted handled, with
    the one paint its update() asked for. A repaint() after processEvents() would paint the
    rows a second time (counted: one Paint event each) and add 13-40 ms that no user waits
    for; it is forced only where the events brought no paint, so each figure holds one."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints(widget)
    widget.installEventFilter(paints)

    def paint() -> None:
        before = paints.count
        app.processEvents()
        if paints.count == before:
            widget.repaint()
    return paint


def gui_list(directory: Path, size: str, big: bool) -> None:
    """The client page's model: set a sort/filter/search, then paint the first rows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from rmdesk.gui import translation
    from rmdesk.gui.pages.clients import ClientsPage

    app = QApplication.instance() or QApplication([])
    translation.install("zh_CN")
    store = Store.open(directory)
    page = ClientsPage(store, lambda _id: None)
    page.resize(1366, 768)
    page.show()
    app.processEvents()

    paint = painted_once(app, page.table.viewport())

    def sort(column, order):
        def run():
            page.model.sort(column, order)
            paint()
        return run

    def search(text):
        def run():
            page.search.setText(text)
            page.apply_filters()
            paint()
        return run

    target = 300 if big else 150
    values = timings(sort(3, Qt.SortOrder.DescendingOrder)) + timings(sort(2, Qt.SortOrder.AscendingOrder))
    values += timings(sort(0, Qt.SortOrder.AscendingOrder))
    record("client list GUI: sort + paint (step, tier, name)", size, values, target=target)

    def step_filter():
        page.step_filter.setCurrentIndex(3)
        paint()
        page.step_filter.setCurrentIndex(0)
        paint()

    record("client list GUI: filter step + paint (set and clear, each)", size,
           [v / 2 for v in timings(step_filter)], target=target)
    values = []
    for text in ("华", "华能", "华能电", "h", "hn", "hnd", "hndl"):
        values += timings(search(text), repeat=max(3, REPEAT // 2))
    record("client list GUI: search keystroke + paint p95", size, values, stat="p95", target=150 if big else 50,
           note="after the 150 ms debounce")
    search("")()
    bar = page.table.verticalScrollBar()
    positions = iter([bar.maximum() * k // 37 for k in range(1, 10**4)])
    record("client list GUI: jump-scroll + paint", size, timings(lambda: (bar.setValue(next(positions) % (bar.maximum() + 1)),
                                                                     paint())), target=target)
    page.close()
    store.close()


def probe(mode: str, directory: Path, cold: bool = False) -> dict:
    if cold:
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    t0 = time.time()
    out = subprocess.run([sys.executable, str(HERE / "gui_probe.py"), mode, str(directory), repr(t0)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def gui_process(directory: Path, size: str) -> None:
    """Start-up (issue 13): the window is shown in its "opening your book" state before
    SQLAlchemy is imported, the store opens on the thread pool, Today and the client list show
    the start's glance at the book meanwhile, then the book itself."""
    runs = [probe("startup", directory) for _ in range(max(5, REPEAT))]
    early = "SQLAlchemy not yet imported" if not any(r["sqlalchemy_at_window"] for r in runs) \
        else "SQLAlchemy already imported when the window painted"
    record("start-up warm: main window shown (opening the book)", size, [r["window_s"] * 1000 for r in runs],
           target=700, note=early)
    record("start-up warm: + book open, Today painted on it", size, [r["ready_s"] * 1000 for r in runs])
    record("start-up warm: + then the client list on the open book, painted", size,
           [r["clients_s"] * 1000 for r in runs],
           note="the list asked for only once the book is open; as soon as Today shows: the line below. "
           + ("deferred modules never loaded at start-up: reportlab, pypinyin, alembic, icalendar"
              if not runs[0]["modules"] else f"loaded at start-up: {runs[0]['modules']}"))
    todays = [probe("today", directory) for _ in range(max(5, REPEAT))]
    record("start-up warm: Today painted as soon as it shows", size, [r["today_s"] * 1000 for r in todays],
           target=700, note="from the glance at the book while the store opens" if all(r["today_glanced"] for r in todays)
           else f"from the book in {sum(not r['today_glanced'] for r in todays)} of {len(todays)} runs")
    record("start-up warm: Today, then the client list asked for at once, its first page painted", size,
           [r["clients_s"] * 1000 for r in todays], target=700,
           note="the list from the glance" if all(r["clients_glanced"] for r in todays)
           else f"the list from the book in {sum(not r['clients_glanced'] for r in todays)} of {len(todays)} runs")
    record("start-up warm: Today, then that list live on the open store", size, [r["live_s"] * 1000 for r in todays])
    glances = [probe("glance", directory) for _ in range(max(5, REPEAT))]
    record("start-up warm: client list asked for at once, its first page painted (the glance)", size,
           [r["glance_s"] * 1000 for r in glances], target=700,
           note="from the glance at the book while the store opens" if all(r["glanced"] for r in glances)
           else "the store was open first: the page came from it")
    record("start-up warm: the list at once, then live on the open store", size,
           [r["live_s"] * 1000 for r in glances])
    record("start-up CPU: to main window shown", size, [r["window_cpu_s"] * 1000 for r in runs])
    record("start-up CPU: to Today painted", size, [r["ready_cpu_s"] * 1000 for r in runs])
    record("start-up CPU: to client list painted", size, [r["clients_cpu_s"] * 1000 for r in runs])
    floors = [probe("floor", directory) for _ in range(max(5, REPEAT))]
    record("machine floor: Python + Qt, an empty window painted", "-", [f["window_s"] * 1000 for f in floors],
           note="no rmdesk code: what the start-up figures above include before rmdesk's own work")
    record("machine floor: + SQLAlchemy ORM imported", "-", [f["sqlalchemy_s"] * 1000 for f in floors],
           note="the store needs it before it reads a row (CPU: "
                f"{statistics.median(f['sqlalchemy_cpu_s'] for f in floors) * 1000:.0f} ms)")
    if WITH_COLD:
        try:
            # as the RM who left on Today sees it: Today as soon as it shows, the list asked for at once
            cold = [probe("today", directory, cold=True) for _ in range(3)]
        except OSError as exc:
            print(f"  cold start skipped: cannot drop the page cache ({exc})")
        else:
            record("start-up cold (page cache dropped): window", size, [r["window_s"] * 1000 for r in cold],
                   target=1200)
            record("start-up cold (page cache dropped): + Today as soon as it shows", size,
                   [r["today_s"] * 1000 for r in cold])
            record("start-up cold (page cache dropped): + client list asked for at once", size,
                   [r["clients_s"] * 1000 for r in cold], target=1200,
                   note="both from the glance" if all(r["today_glanced"] and r["clients_glanced"] for r in cold)
                   else "from the book in some runs")
            record("start-up cold (page cache dropped): + that list live on the open store", size,
                   [r["live_s"] * 1000 for r in cold])
    mem = [probe("memory", directory) for _ in range(3)]
    record("client list: first paint (page built + shown)", size, [m["first_paint_ms"] for m in mem], target=150)
    record("client list: memory delta on open", size, [m["delta_mb"] for m in mem], unit="MB", target=30)
    record("RSS steady state, list open and scrolled end to end", size, [m["rss_steady_mb"] for m in mem], unit="MB",
           target=150)


def import_rows(source: Path, size: str) -> None:
    """Bulk load of 100k client rows: pinyin over the cores + Core/DBAPI insert + search index.
    (No importer in this branch: this is the reusable path an importer calls.)"""
    from sqlalchemy import select

    from rmdesk.services.bulk import bulk_insert
    from rmdesk.services.pinyin import _word_keys, search_keys_many
    from rmdesk.store import search_index
    from rmdesk.store.models import Client

    src = Store.open(source)
    with src.read() as s:
        rows = [dict(r._mapping) for r in s.execute(select(Client.__table__))]
    src.close()
    names = [r["name"] for r in rows]

    def load(processes: int | None) -> Callable[[], None]:
        def run() -> None:
            _word_keys.cache_clear()
            with tempfile.TemporaryDirectory() as tmp:
                store = Store.open(Path(tmp))
                keys = search_keys_many(names, processes=processes)
                for row, (initials, full) in zip(rows, keys, strict=True):
                    row["pinyin_initials"], row["pinyin_full"] = initials, full
                with store.write() as s, search_index.bulk_load(s.connection(), rows=len(rows)):
                    bulk_insert(s, Client, rows)
                store.close()
        return run

    record(f"import {len(rows)} client rows (pinyin: cores if it pays; insert; index)", size,
           timings(load(None), repeat=3, warm=0), target=10_000)
    record(f"import {len(rows)} client rows, pinyin in one process", size, timings(load(1), repeat=3, warm=0))
    start = time.perf_counter()
    _word_keys.cache_clear()
    search_keys_many(names, processes=1)
    one = time.perf_counter() - start
    _word_keys.cache_clear()
    start = time.perf_counter()
    search_keys_many(names, processes=2)
    two = time.perf_counter() - start
    record("pinyin keys for 100k names: 1 process", size, [one * 1000])
    record("pinyin keys for 100k names: 2 processes", size, [two * 1000])


def other_issues() -> None:
    """Call plans (issue 4), data safety (issue 5) and keeping clients (issue 7)."""
    from bench import callplans, data_safety
    from rmdesk.services import cadence, maintenance, targets, tiering

    d10k = built("clients-10000", 10_000)
    store = Store.open(d10k)
    try:
        keeping = {
            "maintenance due list, 14 days (cadence, working days)": lambda: cadence.due_within(store, 14),
            "tier recompute (no changes)": lambda: tiering.recompute(store),
            "tier overview and 80/20 curve": lambda: tiering.overview(store),
            "targets report": lambda: targets.report(store, "2026"),
            "weekly activity (8 weeks)": lambda: targets.weekly_activity(store, 8),
            "personal-care reminders (7 days)": lambda: maintenance.care_reminders(store, 7),
        }
        for figure, fn in keeping.items():
            record(figure, "10k", timings(fn))
    finally:
        store.close(backup=False)
    for row in data_safety.measure(10_000, d10k):
        record(row["figure"], "10k", [row["median_ms"]], note="one run")
    for row in callplans.figures(DATA, lambda fn, repeat: statistics.median(timings(fn, repeat, warm=0))):
        week = "print a" in row["figure"]
        record(row["figure"].replace(", target 5000", ""), "1k", [row["median_ms"]], target=5000 if week else None,
               note=f"median of 3; {row['pages']} pages" if "pages" in row else "median of 3")


STARTED = {"load": ""}


def save() -> None:
    results = {"machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(),
                           "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                           "load_at_start": STARTED["load"], "load_now": load_note()},
               "repeat": REPEAT, "figures": RESULTS}
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


def load_note() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def table() -> str:
    lines = [f"{'figure':<64} {'data':>6} {'stat':>6} {'value':>10} {'unit':<4} {'raw':>8} {'ratio':>6}  target"]
    for r in RESULTS:
        raw = "" if r["raw_sqlite_ms"] is None else f"{r['raw_sqlite_ms']:.2f}"
        ratio = "" if r["ratio_to_raw"] is None else f"{r['ratio_to_raw']:.1f}x"
        target = "" if r["target"] is None else f"≤{r['target']:g} {'met' if r['met'] else 'MISSED'}"
        lines.append(f"{r['figure'][:64]:<64} {r['data']:>6} {r['stat']:>6} {r['value']:>10} {r['unit']:<4} "
                     f"{raw:>8} {ratio:>6}  {target}")
    return "\n".join(lines)


def main() -> None:
    clock.pin(None)
    started = STARTED["load"] = load_note()
    print(f"rmdesk bench — {started}; median of {REPEAT} runs unless noted", flush=True)
    d100 = built("clients-100000", 100_000)
    d5k = built("board-5750", 5_750)
    print("data paths, 100k:", flush=True)
    data_paths(d100, "100k", big=False)
    saves(d100, "100k")
    print("team database (PostgreSQL), 100k; raw = the same SQL through psycopg:", flush=True)
    from bench import pg_search

    pg_search.figures(record, timings, search_terms)
    pg_search.table([r for r in RESULTS if "[PostgreSQL" in r["figure"] or "[SQLite]" in r["figure"]])
    print("pipeline board:", flush=True)
    board(d5k, "5.75k")
    board(d100, "100k")
    print("client list GUI, 100k:", flush=True)
    gui_list(d100, "100k", big=False)
    print("start-up and memory (fresh processes), 100k:", flush=True)
    gui_process(d100, "100k")
    print("import:", flush=True)
    import_rows(d100, "100k")
    print("call plans, data safety, keeping clients:", flush=True)
    other_issues()
    print("insight and work reports (issue 18):", flush=True)
    from bench import reports

    reports.measure(built("clients-10000", 10_000), 10_000, record, timings)
    reports.measure(d100, 100_000, record, timings)
    print("insight reports as files (issue 18), 10k:", flush=True)
    from bench import insight_files

    insight_files.measure(built("clients-10000", 10_000), 10_000, record, lambda fn: timings(fn, min(REPEAT, 3)))
    print("read-only command, whole process (issue 14):", flush=True)
    from bench import cli_listing

    for row in cli_listing.figures(d100, built("clients-1000", 1_000), REPEAT):
        record(row["figure"], row["data"], row["values"], target=None,
               note="" if row["ratio"] is None else f"ratio {row['ratio']:.2f}, target 1.2")
    print("import memory at its worst under the caps (issue 14), fresh processes:", flush=True)
    from bench import import_memory

    for row in import_memory.figures():
        record(row["figure"], "file", row["rss_mb"], unit="MB", target=500, note=row["outcome"])
    if WITH_1M:
        d1m = scaled_1m(d100)
        print("data paths, 1M:", flush=True)
        data_paths(d1m, "1M", big=True)
        gui_list(d1m, "1M", big=True)
    save()
    text = table()
    (HERE / "results.txt").write_text(text + "\n", encoding="utf-8")
    print()
    print(text)
    print(f"\n{started} at start; {load_note()} at end. Written: bench/results.json, bench/results.txt")


if __name__ == "__main__":
    main()
