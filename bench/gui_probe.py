"""Run in a fresh process by bench/__main__.py: start-up and memory of the real GUI.

    python bench/gui_probe.py startup DATA_DIR T0     (T0: time.time() when the parent spawned us)
    python bench/gui_probe.py glance DATA_DIR T0      (the client list asked for as soon as the window shows)
    python bench/gui_probe.py today DATA_DIR T0       (Today as soon as it shows, then the client list at once)
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


class Marks(dict):
    """Wall and CPU times of a probe's marks (time.time(), this process's CPU time)."""

    def mark(self, name: str) -> None:
        self[name] = time.time()
        self[name + "_cpu"] = time.process_time()


def _run_rmdesk(data_dir: str, probe_loop) -> None:
    """`rmdesk --data-dir DIR --lang zh_CN` from its entry point, `probe_loop(app, window)` in
    place of the event loop once the window is shown (run() calls QApplication.exec then),
    with the window painted first; the window starts on Today (the page a quit leaves is the
    next start's)."""
    from PySide6.QtWidgets import QApplication

    def shown(app: QApplication) -> int:
        app.processEvents()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "show_page") and w.isVisible())
        window.repaint()
        return probe_loop(app, window)

    from pathlib import Path

    from rmdesk.gui.app import gui_settings
    from rmdesk.gui.main_window import MainWindow

    settings = gui_settings(Path(data_dir))  # left on Today at the last quit: where every probe starts
    settings.setValue(MainWindow.LAST_PAGE, MainWindow.TODAY)
    settings.sync()
    del settings
    QApplication.exec = shown
    from rmdesk.__main__ import main

    sys.argv = ["rmdesk", "--data-dir", data_dir, "--lang", "zh_CN"]
    assert main() == 0


def _until_open(window) -> None:
    """Events run (the window keeps painting) until the store, opened on the thread pool, is
    attached to `window`."""
    _until(lambda: window.store is not None)


def _until(done) -> None:
    """Events run (the window keeps painting) until `done()`."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    waiting = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: done() and waiting.quit())
    poll.start(1)
    waiting.exec()
    poll.stop()


def startup(data_dir: str, t0: float) -> dict:
    """The real `rmdesk --data-dir DIR --lang zh_CN`, from its entry point (argument parsing,
    the single-instance claim, the window in its "opening your book" state, the store opened
    on the thread pool, Today built on it): the event loop is replaced by a probe that paints
    the window, waits for the book to open, paints Today, then the client list, and quits.
    Wall times from T0 (the parent's spawn) and CPU times of this process at each mark."""
    marks = Marks()

    def probe_loop(app, window) -> int:
        marks.mark("window")
        marks["sqlalchemy_at_window"] = "sqlalchemy" in sys.modules
        _until_open(window)
        window.repaint()
        marks.mark("ready")
        window.show_page(2)
        app.processEvents()
        window.clients.table.viewport().repaint()
        marks.mark("clients")
        model = window.clients.model
        assert model.rowCount() > 0 and model.index(0, 0).data()
        marks["rows"] = model.rowCount()
        marks["modules"] = sorted(m for m in ("reportlab", "pypinyin", "alembic", "icalendar") if m in sys.modules)
        return 0

    _run_rmdesk(data_dir, probe_loop)
    return {"window_s": marks["window"] - t0, "ready_s": marks["ready"] - t0, "clients_s": marks["clients"] - t0,
            "window_cpu_s": marks["window_cpu"], "ready_cpu_s": marks["ready_cpu"],
            "clients_cpu_s": marks["clients_cpu"], "sqlalchemy_at_window": marks["sqlalchemy_at_window"],
            "rows": marks["rows"], "modules": marks["modules"]}


def glance(data_dir: str, t0: float) -> dict:
    """The real start as in startup(), but the user goes to the client list as soon as the
    window shows: its first page from the start's glance at the book (rmdesk.services.glance)
    while the store opens, then the same list live on the open store."""
    marks = Marks()

    def probe_loop(_app, window) -> int:
        marks.mark("window")
        window.show_page(2)
        page = window.clients  # the glance's page (built on the book when the store won the race)
        page.table.viewport().repaint()
        marks.mark("glance")
        marks["glanced"] = not page.model.is_live()
        assert page.model.rowCount() > 0 and page.model.index(0, 0).data()
        first = page.model.index(0, 0).data()
        _until_open(window)
        page.table.viewport().repaint()
        marks.mark("live")
        assert page.model.is_live() and page.model.index(0, 0).data() == first
        return 0

    _run_rmdesk(data_dir, probe_loop)
    return {"window_s": marks["window"] - t0, "glance_s": marks["glance"] - t0, "live_s": marks["live"] - t0,
            "glance_cpu_s": marks["glance_cpu"], "glanced": marks["glanced"]}


def today(data_dir: str, t0: float) -> dict:
    """The real start as in startup(), watched as the RM who left on Today sees it: Today as
    soon as it is on screen (from the start's glance at the book while the store opens, or
    from the book when the store won the race), the client list asked for at once after it,
    then that list live on the open store."""
    marks = Marks()

    def probe_loop(_app, window) -> int:
        marks.mark("window")
        _until(lambda: window.stack.currentWidget() is window._pages.get(0))  # Today, built at the start
        page = window.today
        page.repaint()
        marks.mark("today")
        marks["today_glanced"] = page.store is None
        assert page.tasks.table.rowCount() > 0
        window.show_page(2)
        clients = window.clients
        clients.table.viewport().repaint()
        marks.mark("clients")
        marks["clients_glanced"] = not clients.model.is_live()
        assert clients.model.rowCount() > 0 and clients.model.index(0, 0).data()
        _until_open(window)
        clients.table.viewport().repaint()
        marks.mark("live")
        return 0

    _run_rmdesk(data_dir, probe_loop)
    return {"window_s": marks["window"] - t0, "today_s": marks["today"] - t0, "clients_s": marks["clients"] - t0,
            "live_s": marks["live"] - t0, "today_glanced": marks["today_glanced"],
            "clients_glanced": marks["clients_glanced"]}


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

    import rmdesk.services.clients  # noqa: F401 - loaded with Today in the app, before the list is shown
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
    elif mode == "glance":
        result = glance(directory, float(sys.argv[3]))
    elif mode == "today":
        result = today(directory, float(sys.argv[3]))
    else:
        result = startup(directory, float(sys.argv[3])) if mode == "startup" else memory(directory)
    print(json.dumps(result))
