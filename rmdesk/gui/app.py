"""Starting the GUI: application, translations, main window, store.

The main window is on screen before SQLAlchemy is imported (issue 13): it shows "Opening your
book…" while the store is opened on the thread pool (gui/flow.py), and every question of the
start (the team database's password or the way back to the local book, the store's password,
the restore offer) is asked over it. The pages are built on the store once it is open."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rmdesk import paths
from rmdesk.errors import RmdeskError, StoreError
from rmdesk.gui import folders, translation
from rmdesk.gui.data import safety
from rmdesk.gui.data.privacy import DataActions, IdleLock, ask_password
from rmdesk.gui.errors import install_excepthook, show_error
from rmdesk.gui.flow import Flow
from rmdesk.gui.jobs import Job
from rmdesk.gui.main_window import MainWindow
from rmdesk.store import backup, crypto

if TYPE_CHECKING:  # imported on the thread pool at start, after the window's first paint
    from rmdesk.store.engine import Store

TEAM_SETTING = "team_database"  # = gui.data.team_db.SETTING (that module loads SQLAlchemy)

DEFAULT_IDLE_MINUTES = 15


def wait_for_jobs() -> None:
    """Background work (Today's keeping sections, checks, exports) finishes before its store
    is closed: a connection closed under a running query takes the process down."""
    QThreadPool.globalInstance().waitForDone()


APP_ID = "org.rmdesk.Rmdesk"  # the .desktop file's and the AppStream metainfo's name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for size in ICON_SIZES:  # loaded only when a size is drawn
        icon.addFile(str(folder / f"rmdesk-{size}.png"), QSize(size, size))
    return icon


def identify(app: QApplication) -> None:
    """Names and icon, before any QSettings exists: the desktop matches the window to
    rmdesk's .desktop file, and no Qt default ever names an 'Unknown Organization'."""
    app.setOrganizationName("rmdesk")
    app.setOrganizationDomain("rmdesk.org")
    app.setApplicationName("rmdesk")
    app.setApplicationDisplayName("rmdesk")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def gui_settings(data_dir: Path) -> QSettings:
    """Window geometry and language, kept beside the data so each data folder has its own."""
    return QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)


