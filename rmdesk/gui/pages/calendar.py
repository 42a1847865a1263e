"""Calendar: the visits of the next two weeks, day by day."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from rmdesk import formatting, i18n
from rmdesk.gui.common import CLIENT_ID_ROLE, heading
from rmdesk.services import clock
from rmdesk.services.visits import visits_between
from rmdesk.store.engine import Store

DAYS = 14


class CalendarPage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Day / time"), self.tr("Client"), self.tr("Meeting"),
                                   self.tr("Place"), self.tr("Objective"), self.tr("Confirmed")])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(
            lambda item, _col: item.data(0, CLIENT_ID_ROLE) and open_client(item.data(0, CLIENT_ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Visits in the next 14 days")))
        layout.addWidget(self.tree)

    def refresh(self) -> None:
        self.tree.clear()
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                    self.tr("Sat"), self.tr("Sun")]
        days: dict[str, QTreeWidgetItem] = {}
        for visit in visits_between(self.store, clock.today(), DAYS):
            key = formatting.day(visit.planned_at)
            if key not in days:
                days[key] = QTreeWidgetItem(self.tree, [f"{key} {weekdays[visit.planned_at.weekday()]}"])
                days[key].setFirstColumnSpanned(True)
            item = QTreeWidgetItem(days[key], [
                visit.planned_at.strftime("%H:%M"), visit.client_name, visit.contact_name or "",
                visit.place or i18n.label("visit_kind", visit.kind), visit.objective or "",
                self.tr("Yes") if visit.confirmed else self.tr("No")])
            item.setData(0, CLIENT_ID_ROLE, visit.client_id)
        self.tree.expandAll()
        if not days:
            QTreeWidgetItem(self.tree, [self.tr("No visits planned.")]).setFlags(Qt.ItemFlag.NoItemFlags)
