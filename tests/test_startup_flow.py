"""The start-up of issue 13: the main window is on screen first ("Opening your book…"), the
store is opened on the thread pool, and every question of the start is asked over the visible
window, in the order and with the outcomes of before: the store's password (asked again when
wrong; Cancel quits), the restore offer for a damaged store, the team database that cannot be
reached (Retry, the local book or Quit), and a quit while the book is still opening."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from rmdesk.gui import app as gui_app
from rmdesk.gui.main_window import MainWindow
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients
from rmdesk.store import backup, crypto
from rmdesk.store.engine import Store
from tests.conftest import TRICKY_PASSWORD
from tests.faults import damage_clients
from tests.gui_start import answer_boxes, click, until_open

FOLDER = "数据 #1"


@pytest.fixture
def folder(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the app's own
    monkeypatch.delenv("RMDESK_DB_URL", raising=False)
    return tmp_path / FOLDER


def opening_state(dialog) -> MainWindow:
    """The dialog is over the main window, which is on screen and still opening its book."""
    window = dialog.parentWidget()
    assert isinstance(window, MainWindow), window
    assert window.isVisible() and window.store is None and window.opening is not None
    assert window.stack.currentWidget() is window.opening
    assert window._store_actions and not any(a.isEnabled() for a in window._store_actions)  # New client… waits
    return window


def opened_state(window: MainWindow) -> dict:
    from rmdesk.gui.pages.today import TodayPage

    return {"page": type(window.stack.currentWidget()), "today": isinstance(window.today, TodayPage),
            "opening": window.opening, "status": window.data_folder.text(),
            "menus": all(a.isEnabled() for a in window._store_actions),
            "clients": clients.count_clients(window.store), "key": window.store.key}


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_an_encrypted_book_asks_its_password_over_the_visible_window(folder, monkeypatch):
    store = Store.open(folder, password="p@ss %:中")
    clients.create_client(store, {"name": "加密公司"})
    store.close()
    notes, answers = [], iter(["wrong", "p@ss %:中"])

    def answer(dialog):
        assert isinstance(dialog, QInputDialog)
        opening_state(dialog)
        notes.append(dialog.labelText())
        dialog.setTextValue(next(answers))
        dialog.accept()

    started = until_open(monkeypatch, opened_state)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en")
    answering.stop()
    assert code == 0
    from rmdesk.gui.pages.today import TodayPage

    assert len(notes) == 2 and "The password is wrong" in notes[1] and "wrong" not in notes[0]
    assert started.seen == {"page": TodayPage, "today": True, "opening": None, "menus": True,
                            "status": f"Data folder: {folder}", "clients": 1, "key": "p@ss %:中"}
    assert crypto.classify(folder / STORE_FILENAME) == "encrypted"


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_cancelling_the_password_quits_and_leaves_the_folder_as_it_was(folder, monkeypatch):
    Store.open(folder, password="secret-1").close()
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    def answer(dialog):
        opening_state(dialog)
        dialog.reject()

    started = until_open(monkeypatch)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en")
    answering.stop()
    assert code == 1
    assert started.window is None and not started.timed_out
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert {k: v for k, v in after.items() if k not in ("rmdesk.log", "gui.ini")} == \
        {k: v for k, v in before.items() if k != "rmdesk.log"}
    Store.open(folder, password="secret-1").close()  # not left locked


def damaged_book(folder: Path) -> None:
    store = Store.open(folder)
    for i in range(300):
        clients.create_client(store, {"name": f"公司{i}", "intel_notes": "情报" * 40})
    store.backup_now()
    store.close(backup=False)
    damage_clients(folder / STORE_FILENAME)


def test_a_damaged_book_is_offered_its_backup_over_the_visible_window(folder, monkeypatch):
    damaged_book(folder)
    seen = []

    def answer(dialog):
        assert isinstance(dialog, QMessageBox)
        opening_state(dialog)
        seen.append((dialog.text(), dialog.informativeText()))
        click(dialog, QMessageBox.ButtonRole.AcceptRole)  # Restore the backup

    started = until_open(monkeypatch, opened_state)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "zh_CN")
    answering.stop()
    assert code == 0
    assert len(seen) == 1 and "数据库文件已损坏" in seen[0][0] and "最近一次完好的备份" in seen[0][1]
    assert started.seen["clients"] == 300 and started.seen["today"] and started.seen["opening"] is None
    assert [p.name for p in folder.glob(f"{STORE_FILENAME}.corrupt-*")]  # the damaged file kept beside it


def test_declining_the_restore_quits_and_keeps_the_damaged_file(folder, monkeypatch):
    damaged_book(folder)
    damaged = (folder / STORE_FILENAME).read_bytes()

    def answer(dialog):
        opening_state(dialog)
        click(dialog, QMessageBox.ButtonRole.RejectRole)  # Quit

    started = until_open(monkeypatch)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en")
    answering.stop()
    assert code == 1
    assert started.window is None and (folder / STORE_FILENAME).read_bytes() == damaged
    assert len(backup.list_backups(folder)) == 1


UNREACHABLE = "postgresql://rm@127.0.0.1:1/team"  # nothing listens on port 1


def test_an_unreachable_team_database_offers_the_local_book(folder, monkeypatch):
    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)
    local = Store.open(folder)
    clients.create_client(local, {"name": "本地公司"})
    local.close()
    seen = []

    def answer(dialog):
        opening_state(dialog)
        seen.append(dialog.text())
        if len(seen) == 1:
            click(dialog, QMessageBox.ButtonRole.AcceptRole)  # Retry: the same answer again
        else:
            click(dialog, QMessageBox.ButtonRole.ActionRole)  # Open the local book

    started = until_open(monkeypatch, opened_state)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en", UNREACHABLE)
    answering.stop()
    assert code == 0
    assert len(seen) == 2 and all("The team database" in text and "127.0.0.1" in text for text in seen)
    assert "cannot be opened" in seen[0]
    assert started.seen["clients"] == 1 and started.seen["status"].startswith("Data folder:")


def test_quit_when_the_team_database_is_unreachable(folder, monkeypatch):
    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)

    def answer(dialog):
        opening_state(dialog)
        click(dialog, QMessageBox.ButtonRole.RejectRole)  # Quit

    started = until_open(monkeypatch)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en", UNREACHABLE)
    answering.stop()
    assert code == 1
    assert started.window is None and not (folder / STORE_FILENAME).exists()  # no local book made


def test_a_book_that_cannot_be_opened_says_why_over_the_window(folder, monkeypatch):
    """A store from a newer rmdesk: the message of before, over the window; then quit (1)."""
    store = Store.open(folder)
    with store.write() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    store.close()
    shown = []

    def answer(dialog):
        opening_state(dialog)
        shown.append(dialog.text())
        click(dialog, QMessageBox.ButtonRole.AcceptRole)

    until_open(monkeypatch)
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en")
    answering.stop()
    assert code == 1
    assert len(shown) == 1 and "newer" in shown[0].lower()


QUIT_WHILE_OPENING = """
import sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rmdesk.store import engine