class Desk:
    """Owns the store and the main window; rebuilds the window when the language changes.
    Made with no store (the start), the window shows that the book is being opened until
    `attach(store)`."""

    def __init__(self, store: Store | None, data_dir: Path, lang: str | None = None) -> None:
        self.store = store
        self.data_dir = data_dir
        self.settings = gui_settings(data_dir)
        folders.bind(self.settings)  # file dialogs keep their folder in this gui.ini
        self.language = translation.choose_language(lang, self.settings.value("language", None, str))
        translation.install(self.language)
        self.actions: DataActions | None = None
        self.backups = self.idle_lock = self.verify_job = self.refresher = None
        self.opening: StartUp | None = None  # the start's flow while it opens the store
        self.window = MainWindow(None, self.settings, self.language, self.switch_language)
        self.window.show_page(0)
        if store is not None:
            self.attach(store)

    def attach(self, store: Store) -> None:
        """The store is open: every page works on it from now on; the backups, the idle lock,
        the skipped check and the team's changes start."""
        from rmdesk.gui import team_refresh
        from rmdesk.gui.data import team_db

        self.store = store
        self.actions = DataActions(self.restore_backup, self.change_password, self.idle_minutes,
                                   self.set_idle_minutes,
                                   team=team_db.TeamActions(self.open_team, self.open_local, self.saved_team_url))
        self.window.attach_store(store, self.actions)
        self.backups = safety.BackupScheduler(store)
        self.idle_lock = IdleLock(self.idle_minutes(), lambda: self.store.key,
                                  lambda: [w for w in QApplication.topLevelWidgets() if w.isWindow()])
        self.verify_job = self.verify_in_background()
        self.refresher = team_refresh.start(store, lambda: self.window)  # the team's changes show up

    def verify_in_background(self) -> Job | None:
        """The quick_check that opening skipped (the file was untouched since a close checked
        it) runs now on the thread pool; damage found there is handled as at start."""
        if not self.store.check_skipped:
            return None
        job = Job(backup.check_store, self.data_dir, self.store.key)
        job.signals.failed.connect(self._damaged, Qt.ConnectionType.QueuedConnection)
        return job.start()

    def _damaged(self, exc: BaseException) -> None:
        if not (isinstance(exc, StoreError) and exc.key == "store.corrupt"):
            logging.getLogger(__name__).error("background check failed to run: %s", exc)
            return
        old = self.window
        old.hide()
        self.backups.stop()
        wait_for_jobs()
        self.store.close(backup=False)
        store = safety.offer_restore(self.data_dir, exc, key=self.store.key)
        if store is None:  # the user chose Quit: nothing more is read from the damaged file
            old.close()
            QApplication.quit()
            return
        self.store = store
        self.backups = safety.BackupScheduler(store)
        self.window = self._new_window()
        self.window.show()
        old.close()
        old.deleteLater()

    def _new_window(self, page: int = 0) -> MainWindow:
        window = MainWindow(self.store, self.settings, self.language, self.switch_language, actions=self.actions)
        window.show_page(page)
        return window

    def idle_minutes(self) -> int:
        return int(self.settings.value("idle_lock_minutes", DEFAULT_IDLE_MINUTES))

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.setValue("idle_lock_minutes", int(minutes))
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(int(minutes))

    def _reopen(self, work: Callable[[], None], key: Callable[[], str | None]) -> None:
        """Close the store, run `work` on the closed files, reopen and rebuild the window
        (also when `work` failed: its error is raised after the store is back). The folder
        lock is held from before the close to after the reopen: no other rmdesk can open
        the store in between (a CLI import would write into a file about to be replaced)."""
        from rmdesk.store import lock as dirlock
        from rmdesk.store.engine import Store

        old = self.window
        page = old.current_page()
        old.save_geometry()
        self.backups.stop()
        wait_for_jobs()
        held = dirlock.acquire(self.data_dir)  # shared with the open store's own hold
        try:
            self.store.close()
            try:
                work()
            finally:
                self.store = Store.open(self.data_dir, password=key())
                self.backups = safety.BackupScheduler(self.store)
                self.window = self._new_window(page)
                self.window.show()
                old.close()
                old.deleteLater()
        finally:
            dirlock.release(held)

    def restore_backup(self, name: str) -> None:
        """Put the backup in place of the store (after backing up the current data)."""
        key = self.store.key
        self._reopen(lambda: backup.restore_backup(self.data_dir, name, key=key), lambda: key)

    def change_password(self, old: str | None, new: str | None) -> None:
        """Encrypt, re-key or decrypt the store and every backup."""
        from rmdesk.store import rekey

        current = self.store.key
        if current is not None and old != current:
            raise StoreError("store.wrong_password")
        outcome = {"key": current}

        def work() -> None:
            rekey.change_password(self.data_dir, current, new)
            outcome["key"] = new

        self._reopen(work, lambda: outcome["key"])
        self.idle_lock.set_minutes(self.idle_minutes())

    # -- Settings › Team database ---------------------------------------------------------
    def saved_team_url(self) -> str | None:
        return self.settings.value(TEAM_SETTING, None, str) or None

    def open_team(self, url) -> None:
        """Reopen the whole app on the team database at `url` (the same path as --db-url).
        It is opened (and brought up to date) first, off the GUI thread: when that fails the
        open book stays open and the error is raised for the form to show."""
        from rmdesk.gui.jobs import Cancelled, run_job
        from rmdesk.store import server
        from rmdesk.store.engine import Store

        try:
            store = run_job(self.window, QApplication.translate("TeamDatabase", "Opening the team database…"),
                            lambda progress: Store.open(self.data_dir, url=url))
        except Cancelled:
            return
        self._swap(store)
        self.settings.setValue(TEAM_SETTING, server.without_password(url))
        self.settings.sync()

    def open_local(self) -> None:
        """Back to the local book in the data folder (asking its password when encrypted)."""
        from rmdesk.gui.jobs import Cancelled, run_job
        from rmdesk.store.engine import Store

        password, note = None, ""
        for _attempt in range(5):
            if crypto.is_encrypted(self.data_dir / paths.STORE_FILENAME):
                password = ask_password(self.window, note)
                if password is None:
                    return
            try:
                store = run_job(self.window, QApplication.translate("TeamDatabase", "Opening the local book…"),
                                lambda progress, p=password: Store.open(self.data_dir, password=p))
                break
            except Cancelled:
                return
            except StoreError as exc:
                if exc.key != "store.wrong_password":
                    raise
                note = exc.message()
        else:
            return
        self._swap(store)
        self.settings.remove(TEAM_SETTING)
        self.settings.sync()

    def _swap(self, store: Store) -> None:
        """The app on `store` from now on: the old one is closed cleanly (a local book is
        checked, backed up and unlocked) and every page is rebuilt on the new one."""
        from rmdesk.gui import team_refresh

        old = self.window
        page = old.current_page()
        old.save_geometry()
        self.backups.stop()
        if self.verify_job is not None:
            self.verify_job.forget()
            self.verify_job = None
        self._stop_refresher()
        wait_for_jobs()
        if self.refresher is not None:
            self.refresher.close()
        previous, self.store = self.store, store
        try:
            previous.close()
        except Exception:  # noqa: BLE001 - a server gone away cannot stop the switch
            logging.getLogger(__name__).exception("closing the previous book failed")
        self.backups = safety.BackupScheduler(store)
        self.window = self._new_window(page)
        self.refresher = team_refresh.start(store, lambda: self.window)
        self.window.show()
        old.close()
        old.deleteLater()

    def _stop_refresher(self) -> None:
        if self.refresher is not None:
            self.refresher.stop()

    def close(self) -> None:
        """At quit: wait for a running backup, then close (check + backup on close). A quit
        while the store was still being opened waits for that step and closes what it opened."""
        if self.opening is not None:
            self.opening.abandon()
            self.opening = None
        self.close_store()

    def stop(self) -> None:
        """Stop everything that would call back later (timers, the idle lock's event filter,
        the background check) and let running jobs finish; the store stays open."""
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if self.backups is not None:
            self.backups.stop()
        if self.verify_job is not None:
            self.verify_job.forget()
        self._stop_refresher()
        wait_for_jobs()
        if self.refresher is not None:
            self.refresher.close()

    def close_store(self) -> None:
        self.stop()
        if self.store is not None:
            self.store.close()

    def switch_language(self, lang: str) -> None:
        if lang == self.language:
            return
        self.language = lang
        self.settings.setValue("language", lang)
        translation.install(lang)
        old = self.window
        page = old.current_page()
        old.save_geometry()
        self.window = self._new_window(page)
        self.window.show()
        old.close()
        old.deleteLater()


