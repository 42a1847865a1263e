"""Starting the GUI: application, translations, store, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from rmdesk import paths
from rmdesk.errors import RmdeskError, StoreError
from rmdesk.gui import safety, translation
from rmdesk.gui.errors import install_excepthook
from rmdesk.gui.main_window import MainWindow
from rmdesk.store import backup
from rmdesk.store.engine import Store


def gui_settings(data_dir: Path) -> QSettings:
    """Window geometry and language, kept beside the data so each data folder has its own."""
    return QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)


class Desk:
    """Owns the store and the main window; rebuilds the window when the language changes."""

    def __init__(self, store: Store, data_dir: Path, lang: str | None = None) -> None:
        self.store = store
        self.data_dir = data_dir
        self.settings = gui_settings(data_dir)
        self.language = translation.choose_language(lang, self.settings.value("language", None, str))
        translation.install(self.language)
        self.window = self._new_window()
        self.backups = safety.BackupScheduler(store)

    def _new_window(self, page: int = 0) -> MainWindow:
        window = MainWindow(self.store, self.settings, self.language, self.switch_language,
                            on_restore=self.restore_backup)
        window.show_page(page)
        return window

    def restore_backup(self, name: str) -> None:
        """Close the store, put the backup in its place (after backing up the current
        data), reopen it and rebuild the window. Raises RmdeskError (store reopened)."""
        old = self.window
        page = old.current_page()
        old.save_geometry()
        self.backups.stop()
        self.store.close()
        try:
            backup.restore_backup(self.data_dir, name)
        finally:
            self.store = Store.open(self.data_dir)
            self.backups = safety.BackupScheduler(self.store)
            self.window = self._new_window(page)
            self.window.show()
            old.close()
            old.deleteLater()

    def close(self) -> None:
        """At quit: wait for a running backup, then close (check + backup on close)."""
        self.backups.stop()
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


def run(data_dir: str | None = None, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("rmdesk")
    app.setApplicationDisplayName("rmdesk")
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
        try:
            store = Store.open(directory)
        except StoreError as exc:
            if exc.key != "store.corrupt":
                raise
            store = safety.offer_restore(directory, exc)
            if store is None:
                return 1
    except RmdeskError as exc:
        QMessageBox.critical(None, "rmdesk", exc.message())
        return 1
    desk = Desk(store, directory, lang)
    safety.raise_on_request(server, lambda: desk.window)
    desk.window.show()
    code = app.exec()
    desk.close()
    server.close()
    return code
