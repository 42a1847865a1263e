"""Pipeline: the kanban board. One column per step; dragging a card to another column
is the same step change as the workspace's Advance button (exit rule, or a reason)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n, vocab
from rmdesk.gui.common import CLIENT_ID_ROLE, step_label
from rmdesk.gui.moves import request_move
from rmdesk.services import clock, tiering
from rmdesk.services.pipeline import BoardFilter, board, owners
from rmdesk.store.engine import Store

OVERDUE = QColor("#b00020")
STALE = QColor("#fff3cd")


class BoardColumn(QListWidget):
    """A step's cards. Accepts cards dragged from the other columns; the drop only asks
    for the move — the board is then redrawn from the database, never moved locally."""

    def __init__(self, step: int, on_drop: Callable[[int, int], None]) -> None:
        super().__init__()
        self.step = step
        self.on_drop = on_drop
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(3)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if isinstance(event.source(), BoardColumn) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source = event.source()
        item = source.currentItem() if isinstance(source, BoardColumn) else None
        # Tell Qt nothing moved, so it neither inserts here nor deletes at the source.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if item is not None and source is not self:
            self.on_drop(item.data(CLIENT_ID_ROLE), self.step)


class PipelinePage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.open_client = open_client
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or pinyin…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: text or self.refresh())
        self.owner = QComboBox()
        self.tier = QComboBox()
        self.tier.addItem(self.tr("All tiers"), None)
        for key in tiering.get_scheme(store)["tiers"]:  # the tiers of the scheme in use
            self.tier.addItem(i18n.label("tier", key), key)
        self.industry = QComboBox()
        self.industry.addItem(self.tr("All industries"), None)
        for key in vocab.INDUSTRIES:
            self.industry.addItem(i18n.label("industry", key), key)
        self.parked = QCheckBox(self.tr("Show nurture and lost"))
        for combo in (self.owner, self.tier, self.industry):
            combo.activated.connect(self.refresh)
        self.parked.toggled.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for widget in (self.owner, self.tier, self.industry, self.parked):
            bar.addWidget(widget)

        self.headers: dict[int, QLabel] = {}
        self.lists: dict[int, BoardColumn] = {}
        columns = QHBoxLayout()
        columns.setSpacing(6)
        for step in vocab.STEPS:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(frame)
            column.setContentsMargins(4, 4, 4, 4)
            header = QLabel()
            header.setWordWrap(True)
            header.setMinimumHeight(40)
            cards = BoardColumn(step, self.move)
            cards.itemDoubleClicked.connect(lambda item: open_client(item.data(CLIENT_ID_ROLE)))
            cards.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            cards.customContextMenuRequested.connect(lambda pos, c=cards: self._menu(c, pos))
            column.addWidget(header)
            column.addWidget(cards, 1)
            self.headers[step] = header
            self.lists[step] = cards
            columns.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(columns, 1)
        self._fill_owners()

    def _fill_owners(self) -> None:
        current = self.owner.currentData()
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), None)
        for name in owners(self.store):
            self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(self.owner.findData(current), 0))

    def _menu(self, column: BoardColumn, pos) -> None:
        item = column.itemAt(pos)
        if item is None:
            return
        client_id = item.data(CLIENT_ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_client(client_id))
        menu.addSeparator()
        for step in vocab.STEPS:
            if step != column.step:
                menu.addAction(self.tr("Move to %1…").replace("%1", step_label(step)),
                               lambda s=step: self.move(client_id, s))
        menu.exec(column.viewport().mapToGlobal(pos))

    def move(self, client_id: int, step: int) -> None:
        """A drop or a menu choice: the exit rule decides; an override asks why."""
        request_move(self, self.store, client_id, step)
        self.refresh()

    def current_filter(self) -> BoardFilter:
        return BoardFilter(search=self.search.text() or None, owner=self.owner.currentData(),
                           tier=self.tier.currentData(), industry=self.industry.currentData(),
                           include_parked=self.parked.isChecked())

    def refresh(self) -> None:
        lang = i18n.language()
        today = clock.today()
        columns = board(self.store, self.current_filter())
        for step, cards in columns.items():
            total = sum((c.open_deal_amount for c in cards), Decimal(0))
            summary = self.tr("%1 clients").replace("%1", str(len(cards)))
            if total:
                summary += " · " + formatting.money(total, lang)
            self.headers[step].setText(f"<b>{step_label(step)}</b><br>{summary}")
            widget = self.lists[step]
            widget.setUpdatesEnabled(False)
            widget.clear()
            for card in cards:
                facts = [i18n.label("tier", card.tier), self.tr("%1 d in step").replace("%1", str(card.days_in_step))]
                if card.status in ("nurture", "lost"):
                    facts.insert(0, i18n.label("status", card.status))
                extra = []
                if card.next_action_date:
                    extra.append(self.tr("Next %1").replace("%1", card.next_action_date.strftime("%m-%d")))
                if card.open_deal_amount:
                    extra.append(formatting.money(card.open_deal_amount, lang))
                if card.stale:
                    extra.append(self.tr("stale"))
                lines = [card.name, " · ".join(filter(None, facts))] + ([" · ".join(extra)] if extra else [])
                item = QListWidgetItem("\n".join(lines), widget)
                item.setData(CLIENT_ID_ROLE, card.client_id)
                tip = ["\n".join(lines)]
                if card.overdue(today):
                    item.setForeground(QBrush(OVERDUE))
                    tip.append(self.tr("Next action is overdue"))
                if card.stale:
                    item.setBackground(QBrush(STALE))
                    tip.append(self.tr("In this step longer than its limit (Settings)"))
                item.setToolTip("\n".join(tip))
            widget.setUpdatesEnabled(True)
