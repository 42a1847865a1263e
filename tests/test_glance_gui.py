"""The client list asked for while the book opens (issue 13): it shows the start's first glance
at the book (rmdesk.services.glance) read-only, and becomes the live list of the open store
in place; a client double-clicked meanwhile opens once the book is open. A team database or
a book that cannot be glanced at keeps the "opening your book" line."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time

import pytest
from PySide6.QtCore import Qt, QTimer

from rmdesk import clock
from rmdesk.gui import app as gui_app
from rmdesk.gui.main_window import MainWindow
from rmdesk.gui.widgets import CLIENT_ID_ROLE
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import glance
from rmdesk.store.engine import Store
from tests.conftest import NOW
from tests.gui_start import until_open


@pytest.fixture
def book(demo_template, tmp_path, qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the app's own
    monkeypatch.delenv("RMDESK_DB_URL", raising=False)
    folder = tmp_path / "数据 #1 ?%"
    shutil.copytree(demo_template, folder)
    return folder


def _desk(folder) -> gui_app.Desk:
    desk = gui_app.Desk(None, folder, "zh_CN")
    desk.window.glance_readers = gui_app.glance_readers(folder)
    desk.window.show()
    return desk


def test_the_list_shows_the_glance_then_the_open_book_in_place(book, qapp):
    expected = glance.first_page(book)
    desk = _desk(book)
    try:
        window = desk.window
        window.show_page(MainWindow.CLIENTS)
        page = window.clients
        assert window.stack.currentWidget() is page and not page.model.is_live()
        assert page.model.rowCount() == len(expected.rows) == 200
        assert [page.model.index(r, 0).data() for r in range(3)] == [row.name for row in expected.rows[:3]]
        assert all(w.isEnabled() for w in (page.search, page.step_filter, page.status_filter))
        assert not page.new_button.isEnabled()  # nothing to add to before the book is open
        assert page.count.text() == "200 个客户 · 正在打开您的客户库…"
        page.table.doubleClicked.emit(page.model.index(3, 0))
        assert page.opening_asked == expected.rows[3].id and window._client_windows == {}
        window.show_page(MainWindow.PIPELINE)  # elsewhere meanwhile: the opening line
        assert window.stack.currentWidget() is window.opening
        window.show_page(MainWindow.CLIENTS)
        assert window.stack.currentWidget() is page

        desk.attach(Store.open(book))
        qapp.processEvents()
        assert window.clients is page and page.model.is_live()
        assert window.stack.currentWidget() is page
        assert page.model.index(0, 0).data() == expected.rows[0].name
        assert page.new_button.isEnabled()
        assert page.count.text() == "200 个客户"
        assert list(window._client_windows) == [expected.rows[3].id]  # the double-click, honoured
        page.search.setText("钢铁")
        page.apply_filters()
        assert 0 < page.model.rowCount() < 200
    finally:
        desk.close()


def test_a_search_filter_and_order_chosen_in_the_glance_are_the_books_once_it_is_open(book, qapp):
    """Typed and chosen while the book opens: kept (the glance's rows stay, the line says the
    list follows in a moment), then answered by the whole book, as if chosen on it."""
    expected = glance.first_page(book)
    from rmdesk.services.clients import ClientQuery, first_page

    store = Store.open(book)
    try:
        total, _exact, rows = first_page(store, ClientQuery(step=2, search="有限"), sort="industry",
                                         descending=True, limit=200)
    finally:
        store.close()
    assert 0 < total < 200  # a real narrowing of the demo book
    desk = _desk(book)
    try:
        window = desk.window
        window.show_page(MainWindow.CLIENTS)
        page = window.clients
        page.search.setText("有限")
        page.step_filter.setCurrentIndex(page.step_filter.findData(2))
        page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        page.apply_filters()  # as the search's pause would
        assert not page.model.is_live()
        assert page.model.rowCount() == 200 and page.model.index(0, 0).data() == expected.rows[0].name
        assert page.count.text() == "正在打开您的客户库…稍后按您的选择显示客户"

        desk.attach(Store.open(book))
        qapp.processEvents()
        assert page.model.is_live() and page.search.text() == "有限"
        assert page.model.rowCount() == total
        assert [page.model.row(r).id for r in range(total)] == [row.id for row in rows]
        assert page.count.text() == f"{total} 个客户"
        header = page.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    finally:
        desk.close()


def test_an_order_chosen_in_the_glance_and_taken_back_leaves_its_count_line(book, qapp):
    desk = _desk(book)
    try:
        desk.window.show_page(MainWindow.CLIENTS)
        page = desk.window.clients
        page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        assert page.count.text() == "正在打开您的客户库…稍后按您的选择显示客户"
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        assert page.count.text() == "200 个客户 · 正在打开您的客户库…"
    finally:
        desk.close()


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_today_shows_the_glance_then_the_open_book_in_place(book, qapp, qtbot):
    """Today while the book opens: the day's visits and next steps due from the glance, the
    other sections loading; then the same page on the open book, and a client double-clicked
    meanwhile opened."""
    with clock.pinned(NOW):
        desk = _desk(book)
        try:
            window = desk.window
            window.start_on(MainWindow.TODAY)  # as the start does: the window is on Today already
            page = window.today
            assert window.stack.currentWidget() is page and page.store is None
            glanced_visits, glanced_tasks = _cells(page.visits.table), _cells(page.tasks.table)
            assert len(glanced_visits) > 0 and len(glanced_tasks) > 0
            assert page.title.text() == "今日，2026-11-23"
            assert not page.welcome.isVisibleTo(page)
            for section in (page.warnings, page.maintenance, page.birthdays, page.stale):
                assert section.empty.text() == "正在加载…" and not section.table.isVisibleTo(page)
            first_task = page.tasks.table.item(0, 1)
            page.tasks.table.itemDoubleClicked.emit(first_task)
            asked = first_task.data(CLIENT_ID_ROLE)
            assert page.opening_asked == asked and window._client_windows == {}
            assert page.title.text().endswith("正在打开您的客户库…稍后即打开该客户")

            desk.attach(Store.open(book))
            qapp.processEvents()
            assert window.today is page and page.store is desk.store
            assert window.stack.currentWidget() is page
            assert list(window._client_windows) == [asked]  # the double-click, honoured
            assert page.title.text() == "今日，2026-11-23"
            assert (_cells(page.visits.table), _cells(page.tasks.table)) == (glanced_visits, glanced_tasks)
            assert page.warnings.table.isVisibleTo(page)  # read from the book now
            qtbot.waitUntil(lambda: page.keeping_ready, timeout=10000)  # and the keeping sections
        finally:
            desk.close()


def test_a_book_that_cannot_be_glanced_at_keeps_the_opening_line(book, qapp):
    with sqlite3.connect(book / STORE_FILENAME) as con:  # as before an upgrade: the store migrates it first
        con.execute("UPDATE alembic_version SET version_num = '0033_pg_sort_owner'")
    desk = _desk(book)
    try:
        desk.window.show_page(MainWindow.CLIENTS)
        assert desk.window.stack.currentWidget() is desk.window.opening
        assert MainWindow.CLIENTS not in desk.window._pages
    finally:
        desk.close()


def test_a_team_database_at_start_is_not_glanced_at(book, qapp, monkeypatch):
    desk = gui_app.Desk(None, book, "zh_CN")
    try:
        start = gui_app.StartUp(desk, "postgresql://rm@127.0.0.1:1/book")
        start.abandon()  # never started: only its choice is looked at
        assert desk.window.glance_readers == {}
        monkeypatch.setenv("RMDESK_DB_URL", "postgresql://rm@127.0.0.1:1/book")
        assert gui_app.StartUp(desk, None).abandon() is None and desk.window.glance_readers == {}
        monkeypatch.delenv("RMDESK_DB_URL")
        local = gui_app.StartUp(desk, None)
        local.abandon()
        assert set(desk.window.glance_readers) == {MainWindow.TODAY, MainWindow.CLIENTS}
    finally:
        desk.close()


def test_the_real_start_shows_the_glance_while_the_store_loads(book, monkeypatch):
    """run() as a user starts it, SQLAlchemy's load slowed down: the list asked for at once is
    the glance, and the same page object becomes the live list."""
    real_load = gui_app._load_store_code

    def slow_load() -> None:  # on the thread pool
        time.sleep(1.0)
        real_load()

    monkeypatch.setattr(gui_app, "_load_store_code", slow_load)
    started = until_open(monkeypatch, when_open=lambda window: (window.clients, window.clients.model.is_live()))
    asked: dict = {}

    def ask() -> None:
        window = started.start.desk.window
        window.show_page(MainWindow.CLIENTS)
        asked["page"], asked["live"] = window.clients, window.clients.model.is_live()
        asked["rows"], asked["store"] = window.clients.model.rowCount(), window.store

    QTimer.singleShot(300, ask)
    assert gui_app.run(str(book), "zh_CN") == 0
    assert asked["store"] is None and not asked["live"] and asked["rows"] == 200
    page, live = started.seen
    assert page is asked["page"] and live


def test_the_real_start_on_today_shows_todays_glance_while_the_store_loads(book, monkeypatch):
    """run() as a user starts it, on Today (a first start), SQLAlchemy's load slowed down:
    right after the start began the window shows Today from the glance, and the same page is
    Today on the open book."""
    real_load = gui_app._load_store_code
    monkeypatch.setattr(gui_app, "_load_store_code", lambda: (time.sleep(1.0), real_load()))
    started = until_open(monkeypatch, when_open=lambda window: (window.today, window.today.store is not None,
                                                                window.stack.currentWidget() is window.today))
    seen: dict = {}

    def look() -> None:
        window = started.start.desk.window
        seen["page"], seen["store"] = window.stack.currentWidget(), window.store
        seen["tasks"] = window.today.tasks.table.rowCount() if seen["page"] is window._pages.get(0) else 0

    real_start = gui_app.StartUp.start

    def start_then_look(self) -> None:
        real_start(self)
        QTimer.singleShot(0, look)

    monkeypatch.setattr(gui_app.StartUp, "start", start_then_look)
    assert gui_app.run(str(book), "zh_CN") == 0
    assert seen["store"] is None and seen["tasks"] > 0
    page, live, shown = started.seen
    assert page is seen["page"] and live and shown


def test_the_page_left_at_quit_is_the_next_starts_and_the_list_comes_from_the_glance(book, monkeypatch):
    """Quit on the client list; the next start shows it again by itself, from the glance
    while the store loads; quit on the calendar, and the next start opens there."""
    real_load = gui_app._load_store_code

    def leave_on(page: int, answer):
        def when_open(window):
            seen = answer(window)
            window.show_page(page)  # what the quit that follows leaves
            return seen
        return when_open

    started = until_open(monkeypatch, when_open=leave_on(MainWindow.CLIENTS, lambda w: w.current_page()))
    assert gui_app.run(str(book), "zh_CN") == 0
    assert started.seen == MainWindow.TODAY  # a first start: Today

    monkeypatch.setattr(gui_app, "_load_store_code", lambda: (time.sleep(1.5), real_load()))
    started = until_open(monkeypatch, when_open=leave_on(MainWindow.CALENDAR, lambda w: (
        w.current_page(), w.clients.model.is_live())))
    seen: dict = {}

    def look() -> None:
        window = started.start.desk.window
        seen["page"], seen["store"] = window.current_page(), window.store
        seen["glance"] = window.stack.currentWidget() is window._pages.get(MainWindow.CLIENTS)
        seen["rows"] = window.clients.model.rowCount() if seen["glance"] else 0

    real_start = gui_app.StartUp.start

    def start_then_look(self) -> None:  # the start begins at the first paint (or 500 ms in)
        real_start(self)
        QTimer.singleShot(0, look)  # the store's load sleeps 1.5 s meanwhile

    monkeypatch.setattr(gui_app.StartUp, "start", start_then_look)
    assert gui_app.run(str(book), "zh_CN") == 0
    assert seen == {"page": MainWindow.CLIENTS, "store": None, "glance": True, "rows": 200}
    assert started.seen == (MainWindow.CLIENTS, True)
    monkeypatch.setattr(gui_app.StartUp, "start", real_start)

    started = until_open(monkeypatch, when_open=lambda window: (window.current_page(),
                                                                type(window.stack.currentWidget()).__name__))
    assert gui_app.run(str(book), "zh_CN") == 0
    assert started.seen == (MainWindow.CALENDAR, "CalendarPage")


def test_a_page_setting_that_is_not_a_page_starts_on_today(book, qapp):
    settings = gui_app.gui_settings(book)
    for value in ("99", "-1", "客户", ""):
        settings.setValue(MainWindow.LAST_PAGE, value)
        window = MainWindow(None, settings, "zh_CN", lambda _lang: None)
        assert window.last_page() == MainWindow.TODAY
        window.deleteLater()
