"""Issue 18: every insight report and work report on a 10k and a 100k-client demo book
(targets: ≤ 300 ms at 10k, ≤ 2 s at 100k), the default period (twelve months up to today).
Run alone: `python -m bench.reports [10000 100000]`; `make bench` runs it too."""

from __future__ import annotations

import sys
from pathlib import Path

from rmdesk.services import insights, workreports
from rmdesk.store.engine import Store

TARGETS = {10_000: 300.0, 100_000: 2000.0}


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


def measure(directory: Path, size: int, record, timings) -> None:
    label = f"{size // 1000}k"
    store = Store.open(directory)
    try:
        for figure, fn in cases(store).items():
            record(figure, label, timings(fn), target=TARGETS.get(size))
    finally:
        store.close(backup=False)


if __name__ == "__main__":
    import os

    from bench.__main__ import built, load_note, record, table, timings

    repeat = int(os.environ.get("RMDESK_BENCH_REPEAT", "5"))
    print(f"reports bench — {load_note()}; median of {repeat} runs", flush=True)
    for n in [int(a) for a in sys.argv[1:]] or [10_000]:
        measure(built(f"clients-{n}", n), n, record, lambda fn: timings(fn, repeat))
    print(f"after: {load_note()}", flush=True)
    print(table())
