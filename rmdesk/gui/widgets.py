"""Small helpers shared by the pages (Qt side)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, i18n
from rmdesk.playbook import loader

if TYPE_CHECKING:  # the client list's glance at start builds on these helpers before SQLAlchemy loads
    from rmdesk.services.maintenance import Reminder

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def step_label(step: int) -> str:
    """'2 · 搜集情报' — the step number and its short name in the current language."""
    return f"{step} · {loader.load(i18n.language()).step(step).short}"


def heading(text: str, size_delta: int = 2) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    label.setFont(font)
    return label


def fill_table(table: QTableWidget, headers: list[str], rows: list[tuple[int | None, list[str]]]) -> None:
    """Fill a small read-only table; each row carries its client id for double-click."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, (client_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(CLIENT_ID_ROLE, client_id)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


def set_scrolling_body(page: QWidget, body: QWidget) -> None:
    """Show `body` in a scroll area that fills `page` edge to edge (long pages on a laptop)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)


def read_only_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return table


class WrappingCheckBox(QWidget):
    """A check box whose text wraps (QCheckBox never wraps); clicking the text toggles it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.checkbox = QCheckBox()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.mousePressEvent = lambda _event: self.checkbox.toggle()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.checkbox, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.toggled = self.checkbox.toggled

    def setChecked(self, on: bool) -> None:  # noqa: N802 - mirrors QCheckBox
        self.checkbox.setChecked(on)

    def isChecked(self) -> bool:  # noqa: N802
        return self.checkbox.isChecked()


def reminder_text(r: Reminder) -> tuple[str, str]:
    """(occasion, who) of a care reminder in the current language."""
    if r.kind == "birthday":
        what = i18n.message("reminder.lunar_birthday" if r.lunar else "reminder.birthday")
        return f"{what} ({r.years})", r.person or ""
    if r.kind == "anniversary":
        return i18n.message("reminder.anniversary", years=r.years), ""
    return i18n.message(f"reminder.{r.kind}"), i18n.message("reminder.festival_clients", count=r.clients)


def saved_row(button: QWidget) -> tuple[QWidget, QLabel]:
    """A Save button with "Saved at 10:32" beside it: a save that changes nothing else on the
    screen still shows that it happened (issue 17: no button is silent)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button)
    note = QLabel()
    note.setStyleSheet("color: #2e7d32;")
    layout.addWidget(note)
    layout.addStretch(1)
    return row, note


def say_saved(note: QLabel) -> None:
    note.setText(QCoreApplication.translate("Saved", "Saved at %1").replace("%1", clock.now().strftime("%H:%M")))
