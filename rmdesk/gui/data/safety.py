"""Data safety in the GUI: background jobs, automatic backups, one instance per data
folder, and the start-up dialog for a damaged store."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from rmdesk import formatting
from rmdesk.errors import StoreError
from rmdesk.gui.data.privacy import ask_password
from rmdesk.gui.jobs import Job
from rmdesk.store import backup, crypto

if TYPE_CHECKING:  # SQLAlchemy is loaded off the GUI thread at start (issue 13)
    from rmdesk.store.engine import Store


class BackupScheduler(QObject):
    """Every minute: when something changed and the last backup is older than 30
    minutes, back up on the thread pool (never on the GUI thread)."""

    def __init__(self, store: Store, interval_ms: int = 60_000) -> None:
        super().__init__()
        self.store = store
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        if store.local():
            self.timer.start(interval_ms)

    def tick(self) -> Job | None:
        if self.job is not None and not self.job.finished.is_set():
            return None
        if not self.store.backup_due():
            return None
        self.job = Job(self.store.backup_now).start()
        return self.job

    def stop(self) -> None:
        self.timer.stop()
        if self.job is not None:
            self.job.finished.wait(60)


def server_name(data_dir: Path) -> str:
    return "rmdesk-" + hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]


def claim_instance(data_dir: Path) -> QLocalServer | None:
    """The instance server of this data folder, or None when another rmdesk runs on
    it (that one was asked to raise its window)."""
    name = server_name(data_dir)
    socket = QLocalSocket()
    socket.connectToServer(name)
    if socket.waitForConnected(500):
        socket.write(b"raise\n")
        socket.flush()
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        return None
    QLocalServer.removeServer(name)  # a stale socket left by a crash
    server = QLocalServer()
    server.listen(name)
    return server


def raise_on_request(server: QLocalServer, window: Callable[[], QWidget]) -> None:
    """A second launch connects: bring our window to the front."""

    def on_connection() -> None:
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()
            conn.disconnected.connect(conn.deleteLater)
            w = window()
            if w is not None:
                w.showNormal()
                w.raise_()
                w.activateWindow()

    server.newConnection.connect(on_connection)


def offer_restore(directory: Path, error: StoreError, ask: Callable[..., bool] | None = None,
                  key: str | None = None, password: Callable[[str], str | None] | None = None,
                  parent: QWidget | None = None) -> Store | None:
    """The store did not pass its check: explain, offer the newest good backup; returns
    the reopened store after a restore, or None (quit). When the store is lost and its
    backups are encrypted, the password is asked for (`password(note)`, default a prompt)
    before the backups can be checked."""
    from rmdesk.gui.flow import run_inline

    return run_inline(offer_restore_steps(directory, error, ask, key, password, parent))


def offer_restore_steps(directory: Path, error: StoreError, ask: Callable[..., bool] | None = None,
                        key: str | None = None, password: Callable[[str], str | None] | None = None,
                        parent: QWidget | None = None):
    """offer_restore as a flow (rmdesk.gui.flow): checking the backups, the restore and the
    reopen are yielded, so at start they run off the GUI thread, the questions over `parent`."""
    newest = yield partial(backup.newest_good_backup, directory, key)
    if newest is None and key is None and (yield partial(_encrypted_backups, directory)):
        unlocked = yield from _unlock_backups_steps(
            directory, password or (lambda note: ask_password(parent, note)))
        if unlocked is None:  # cancelled
            return None
        newest, key = unlocked
    box = QMessageBox(QMessageBox.Icon.Critical, "rmdesk", error.message(), parent=parent)
    if newest is None:
        box.setInformativeText(QCoreApplication.translate(
            "Safety", "No good backup was found. The file was left as it is; copy the data folder and ask for help."))
        box.addButton(QCoreApplication.translate("Safety", "Quit"), QMessageBox.ButtonRole.RejectRole)
        (ask or (lambda b: b.exec()))(box)
        return None
    box.setInformativeText(QCoreApplication.translate(
        "Safety", "The newest good backup is from %1. Restore it? The damaged file is kept beside it "
        "(changes after the backup are not in it).").replace("%1", formatting.minute(newest.local_time)))
    restore = box.addButton(QCoreApplication.translate("Safety", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Safety", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    if ask is not None:
        chosen = ask(box)
    else:
        box.exec()
        chosen = box.clickedButton() is restore
    if not chosen:
        return None
    yield partial(backup.restore_backup, directory, newest.name, key=key)
    from rmdesk.store.engine import Store

    return (yield partial(Store.open, directory, password=key))


def _encrypted_backups(directory: Path) -> bool:
    return any(crypto.classify(b.path) == "encrypted" for b in backup.list_backups(directory))


def _unlock_backups_steps(directory: Path, password: Callable[[str], str | None]):
    """(the newest backup the typed password opens, the password); None when the user
    cancels; (None, None) after five wrong tries. A wrong password asks again, saying so."""
    note = QCoreApplication.translate("Safety", "The data file is lost; its backups are encrypted. "
                                                "Type the password to check them.")
    for _attempt in range(5):
        typed = password(note)
        if typed is None:
            return None
        newest = yield partial(backup.newest_good_backup, directory, typed)
        if newest is not None:
            return newest, typed
        note = QCoreApplication.translate("Safety", "No backup opens with this password. Try again.")
    return None, None
