"""Settings for keeping clients: the tier scheme (a preset) and each tier's cadence, the
RM's targets per period and daily activity goal, and how many days ahead personal-care
reminders show. Built in code: the cadence rows follow the chosen scheme."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.errors import RmdeskError
from rmdesk.gui import dialogs
from rmdesk.gui.cadence_edit import CadenceEdit
from rmdesk.gui.tier_rules_edit import TierRulesDialog as RulesDialog
from rmdesk.services import recurrence, settings, targets, tiering
from rmdesk.store.engine import Store


def _status(label: QLabel, error: RmdeskError | None, ok: str = "") -> None:
    label.setStyleSheet("color: #b00020;" if error else "color: #2e7d32;")
    label.setText(error.message() if error else ok)


class KeepingSettings(QGroupBox):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setTitle(self.tr("Keeping clients: tiers, cadences, targets, reminders"))
        self.store = store

        # tier scheme and cadences
        self.scheme = QComboBox()
        self.apply_scheme = QPushButton(self.tr("Use scheme and recompute tiers"))
        self.apply_scheme.clicked.connect(self.save_scheme)
        self.edit_rules_button = QPushButton(self.tr("Edit rules and thresholds…"))
        self.edit_rules_button.clicked.connect(self.edit_rules)
        self.cadence_form = QFormLayout()
        self.cadences: dict[str, CadenceEdit] = {}
        self.save_cadence_button = QPushButton(self.tr("Save cadences"))
        self.save_cadence_button.clicked.connect(self.save_cadences)
        self.scheme_status = QLabel()
        self.scheme_status.setWordWrap(True)
        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tier scheme")))
        row.addWidget(self.scheme, 1)
        left.addLayout(row)
        left.addWidget(self.apply_scheme)
        left.addWidget(self.edit_rules_button)
        left.addWidget(QLabel(self.tr("Maintenance cadence per tier")))
        left.addLayout(self.cadence_form)
        left.addWidget(self.save_cadence_button)
        left.addWidget(self.scheme_status)
        left.addStretch(1)

        # targets
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.currentTextChanged.connect(lambda _t: self.load_targets())
        target_form = QFormLayout()
        target_form.addRow(i18n.message("field.period"), self.period)
        self.targets: dict[str, QLineEdit] = {}
        lang = i18n.language()
        unit = i18n.message("unit.wan") if lang == "zh_CN" else "CNY"
        for measure in targets.MEASURES:
            edit = QLineEdit()
            caption = i18n.message(f"field.{measure}")
            if measure == "intl_settlement_usd":
                caption = caption.replace("（美元）", "（万美元）")  # zh_CN types 万 of USD; en plain USD
            elif measure in targets.MONEY_MEASURES:
                caption += f"（{unit}）" if lang == "zh_CN" else f" ({unit})"
            target_form.addRow(caption, edit)
            self.targets[measure] = edit
        self.daily = QSpinBox()
        self.daily.setRange(0, 200)
        target_form.addRow(i18n.message("field.daily_activities"), self.daily)
        self.save_targets_button = QPushButton(self.tr("Save targets"))
        self.save_targets_button.clicked.connect(self.save_targets)
        self.target_status = QLabel()
        self.target_status.setWordWrap(True)
        middle = QVBoxLayout()
        middle.addLayout(target_form)
        middle.addWidget(self.save_targets_button)
        middle.addWidget(self.target_status)
        middle.addStretch(1)

        # reminders
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(1, 90)
        self.reminder_days.setSuffix(self.tr(" days"))
        # the calendar export's reminder (a VALARM before each visit)
        self.calendar_alarm = QSpinBox()
        self.calendar_alarm.setRange(0, 7 * 24 * 60)
        self.calendar_alarm.setSingleStep(15)
        self.calendar_alarm.setSuffix(self.tr(" min"))
        self.calendar_alarm.setSpecialValueText(self.tr("No reminder"))
        self.save_reminder_button = QPushButton(self.tr("Save"))
        self.save_reminder_button.clicked.connect(self.save_reminders)
        self.reminder_status = QLabel()
        right = QVBoxLayout()
        remind_label = QLabel(self.tr("Remind of birthdays, anniversaries and festivals this many days ahead"))
        remind_label.setWordWrap(True)
        right.addWidget(remind_label)
        right.addWidget(self.reminder_days)
        calendar_label = QLabel(self.tr("In exported calendars (.ics), remind this many minutes before each visit"))
        calendar_label.setWordWrap(True)
        right.addWidget(calendar_label)
        right.addWidget(self.calendar_alarm)
        right.addWidget(self.save_reminder_button)
        right.addWidget(self.reminder_status)
        right.addStretch(1)
        for column in (left, middle, right):
            column.setContentsMargins(0, 0, 12, 0)
        # two columns: three side by side needed a horizontal scrollbar at 1280 px (issue 17)
        middle.insertLayout(middle.count() - 1, right)
        columns = QHBoxLayout(self)
        for column, stretch in ((left, 3), (middle, 2)):
            holder = QWidget()
            holder.setLayout(column)
            columns.addWidget(holder, stretch)

    def refresh(self) -> None:
        lang = i18n.language()
        active = tiering.get_scheme(self.store)
        self.scheme.blockSignals(True)
        self.scheme.clear()
        for key, preset in tiering.presets().items():
            self.scheme.addItem(tiering.scheme_label(preset, lang), key)
        self.scheme.setCurrentIndex(max(self.scheme.findData(active["key"]), 0))
        self.scheme.blockSignals(False)
        while self.cadence_form.rowCount():
            self.cadence_form.removeRow(0)
        self.cadences = {}
        for tier in active["tiers"]:
            edit = CadenceEdit(active["cadences"][tier])
            self.cadence_form.addRow(i18n.label("tier", tier), edit)
            self.cadences[tier] = edit
        year = str(clock.today().year)
        self.period.blockSignals(True)
        if self.period.count() == 0:
            self.period.addItems([year, str(int(year) + 1), f"{year}-H2"])
        self.period.blockSignals(False)
        self.load_targets()
        self.daily.setValue(targets.get_daily_goal(self.store))
        self.reminder_days.setValue(settings.get_reminder_days(self.store))
        self.calendar_alarm.setValue(settings.get_calendar_alarm_minutes(self.store))
        for label in (self.scheme_status, self.target_status, self.reminder_status):
            label.clear()

    def _factor(self, measure: str) -> Decimal:
        if i18n.language() != "zh_CN":
            return Decimal(1)
        return formatting.WAN if measure in targets.MONEY_MEASURES else Decimal(1)

    def load_targets(self) -> None:
        period = self.period.currentText().strip()
        try:
            values = targets.get_targets(self.store, period)
        except RmdeskError:
            return  # still being typed
        for measure, edit in self.targets.items():
            edit.setText(f"{(values[measure] / self._factor(measure)).normalize():f}")

    def save_scheme(self) -> None:
        try:
            tiering.choose_preset(self.store, self.scheme.currentData())
            changes = tiering.recompute(self.store)
        except RmdeskError as exc:
            _status(self.scheme_status, exc)
            return
        self.refresh()
        _status(self.scheme_status, None, self.tr("Scheme in use; %1 tiers changed.").replace(
            "%1", str(sum(not c.kept for c in changes))))

    def edit_rules(self) -> bool:
        dialog = RulesDialog(self.store, self)
        if dialogs.run(dialog):
            self.refresh()
            _status(self.scheme_status, None, self.tr("Rules saved. Recompute tiers to apply them."))
            return True
        return False

    def save_cadences(self) -> None:
        try:
            scheme = tiering.get_scheme(self.store)
            for tier, edit in self.cadences.items():
                scheme["cadences"][tier] = recurrence.validate_rule(edit.text(), "cadence")
            tiering.save_scheme(self.store, scheme)
        except RmdeskError as exc:
            _status(self.scheme_status, exc)
            return
        _status(self.scheme_status, None, self.tr("Saved."))

    def save_targets(self) -> None:
        values: dict[str, object] = {}
        for measure, edit in self.targets.items():
            text = edit.text().strip().replace(",", "")
            try:
                values[measure] = str((Decimal(text) * self._factor(measure)).normalize()) \
                    if measure in targets.MONEY_MEASURES else text
            except ArithmeticError:
                values[measure] = text  # the service names the field in the user's language
        try:
            targets.save_targets(self.store, self.period.currentText().strip(), values)
            targets.save_daily_goal(self.store, self.daily.value())
        except RmdeskError as exc:
            _status(self.target_status, exc)
            return
        _status(self.target_status, None, self.tr("Saved."))

    def save_reminders(self) -> None:
        try:
            settings.save_reminder_days(self.store, self.reminder_days.value())
            settings.save_calendar_alarm_minutes(self.store, self.calendar_alarm.value())
        except RmdeskError as exc:
            _status(self.reminder_status, exc)
            return
        _status(self.reminder_status, None, self.tr("Saved."))
