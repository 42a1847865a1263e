"""Search on a PostgreSQL team database: p95 of the client list's first page and its count, through
rmdesk's services, next to the same SQL run through psycopg directly (the floor).

  RMDESK_BENCH_PG_URL=postgresql://user@host/db python -m bench.pg_search

The database must hold a demo book (`rmdesk --db-url … demo --clients 100000`); without the
variable it is skipped. `make bench` runs it when RMDESK_BENCH_PG_URL is set.
"""

from __future__ import annotations

import os
import statistics
import time

TERMS = ["华", "王", "电力", "华能", "有限公司", "集团有限", "hndl", "huaneng", "911", "科技"]


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def run(url_text: str, repeat: int = 7) -> list[tuple[str, float, float, float]]:
    import psycopg
    from sqlalchemy import event

    from rmdesk.services.clients import ClientQuery, count_clients_capped, list_clients
    from rmdesk.store import server
    from rmdesk.store.engine import Store

    url = server.parse(url_text, password=server.password_from_environment())
    store = Store.open(url=url)
    captured: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    rows = []
    direct = psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                             dbname=url.database)
    for term in TERMS:
        q = ClientQuery(search=term)

        def page(q=q):  # what the list model does: the capped count, then the page knowing it
            total, _exact = count_clients_capped(store, q)
            list_clients(store, q, limit=200, total=total)
        page()  # warm
        ours = []
        for _ in range(repeat):
            started = time.perf_counter()
            page()
            ours.append((time.perf_counter() - started) * 1000)
        captured.clear()
        event.listen(store.engine, "before_cursor_execute", capture)
        page()
        event.remove(store.engine, "before_cursor_execute", capture)
        floor = []
        for _ in range(repeat):
            started = time.perf_counter()
            with direct.cursor() as cur:
                for statement, params in captured:
                    cur.execute(statement, params)
                    cur.fetchall()
            floor.append((time.perf_counter() - started) * 1000)
        rows.append((term, _p95(ours), statistics.median(ours), _p95(floor)))
    direct.close()
    store.close()
    return rows


def main() -> None:
    url = os.environ.get("RMDESK_BENCH_PG_URL")
    if not url:
        print("bench.pg_search: RMDESK_BENCH_PG_URL not set, skipped")
        return
    print(f"{'term':<10} {'p95 ms':>8} {'median':>8} {'psycopg p95':>12}")
    for term, p95, median, floor in run(url):
        print(f"{term:<10} {p95:8.1f} {median:8.1f} {floor:12.1f}")


if __name__ == "__main__":
    main()