SMOKE_TEST_ENV = "RMDESK_SMOKE_TEST"


def _smoke_quit(app: QApplication, desk: Desk) -> None:
    """$RMDESK_SMOKE_TEST (the tests of an installed wheel and of the bundle): once the main
    window is up, its book open and its page painted, say so on stdout and quit the normal
    way (check, backup, unlock)."""
    window = desk.window
    window.repaint()
    print(f"rmdesk: main window shown: {window.windowTitle()}", flush=True)
    app.quit()


def team_url_at_start(db_url: str | None, settings: QSettings):
    """The team database to open at start: --db-url, else $RMDESK_DB_URL, else the one chosen in
    Settings last time (None: the local book). The password: the URL's, else $RMDESK_DB_PASSWORD
    (else libpq's ~/.pgpass, else the user is asked)."""
    return _team_url(db_url, settings.value(TEAM_SETTING, None, str))


def _team_url(db_url: str | None, saved: str | None):
    """team_url_at_start without the settings (it runs on the thread pool: it loads SQLAlchemy)."""
    from rmdesk.store import server

    text = db_url or os.environ.get(server.URL_VARIABLE) or saved
    if not text:
        return None
    url = server.parse(text)
    if url.password is None and server.password_from_environment() is not None:
        url = url.set(password=server.password_from_environment())
    return url


