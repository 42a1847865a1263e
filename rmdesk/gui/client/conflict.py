"""A save refused because someone changed the record since this window loaded it (team mode).

The message says who changed it and when; the form keeps what was typed. The user chooses
Reload (take theirs: the window reads the record again) or Review (their values beside mine
for the fields that differ, then save my edits deliberately over their new version), or goes
on editing. One-click actions on a row (confirm a visit, resolve an objection, ...) offer
Reload only: there is nothing typed to keep."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import i18n
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui.errors import show_error
from rmdesk.services import clients
from rmdesk.services.clients import ClientDetail
from rmdesk.services.timeline import value_text

RELOAD, REVIEW = 2, 3  # dialog results beside Accepted (1) and Rejected (0)


class ConflictDialog(QDialog):
    """Who changed it and when; Reload, Review… (when there is a form), Keep editing."""

    def __init__(self, exc: Conflict, parent: QWidget | None = None, review: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.message = text = QLabel(exc.message())
        text.setWordWrap(True)
        text.setMinimumWidth(420)
        self.reload_button = QPushButton(self.tr("Reload (take theirs)"))
        self.reload_button.clicked.connect(lambda: self.done(RELOAD))
        self.review_button = QPushButton(self.tr("Review…"))
        self.review_button.clicked.connect(lambda: self.done(REVIEW))
        self.review_button.setVisible(review)
        keep = QPushButton(self.tr("Keep editing") if review else self.tr("Close"))
        keep.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.reload_button, self.review_button, keep):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)


class ReviewDialog(QDialog):
    """Their values beside mine for the fields that differ; Save mine saves only the fields I
    edited, over their new version (the others stay theirs)."""

    def __init__(self, exc: Conflict, rows: list[tuple[str, str, str, bool]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review the changes"))
        intro = QLabel(exc.message() + "\n" + self.tr(
            "Save mine keeps their version and writes over it only the fields you changed."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Theirs (saved)"), self.tr("Mine"),
                                              self.tr("Saved by Save mine")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, (label, theirs, mine, edited) in enumerate(rows):
            for c, text in enumerate((label, theirs, mine, self.tr("Mine") if edited else self.tr("Theirs"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.save_button = QPushButton(self.tr("Save mine"))
        self.save_button.clicked.connect(self.accept)
        self.save_button.setEnabled(any(row[3] for row in rows))
        self.reload_button = QPushButton(self.tr("Reload (take theirs)"))
        self.reload_button.clicked.connect(lambda: self.done(RELOAD))
        keep = QPushButton(self.tr("Keep editing"))
        keep.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.reload_button, keep):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(640, 320)


def _norm(value: object) -> str:
    """A field's value as compared: blank and None alike, amounts by value, ticks 1/0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return str(value.normalize())
    return str(value).strip()


def form_values(tab, client: ClientDetail) -> dict[str, object]:
    """What the overview form shows for `client` (the keys of tab.values())."""
    out: dict[str, object] = {key: getattr(client, key) for key in tab.fields}
    out["two_high"] = client.two_high
    return out


def edited_fields(tab) -> set[str]:
    """The fields of the overview form that differ from what was loaded."""
    if tab._client is None:
        return set()
    loaded, mine = form_values(tab, tab._client), tab.values()
    return {k for k in mine if _norm(mine[k]) != _norm(loaded.get(k))}


def _shown(key: str, value: object) -> str:
    return value_text(key, None if value is None else _norm(value) if not isinstance(value, Decimal) else str(value))


# Is the conflict dialog shown modally? Tests replace these with a chooser.
def ask(dialog: QDialog) -> int:
    return dialog.exec()


def save_overview(tab) -> bool:
    """The overview's Save profile: with the version the form was loaded from; a conflict is
    resolved with the user (reload / review / keep editing). True when something was saved."""
    mine = tab.values()
    version = tab._client.version if tab._client is not None else None
    try:
        clients.update_client(tab.store, tab.client_id, mine, version)
    except Conflict as exc:
        return resolve_overview(tab, exc, mine)
    except RmdeskError as exc:
        show_error(tab, exc)
        return False
    tab.changed.emit()
    return True


def resolve_overview(tab, exc: Conflict, mine: dict[str, object]) -> bool:
    choice = ask(ConflictDialog(exc, tab))
    if choice == RELOAD:
        tab.changed.emit()  # the window reads the client again: the form shows theirs
        return False
    if choice != REVIEW:
        return False  # keep editing: the form is as typed
    try:
        theirs = clients.get_client(tab.store, tab.client_id)
    except RmdeskError as error:
        show_error(tab, error)
        return False
    edited = edited_fields(tab)
    now = form_values(tab, theirs)
    rows = [(i18n.message(f"field.{k}"), _shown(k, now[k]), _shown(k, mine[k]), k in edited)
            for k in mine if _norm(now[k]) != _norm(mine[k])]
    choice = ask(ReviewDialog(exc, rows, tab))
    if choice == RELOAD:
        tab.changed.emit()
        return False
    if choice != QDialog.DialogCode.Accepted:
        return False
    try:
        clients.update_client(tab.store, tab.client_id, {k: mine[k] for k in edited}, theirs.version)
    except Conflict as again:  # someone saved once more in between
        return resolve_overview(tab, again, mine)
    except RmdeskError as error:
        show_error(tab, error)
        return False
    tab.changed.emit()
    return True


