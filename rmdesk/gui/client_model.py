"""The client list as a windowed Qt model: rows come from the services a page at a
time (fetchMore), sorting and filtering are done by the database, never in Python."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from rmdesk import formatting, i18n
from rmdesk.gui.common import CLIENT_ID_ROLE, step_label
from rmdesk.services.clients import ClientQuery, ClientRow, count_clients, list_clients
from rmdesk.store.engine import Store

PAGE_SIZE = 200


class ClientTableModel(QAbstractTableModel):
    COLUMNS = ("name", "industry", "tier", "step", "status", "owner", "district", "next_action_date")

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ClientQuery()
        self._sort = "name"
        self._descending = False
        self._rows: list[ClientRow] = []
        self._total = 0
        self.reload()

    def headers(self) -> list[str]:
        return [self.tr("Client"), self.tr("Industry"), self.tr("Tier"), self.tr("Step"), self.tr("Status"),
                self.tr("Owner"), self.tr("District"), self.tr("Next action")]

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._total = count_clients(self._store, self._query)
        self._rows = list_clients(self._store, self._query, sort=self._sort, descending=self._descending,
                                  limit=PAGE_SIZE)
        self.endResetModel()

    def set_query(self, query: ClientQuery) -> None:
        self._query = query
        self.reload()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        more = list_clients(self._store, self._query, sort=self._sort, descending=self._descending,
                            offset=len(self._rows), limit=PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = self.COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- model -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CLIENT_ID_ROLE:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "name":
            return row.name
        if column == "industry":
            return i18n.label("industry", row.industry)
        if column == "tier":
            return i18n.label("tier", row.tier)
        if column == "step":
            return step_label(row.step)
        if column == "status":
            return i18n.label("status", row.status)
        if column == "next_action_date":
            return formatting.day(row.next_action_date)
        return getattr(row, column) or ""

    def client_id(self, row: int) -> int:
        return self._rows[row].id