def _load_store_code() -> None:
    """The first step at start, on the thread pool: SQLAlchemy and the store (its models are
    built by Store.open, on the thread pool too)."""
    import rmdesk.store.engine  # noqa: F401


def start_steps(window: QWidget, directory: Path, db_url: str | None, saved_url: str | None):
    """The start's questions and their outcomes (a flow, rmdesk.gui.flow), asked over the main
    window: the team database when one is set (its password; when it cannot be opened, Retry,
    the local book or Quit), then the local book (damage: the restore offer, never a password
    prompt; encrypted: the password, asked again when wrong, five times). Returns the open
    store, or None when the user chose to quit; a StoreError is for the caller to show."""
    yield _load_store_code
    from rmdesk.gui.data import team_db
    from rmdesk.store.engine import Store, refuse_lost_store

    store = None
    url = yield partial(_team_url, db_url, saved_url)
    if url is not None:  # unreachable or cancelled: the local book is offered instead
        store = yield from team_db.open_at_start_steps(directory, url, parent=window)
    password, note = None, ""
    for _attempt in range(0 if store is not None else 5):
        try:
            yield partial(refuse_lost_store, directory)  # damage is offered a restore, never a password prompt
            if crypto.is_encrypted(directory / paths.STORE_FILENAME):
                password = ask_password(window, note)
                if password is None:
                    return None
            store = yield partial(Store.open, directory, password=password)
            break
        except StoreError as exc:
            if exc.key == "store.wrong_password":
                note = exc.message()
                continue
            if exc.key != "store.corrupt":
                raise
            store = yield from safety.offer_restore_steps(directory, exc, key=password, parent=window)
            break
    if store is not None:
        store = yield partial(_prepare_today, store)  # handed back: a quit meanwhile closes it
    return store


def _first_glance(directory: Path):
    """The client list's first page of the local book, read while the store opens (None when
    it cannot be glanced at): rmdesk.services.glance."""
    from rmdesk.gui.pages.client_list_model import PAGE_SIZE
    from rmdesk.services import glance

    return glance.first_page(directory, limit=PAGE_SIZE)


def _today_glance(directory: Path):
    """Today's visits and next steps due in the local book, read while the store opens (None
    when it cannot be glanced at): rmdesk.services.glance."""
    from rmdesk import clock
    from rmdesk.gui.pages.today import ROWS
    from rmdesk.services import glance

    return glance.today(directory, clock.today(), limit=ROWS + 1)


def glance_readers(directory: Path) -> dict:
    """The window's readers of the start's glance at the local book in `directory`."""
    return {MainWindow.TODAY: partial(_today_glance, directory), MainWindow.CLIENTS: partial(_first_glance, directory)}


def _prepare_today(store: Store) -> Store:
    """On the thread pool, before the pages read the book: Today's stored dates (each key
    person's next birthday, each kept client's next contact) brought up to date. The first
    start after the upgrade that added them works out every one (about half a minute on a
    100k book), which would otherwise freeze the window on its first Today; later starts
    find nothing or a day's worth to do."""
    from rmdesk import clock
    from rmdesk.services import next_dates

    try:
        next_dates.roll_due(store)
        next_dates.roll_birthdays(store, clock.today())
    except Exception:  # noqa: BLE001 - a full disk, say: the book still opens, Today works them out itself
        logging.getLogger(__name__).warning("Today's dates were not brought up to date at start", exc_info=True)
    return store