def tell_row_conflict(parent: QWidget, exc: Conflict, reload) -> None:
    """A one-click action on a stale row: who changed it and when; Reload shows theirs."""
    if ask(ConflictDialog(exc, parent, review=False)) == RELOAD:
        reload()


# ---- dialogs (key person, volumes, reschedule, maturity, the reason dialogs …) ---------------------
# One piece for every FormDialog: FormDialog.try_accept hands a Conflict to resolve_in_dialog. A
# dialog editing one stored row can be reviewed: it sets `review_fields` (key -> (label, widget)),
# `fetch()` (the row as it is now in the store) and `fill(row)` (the row into the widgets, its
# version into `dialog.version`, which its submit passes on), and calls remember_loaded() after
# each fill. Reload then shows theirs in the dialog; Review shows theirs beside mine and Save mine
# saves my edited fields over their version. A dialog without a row of its own (a reason for a
# move, a deal won or lost …) offers Reload only: it closes, and the window reads everything again
# (`dialog.reloaded`, seen by Tool.open_dialog).

def _widget_value(widget) -> tuple[object, str]:
    """(the value compared, the text shown) of a form widget."""
    if isinstance(widget, QComboBox):
        return widget.currentData(), widget.currentText()
    if isinstance(widget, QCheckBox):
        on = widget.isChecked()
        return on, QCoreApplication.translate("Conflict", "Yes") if on else QCoreApplication.translate("Conflict", "No")
    if isinstance(widget, QSpinBox):
        return widget.value(), str(widget.value())
    if isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
        return text.strip(), text
    if isinstance(widget, QDateTimeEdit):  # QDateEdit is one too
        text = widget.dateTime().toString("yyyy-MM-dd" if isinstance(widget, QDateEdit) else "yyyy-MM-dd HH:mm")
        return text, text
    if isinstance(widget, QLineEdit):
        return widget.text().strip(), widget.text()
    raise TypeError(type(widget).__name__)


def _set_widget(widget, value: object) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, QDateTimeEdit):
        fmt = "yyyy-MM-dd" if isinstance(widget, QDateEdit) else "yyyy-MM-dd HH:mm"
        widget.setDateTime(QDateTime.fromString(str(value), fmt))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))


def form_state(dialog) -> dict[str, tuple[object, str]]:
    """What the dialog's reviewed fields show now: key -> (value, text)."""
    return {key: _widget_value(widget) for key, (_label, widget) in dialog.review_fields.items()}


def remember_loaded(dialog) -> None:
    """After a fill: what the form showed as loaded (my edits are the fields that differ from it)."""
    dialog.loaded_state = form_state(dialog)


def reviewable(dialog) -> bool:
    return bool(getattr(dialog, "review_fields", None)) and callable(getattr(dialog, "fetch", None))


def _said(dialog, text: str) -> None:
    dialog.error.setText(text)
    dialog.error.show()


def resolve_in_dialog(dialog, exc: Conflict) -> None:
    """A dialog's save was refused (someone changed the row): who and when, then Reload, Review
    (a dialog with a row of its own) or Keep editing; nothing typed is lost unless Reload is chosen."""
    _said(dialog, exc.message())
    can_review = reviewable(dialog)
    choice = ask(ConflictDialog(exc, dialog, review=can_review))
    if choice == RELOAD:
        if not can_review:
            dialog.reloaded = True  # the window reads everything again (Tool.open_dialog)
            dialog.reject()
            return
        _take_theirs(dialog)
    elif choice == REVIEW:
        _review_in_dialog(dialog, exc)


def _fetch(dialog):
    try:
        return dialog.fetch()
    except RmdeskError as error:  # e.g. someone deleted it meanwhile
        _said(dialog, error.message())
        return None


def _take_theirs(dialog, row=None) -> None:
    row = row if row is not None else _fetch(dialog)
    if row is None:
        return
    dialog.fill(row)
    remember_loaded(dialog)
    _said(dialog, QCoreApplication.translate("Conflict", "Reloaded: the form shows the saved version. Make your "
                                                         "change again, then save."))


def _review_in_dialog(dialog, exc: Conflict) -> None:
    row = _fetch(dialog)
    if row is None:
        return
    mine, loaded, my_version = form_state(dialog), getattr(dialog, "loaded_state", {}), dialog.version
    dialog.fill(row)  # read theirs through the same widgets, then put mine back
    theirs = form_state(dialog)
    for key, (_label, widget) in dialog.review_fields.items():
        _restore(widget, mine[key])
    dialog.version = my_version
    edited = {k for k in mine if _norm(mine[k][0]) != _norm(loaded.get(k, (None, ""))[0])}
    rows = [(dialog.review_fields[k][0], theirs[k][1] or "—", mine[k][1] or "—", k in edited)
            for k in mine if _norm(theirs[k][0]) != _norm(mine[k][0])]
    choice = ask(ReviewDialog(exc, rows, dialog))
    if choice == RELOAD:
        _take_theirs(dialog, row)
    elif choice == QDialog.DialogCode.Accepted:
        dialog.fill(row)  # their version, with my edited fields over it
        remember_loaded(dialog)
        for key in edited:
            _restore(dialog.review_fields[key][1], mine[key])
        dialog.try_accept()  # a further conflict comes back here


def _restore(widget, state: tuple[object, str]) -> None:
    """Put back what a widget showed (typed text as typed)."""
    _set_widget(widget, state[1] if isinstance(widget, (QLineEdit, QPlainTextEdit)) else state[0])
