"""`make bench`: timings of the data paths as medians over repeated runs.

Writes bench/results.json and prints a table. Data sets are built with the demo
generator into bench/data/ (kept between runs; delete it to rebuild)."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path

from bench import callplans, data_safety
from rmdesk.services import cadence, clients, demo, maintenance, pipeline, targets, tiering
from rmdesk.services.clients import ClientQuery
from rmdesk.store.engine import Store

HERE = Path(__file__).resolve().parent
SIZES = [int(n) for n in os.environ.get("RMDESK_BENCH_SIZES", "10000").split(",")]
REPEAT = 7


def median_ms(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def build(size: int) -> Store:
    directory = HERE / "data" / f"clients-{size}"
    store = Store.open(directory)
    if clients.count_clients(store) != size:
        start = time.perf_counter()
        demo.generate(store, size, seed=1, force=True)
        print(f"built {size} clients in {time.perf_counter() - start:.1f} s")
    return store


def figures_for(store: Store) -> dict:
    return {
        "first page of clients (200 rows)": lambda: clients.list_clients(store, limit=200),
        "count clients": lambda: clients.count_clients(store),
        "sort by step, first page": lambda: clients.list_clients(store, sort="step", descending=True, limit=200),
        "search 'hn' (pinyin initials)": lambda: clients.list_clients(store, ClientQuery(search="hn"), limit=200),
        "search '电力' (name)": lambda: clients.list_clients(store, ClientQuery(search="电力"), limit=200),
        "pipeline board": lambda: pipeline.board(store),
        "maintenance due list (cadence, working days)": lambda: cadence.due_within(store, 14),
        "tier recompute (no changes)": lambda: tiering.recompute(store),
        "tier overview and 80/20 curve": lambda: tiering.overview(store),
        "targets report": lambda: targets.report(store, "2026"),
        "weekly activity (8 weeks)": lambda: targets.weekly_activity(store, 8),
        "personal-care reminders (7 days)": lambda: maintenance.care_reminders(store, 7),
    }


def main() -> None:
    results = {"machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(),
                           "python": platform.python_version()}, "figures": []}
    for size in SIZES:
        store = build(size)
        for name, fn in figures_for(store).items():
            results["figures"].append({"clients": size, "figure": name, "median_ms": median_ms(fn)})
        store.close()
        results["figures"].extend(data_safety.measure(size, HERE / "data" / f"clients-{size}"))
    results["figures"] += [{"clients": 1000, **row} for row in callplans.figures(HERE / "data", median_ms)]
    (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'clients':>8}  {'median ms':>10}  figure")
    for row in results["figures"]:
        print(f"{row['clients']:>8}  {row['median_ms']:>10}  {row['figure']}")


if __name__ == "__main__":
    main()
