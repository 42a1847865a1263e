"""Issue 18: every insight report and work report on a 10k and a 100k-client demo book
(targets: ≤ 300 ms at 10k, ≤ 2 s at 100k), the default period (twelve months up to today):
wall time median and p95, CPU time beside it, and the load average (the machine is shared).
Run alone: `python -m bench.reports [10000 100000]`, on PostgreSQL `python -m bench.reports
--pg 10000` (a throwaway cluster, the book built in it first); `make bench` runs the SQLite part."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from rmdesk.services import insights, workreports
from rmdesk.store.engine import Store

TARGETS = {10_000: 300.0, 100_000: 2000.0}


def p95(values: list[float]) -> float:  # as bench/__main__.py's (not imported: `python -m bench` runs that file)
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def cases(store: Store) -> dict:
    period = insights.default_period()
    week = workreports.period_key("weekly")
    month = workreports.period_key("monthly")
    day = workreports.period_key("daily")
    return {
        "report: funnel and velocity": lambda: insights.funnel(store, period),
        "report: channel and referral yield": lambda: insights.channels(store, period),
        "report: what wins objections": lambda: insights.objections(store, period),
        "report: forecast by closing month": lambda: insights.forecast(store),
        "report: activity per week": lambda: insights.activity(store, period),
        "report: coverage per tier": lambda: insights.coverage(store, period),
        "report: all insights (the Reports page)": lambda: insights.all_reports(store, period),
        "report: daily log (generated part)": lambda: workreports.generate(store, "daily", day, "zh_CN"),
        "report: weekly summary (generated part)": lambda: workreports.generate(store, "weekly", week, "zh_CN"),
        "report: monthly report (generated part)": lambda: workreports.generate(store, "monthly", month, "zh_CN"),
    }


def timed(fn, timings) -> tuple[list[float], list[float], str]:
    """`fn` run by `timings`: its wall times, the CPU times of the same (timed, not warm-up)
    runs, both in ms, and the load average then."""
    cpu: list[float] = []

    def run() -> None:
        start = time.process_time()
        fn()
        cpu.append((time.process_time() - start) * 1000)

    wall = timings(run)
    return wall, cpu[len(cpu) - len(wall):], "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def measure(directory: Path, size: int, record, timings) -> None:
    """Each report: wall time (median and p95, against the target) and CPU time (median;
    SQLite runs in this process, so CPU is the fairer figure on a shared machine), with the
    load average at the time in the note. `timings(fn)` gives the wall times in ms."""
    label = f"{size // 1000}k"
    store = Store.open(directory)
    try:
        for figure, fn in cases(store).items():
            wall, cpu, load = timed(fn, timings)
            note = f"cpu median {statistics.median(cpu):.0f} ms p95 {p95(cpu):.0f} ms; {load}"
            row = record(figure, label, wall, target=TARGETS.get(size), note=note)
            record(figure + " (CPU)", label, cpu, unit="ms", note=load)
            print(f"  {'':<58} {label:>6}    p95 {row['p95']:>10} ms; {note}", flush=True)
    finally:
        store.close(backup=False)


def measure_pg(size: int, record, timings) -> None:
    """The same reports on PostgreSQL: a throwaway cluster (scripts/pg-test-cluster.sh, fsync
    off) with a demo book of `size` clients built in-process, stopped and deleted at the end."""
    import socket
    import subprocess
    import tempfile

    from sqlalchemy import URL

    from rmdesk.services import demo

    script = Path(__file__).resolve().parent.parent / "scripts" / "pg-test-cluster.sh"
    directory = Path(tempfile.mkdtemp(prefix="rmdesk-bench-pg-"))  # empty: the script hands it to postgres
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = subprocess.run(["bash", str(script), "start", str(directory), str(port)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"PostgreSQL: skipped — the cluster did not start: {done.stderr.strip()[:200]}", flush=True)
        return
    try:
        password = (directory / "admin-password").read_text().strip()
        admin = URL.create("postgresql+psycopg", username="rmdesk_admin", password=password, host="127.0.0.1",
                           port=port, database="postgres")
        from sqlalchemy import create_engine, text

        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("CREATE DATABASE book"))
        engine.dispose()
        store = Store.open(url=admin.set(database="book"))
        try:
            started = time.perf_counter()
            demo.generate(store, size, seed=1, force=True)
            print(f"built the PostgreSQL book ({size // 1000}k) in {time.perf_counter() - started:.0f} s", flush=True)
            with store.engine.connect() as conn:  # as autovacuum would soon: planner statistics of the new rows
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
            label = f"pg {size // 1000}k"
            for figure, fn in cases(store).items():
                wall, cpu, load = timed(fn, timings)
                row = record(figure + " (PostgreSQL)", label, wall, target=TARGETS.get(size),
                             note=f"client-side cpu median {statistics.median(cpu):.0f} ms; {load}")
                print(f"  {'':<58} {label:>6}    p95 {row['p95']:>10} ms; {row['note']}", flush=True)
        finally:
            store.close()
    finally:
        subprocess.run(["bash", str(script), "stop", str(directory)], capture_output=True)


if __name__ == "__main__":
    from bench.__main__ import built, load_note, record, table, timings

    repeat = int(os.environ.get("RMDESK_BENCH_REPEAT", "5"))
    print(f"reports bench — {load_note()}; median of {repeat} runs", flush=True)
    args = sys.argv[1:]
    pg = "--pg" in args
    for n in [int(a) for a in args if a != "--pg"] or [10_000]:
        if pg:
            measure_pg(n, record, lambda fn: timings(fn, repeat))
        else:
            measure(built(f"clients-{n}", n), n, record, lambda fn: timings(fn, repeat))
    print(f"after: {load_note()}", flush=True)
    print(table())
