"""Today: the visits of the day and the next steps that are overdue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from rmdesk import formatting, i18n
from rmdesk.gui.common import CLIENT_ID_ROLE, fill_table, heading, read_only_table
from rmdesk.services import clock
from rmdesk.services.clients import is_empty
from rmdesk.services.visits import open_tasks, visits_between
from rmdesk.store.engine import Store


class TodayPage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.title = heading("")
        self.visits = read_only_table()
        self.tasks = read_only_table()
        self.visits_empty = QLabel(self.tr("No visits planned for today."))
        self.tasks_empty = QLabel(self.tr("No overdue next steps."))
        for table in (self.visits, self.tasks):
            table.itemDoubleClicked.connect(lambda item: self._open(item, open_client))
        self.welcome = QLabel(self.tr(
            "Your client book is empty. Create your first client with File › New client (Ctrl+N), "
            "or try rmdesk with a demo book: run “rmdesk demo --clients 200” in a terminal."))
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("background: #e3f2fd; padding: 10px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.welcome)
        layout.addWidget(heading(self.tr("Today's visits"), 1))
        layout.addWidget(self.visits_empty)
        layout.addWidget(self.visits, 1)
        layout.addWidget(heading(self.tr("Next steps due or overdue"), 1))
        layout.addWidget(self.tasks_empty)
        layout.addWidget(self.tasks, 1)
        layout.addStretch(0)

    @staticmethod
    def _open(item: QTableWidgetItem, open_client: Callable[[int], object]) -> None:
        client_id = item.data(CLIENT_ID_ROLE)
        if client_id:
            open_client(client_id)

    def refresh(self) -> None:
        today = clock.today()
        self.title.setText(self.tr("Today, %1").replace("%1", formatting.day(today)))
        visits = visits_between(self.store, today, 1)
        fill_table(self.visits, [self.tr("Time"), self.tr("Client"), self.tr("Meeting"), self.tr("Kind"),
                                 self.tr("Objective")],
                   [(v.client_id, [v.planned_at.strftime("%H:%M"), v.client_name, v.contact_name or "",
                                   i18n.label("visit_kind", v.kind), v.objective or ""]) for v in visits])
        tasks = open_tasks(self.store, due_by=today)
        fill_table(self.tasks, [self.tr("Due"), self.tr("Client"), self.tr("Owner"), self.tr("Next step")],
                   [(t.client_id, [formatting.day(t.due_date), t.client_name, t.owner, t.title]) for t in tasks])
        self.visits_empty.setVisible(not visits)
        self.tasks_empty.setVisible(not tasks)
        self.visits.setVisible(bool(visits))
        self.tasks.setVisible(bool(tasks))
        self.welcome.setVisible(is_empty(self.store))
