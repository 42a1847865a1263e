"""Small dialogs shared by the pages, and the one place a dialog is run.

Every dialog goes through `run(dialog)`, so GUI tests can drive a dialog the way a
user would (fill its widgets, press OK) without a nested event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, i18n, vocab
from rmdesk.errors import Conflict, RmdeskError


def run(dialog: QDialog) -> bool:
    """Show a modal dialog; True when the user accepted it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask(parent: QWidget | None, title: str, text: str, default_no: bool = False) -> bool:
    """A yes/no question; True for yes. `default_no` for anything that destroys data."""
    no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
    return QMessageBox.question(parent, title, text, yes | no, no if default_no else yes) == yes


def tell(parent: QWidget | None, text: str) -> None:
    """Why an action cannot run now (e.g. no row selected): a button never does nothing."""
    QMessageBox.information(parent, QCoreApplication.translate("Errors", "rmdesk"), text)


class FormDialog(QDialog):
    """A form with OK/Cancel and an error line. `submit` does the work through a service;
    an RmdeskError is shown in the dialog and keeps everything the user typed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.submit: Callable[[], object] = lambda: None
        self.result_value: object = None
        self.reloaded = False  # closed by Reload after a conflict: the caller reads everything again

    def try_accept(self) -> None:
        try:
            self.result_value = self.submit()
        except Conflict as exc:  # someone changed it since: who and when, Reload / Review / Keep editing
            from rmdesk.gui.client import conflict

            conflict.resolve_in_dialog(self, exc)
            return
        except RmdeskError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return
        self.accept()


class ReasonDialog(FormDialog):
    """Asks why: an override of an unmet exit rule, a move back, a skip."""

    def __init__(self, title: str, explanation: str, unmet: list[str], parent: QWidget | None = None) -> None:
        """`unmet`: the exit conditions not met, already worded."""
        super().__init__(title, parent)
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.missing = QLabel("\n".join("✘ " + text for text in unmet))
        self.missing.setStyleSheet("color: #b00020;")
        self.missing.setVisible(bool(unmet))
        self.form.addRow(self.missing)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why? (saved with the move)"))
        self.reason.setMaximumHeight(90)
        self.form.addRow(self.tr("Reason"), self.reason)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ParkDialog(FormDialog):
    """Park (nurture) until a wake-up date, with a reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Park client"), parent)
        self.wake = QDateEdit()
        self.wake.setCalendarPopup(True)
        self.wake.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.wake.setDate(QDate(today.year, today.month, today.day).addMonths(3))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(80)
        self.form.addRow(self.tr("Wake-up date"), self.wake)
        self.form.addRow(self.tr("Reason"), self.reason)

    def wake_up(self) -> str:
        return self.wake.date().toString("yyyy-MM-dd")


class LostDialog(FormDialog):
    """Mark lost: a reason from the list plus free text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark client as lost"), parent)
        self.kind = QComboBox()
        for key in vocab.LOST_REASONS:
            self.kind.addItem(i18n.label("lost_reason", key), key)
        self.details = QPlainTextEdit()
        self.details.setMaximumHeight(80)
        self.form.addRow(self.tr("Reason"), self.kind)
        self.form.addRow(self.tr("Details"), self.details)
