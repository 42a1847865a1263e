"""Keeping clients: who is due (or overdue) for a maintenance contact, with one click to
plan the visit, and the personal-care occasions coming up (birthdays, anniversaries,
festival greetings). Due dates are already moved to working days of the Chinese calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.errors import RmdeskError
from rmdesk.gui import dialogs, folders
from rmdesk.gui.client.forms import VisitDialog
from rmdesk.gui.widgets import CLIENT_ID_ROLE, fill_table, heading, read_only_table, reminder_text
from rmdesk.services import cadence, clients, tiering, workcal
from rmdesk.services.cadence import DueItem, reason_text
from rmdesk.services.maintenance import care_reminders
from rmdesk.services.settings import get_reminder_days
from rmdesk.store.engine import Store

OVERDUE = QColor("#b00020")


class KeepingPage(QWidget):
    def __init__(self, store: Store, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.store = store
        self.open_client = open_client
        self.items: list[DueItem] = []

        self.days = QSpinBox()
        self.days.setRange(0, 90)
        self.days.setValue(14)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(self.refresh)
        self.summary = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff8e1; padding: 6px;")
        self.table = read_only_table()
        self.table.itemDoubleClicked.connect(
            lambda item: item.data(CLIENT_ID_ROLE) and open_client(item.data(CLIENT_ID_ROLE)))
        self.care_title = heading("", 1)
        self.care_empty = QLabel(self.tr("No birthdays, anniversaries or festivals coming up."))
        self.care_empty.setStyleSheet("color: #607d8b;")
        self.care = read_only_table()
        self.care.itemDoubleClicked.connect(
            lambda item: item.data(CLIENT_ID_ROLE) and open_client(item.data(CLIENT_ID_ROLE)))

        self.import_button = QPushButton(self.tr("Import business volumes (CSV)…"))
        self.import_button.setToolTip(self.tr("Columns (a header may use the name or the key): %1").replace(
            "%1", ", ".join(f"{name} ({key})" for name, key in tiering.import_column_names())))
        self.import_button.clicked.connect(self.choose_import)
        self.recompute_button = QPushButton(self.tr("Recompute tiers"))
        self.recompute_button.clicked.connect(self.recompute)
        self.holidays_button = QPushButton(self.tr("Holiday notice…"))
        self.holidays_button.setToolTip(self.tr("Enter a year's public holidays and make-up working days"))
        self.holidays_button.clicked.connect(self.edit_holidays)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Maintenance due")))
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.recompute_button)
        top.addWidget(self.holidays_button)
        top.addWidget(QLabel(self.tr("Look ahead")))
        top.addWidget(self.days)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.care_title)
        layout.addWidget(self.care_empty)
        layout.addWidget(self.care, 2)

    def refresh(self) -> None:
        today = clock.today()
        self.items = cadence.due_within(self.store, self.days.value())
        overdue = sum(1 for d in self.items if d.overdue_days)
        self.summary.setText(self.tr("%n client(s) due", "", len(self.items))
                             + self.tr(", %n of them overdue. Double-click a row to open the client.", "", overdue))
        years = {d.due.year for d in self.items} | {today.year, (today + timedelta(days=self.days.value())).year}
        beyond = sorted({y for y in years if not workcal.is_covered(y)} | set(workcal.coming_gap(self.store)))
        self.notice.setText("\n".join(i18n.message("cadence.calendar_beyond", year=y) for y in beyond))
        self.notice.setVisible(bool(beyond))
        fill_table(self.table, [self.tr("Due"), self.tr("Overdue"), self.tr("Client"), self.tr("Tier"),
                                self.tr("Last contact"), self.tr("Visit planned"), self.tr("Reason"), ""],
                   [(d.client_id, [formatting.day(d.due),
                                   self.tr("%1 d").replace("%1", str(d.overdue_days)) if d.overdue_days else "",
                                   d.client_name, i18n.label("tier", d.tier),
                                   formatting.day(d.last_contact) or self.tr("never"),
                                   formatting.minute(d.planned_visit), reason_text(d), ""]) for d in self.items])
        for row, item in enumerate(self.items):
            if item.overdue_days:
                for col in (0, 1):
                    self.table.item(row, col).setForeground(QBrush(OVERDUE))
            button = QPushButton(self.tr("Plan a visit"))
            button.setObjectName(f"plan_{item.client_id}")
            button.clicked.connect(lambda _=False, cid=item.client_id: self.plan_visit(cid))
            self.table.setCellWidget(row, 7, button)
        self.table.resizeColumnsToContents()
        if self.items:  # the cell buttons are not counted by resizeColumnsToContents: "Plan a vi…" was cut
            button = self.table.cellWidget(0, 7)
            self.table.setColumnWidth(7, max(self.table.columnWidth(7), button.sizeHint().width() + 8))
        self.table.horizontalHeader().setStretchLastSection(False)

        span = get_reminder_days(self.store)
        self.care_title.setText(self.tr("Personal care in the next %1 days").replace("%1", str(span)))
        reminders = care_reminders(self.store, span, today)
        fill_table(self.care, [self.tr("Date"), self.tr("Occasion"), self.tr("Client"), self.tr("Who")],
                   [(r.client_id, [formatting.day(r.day), *reminder_text(r)[:1], r.client_name,
                                   reminder_text(r)[1]]) for r in reminders])
        self.care.setVisible(bool(reminders))
        self.care_empty.setVisible(not reminders)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #2e7d32;")
        self.status.setText(text)

    def choose_import(self) -> None:
        path = folders.open_file(self, self.tr("Import business volumes"), self.tr("CSV files (*.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> int:
        try:
            with open(path, encoding="utf-8-sig") as fh:
                count = tiering.import_volumes(self.store, fh.read())
        except RmdeskError as exc:
            self._say(exc.message(), True)
            return 0
        except (OSError, UnicodeDecodeError) as exc:
            self._say(self.tr("Cannot read %1: %2").replace("%1", path).replace("%2", str(exc)), True)
            return 0
        self._say(self.tr("%n row(s) of business volumes imported. Recompute tiers to apply them.", "", count))
        return count

    def recompute(self) -> None:
        changes = tiering.recompute(self.store)
        self.refresh()
        changed, kept = sum(not c.kept for c in changes), sum(c.kept for c in changes)
        self._say(self.tr("%n tier(s) changed", "", changed) + self.tr(", %n manual tier(s) kept.", "", kept))

    def edit_holidays(self) -> bool:
        from rmdesk.gui.pages.holidays import HolidayNoticeDialog

        dialog = HolidayNoticeDialog(self.store, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialogs.run(dialog):
            self.refresh()
            self._say(self.tr("Holiday notice saved. Due dates now follow it."))
            return True
        return False

    def plan_visit(self, client_id: int) -> bool:
        """Open the visit editor for the client, prefilled as from its workspace."""
        dialog = VisitDialog(self.store, clients.get_client(self.store, client_id), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialogs.run(dialog):
            self.refresh()
            return True
        return False
