"""Issue 18 items 5-6: the insight reports as files on a demo book — every report's PDF (in
memory, as the print preview builds it, in Chinese) and the workbook, from figures computed
once (what the Reports page hands over). No target: the GUI builds both off its thread
behind run_job's progress dialog. `make bench` runs it on the 10k book (3 runs); alone:
`python -m bench.insight_files [10000]`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rmdesk.services import insight_reports, insights
from rmdesk.store.engine import Store


def measure(directory: Path, size: int, record, timings) -> None:
    label = f"{size // 1000}k"
    store = Store.open(directory)
    try:
        period = insights.default_period()
        reports = insight_reports.compute(store, insight_reports.REPORTS, period)
        pages = insight_reports.pdf_bytes(store, reports, period, "zh_CN")[1]
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "insights.xlsx"
            record(f"insight reports: PDF, all six ({pages} pages, zh_CN)", label,
                   timings(lambda: insight_reports.pdf_bytes(store, reports, period, "zh_CN")))
            record("insight reports: XLSX, all six (zh_CN)", label,
                   timings(lambda: insight_reports.export(store, reports, period, target, "zh_CN")))
    finally:
        store.close(backup=False)


if __name__ == "__main__":
    import os

    from bench.__main__ import built, load_note, record, table, timings

    repeat = int(os.environ.get("RMDESK_BENCH_REPEAT", "3"))
    print(f"insight files bench — {load_note()}; median of {repeat} runs", flush=True)
    for n in [int(a) for a in sys.argv[1:]] or [10_000]:
        measure(built(f"clients-{n}", n), n, record, lambda fn: timings(fn, repeat))
    print(f"after: {load_note()}", flush=True)
    print(table())
