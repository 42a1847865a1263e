"""Run in a fresh process by bench/__main__.py: start-up and memory of the real GUI.

    python bench/gui_probe.py startup DATA_DIR T0     (T0: time.time() when the parent spawned us)
    python bench/gui_probe.py memory DATA_DIR
    python bench/gui_probe.py floor DATA_DIR T0      (the machine's floor, no rmdesk code)

Prints one JSON line. Offscreen Qt (no display here); the window is built, shown and
painted exactly as `rmdesk` does it (start-up goes through the `rmdesk` entry point): first in
its "opening your book" state, then, once the store is open, with Today and the client list."""

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
    """The real `rmdesk --data-dir DIR --lang zh_CN`, from its entry point (argument parsing,
    the single-instance claim, the window in its "opening your book" state, the store opened
    on the thread pool, Today built on it): the event loop is replaced by a probe that paints
    the window, waits for the book to open, paints Today, then the client list, and quits.
    Wall times from T0 (the parent's spawn) and CPU times of this process at each mark."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    marks: dict[str, object] = {}

    def mark(name: str) -> None:
        marks[name] = time.time()
        marks[name + "_cpu"] = time.process_time()

    def probe_loop(app: QApplication) -> int:
        app.processEvents()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "show_page") and w.isVisible())
        window.repaint()
        mark("window")
        marks["sqlalchemy_at_window"] = "sqlalchemy" in sys.modules
        waiting = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: window.store is not None and waiting.quit())
        poll.start(2)
        waiting.exec()  # the store opens on the thread pool; the window keeps painting
        poll.stop()
        window.repaint()
        mark("ready")
        window.show_page(2)
        app.processEvents()
        window.clients.table.viewport().repaint()
        mark("clients")
        model = window.clients.model
        assert model.rowCount() > 0 and model.index(0, 0).data()
        marks["rows"] = model.rowCount()
        marks["modules"] = sorted(m for m in ("reportlab", "pypinyin", "alembic", "icalendar") if m in sys.modules)
        return 0

    QApplication.exec = probe_loop  # what run() calls once the window is shown
    from rmdesk.__main__ import main

    sys.argv = ["rmdesk", "--data-dir", data_dir, "--lang", "zh_CN"]
    assert main() == 0
    return {"window_s": marks["window"] - t0, "ready_s": marks["ready"] - t0, "clients_s": marks["clients"] - t0,
            "window_cpu_s": marks["window_cpu"], "ready_cpu_s": marks["ready_cpu"],
            "clients_cpu_s": marks["clients_cpu"], "sqlalchemy_at_window": marks["sqlalchemy_at_window"],
            "rows": marks["rows"], "modules": marks["modules"]}


def floor(t0: float) -> dict:
    """What any PySide6 + SQLAlchemy app pays on this machine before its own code runs: the
    interpreter, Qt and an empty main window painted, then SQLAlchemy's ORM imported (what
    rmdesk's store needs before it reads a row). The start-up figures less these are rmdesk's."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    window.repaint()
    window_s, window_cpu = time.time() - t0, time.process_time()
    import sqlalchemy.orm  # noqa: F401

    return {"window_s": window_s, "window_cpu_s": window_cpu, "sqlalchemy_s": time.time() - t0,
            "sqlalchemy_cpu_s": time.process_time()}


def memory(data_dir: str) -> dict:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from rmdesk.gui import app as gui_app
    from rmdesk.gui.pages.clients import ClientsPage
    from rmdesk.store.engine import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(Path(data_dir))
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
    if mode == "floor":
        result = floor(float(sys.argv[3]))
    else:
        result = startup(directory, float(sys.argv[3])) if mode == "startup" else memory(directory)
    print(json.dumps(result))
