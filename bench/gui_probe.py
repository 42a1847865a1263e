"""Run in a fresh process by bench/__main__.py: start-up and memory of the real GUI.

    python bench/gui_probe.py startup DATA_DIR T0     (T0: time.time() when the parent spawned us)
    python bench/gui_probe.py memory DATA_DIR

Prints one JSON line. Offscreen Qt (no display here); the window is built, shown and
painted exactly as `rmdesk` does it (rmdesk.gui.app.Desk)."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def startup(data_dir: str, t0: float) -> dict:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from rmdesk.gui import app as gui_app

    t_imported = time.time()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = gui_app.Store.open(Path(data_dir))
    desk = gui_app.Desk(store, Path(data_dir), "zh_CN")
    desk.window.show()
    app.processEvents()
    desk.window.repaint()
    t_window = time.time()
    # the client list with its first page, painted
    desk.window.show_page(2)
    app.processEvents()
    desk.window.clients.table.viewport().repaint()
    t_clients = time.time()
    model = desk.window.clients.model
    assert model.rowCount() > 0 and model.index(0, 0).data()
    out = {"imports_s": t_imported - t0, "window_s": t_window - t0, "clients_s": t_clients - t0,
           "rows": model.rowCount(), "modules": sorted(m for m in ("reportlab", "pypinyin", "alembic", "icalendar")
                                                       if m in sys.modules)}
    store.close()
    return out


def memory(data_dir: str) -> dict:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from rmdesk.gui import app as gui_app
    from rmdesk.gui.pages.clients import ClientsPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = gui_app.Store.open(Path(data_dir))
    gui_app.translation.install("zh_CN")
    from PySide6.QtWidgets import QMainWindow

    holder = QMainWindow()
    holder.resize(1366, 768)
    holder.show()
    app.processEvents()
    before = rss_mb()
    start = time.perf_counter()
    page = ClientsPage(store, lambda _id: None)
    holder.setCentralWidget(page)
    app.processEvents()
    page.table.viewport().repaint()
    first_paint_ms = (time.perf_counter() - start) * 1000
    after_open = rss_mb()
    # scroll through the book: top, middle, bottom, and back
    bar = page.table.verticalScrollBar()
    for value in (bar.maximum() // 4, bar.maximum() // 2, bar.maximum(), 0) * 3:
        bar.setValue(value)
        app.processEvents()
        page.table.viewport().repaint()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    steady = rss_mb()
    out = {"first_paint_ms": first_paint_ms, "rss_before_mb": before, "rss_open_mb": after_open,
           "delta_mb": after_open - before, "rss_steady_mb": steady, "rows": page.model.rowCount(),
           "cached_rows": page.model.cached_rows()}
    store.close()
    return out


if __name__ == "__main__":
    mode, directory = sys.argv[1], sys.argv[2]
    result = startup(directory, float(sys.argv[3])) if mode == "startup" else memory(directory)
    print(json.dumps(result))
