"""A save refused because someone changed the record since this window loaded it (team mode).

The message says who changed it and when; the form keeps what was typed. The user chooses
Reload (take theirs: the window reads the record again) or Review (their values beside mine
for the fields that differ, then save my edits deliberately over their new version), or goes
on editing. One-click actions on a row (confirm a visit, resolve an objection, ...) offer
Reload only: there is nothing typed to keep."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
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
