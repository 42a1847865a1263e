"""The client list as a windowed Qt model: the row count comes from the database and
rows are fetched a page at a time when the view asks for them (scrolling anywhere in a
100k book fetches only the pages shown), kept in a small LRU cache. Sorting and
filtering are done by the database, never in Python.

Made from the start's first glance at the book (`glance`, rmdesk.services.glance) the model
holds that first page alone, read-only, until `attach(store)` (the services, and SQLAlchemy
with them, are loaded then).

A broad search in a big book is counted only up to COUNT_CAP ("More than 1000"): the model
then holds that many rows, and scrolling to the end (fetchMore) counts the rest."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from rmdesk import formatting, i18n
from rmdesk.gui.widgets import CLIENT_ID_ROLE, step_label
from rmdesk.services.client_row import ClientRow

if TYPE_CHECKING:
    from rmdesk.services.clients import ClientQuery
    from rmdesk.services.glance import Glance
    from rmdesk.store.engine import Store

PAGE_SIZE = 200
MAX_PAGES = 16  # rows kept in memory: at most PAGE_SIZE * MAX_PAGES


class ClientTableModel(QAbstractTableModel):
    counted = Signal()  # the exact count arrived after a capped one
    COLUMNS = ("name", "industry", "tier", "step", "status", "owner", "district", "next_action_date")
    FIRST_ORDER = ("name", False)  # (sort key, descending): the list's order until the user picks one

    def __init__(self, store: Store | None, parent: QObject | None = None, glance: Glance | None = None) -> None:
        """On `store`, or with no store on the start's `glance` (its page alone) until attach."""
        super().__init__(parent)
        self._store = store
        self._query: ClientQuery | None = None  # no filter (made by the first reload)
        self._sort, self._descending = self.FIRST_ORDER
        self._pages: OrderedDict[int, list[ClientRow]] = OrderedDict()
        self._total = 0
        self._exact = True  # False: more than _total rows match (a capped count)
        if store is not None:
            self.reload()
        elif glance is not None:  # the glance's page in the list's first order; scrolling stops at its end
            self._pages[0] = glance.rows[:PAGE_SIZE]
            self._total = len(self._pages[0])

    def attach(self, store: Store, query: ClientQuery | None = None) -> None:
        """The book is open: the whole list from it (the glance's page is read again), searched
        and filtered by `query` and in the order asked for meanwhile."""
        self._store = store
        self._query = query
        self.reload()

    def is_live(self) -> bool:
        """False while the model shows the start's glance (no store yet)."""
        return self._store is not None

    def headers(self) -> list[str]:
        return [self.tr("Client"), self.tr("Industry"), self.tr("Tier"), self.tr("Step"), self.tr("Status"),
                self.tr("Owner"), self.tr("District"), self.tr("Next action")]

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        from rmdesk.services.clients import ClientQuery, first_page

        self.beginResetModel()
        self._pages.clear()
        # the count and the first page in one read (a search's gathered page counts itself)
        if self._query is None:
            self._query = ClientQuery()
        self._total, self._exact, self._pages[0] = first_page(self._store, self._query, sort=self._sort,
                                                              descending=self._descending, limit=PAGE_SIZE)
        self.endResetModel()

    def set_query(self, query: ClientQuery) -> None:
        self._query = query
        self.reload()

    def total(self) -> int:
        return self._total

    def total_is_exact(self) -> bool:
        """False while the count stopped at the cap: more than total() rows match."""
        return self._exact

    def _page(self, number: int) -> list[ClientRow]:
        rows = self._pages.get(number)
        if rows is None:
            from rmdesk.services.clients import list_clients

            rows = list_clients(self._store, self._query, sort=self._sort, descending=self._descending,
                                offset=number * PAGE_SIZE, limit=PAGE_SIZE, total=self._total,
                                total_exact=self._exact)
            self._pages[number] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows

    def row(self, row: int) -> ClientRow | None:
        """The row at `row`, fetching its page if needed (None past the end: the book
        shrank since the count, e.g. another writer)."""
        if not 0 <= row < self._total:
            return None
        rows = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    # Every counted row is addressable at once (pages load on demand); past a capped
    # count, the view asks for more when scrolled to the end and the rest is counted.
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exact

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        from rmdesk.services.clients import count_clients_capped

        total, _exact = count_clients_capped(self._store, self._query, cap=None)
        self._exact = True
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:  # another writer removed clients since the capped count
            self.beginResetModel()
            self._pages.clear()
            self._total = total
            self.endResetModel()
        self.counted.emit()

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view re-applying the current order (e.g. when set up)
        self._sort, self._descending = key, descending
        if self._store is None:
            return  # the start's glance: the book sorts it so once it is open (attach)
        self.reload()

    def sorted_as_read(self) -> bool:
        """Whether the rows shown are in the order asked for (not so in the glance once the
        user asked for another one: that waits for the book)."""
        return self._store is not None or (self._sort, self._descending) == self.FIRST_ORDER

    # --- model -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, CLIENT_ID_ROLE):
            return None
        row = self.row(index.row())
        if row is None:
            return None
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
        found = self.row(row)
        if found is None:
            raise IndexError(row)
        return found.id
