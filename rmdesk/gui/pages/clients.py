"""Clients: the whole book as a windowed, database-sorted list with search.

Shown before the book is open (the start's first glance, rmdesk.services.glance), the page
lists the glance's first clients, and loads nothing that needs SQLAlchemy until
`attach(store)`. What the user does meanwhile is kept for the book, not lost: a search typed,
a filter or an order chosen are applied to the whole book once it is open, and a client
double-clicked is opened then."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmdesk import i18n, vocab
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui import dialogs
from rmdesk.gui.errors import show_error
from rmdesk.gui.pages.client_list_model import ClientTableModel
from rmdesk.gui.widgets import step_label

if TYPE_CHECKING:
    from rmdesk.services.clients import ClientQuery
    from rmdesk.services.glance import Glance
    from rmdesk.store.engine import Store


class ClientTable(QTableView):
    """Enter opens the selected client; Delete moves it to the trash."""

    def __init__(self, open_row: Callable[[int], None], delete_row: Callable[[int], None]) -> None:
        super().__init__()
        self._open_row = open_row
        self._delete_row = delete_row

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.currentIndex().isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_row(self.currentIndex().row())
                return
            if event.key() == Qt.Key.Key_Delete:
                self._delete_row(self.currentIndex().row())
                return
        super().keyPressEvent(event)


class ClientsPage(QWidget):
    LOADS_ITSELF = True  # the model counts and pages when built
    def __init__(self, store: Store | None, open_client: Callable[[int], object], glance: Glance | None = None) -> None:
        super().__init__()
        self.store = store
        self._open_client = open_client
        self.glance = glance  # the start's, while there is no store
        self.opening_asked: int | None = None  # the client double-clicked in the glance
        self.model = ClientTableModel(store, self, glance=glance)
        self.model.counted.connect(self._update_count)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, pinyin initials, credit code, contact…"))
        self.search.setClearButtonEnabled(True)
        self.step_filter = QComboBox()
        self.step_filter.addItem(self.tr("All steps"), None)
        for step in vocab.STEPS:
            self.step_filter.addItem(step_label(step), step)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in vocab.STATUSES:
            self.status_filter.addItem(i18n.label("status", status), status)
        self.new_button = QPushButton(self.tr("New client…"))
        self.new_button.clicked.connect(self.new_client)
        self.count = QLabel()

        # Search as you type, but query once the typing pauses.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.step_filter.currentIndexChanged.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)

        self.table = ClientTable(self._open_row, self.trash_row)
        self.trashed: list[tuple[int, int]] = []  # (client id, its version in the trash), newest last, for Ctrl+Z
        self.table.setModel(self.model)
        # the model's own order (name, ascending) shown before sorting is on: enabling it then
        # asks the model for the order it already has, and the book is counted once
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 300)
        for column, width in ((1, 110), (2, 90), (3, 120), (4, 80), (5, 80), (6, 100)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.step_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        # the glance: a search, filter or order is kept for the book (attach); nothing to add to
        self.new_button.setEnabled(store is not None)
        header.sortIndicatorChanged.connect(lambda *_: self._update_count())
        self._update_count()

    def attach(self, store: Store) -> None:
        """The book is open: the whole list, and everything else the page does, from it; the
        client double-clicked meanwhile is opened."""
        self.store = store
        self.glance = None
        self._debounce.stop()
        self.model.attach(store, self._query())
        self.new_button.setEnabled(True)
        self._update_count()
        asked, self.opening_asked = self.opening_asked, None
        if asked is not None:
            self._open_client(asked)

    def trash_row(self, row: int) -> None:
        """Delete = move to the trash (restorable); Ctrl+Z brings it back."""
        if self.store is None:
            return
        from rmdesk.gui.client import conflict
        from rmdesk.services import clients

        client_id = self.model.client_id(row)
        shown = self.model.row(row)
        try:  # from the row as listed: someone's change since is refused (who and when)
            version = clients.trash_client(self.store, client_id, shown.version if shown is not None else None)
        except Conflict as exc:
            conflict.tell_row_conflict(self, exc, self.refresh)
            return
        except RmdeskError as exc:
            show_error(self, exc)
            return
        self.trashed.append((client_id, version))
        self.refresh()
        self.count.setText(self.count.text() + "  ·  " + self.tr("Moved to the trash — Ctrl+Z to undo"))

    def undo_trash(self) -> bool:
        if not self.trashed:
            return False
        from rmdesk.gui.client import conflict
        from rmdesk.services import clients

        client_id, version = self.trashed.pop()
        try:  # as it was put there: restored and changed by someone since is theirs now
            clients.restore_client(self.store, client_id, version)
        except Conflict as exc:
            conflict.tell_row_conflict(self, exc, self.refresh)
        except RmdeskError as exc:
            show_error(self, exc)
        self.refresh()
        return True

    def _open_row(self, row: int) -> None:
        if self.store is None:  # the glance: opened once the book is
            self.opening_asked = self.model.client_id(row)
            self.count.setText(self.tr("Opening your book… the client opens in a moment"))
            return
        self._open_client(self.model.client_id(row))

    def apply_filters(self) -> None:
        self._debounce.stop()
        if self.store is not None:  # the glance: the book applies them once it is open (attach)
            self.model.set_query(self._query())
        self._update_count()

    def _query(self) -> ClientQuery:
        from rmdesk.services.clients import ClientQuery

        return ClientQuery(step=self.step_filter.currentData(), status=self.status_filter.currentData(),
                           search=self.search.text() or None)

    def _asked_meanwhile(self) -> bool:
        """Whether the user searched, filtered or sorted the glance (the book answers that)."""
        return bool(self.search.text() or self.step_filter.currentData() or self.status_filter.currentData()
                    or not self.model.sorted_as_read())

    def _update_count(self) -> None:
        if self.glance is not None and self._asked_meanwhile():
            self.count.setText(self.tr("Opening your book… the list follows your choice in a moment"))
        elif self.glance is not None:
            self.count.setText(self.tr("%n client(s) · opening your book…", "", self.glance.total))
        elif self.model.total_is_exact():
            self.count.setText(self.tr("%n client(s)", "", self.model.total()))
        else:  # a broad search in a big book: counted up to the cap (scroll to the end for all)
            self.count.setText(self.tr("More than %n clients", "", self.model.total()))

    def refresh(self) -> None:
        if self.store is None:
            return
        self.model.reload()
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_client(self) -> None:
        if self.store is None:
            return
        from rmdesk.gui.client.new_client import NewClientDialog  # its compiled form: only when asked for

        dialog = NewClientDialog(self.store, self)
        if dialogs.run(dialog) and dialog.client_id is not None:
            self.refresh()
            self._open_client(dialog.client_id)

    def select_first(self) -> QModelIndex:
        index = self.model.index(0, 0)
        self.table.setCurrentIndex(index)
        return index
