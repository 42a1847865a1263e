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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n, vocab
from rmdesk.gui.client.moves import request_move
from rmdesk.gui.widgets import CLIENT_ID_ROLE, step_label
from rmdesk.services import tiering
from rmdesk.services.pipeline import BoardFilter, ColumnTotal, board, column_totals, owners
from rmdesk.store.engine import Store

OVERDUE = QColor("#b00020")
STALE = QColor("#fff3cd")
# A branch's shared book can have tens of thousands of open cards: each column first shows the
# clients longest in their step, up to this many (the header gives the whole column's count and
# open amount); "Show more" at the column's foot shows MORE_CARDS more each time.
CARDS_PER_COLUMN = 100
MORE_CARDS = 200


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
        self.more: dict[int, QPushButton] = {}
        self.limits = dict.fromkeys(vocab.STEPS, CARDS_PER_COLUMN)  # cards shown per step
        self._limits_for: BoardFilter | None = None  # the filter they were shown for
        self.totals: dict[int, ColumnTotal] = {}
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
            more = QPushButton(self.tr("Show more"))
            more.setVisible(False)
            more.clicked.connect(lambda _checked=False, s=step: self.show_more(s))
            column.addWidget(header)
            column.addWidget(cards, 1)
            column.addWidget(more)
            self.more[step] = more
            self.headers[step] = header
            self.lists[step] = cards
            columns.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(columns, 1)
        self.versions = {}
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
        """A drop or a menu choice: the exit rule decides; an override asks why. The move is
        from the card as drawn (its client's version): someone's change since is refused, says
        who and when, and the board is redrawn."""
        request_move(self, self.store, client_id, step, self.versions.get(client_id))
        self.refresh()

    def current_filter(self) -> BoardFilter:
        return BoardFilter(search=self.search.text() or None, owner=self.owner.currentData(),
                           tier=self.tier.currentData(), industry=self.industry.currentData(),
                           include_parked=self.parked.isChecked())

    def refresh(self) -> None:
        f = self.current_filter()
        if f != self._limits_for:  # another filter: each column starts again from its first cards
            self.limits = dict.fromkeys(vocab.STEPS, CARDS_PER_COLUMN)
            self._limits_for = f
        columns = board(self.store, f, per_column=self.limits)
        self.versions: dict[int, int] = {}  # client id -> version of its card as drawn
        # the heads: the whole column's count and open amount (one grouped query), unless every
        # column is shown whole
        self.totals = column_totals(self.store, f) if any(
            len(columns[step]) >= self.limits[step] for step in vocab.STEPS) else {
            step: ColumnTotal(len(cards), sum((c.open_deal_amount for c in cards), Decimal(0)))
            for step, cards in columns.items()}
        for step, cards in columns.items():
            self._fill(step, cards)

    def show_more(self, step: int) -> None:
        """The column's next cards (the column read again, longer: what others changed since
        shows up, and no card is drawn twice)."""
        self.limits[step] += MORE_CARDS
        self._fill(step, board(self.store, self._limits_for or self.current_filter(), per_column=self.limits,
                               steps=(step,))[step])

    def _fill(self, step: int, cards) -> None:
        lang = i18n.language()
        today = clock.today()
        # Texts looked up once, not per card (thousands of cards on a big book).
        in_step, next_text, stale_text = self.tr("%1 d in step"), self.tr("Next %1"), self.tr("stale")
        overdue_tip = self.tr("Next action is overdue")
        stale_tip = self.tr("In this step longer than its limit (Settings)")
        tiers = {key: i18n.label("tier", key) for key in (*vocab.TIERS, None)}
        statuses = {key: i18n.label("status", key) for key in ("nurture", "lost")}
        overdue_brush, stale_brush = QBrush(OVERDUE), QBrush(STALE)
        total = self.totals[step]
        summary = self.tr("%1 clients").replace("%1", str(total.cards))
        if total.open_deal_amount:
            summary += " · " + formatting.money(total.open_deal_amount, lang)
        if total.cards > len(cards):
            summary += "<br>" + self.tr("Showing the %1 longest in step; filter to see others.").replace(
                "%1", str(len(cards)))
        self.headers[step].setText(f"<b>{step_label(step)}</b><br>{summary}")
        self.more[step].setVisible(total.cards > len(cards))
        widget = self.lists[step]
        widget.setUpdatesEnabled(False)
        widget.clear()
        for card in cards:
            facts = [tiers.get(card.tier, card.tier or ""), in_step.replace("%1", str(card.days_in_step))]
            if card.status in statuses:
                facts.insert(0, statuses[card.status])
            extra = []
            if card.next_action_date:
                d = card.next_action_date
                extra.append(next_text.replace("%1", f"{d.month:02d}-{d.day:02d}"))
            if card.open_deal_amount:
                extra.append(formatting.money(card.open_deal_amount, lang))
            if card.stale:
                extra.append(stale_text)
            lines = [card.name, " · ".join(filter(None, facts))] + ([" · ".join(extra)] if extra else [])
            text = "\n".join(lines)
            item = QListWidgetItem(text, widget)
            item.setData(CLIENT_ID_ROLE, card.client_id)
            self.versions[card.client_id] = card.version
            tip = [text]
            if card.overdue(today):
                item.setForeground(overdue_brush)
                tip.append(overdue_tip)
            if card.stale:
                item.setBackground(stale_brush)
                tip.append(stale_tip)
            item.setToolTip("\n".join(tip))
        widget.setUpdatesEnabled(True)
