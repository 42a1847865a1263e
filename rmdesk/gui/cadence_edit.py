"""A cadence an RM can set without RRULE text: "every N weeks/months, on <day>", with the
rule text kept as an advanced view for anything the simple form cannot say."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from rmdesk import i18n
from rmdesk.services import recurrence

UNITS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


def parse(rule: str) -> tuple[str, int, str | None] | None:
    """(FREQ, interval, day) of a rule the simple form can show, else None. day: a BYDAY
    weekday for weekly rules, a BYMONTHDAY ("1".."28" or "-1") for monthly ones."""
    text = (rule or "").strip().upper().replace(" ", "")
    parts = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    if not parts or parts.get("FREQ") not in UNITS or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    if not 1 <= interval <= 99:
        return None
    freq, day = parts["FREQ"], None
    if "BYDAY" in parts:
        if freq != "WEEKLY" or parts["BYDAY"] not in WEEKDAYS or "BYMONTHDAY" in parts:
            return None
        day = parts["BYDAY"]
    if "BYMONTHDAY" in parts:
        if freq != "MONTHLY" or parts["BYMONTHDAY"] not in {"-1", *map(str, range(1, 29))}:
            return None
        day = parts["BYMONTHDAY"]
    return freq, interval, day


def build(freq: str, interval: int, day: str | None) -> str:
    rule = f"FREQ={freq}" + (f";INTERVAL={interval}" if interval != 1 else "")
    if day and freq == "WEEKLY":
        rule += f";BYDAY={day}"
    elif day and freq == "MONTHLY":
        rule += f";BYMONTHDAY={day}"
    return rule


class CadenceEdit(QWidget):
    """text()/setText() give and take the RRULE text, as the QLineEdit it replaces did."""

    def __init__(self, rule: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.every = QSpinBox()
        self.every.setRange(1, 99)
        self.unit = QComboBox()
        for freq, name in zip(UNITS, (self.tr("days"), self.tr("weeks"), self.tr("months"), self.tr("years")),
                              strict=True):
            self.unit.addItem(name, freq)
        self.day = QComboBox()
        self.raw = QLineEdit()
        self.raw.setToolTip(self.tr("The rule as RFC 5545 text (RRULE), e.g. FREQ=MONTHLY;INTERVAL=3"))
        self.advanced = QCheckBox(self.tr("Rule text"))
        self.advanced.setToolTip(self.tr("Advanced: edit the rule as text"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.every_label = QLabel(self.tr("Every"))
        for widget in (self.every_label, self.every, self.unit, self.day, self.raw):
            row.addWidget(widget)
        row.addWidget(self.advanced)
        row.addStretch(1)
        self.unit.currentIndexChanged.connect(self._fill_days)
        self.advanced.toggled.connect(self._switch)
        for signal in (self.every.valueChanged, self.unit.currentIndexChanged, self.day.currentIndexChanged):
            signal.connect(self._update_tip)
        self.setText(rule)

    def _fill_days(self) -> None:
        freq = self.unit.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        if freq == "WEEKLY":
            self.day.addItem(self.tr("any weekday"), None)
            names = (self.tr("on Monday"), self.tr("on Tuesday"), self.tr("on Wednesday"), self.tr("on Thursday"),
                     self.tr("on Friday"))
            for key, name in zip(WEEKDAYS, names, strict=True):
                self.day.addItem(name, key)
        elif freq == "MONTHLY":
            self.day.addItem(self.tr("same day as the last contact"), None)
            for n in range(1, 29):
                self.day.addItem(self.tr("on day %1").replace("%1", str(n)), str(n))
            self.day.addItem(self.tr("on the last day of the month"), "-1")
        self.day.setVisible(self.day.count() > 0 and not self.advanced.isChecked())
        self.day.blockSignals(False)

    def _switch(self, on: bool) -> None:
        if on:
            self.raw.setText(self._simple_rule())
        else:
            parsed = parse(self.raw.text())
            if parsed is None:  # the text says more than the form can: stay with the text
                self.advanced.blockSignals(True)
                self.advanced.setChecked(True)
                self.advanced.blockSignals(False)
                return
            self._show(parsed)
        self._layout()

    def _layout(self) -> None:
        for widget in (self.every_label, self.every, self.unit):
            widget.setVisible(not self.advanced.isChecked())
        self.day.setVisible(not self.advanced.isChecked() and self.day.count() > 0)
        self.raw.setVisible(self.advanced.isChecked())
        self._update_tip()

    def _show(self, parsed: tuple[str, int, str | None]) -> None:
        freq, interval, day = parsed
        self.unit.setCurrentIndex(self.unit.findData(freq))
        self._fill_days()
        self.every.setValue(interval)
        self.day.setCurrentIndex(max(self.day.findData(day), 0) if day else 0)

    def _simple_rule(self) -> str:
        return build(self.unit.currentData(), self.every.value(), self.day.currentData())

    def _update_tip(self) -> None:
        text = self.text()
        self.setToolTip(recurrence.describe(text, i18n.language()) if parse(text) else text)

    def text(self) -> str:
        return self.raw.text() if self.advanced.isChecked() else self._simple_rule()

    def setText(self, rule: str) -> None:  # noqa: N802 - as QLineEdit
        parsed = parse(rule)
        if parsed is not None:
            self._show(parsed)
        self.raw.setText(rule)
        self.advanced.blockSignals(True)
        self.advanced.setChecked(parsed is None)
        self.advanced.blockSignals(False)
        self._layout()
