"""The team's changes showing up (issue 15 item 5): what the GUI's poll costs on a team database,
how soon a committed change is seen, and what the notify trigger adds to a write — next to the
"obvious" poll it replaces (count and newest change of the client table).

  RMDESK_BENCH_PG_URL=postgresql://user@host/db python -m bench.team_refresh

The database should hold a demo book (`rmdesk --db-url … demo --clients 100000`); without the
variable it is skipped. The poll is one round trip (SELECT 1 on the listening connection, the
notifications come with its answer), so its cost does not grow with the book.
"""

from __future__ import annotations

import os
import statistics
import time

REPEAT = int(os.environ.get("RMDESK_BENCH_REPEAT", "7"))


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def _ms(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def run(url_text: str) -> list[tuple[str, float, float]]:
    from rmdesk.store import server

    url = server.parse(url_text, password=server.password_from_environment())
    return [(name, statistics.median(samples), _p95(samples)) for name, samples in samples_on(url)]


def figures(url, record) -> None:
    """The section of `make bench` (bench.pg_search calls it on its cluster's 100k book)."""
    for name, samples in samples_on(url):
        record(name + " (PostgreSQL)", "100k", samples)


def samples_on(url) -> list[tuple[str, list[float]]]:
    from sqlalchemy import text

    from rmdesk.services import clients
    from rmdesk.store import changes
    from rmdesk.store.engine import Store

    store = Store.open(url=url)
    with store.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM clients")).scalar()
        target = conn.execute(text("SELECT min(id) FROM clients")).scalar()
    rows: list[tuple[str, list[float]]] = []
    listener = changes.Listener(store.engine.url)
    listener.poll()
    idle = _ms(listener.poll, 50 * REPEAT)
    rows.append((f"team refresh: poll, nothing changed ({count} clients)", idle))

    def naive() -> None:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT count(*), max(version) FROM clients")).one()
    naive_ms = _ms(naive, REPEAT)
    rows.append(("team refresh: naive poll, count(*) and max(version)", naive_ms))

    # from a commit to the poll that sees it (the GUI polls every 2 s: add up to 2 s to this)
    seen_ms = []
    for i in range(REPEAT):
        clients.update_client(store, target, {"district": f"bench {i}"})
        committed = time.perf_counter()
        while "clients" not in listener.poll():
            pass
        seen_ms.append((time.perf_counter() - committed) * 1000)
    rows.append(("team refresh: commit → seen by the next poll", seen_ms))

    def update() -> None:
        clients.update_client(store, target, {"district": "bench"})
    with_trigger = _ms(update, REPEAT)
    rows.append(("update_client, with the notify trigger", with_trigger))
    try:  # the same write without it (needs the table owner)
        with store.engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE clients DISABLE TRIGGER {changes.TRIGGER}"))
            conn.execute(text(f"ALTER TABLE step_changes DISABLE TRIGGER {changes.TRIGGER}"))
        without = _ms(update, REPEAT)
        rows.append(("update_client, notify trigger disabled", without))
    finally:
        with store.engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE clients ENABLE TRIGGER {changes.TRIGGER}"))
            conn.execute(text(f"ALTER TABLE step_changes ENABLE TRIGGER {changes.TRIGGER}"))
    listener.close()
    store.close()
    return rows


def main() -> None:
    url = os.environ.get("RMDESK_BENCH_PG_URL")
    if not url:
        print("bench.team_refresh: RMDESK_BENCH_PG_URL not set, skipped")
        return
    print(f"{'measure':<52} {'median ms':>10} {'p95 ms':>8}")
    for name, median, p95 in run(url):
        print(f"{name:<52} {median:10.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