class StartUp(QObject):
    """Opens the store for `desk` once its window has painted for the first time: `opened`
    after Desk.attach, `gave_up(code)` when the user chose to quit or the store cannot be
    opened (the message was shown); the caller then leaves the event loop with that code."""

    opened = Signal()
    gave_up = Signal(int)

    def __init__(self, desk: Desk, db_url: str | None) -> None:
        super().__init__()
        self.desk = desk
        self.db_url = db_url
        if not (db_url or os.environ.get(paths.DB_URL_ENV) or desk.settings.value(TEAM_SETTING, None, str)):
            # the local book opens: Today and the client list may show a first glance at it meanwhile
            desk.window.glance_readers = glance_readers(desk.data_dir)
        self.flow: Flow | None = None
        self.started = False
        desk.window.installEventFilter(self)
        # a window that is not painted soon (minimised, say) opens its book all the same:
        # counted from the event loop's first round, not from before the window was shown
        QTimer.singleShot(0, lambda: QTimer.singleShot(500, self.start))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.started:
            QTimer.singleShot(0, self.start)  # after this paint has reached the screen
        return False

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self.desk.window.removeEventFilter(self)
        window = self.desk.window
        # the page left at the last quit, once the window is on screen: Today and the client
        # list from the glance at once, any other page built when the book is open
        window.start_on(window.last_page())
        saved = self.desk.settings.value(TEAM_SETTING, None, str)
        self.flow = Flow(start_steps(window, self.desk.data_dir, self.db_url, saved), self)
        self.flow.finished.connect(self._finished)
        self.flow.failed.connect(self._failed)
        self.flow.start()

    def _finished(self, store: Store | None) -> None:
        self.desk.opening = None
        if store is None:
            self.gave_up.emit(1)
            return
        self.desk.attach(store)
        self.opened.emit()

    def _failed(self, exc: BaseException) -> None:
        self.desk.opening = None
        if isinstance(exc, SystemExit):  # Quit, chosen when the team database could not be opened
            self.gave_up.emit(1)
            return
        if isinstance(exc, RmdeskError):
            QMessageBox.critical(self.desk.window, "rmdesk", exc.message())
        else:
            logging.getLogger(__name__).error("opening the book failed", exc_info=exc)
            show_error(self.desk.window, exc)
        self.gave_up.emit(1)

    def abandon(self) -> None:
        """The app quits before the store is open: the step under way finishes on its thread
        (a migration or a restore is never cut short) and a store it opened is closed."""
        if self.flow is None:
            self.started = True  # the timer must not start it now
            return
        self.flow.abandon()
        leftover = self.flow.leftover()
        if leftover is not None and hasattr(leftover, "close"):
            try:
                leftover.close()
            except Exception:  # noqa: BLE001 - quitting goes on; the log has it
                logging.getLogger(__name__).exception("closing the store opened during the quit failed")


def _log_to(directory: Path) -> None:
    """The log in the data folder; where that cannot be written (a read-only folder, a full
    disk), to stderr: the window still opens, and the book's opening says what is wrong."""
    style = "%(asctime)s %(levelname)s %(name)s %(message)s"
    try:
        logging.basicConfig(filename=directory / "rmdesk.log", level=logging.INFO, format=style)
    except OSError:
        logging.basicConfig(level=logging.INFO, format=style)


def run(data_dir: str | None = None, lang: str | None = None, db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    identify(app)
    directory = paths.data_dir(data_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a data folder that cannot be made (read-only, full): said in a window
        translation.install(translation.choose_language(lang, None))
        show_error(None, exc)
        return 1
    _log_to(directory)
    install_excepthook()
    translation.install(translation.choose_language(lang, gui_settings(directory).value("language", None, str)))
    server = safety.claim_instance(directory)
    if server is None:  # another rmdesk has this data folder: it raises its window
        return 0
    desk = Desk(None, directory, lang)  # "Opening your book…" until the store is open
    safety.raise_on_request(server, lambda: desk.window)
    start = desk.opening = StartUp(desk, db_url)

    def give_up(code: int) -> None:
        desk.window.hide()
        app.exit(code)

    start.gave_up.connect(give_up)
    if os.environ.get(SMOKE_TEST_ENV):
        start.opened.connect(lambda: QTimer.singleShot(0, lambda: _smoke_quit(app, desk)))
    desk.window.show()
    code = app.exec()
    desk.close()
    server.close()
    return code