real_open = engine.Store.open.__func__

def slow_open(cls, *args, **kwargs):
    if threading.current_thread() is not threading.main_thread():
        print("opening", flush=True)
        time.sleep(1.5)  # the quit comes while this runs
    store = real_open(cls, *args, **kwargs)
    print("opened", flush=True)
    return store

engine.Store.open = classmethod(slow_open)
real_exec = QApplication.exec

def exec_then_quit(app):
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "show_page") and w.isVisible())
    def close():
        print("closing", "opening" if window.store is None else "open", flush=True)
        window.close()  # the user closes the window: the app quits

    QTimer.singleShot(600, close)
    return real_exec()

QApplication.exec = exec_then_quit
from rmdesk.__main__ import main
sys.argv = ['rmdesk', '--data-dir', sys.argv[1], '--lang', 'zh_CN']
code = main()
print("quit", code, flush=True)
sys.exit(code)
"""


def test_quitting_while_the_book_is_still_opening_is_clean(tmp_path):
    data = tmp_path / FOLDER
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("RMDESK_DB_URL", None)
    subprocess.run([sys.executable, "-m", "rmdesk", "--data-dir", str(data), "demo", "--clients", "20"],
                   check=True, env=env, capture_output=True)
    before = sorted(p.name for p in data.iterdir())
    done = subprocess.run([sys.executable, "-c", QUIT_WHILE_OPENING, str(data)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # the window closed while the store was opening; the open finished, then the app quit
    assert done.stdout.split() == ["opening", "closing", "opening", "opened", "quit", "0"], done.stdout
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    log = (data / "rmdesk.log").read_text(encoding="utf-8")
    assert " ERROR " not in log, log
    after = sorted(p.name for p in data.iterdir())
    assert set(after) - set(before) <= {"gui.ini", "rmdesk.log", "rmdesk.verified"}, after
    assert not [p for p in data.rglob("*") if p.suffix in (".tmp", ".part") or p.name.startswith(".")]
    store = Store.open(data)  # unlocked, whole, its clients in it
    try:
        assert clients.count_clients(store) == 20
    finally:
        store.close()
    checked = subprocess.run([sys.executable, "-m", "rmdesk", "--data-dir", str(data), "check"], env=env,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_second_start_on_the_same_folder_raises_the_first_window(folder, monkeypatch):
    """The single-instance claim still comes first: a second launch opens nothing."""
    from rmdesk.gui.data import safety

    server = safety.claim_instance(folder)
    try:
        until_open(monkeypatch, timeout_ms=3000)
        assert gui_app.run(str(folder), "en") == 0
        assert not (folder / STORE_FILENAME).exists()
    finally:
        server.close()
    assert QApplication.instance() is not None


TRICKY = TRICKY_PASSWORD


def test_the_saved_team_database_asks_its_password_over_the_visible_window(folder, tricky_login, monkeypatch):
    from rmdesk.gui.data import team_db
    from rmdesk.store import server

    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)
    settings = gui_app.gui_settings(folder)
    settings.setValue(team_db.SETTING, server.without_password(tricky_login))
    settings.sync()
    assert gui_app.TEAM_SETTING == team_db.SETTING
    labels, answers = [], iter(["wrong", TRICKY])

    def answer(dialog):
        assert isinstance(dialog, QInputDialog)
        opening_state(dialog)
        labels.append(dialog.labelText())
        dialog.setTextValue(next(answers))
        dialog.accept()

    started = until_open(monkeypatch, lambda window: (window.store.is_sqlite, window.data_folder.text(),
                                                      type(window.stack.currentWidget()).__name__))
    answering = answer_boxes(answer)
    code = gui_app.run(str(folder), "en")
    answering.stop()
    assert code == 0
    assert len(labels) == 2 and "rm_tricky" in labels[0] and labels[0] != labels[1]  # the second says it was wrong
    is_sqlite, status, page = started.seen
    assert not is_sqlite and status.startswith("Team database:") and "rm_tricky" in status and page == "TodayPage"
    assert not (folder / STORE_FILENAME).exists()  # no local book was made


def test_todays_stored_dates_are_worked_out_while_the_book_opens(folder, monkeypatch):
    """The first start after the upgrade that added them works out every key person's next
    birthday and every kept client's next contact on the thread pool, not in the first Today."""
    from sqlalchemy import text

    from rmdesk.services import demo

    store = Store.open(folder)
    demo.generate(store, 40, seed=3)
    with store.write() as s:  # as the upgrade leaves them: none worked out yet
        s.execute(text("UPDATE contacts SET next_birthday = NULL"))
        s.execute(text("UPDATE clients SET next_due = NULL"))
    store.close()
    counts = []
    real = gui_app._prepare_today

    def prepare_and_count(opened):  # on the thread pool, before the window's pages read the book
        assert real(opened) is opened  # handed back to the flow (a quit meanwhile closes it)
        with opened.read() as s:
            counts.append((s.execute(text("SELECT count(*) FROM contacts WHERE birthday IS NOT NULL "
                                          "AND next_birthday IS NULL")).scalar(),
                           s.execute(text("SELECT count(*) FROM contacts WHERE next_birthday IS NOT NULL")).scalar()))
        return opened
    monkeypatch.setattr(gui_app, "_prepare_today", prepare_and_count)
    until_open(monkeypatch)
    assert gui_app.run(str(folder), "zh_CN") == 0
    [(missing, worked_out)] = counts
    assert missing == 0 and worked_out > 0


