"""Pipeline: one column per step with its clients (the board; drag and drop come later)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n, vocab
from rmdesk.gui.common import CLIENT_ID_ROLE, step_label
from rmdesk.services import clock
from rmdesk.services.pipeline import BoardFilter, board
from rmdesk.store.engine import Store

OVERDUE = QColor("#b00020")


class PipelinePage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or pinyin…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda text: text or self.refresh())
        self.parked = QCheckBox(self.tr("Show nurture and lost"))
        self.parked.toggled.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.parked)

        self.headers: dict[int, QLabel] = {}
        self.lists: dict[int, QListWidget] = {}
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
            cards = QListWidget()
            cards.setWordWrap(False)
            cards.setTextElideMode(Qt.TextElideMode.ElideRight)
            cards.setSpacing(3)
            cards.setAlternatingRowColors(True)
            cards.itemDoubleClicked.connect(lambda item: open_client(item.data(CLIENT_ID_ROLE)))
            column.addWidget(header)
            column.addWidget(cards, 1)
            self.headers[step] = header
            self.lists[step] = cards
            columns.addWidget(frame, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(columns, 1)

    def refresh(self) -> None:
        lang = i18n.language()
        today = clock.today()
        columns = board(self.store, BoardFilter(search=self.search.text() or None,
                                                include_parked=self.parked.isChecked()))
        for step, cards in columns.items():
            total = sum((c.open_deal_amount for c in cards), Decimal(0))
            summary = self.tr("%1 clients").replace("%1", str(len(cards)))
            if total:
                summary += " · " + formatting.money(total, lang)
            self.headers[step].setText(f"<b>{step_label(step)}</b><br>{summary}")
            widget = self.lists[step]
            widget.clear()
            for card in cards:
                facts = [i18n.label("tier", card.tier), self.tr("%1 d in step").replace("%1", str(card.days_in_step))]
                if card.status in ("nurture", "lost"):
                    facts.insert(0, i18n.label("status", card.status))
                lines = [card.name, " · ".join(filter(None, facts))]
                extra = []
                if card.next_action_date:
                    extra.append(self.tr("Next %1").replace("%1", card.next_action_date.strftime("%m-%d")))
                if card.open_deal_amount:
                    extra.append(formatting.money(card.open_deal_amount, lang))
                if extra:
                    lines.append(" · ".join(extra))
                item = QListWidgetItem("\n".join(lines), widget)
                item.setToolTip("\n".join(lines))
                item.setData(CLIENT_ID_ROLE, card.client_id)
                if card.overdue(today):
                    item.setForeground(QBrush(OVERDUE))
                    item.setToolTip(item.toolTip() + "\n" + self.tr("Next action is overdue"))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
