"""The trash: restore clients, or destroy them for good after asking twice."""

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
from rmdesk.gui.common import fill_table, read_only_table
from rmdesk.services import clients
from rmdesk.store.engine import Store


class TrashDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Trash"))
        self.resize(560, 380)
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
        self.confirm = QMessageBox.question  # replaced in tests
        self.refresh()

    def refresh(self) -> None:
        self.rows = clients.trash(self.store)
        fill_table(self.table, [self.tr("Client"), self.tr("Deleted")],
                   [(r.id, [r.name, formatting.minute(r.deleted_at)]) for r in self.rows])
        self.empty_button.setEnabled(bool(self.rows))

    def restore(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            clients.restore_client(self.store, self.rows[row].id)
            self.refresh()

    def empty(self) -> None:
        yes = QMessageBox.StandardButton.Yes
        first = self.confirm(self, self.tr("Empty trash"), self.tr(
            "Destroy the %1 client(s) in the trash with all their visits, deals and notes?")
            .replace("%1", str(len(self.rows))))
        if first != yes:
            return
        second = self.confirm(self, self.tr("Empty trash"), self.tr(
            "This cannot be undone. Really destroy them?"))
        if second != yes:
            return
        clients.empty_trash(self.store)
        self.refresh()