def test_a_quit_while_todays_dates_are_worked_out_hands_the_book_back_to_be_closed(folder, monkeypatch, qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    from rmdesk.gui.flow import Flow

    Store.open(folder).close()
    reached, go_on = threading.Event(), threading.Event()

    def slow(opened):  # the dates of a big book's first start after the upgrade
        reached.set()
        go_on.wait(30)
        return opened
    monkeypatch.setattr(gui_app, "_prepare_today", slow)
    window = QWidget()
    qtbot.addWidget(window)
    flow = Flow(gui_app.start_steps(window, folder, None, None)).start()
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    flow.abandon()  # the user quits now
    go_on.set()
    left = flow.leftover()
    assert isinstance(left, Store)  # what the quit closes (Desk.close / StartUp.abandon)
    left.close()
    Store.open(folder).close()  # closed cleanly: the folder opens again


@pytest.mark.parametrize("inside", ["", "新的/书"], ids=["the book's folder", "a folder to make in it"])
def test_a_read_only_data_folder_is_said_in_a_window_and_the_app_quits(folder, monkeypatch, demo_template, inside):
    # Before: the log file could not be made in the folder, and the app stopped with one line
    # on stderr: nothing at all for a user who started it from the desktop.
    import shutil

    from tests import faults

    shutil.copytree(demo_template, folder)
    for leftover in folder.glob(f"{STORE_FILENAME}-*"):
        leftover.unlink()
    before = faults.snapshot(folder)
    said = []

    def answer(dialog):
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        dialog.accept()

    answering = answer_boxes(answer)
    with faults.read_only(folder) as view:
        code = gui_app.run(str(view / inside), "zh_CN")
    answering.stop()
    assert code == 1
    assert len(said) == 1 and said[0].startswith("数据目录是只读的，无法写入：") and "Traceback" not in said[0], said
    assert faults.snapshot(folder) == before


def test_the_log_goes_to_stderr_where_the_data_folder_cannot_be_written(tmp_path, monkeypatch):
    import logging

    from tests import faults

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])  # as at a real start: logging not set up yet
    with faults.read_only(tmp_path) as view:
        gui_app._log_to(view)
    assert [type(h) for h in root.handlers] == [logging.StreamHandler]
    assert not (tmp_path / "rmdesk.log").exists()


