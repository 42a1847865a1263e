"""Step 3's "Products that fit" panel: the products suggested from the client's confirmed
needs and industry (services.product_guide), ranked, each with why and its pitch; a
double-click opens the product in the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rmdesk import i18n
from rmdesk.errors import RmdeskError
from rmdesk.gui.widgets import fill_table, read_only_table
from rmdesk.services import product_guide
from rmdesk.store.engine import Store

KEY_ROLE = Qt.ItemDataRole.UserRole + 3


class ProductSuggestionsPanel(QWidget):
    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__()
        self.store = store
        self.client_id = client_id
        self.table = read_only_table()
        self.table.setMaximumHeight(170)
        self.table.setWordWrap(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.empty = QLabel(self.tr("Confirm a need to see the products that fit."))
        self.empty.setWordWrap(True)
        browse = QPushButton(self.tr("Product catalogue…"))
        browse.clicked.connect(lambda: self._open(self.table.currentRow()))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Products that fit")))
        head.addStretch(1)
        head.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def refresh(self, client) -> None:
        lang = i18n.language()
        try:
            found = product_guide.suggest_for_client(self.store, self.client_id, client.industry, lang)
        except RmdeskError as exc:  # a broken guide file: say which, keep the workspace usable
            found = []
            self.empty.setText(exc.message())
        else:
            self.empty.setText(self.tr("Confirm a need to see the products that fit."))
        fill_table(self.table, [self.tr("Product"), self.tr("Why"), self.tr("Pitch")],
                   [(None, [s.name, s.reason(lang), s.pitch]) for s in found])
        for row, s in enumerate(found):
            self.table.item(row, 0).setData(KEY_ROLE, s.key)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))

    def _open(self, row: int) -> None:
        from rmdesk.gui.product_catalogue import ProductCatalogueDialog

        item = self.table.item(row, 0) if row >= 0 else None
        ProductCatalogueDialog(self, key=item.data(KEY_ROLE) if item is not None else None).exec()
