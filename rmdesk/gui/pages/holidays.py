"""The RM enters a year's State Council holiday notice (国务院办公厅节假日安排通知): each
holiday's first and last day off and the make-up working days, typed in a short form or
read from a small text file (see rmdesk.formats.holiday_notice). Saved in the data, it
wins over the chinese-calendar package for that year."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from rmdesk import clock, i18n
from rmdesk.errors import RmdeskError, ValidationError
from rmdesk.formats import holiday_notice
from rmdesk.gui.dialogs import FormDialog
from rmdesk.services import workcal
from rmdesk.store.engine import Store

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class HolidayNoticeDialog(FormDialog):
    def __init__(self, store: Store, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Holiday notice"), parent)
        self.store = store
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "Enter the public holidays and make-up working days of the State Council's notice for the year. "
            "They replace the built-in calendar for that year. Dates as 2027-01-01; leave a holiday empty "
            "if the notice has none. Save with everything empty to remove the year's entry."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        gap = workcal.coming_gap(store)
        self.year.setValue(year or (gap[0] if gap else clock.today().year + 1))
        self.year.valueChanged.connect(self.load_year)
        self.source = QLabel()
        self.source.setStyleSheet("color: #607d8b;")
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.source, 1)
        self.form.addRow(self.tr("Year"), row)
        self.days: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for key in workcal.NOTICE_HOLIDAYS:
            first, last = QLineEdit(), QLineEdit()
            first.setPlaceholderText(self.tr("first day off"))
            last.setPlaceholderText(self.tr("last day off"))
            for edit in (first, last):
                edit.setObjectName(f"{key}_{'first' if edit is first else 'last'}")
            pair = QHBoxLayout()
            pair.addWidget(first)
            pair.addWidget(QLabel(self.tr("to")))
            pair.addWidget(last)
            self.days[key] = (first, last)
            self.form.addRow(i18n.label("holiday", key), pair)
        self.workdays = QLineEdit()
        self.workdays.setObjectName("workdays")
        self.workdays.setPlaceholderText(self.tr("e.g. 2027-02-14 2027-02-20"))
        self.form.addRow(self.tr("Make-up working days"), self.workdays)
        self.import_button = QPushButton(self.tr("Import a notice file…"))
        self.import_button.setToolTip(self.tr(
            "A UTF-8 text file, one line per holiday: name, first day, last day (元旦 2027-01-01 2027-01-03), "
            "and a line \"班\" or \"work\" with the make-up working days."))
        self.import_button.clicked.connect(self.choose_file)
        self.form.addRow("", self.import_button)
        self.submit = self.save
        self.load_year()

    def load_year(self) -> None:
        notice = workcal.notice(self.store, self.year.value())
        for first, last in self.days.values():
            first.clear()
            last.clear()
        for key, first, last in notice.holidays:
            if key in self.days:
                self.days[key][0].setText(first.isoformat())
                self.days[key][1].setText(last.isoformat())
        self.workdays.setText(" ".join(d.isoformat() for d in notice.workdays))
        if notice.entered:
            self.source.setText(self.tr("Entered by you."))
        elif notice.holidays:
            self.source.setText(self.tr("From the built-in calendar; saving makes it your entry."))
        else:
            self.source.setText(self.tr("Not known yet: only weekends are skipped."))
        self.error.hide()

    def fill(self, notice: holiday_notice.ParsedNotice) -> None:
        """Put a parsed notice into the form (the user still saves it)."""
        self.year.blockSignals(True)
        self.year.setValue(notice.year)
        self.year.blockSignals(False)
        for first, last in self.days.values():
            first.clear()
            last.clear()
        for key, first, last in notice.holidays:
            if key in self.days:
                self.days[key][0].setText(first.isoformat())
                self.days[key][1].setText(last.isoformat())
        self.workdays.setText(" ".join(d.isoformat() for d in notice.workdays))
        self.source.setText(self.tr("Read from the file; check and save."))
        self.error.hide()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a holiday notice"), "",
                                              self.tr("Text files (*.txt *.csv);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        try:
            with open(path, "rb") as fh:
                raw = fh.read(holiday_notice.MAX_BYTES + 1)
            self.fill(holiday_notice.parse(raw.decode("utf-8-sig")))
        except RmdeskError as exc:
            self._error(exc.message())
            return False
        except UnicodeDecodeError:
            self._error(self.tr("The file is not UTF-8 text."))
            return False
        except OSError as exc:
            self._error(self.tr("Cannot read %1: %2").replace("%1", path).replace("%2", exc.strerror or str(exc)))
            return False
        return True

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> int:
        holidays = []
        for key, (first, last) in self.days.items():
            a, b = first.text().strip(), last.text().strip()
            if a or b:
                if not a:
                    raise ValidationError("error.required", f"label.holiday.{key}")
                holidays.append((key, a, b or a))
        text = self.workdays.text().strip()
        workdays = re.split(r"[\s,，、;；]+", text) if text else []
        return workcal.save_notice(self.store, self.year.value(), holidays, workdays)