def test_a_full_disk_is_said_as_one_when_the_app_opens_a_book_on_it(folder, monkeypatch, demo_template):
    # Today's first show writes the worked-out maintenance dates: on a full disk that raw
    # "database or disk is full" was shown as "something went wrong".
    import shutil
    import time

    from PySide6.QtCore import QEventLoop

    from tests import faults

    said = []

    def answer(dialog):
        said.append(dialog.text())
        dialog.accept()

    with faults.small_disk("8m") as disk:
        if disk is None:
            pytest.skip("a small tmpfs needs root (mount -t tmpfs)")
        book = disk / FOLDER
        shutil.copytree(demo_template, book)
        Store.open(book).close(backup=False)  # the log, the lock and a first open there, before the disk fills
        faults.fill(disk)

        def until_said(_window):  # Today's first show: its write fails on a thread, then is said
            deadline = time.monotonic() + 30
            while not said and time.monotonic() < deadline:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        started = until_open(monkeypatch, until_said)
        answering = answer_boxes(answer)
        gui_app.run(str(book), "zh_CN")
        answering.stop()
    assert started.window is not None
    assert said and all(text == "磁盘已满，操作未完成，数据未改变" for text in said), said


def test_the_gui_says_a_raw_full_disk_read_only_or_damaged_error_as_the_cli_does():
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from rmdesk.gui.errors import user_error

    def raw(text):
        return OperationalError("COMMIT", {}, sqlite3.OperationalError(text))

    assert user_error(raw("database or disk is full")).key == "store.disk_full"
    assert user_error(raw("attempt to write a readonly database")).key == "store.read_only"
    assert user_error(raw("database disk image is malformed")).key == "store.damaged_read"
    assert user_error(ValueError("a real bug")) is None
