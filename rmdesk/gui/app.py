"""Starting the GUI: application, translations, store, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from rmdesk import paths
from rmdesk.errors import RmdeskError, StoreError
from rmdesk.gui import folders, team_refresh, translation
from rmdesk.gui.data import safety, team_db
from rmdesk.gui.data.privacy import DataActions, IdleLock, ask_password
from rmdesk.gui.errors import install_excepthook
from rmdesk.gui.jobs import Job
from rmdesk.gui.main_window import MainWindow
from rmdesk.store import backup, crypto
from rmdesk.store.engine import Store, refuse_lost_store

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
    """Owns the store and the main window; rebuilds the window when the language changes."""

    def __init__(self, store: Store, data_dir: Path, lang: str | None = None) -> None:
        self.store = store
        self.data_dir = data_dir
        self.settings = gui_settings(data_dir)
        folders.bind(self.settings)  # file dialogs keep their folder in this gui.ini
        self.language = translation.choose_language(lang, self.settings.value("language", None, str))
        translation.install(self.language)
        self.actions = DataActions(self.restore_backup, self.change_password, self.idle_minutes,
                                   self.set_idle_minutes,
                                   team=team_db.TeamActions(self.open_team, self.open_local, self.saved_team_url))
        self.window = self._new_window()
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
        self.idle_lock.set_minutes(int(minutes))

    def _reopen(self, work: Callable[[], None], key: Callable[[], str | None]) -> None:
        """Close the store, run `work` on the closed files, reopen and rebuild the window
        (also when `work` failed: its error is raised after the store is back). The folder
        lock is held from before the close to after the reopen: no other rmdesk can open
        the store in between (a CLI import would write into a file about to be replaced)."""
        from rmdesk.store import lock as dirlock

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
        return self.settings.value(team_db.SETTING, None, str) or None

    def open_team(self, url) -> None:
        """Reopen the whole app on the team database at `url` (the same path as --db-url).
        It is opened (and brought up to date) first, off the GUI thread: when that fails the
        open book stays open and the error is raised for the form to show."""
        from rmdesk.gui.jobs import Cancelled, run_job
        from rmdesk.store import server

        try:
            store = run_job(self.window, QApplication.translate("TeamDatabase", "Opening the team database…"),
                            lambda progress: Store.open(self.data_dir, url=url))
        except Cancelled:
            return
        self._swap(store)
        self.settings.setValue(team_db.SETTING, server.without_password(url))
        self.settings.sync()

    def open_local(self) -> None:
        """Back to the local book in the data folder (asking its password when encrypted)."""
        from rmdesk.gui.jobs import Cancelled, run_job

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
        self.settings.remove(team_db.SETTING)
        self.settings.sync()

    def _swap(self, store: Store) -> None:
        """The app on `store` from now on: the old one is closed cleanly (a local book is
        checked, backed up and unlocked) and every page is rebuilt on the new one."""
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
        """At quit: wait for a running backup, then close (check + backup on close)."""
        self.close_store()

    def stop(self) -> None:
        """Stop everything that would call back later (timers, the idle lock's event filter,
        the background check) and let running jobs finish; the store stays open."""
        self.idle_lock.stop()
        self.backups.stop()
        if self.verify_job is not None:
            self.verify_job.forget()
        self._stop_refresher()
        wait_for_jobs()
        if self.refresher is not None:
            self.refresher.close()

    def close_store(self) -> None:
        self.stop()
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
    window is up and painted, say so on stdout and quit the normal way (check, backup, unlock)."""
    window = desk.window
    window.repaint()
    print(f"rmdesk: main window shown: {window.windowTitle()}", flush=True)
    app.quit()


def team_url_at_start(db_url: str | None, settings: QSettings):
    """The team database to open at start: --db-url, else $RMDESK_DB_URL, else the one chosen in
    Settings last time (None: the local book). The password: the URL's, else $RMDESK_DB_PASSWORD
    (else libpq's ~/.pgpass, else the user is asked)."""
    from rmdesk.store import server

    text = db_url or os.environ.get(server.URL_VARIABLE) or settings.value(team_db.SETTING, None, str)
    if not text:
        return None
    url = server.parse(text)
    if url.password is None and server.password_from_environment() is not None:
        url = url.set(password=server.password_from_environment())
    return url


def run(data_dir: str | None = None, lang: str | None = None, db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    identify(app)
    directory = paths.data_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=directory / "rmdesk.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    install_excepthook()
    translation.install(translation.choose_language(lang, gui_settings(directory).value("language", None, str)))
    server = safety.claim_instance(directory)
    if server is None:  # another rmdesk has this data folder: it raises its window
        return 0
    try:
        store = None
        url = team_url_at_start(db_url, gui_settings(directory))
        if url is not None:  # unreachable or cancelled: the local book is offered instead
            try:
                store = team_db.open_at_start(directory, url)
            except SystemExit:
                return 1
        password, note = None, ""
        for _attempt in range(0 if store is not None else 5):
            try:
                refuse_lost_store(directory)  # damage is offered a restore, never a password prompt
                if crypto.is_encrypted(directory / paths.STORE_FILENAME):
                    password = ask_password(None, note)
                    if password is None:
                        return 1
                store = Store.open(directory, password=password)
                break
            except StoreError as exc:
                if exc.key == "store.wrong_password":
                    note = exc.message()
                    continue
                if exc.key != "store.corrupt":
                    raise
                store = safety.offer_restore(directory, exc, key=password)
                if store is None:
                    return 1
                break
        if store is None:
            return 1
    except RmdeskError as exc:
        QMessageBox.critical(None, "rmdesk", exc.message())
        return 1
    desk = Desk(store, directory, lang)
    safety.raise_on_request(server, lambda: desk.window)
    desk.window.show()
    if os.environ.get(SMOKE_TEST_ENV):
        QTimer.singleShot(0, lambda: _smoke_quit(app, desk))
    code = app.exec()
    desk.close()
    server.close()
    return code
