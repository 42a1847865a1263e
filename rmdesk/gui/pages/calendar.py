"""Calendar: a day or a week of visits and due next steps. A visit opens in its client's
workspace (Visits tab, the visit selected); a next step opens its client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui.plan_print import preview_plans_between
from rmdesk.gui.widgets import CLIENT_ID_ROLE, heading
from rmdesk.services.visit_rows import VisitRow
from rmdesk.services.visits import open_tasks, visits_between
from rmdesk.store.engine import Store

VISIT_ROLE = Qt.ItemDataRole.UserRole + 3
TASK_COLOR = QColor("#6a1b9a")
UNCONFIRMED = QColor("#8a6d3b")
# A branch's shared book can plan thousands of visits a day: each day lists the first ones.
DAY_ITEMS = 200


class CalendarPage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.open_client = open_client
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Week"), "week")
        self.mode.addItem(self.tr("Day"), "day")
        self.mode.currentIndexChanged.connect(self.refresh)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self._set_date(clock.today())
        self.date.dateChanged.connect(self.refresh)
        back, today, forward = QPushButton("◀"), QPushButton(self.tr("Today")), QPushButton("▶")
        back.setToolTip(self.tr("Earlier"))
        forward.setToolTip(self.tr("Later"))
        back.clicked.connect(lambda: self.shift(-1))
        forward.clicked.connect(lambda: self.shift(1))
        today.clicked.connect(lambda: self._set_date(clock.today()))
        self.title = heading("")
        self.print_button = QPushButton(self.tr("Print call plans…"))
        self.print_button.setToolTip(self.tr("One PDF: a cover agenda, then the plan of every planned visit shown"))
        self.print_button.clicked.connect(self.print_plans)
        bar = QHBoxLayout()
        for widget in (self.mode, back, today, forward, self.date):
            bar.addWidget(widget)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.print_button)

        self.days: list[tuple[QLabel, QListWidget]] = []
        week = QWidget()
        week_row = QHBoxLayout(week)
        week_row.setContentsMargins(0, 0, 0, 0)
        week_row.setSpacing(4)
        for _ in range(7):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(frame)
            column.setContentsMargins(3, 3, 3, 3)
            label = QLabel()
            items = self._list()
            column.addWidget(label)
            column.addWidget(items, 1)
            self.days.append((label, items))
            week_row.addWidget(frame, 1)
        self.day_list = self._list()
        self.day_list.setWordWrap(True)
        self.views = QStackedWidget()
        self.views.addWidget(week)
        self.views.addWidget(self.day_list)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.views, 1)

    def _list(self) -> QListWidget:
        items = QListWidget()
        items.setTextElideMode(Qt.TextElideMode.ElideRight)
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        items.setSpacing(2)
        items.itemDoubleClicked.connect(self.open_item)
        return items

    def _set_date(self, day: date) -> None:
        self.date.setDate(QDate(day.year, day.month, day.day))

    def current(self) -> date:
        d = self.date.date()
        return date(d.year(), d.month(), d.day())

    def shift(self, direction: int) -> None:
        self._set_date(self.current() + timedelta(days=direction * (7 if self.mode.currentData() == "week" else 1)))

    def shown_range(self) -> tuple[date, int]:
        """The first day and the number of days on screen."""
        anchor = self.current()
        if self.mode.currentData() == "week":
            return anchor - timedelta(days=anchor.weekday()), 7
        return anchor, 1

    def print_plans(self) -> None:
        preview_plans_between(self, self.store, *self.shown_range())

    def open_item(self, item: QListWidgetItem) -> None:
        window = self.open_client(item.data(CLIENT_ID_ROLE))
        visit_id = item.data(VISIT_ROLE)
        if visit_id and hasattr(window, "show_visit"):
            window.show_visit(visit_id)

    def _weekday(self, day: date) -> str:
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                 self.tr("Sun")]
        return names[day.weekday()]

    def _visit_item(self, v: VisitRow, detailed: bool) -> QListWidgetItem:
        unconfirmed = self.tr("(not confirmed)") if not v.confirmed and v.status == "planned" else ""
        if detailed:
            parts = [v.planned_at.strftime("%H:%M"), v.client_name, v.contact_name or "",
                     v.place or i18n.label("visit_kind", v.kind), v.objective or "", unconfirmed]
            text = " · ".join(p for p in parts if p)
        else:  # a narrow week column: time and meeting, then the client
            text = " ".join(filter(None, [v.planned_at.strftime("%H:%M"), v.contact_name, unconfirmed])) \
                + "\n" + v.client_name
        item = QListWidgetItem(text)
        item.setData(CLIENT_ID_ROLE, v.client_id)
        item.setData(VISIT_ROLE, v.id)
        item.setToolTip("\n".join(filter(None, [formatting.minute(v.planned_at), v.client_name, v.contact_name,
                                                v.place, v.objective, i18n.label("visit_status", v.status)])))
        if not v.confirmed and v.status == "planned":
            item.setForeground(QBrush(UNCONFIRMED))
        return item

    def refresh(self) -> None:
        week = self.mode.currentData() == "week"
        self.views.setCurrentIndex(0 if week else 1)
        start, length = self.shown_range()
        end = start + timedelta(days=length - 1)
        self.title.setText(f"{formatting.day(start)} – {formatting.day(end)}" if week
                           else f"{formatting.day(start)} {self._weekday(start)}")
        lists = [items for _, items in self.days] if week else [self.day_list]
        for offset, items in enumerate(lists):
            day = start + timedelta(days=offset)
            if week:
                label = self.days[offset][0]
                label.setText(f"<b>{self._weekday(day)}</b> {day.strftime('%m-%d')}")
                label.setStyleSheet("background: #e3f2fd;" if day == clock.today() else "")
            items.clear()
            # day by day, each with its own limit (the database stops at the first ones)
            visits = visits_between(self.store, day, 1, limit=DAY_ITEMS + 1)
            tasks = open_tasks(self.store, due_from=day, due_by=day, limit=DAY_ITEMS + 1)
            more = len(visits) > DAY_ITEMS or len(tasks) > DAY_ITEMS
            visits, tasks = visits[:DAY_ITEMS], tasks[:DAY_ITEMS]
            for v in visits:
                items.addItem(self._visit_item(v, detailed=not week))
            for t in tasks:
                text = self.tr("Next step: %1 — %2").replace("%1", t.title).replace("%2", t.client_name)
                item = QListWidgetItem("☐ " + (text if not week else t.title + "\n" + t.client_name))
                item.setToolTip(text)
                item.setData(CLIENT_ID_ROLE, t.client_id)
                item.setForeground(QBrush(TASK_COLOR))
                items.addItem(item)
            if more:
                items.addItem(QListWidgetItem(self.tr("Showing the first %1.").replace("%1", str(DAY_ITEMS))))
            if not items.count() and not week:
                items.addItem(QListWidgetItem(self.tr("Nothing planned.")))
