"""Encryption and privacy in the GUI: the password at start, the password dialog in
Settings, and the idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rmdesk.errors import RmdeskError, ValidationError

MIN_PASSWORD = 6


def ask_password(parent: QWidget | None = None, note: str = "") -> str | None:
    """The store's password, typed by the user (None: cancelled)."""
    text, ok = QInputDialog.getText(
        parent, "rmdesk", (note + "\n" if note else "") +
        QCoreApplication.translate("Privacy", "The data is encrypted. Password:"), QLineEdit.EchoMode.Password)
    return text if ok else None


def check_new_password(new: str, repeat: str) -> str | None:
    """The new password (None = remove it) or ValidationError."""
    if new != repeat:
        raise ValidationError("store.password_mismatch", None)
    if new and len(new) < MIN_PASSWORD:
        raise ValidationError("store.password_short", None, min=MIN_PASSWORD)
    return new or None


@dataclass
class DataActions:
    """What Settings may ask the Desk to do with the store (it owns and reopens it)."""

    restore: Callable[[str], None]
    change_password: Callable[[str | None, str | None], None]
    idle_minutes: Callable[[], int]
    set_idle_minutes: Callable[[int], None]
    team: Any = None  # rmdesk.gui.data.team_db.TeamActions: Settings › Team database


class PasswordDialog(QDialog):
    """Set, change or remove the password. `apply(old, new)` does the work (the Desk
    closes the store, re-keys it and every backup, reopens it)."""

    def __init__(self, encrypted: bool, apply: Callable[[str | None, str | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.apply = apply
        self.encrypted = encrypted
        self.setWindowTitle(self.tr("Password"))
        self.current = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.current, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if encrypted:
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat the new password"), self.repeat)
        note = QLabel(self.tr("The data and every backup are encrypted with this password. Without it they cannot "
                              "be opened: nobody can recover a forgotten password. Leave the new password empty "
                              "to remove the encryption.") if encrypted else
                      self.tr("The data and every backup will be encrypted with this password. Without it they "
                              "cannot be opened: nobody can recover a forgotten password."))
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def submit(self) -> None:
        try:
            new = check_new_password(self.new.text(), self.repeat.text())
            if not self.encrypted and new is None:
                raise ValidationError("error.required", None)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.apply(self.current.text() if self.encrypted else None, new)
            finally:
                QApplication.restoreOverrideCursor()
        except RmdeskError as exc:
            self.error.setText(exc.message())
            return
        self.accept()


class IdleLock(QObject):
    """After `minutes` without keyboard or mouse input, hide the windows and ask for the
    password (only for an encrypted store: without one a lock protects nothing)."""

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, minutes: int, key: Callable[[], str | None], windows: Callable[[], list[QWidget]],
                 ask: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.key = key
        self.windows = windows
        self.ask = ask or (lambda note: ask_password(None, note))
        self.locked = False
        self.filtering = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """Also called when the password changed: watches input only while it matters."""
        self.minutes = minutes
        active = minutes > 0 and bool(self.key())
        if active:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()
        if active != self.filtering:
            app = QApplication.instance()
            (app.installEventFilter if active else app.removeEventFilter)(self)
            self.filtering = active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.INPUT and not self.locked and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False

    def lock(self) -> bool:
        """Returns True once the right password was given (False: still locked, app quits)."""
        key = self.key()
        if not key or self.locked:
            return True
        self.locked = True
        hidden = [w for w in self.windows() if w.isVisible()]
        for w in hidden:
            w.hide()
        minutes = self.minutes
        # two sentences, not a "%n minute(s)" form: lupdate does not see this call's count (issue 17)
        note = QCoreApplication.translate("Privacy", "rmdesk was locked after a minute without use.") if minutes == 1 \
            else QCoreApplication.translate("Privacy", "rmdesk was locked after %1 minutes without use.").replace(
                "%1", str(minutes))
        for _ in range(5):
            given = self.ask(note)
            if given is None:
                break
            if given == key:
                for w in hidden:
                    w.show()
                self.locked = False
                self.set_minutes(self.minutes)
                return True
            note = QCoreApplication.translate("Privacy", "The password is wrong.")
        QApplication.instance().quit()  # the data stays closed
        return False

    def stop(self) -> None:
        self.timer.stop()
        if self.filtering:
            QApplication.instance().removeEventFilter(self)
            self.filtering = False
