"""The trash: restore clients, visits and deals, or destroy them for good after asking twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui.client import conflict
from rmdesk.gui.errors import show_error
from rmdesk.gui.widgets import fill_table, read_only_table
from rmdesk.services import trash
from rmdesk.store.engine import Store


class TrashDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Trash"))
        self.resize(720, 420)
        self.table = read_only_table()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.clicked.connect(self.empty)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        # Destroying is for good: both questions default to No (Enter keeps the data).
        self.confirm = lambda parent, title, text: QMessageBox.question(
            parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # replaced in tests
        self.refresh()

    def kind_name(self, kind: str) -> str:
        return {"client": self.tr("Client"), "visit": self.tr("Visit"), "deal": self.tr("Deal")}[kind]

    def refresh(self) -> None:
        self.rows = trash.items(self.store)
        fill_table(self.table, [self.tr("Kind"), self.tr("Client"), self.tr("What"), self.tr("Deleted")],
                   [(r.id, [self.kind_name(r.kind), r.client_name, r.what, formatting.minute(r.deleted_at)])
                    for r in self.rows])
        self.table.resizeColumnsToContents()
        self.empty_button.setEnabled(bool(self.rows))
        self.empty_button.setToolTip("" if self.rows else self.tr("The trash is empty."))

    def restore(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            item = self.rows[row]
            try:  # as listed: someone restored (and changed) it since: who and when
                trash.restore(self.store, item.kind, item.id, item.version)
            except Conflict as exc:
                conflict.tell_row_conflict(self, exc, lambda: None)
            except RmdeskError as exc:
                show_error(self, exc)
            self.refresh()

    def empty(self) -> None:
        yes = QMessageBox.StandardButton.Yes
        first = self.confirm(self, self.tr("Empty trash"), self.tr(
            "Destroy the %n item(s) in the trash? Clients go with all their visits, deals and notes.", "",
            len(self.rows)))
        if first != yes:
            return
        second = self.confirm(self, self.tr("Empty trash"), self.tr(
            "This cannot be undone. Really destroy them?"))
        if second != yes:
            return
        try:  # exactly what was listed: what someone trashed since stays, a restored one refuses
            trash.empty(self.store, self.rows)
        except Conflict as exc:
            conflict.tell_row_conflict(self, exc, lambda: None)
        except RmdeskError as exc:
            show_error(self, exc)
        self.refresh()
