"""Printing a week of call plans: 100 planned visits (Mon–Fri, 20 a day) over a 1,000-client
demo book, gathered by the plan service and rendered to one PDF with a cover agenda.
Target (issue 4): under 5 s on the 2-core machine."""

from __future__ import annotations

import io
import random
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from rmdesk import clock
from rmdesk.formats.callplan_pdf import render_plans
from rmdesk.services import clients, demo, visits
from rmdesk.services.callplan import plans_between
from rmdesk.store.engine import Store

WEEK = date(2026, 11, 23)  # a Monday
VISITS = 100


def build(directory: Path) -> Store:
    """A demo book whose week of WEEK holds exactly VISITS planned visits (built once)."""
    store = Store.open(directory)
    if len(visits.visits_between(store, WEEK, 7)) != VISITS:
        clock.pin(datetime(2026, 11, 20, 9, 0))  # the demo plans its visits after "today"
        demo.generate(store, 1000, seed=4, force=True)
        for row in visits.visits_between(store, WEEK, 7):  # the demo's own visits make way
            if row.status == "planned":
                visits.cancel_visit(store, row.id, "bench")
        rng = random.Random(4)
        ids = [c.id for c in clients.list_clients(store, limit=1000)]
        for n in range(VISITS):
            day, slot = divmod(n, 20)
            at = datetime.combine(WEEK + timedelta(days=day), datetime.min.time()) + timedelta(
                hours=8 + slot // 2, minutes=30 * (slot % 2))
            visits.plan_visit(store, rng.choice(ids), {"planned_at": at, "place": "客户办公室"})
        clock.pin(None)
    return store


def figures(data_root: Path, median_ms) -> list[dict]:
    store = build(data_root / "callplans-week")
    try:
        planned = [v for v in visits.visits_between(store, WEEK, 7) if v.status == "planned"]
        gather = lambda: plans_between(store, WEEK, 7, "zh_CN")  # noqa: E731
        plans = gather()
        pages: list[int] = []

        def render() -> None:
            pages.append(render_plans(plans, io.BytesIO(), "zh_CN", cover_agenda=True))

        def whole() -> None:
            render_plans(plans_between(store, WEEK, 7, "zh_CN"), io.BytesIO(), "zh_CN", cover_agenda=True)

        out = [
            {"figure": f"call plans: gather {len(planned)} visits' plan data", "median_ms": median_ms(gather, 3)},
            {"figure": f"call plans: render {len(plans)} plans to PDF", "median_ms": median_ms(render, 3)},
            {"figure": f"call plans: print a {len(planned)}-visit week (gather + render), target 5000",
             "median_ms": median_ms(whole, 3)},
        ]
        out[1]["pages"] = pages[-1]
        return out
    finally:
        store.close()


if __name__ == "__main__":
    from bench.__main__ import HERE, median_ms

    start = time.perf_counter()
    for row in figures(HERE / "data", median_ms):
        print(row)
    print(f"total {time.perf_counter() - start:.1f} s")
