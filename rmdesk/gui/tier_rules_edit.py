"""The tier rules as a table an RM can edit without JSON: one row per condition (tier, all /
any, measure, comparison, threshold in the input unit), the point weights per 10,000 yuan of
each volume measure and the USD rate; the JSON text stays as the advanced view. The service
validates (tiering.scheme_from_rows / save_scheme), in the user's language."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n, vocab
from rmdesk.errors import RmdeskError
from rmdesk.gui import dialogs
from rmdesk.gui.dialogs import FormDialog
from rmdesk.services import tiering
from rmdesk.services.tiering import ConditionRow
from rmdesk.store.engine import Store

TIER, GROUP, METRIC, OP, VALUE, UNIT = range(6)


def _unit(metric: str, lang: str) -> tuple[Decimal, str]:
    """(factor, caption) of a measure's threshold as typed: 万元 / 万美元 in Chinese, CNY / USD in English."""
    if metric not in tiering.MONEY_METRICS:
        return Decimal(1), "%" if metric == "rank_pct" else ""
    usd = metric == "intl_settlement_usd"
    if lang == "zh_CN":
        return formatting.input_unit_factor(lang), "万美元" if usd else i18n.message("unit.wan")
    return Decimal(1), "USD" if usd else "CNY"


class TierRulesDialog(FormDialog):
    """The scheme in use as a table; `text` is the advanced JSON view."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tier rules"), parent)
        self.store = store
        self.lang = i18n.language()
        self.scheme = tiering.get_scheme(store)
        self.setMinimumSize(820, 600)
        intro = QLabel(self.tr(
            "Each row is one condition of a tier. Tiers are tried from best to last: a client gets the first "
            "tier whose conditions hold (every row marked \"all of these\", and at least one marked \"any of these\"); the last tier "
            "takes every other client and has no conditions. Money thresholds are in the unit shown."))
        intro.setWordWrap(True)
        self.form.addRow(intro)

        # the table view
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Must hold"), self.tr("Measure"),
                                              self.tr("Comparison"), self.tr("Threshold"), self.tr("Unit")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(METRIC, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add condition"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove condition"))
        self.remove_button.clicked.connect(self.remove_row)
        self.add_tier_button = QPushButton(self.tr("Add tier…"))
        self.add_tier_button.clicked.connect(self.add_tier)
        self.remove_tier_button = QPushButton(self.tr("Remove tier…"))
        self.remove_tier_button.clicked.connect(self.remove_tier)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.add_tier_button, self.remove_tier_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        weights_box = QGroupBox(self.tr("Points per 10,000 yuan of each volume (the \"points\" measure)"))
        grid = QGridLayout(weights_box)
        self.weights: dict[str, QLineEdit] = {}
        for i, name in enumerate(tiering.VOLUME_FIELDS):
            edit = QLineEdit(self.scheme["points"].get(name, ""))
            edit.setPlaceholderText("0")
            self.weights[name] = edit
            grid.addWidget(QLabel(i18n.message(f"field.{name}")), i // 3, (i % 3) * 2)
            grid.addWidget(edit, i // 3, (i % 3) * 2 + 1)
        rate_form = QFormLayout()
        self.usd_rate = QLineEdit(self.scheme["usd_rate"])
        rate_form.addRow(i18n.message("field.usd_rate"), self.usd_rate)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(buttons)
        table_layout.addWidget(weights_box)
        table_layout.addLayout(rate_form)

        # the advanced text view
        self.text = QPlainTextEdit(tiering.scheme_text(store))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_help = QLabel(self.tr(
            "The whole scheme as text (JSON): tiers, rules, cadences, point weights and the USD rate. "
            "Amounts here are in yuan (settlement in US dollars)."))
        text_help.setWordWrap(True)
        text_layout.addWidget(text_help)
        text_layout.addWidget(self.text, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(table_page)
        self.pages.addWidget(text_page)
        self.form.addRow(self.pages)
        self.advanced = QCheckBox(self.tr("Edit as text (advanced)"))
        self.advanced.toggled.connect(self.switch)
        self.form.addRow(self.advanced)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.form.addRow(self.note)
        self.load_rows(self.scheme)
        self.submit = self.save

    # ---- rows ---------------------------------------------------------------------------

    def load_rows(self, scheme: dict) -> bool:
        """Fill the table from a scheme; False (and the text view) when the table cannot say it."""
        rows = tiering.scheme_rows(scheme)
        self.table.setRowCount(0)
        if rows is None:
            self.note.setText(self.tr("These rules give a tier more than one rule or use another order; "
                                      "the table cannot show them, so they are edited as text."))
            self.note.show()
            self.advanced.blockSignals(True)
            self.advanced.setChecked(True)
            self.advanced.blockSignals(False)
            self.pages.setCurrentIndex(1)
            return False
        self.note.hide()
        for row in rows:
            self.add_row(row)
        for name, edit in self.weights.items():
            edit.setText(scheme["points"].get(name, ""))
        self.usd_rate.setText(scheme["usd_rate"])
        return True

    def add_row(self, row: ConditionRow | None = None) -> None:
        tiers = self.scheme["tiers"][:-1] or self.scheme["tiers"]
        r = self.table.rowCount()
        self.table.insertRow(r)
        tier = QComboBox()
        for key in tiers:
            tier.addItem(i18n.label("tier", key), key)
        group = QComboBox()
        group.addItem(self.tr("all of these"), "all")
        group.addItem(self.tr("any of these"), "any")
        metric = QComboBox()
        for key in tiering.METRICS:
            metric.addItem(tiering.metric_label(key), key)
        op = QComboBox()
        for key in tiering.OPERATORS:
            op.addItem({">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}[key], key)
        value = QLineEdit()
        unit = QLabel()
        for column, widget in ((TIER, tier), (GROUP, group), (METRIC, metric), (OP, op), (VALUE, value),
                               (UNIT, unit)):
            self.table.setCellWidget(r, column, widget)
        metric.currentIndexChanged.connect(lambda _i, m=metric, u=unit: u.setText(_unit(m.currentData(),
                                                                                         self.lang)[1]))
        if row is not None:
            tier.setCurrentIndex(max(tier.findData(row.tier), 0))
            group.setCurrentIndex(max(group.findData(row.group), 0))
            metric.setCurrentIndex(max(metric.findData(row.metric), 0))
            op.setCurrentIndex(max(op.findData(row.op), 0))
            factor = _unit(row.metric, self.lang)[0]
            value.setText(formatting.plain(Decimal(row.value) / factor))
        else:
            op.setCurrentIndex(op.findData(">="))
            self.table.setCurrentCell(r, VALUE)
        unit.setText(_unit(metric.currentData(), self.lang)[1])

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            dialogs.tell(self, self.tr("Select the condition to remove first."))
            return
        self.table.removeRow(r)

    def _change_tiers(self, title: str, label: str, choices: list[str], change) -> bool:
        """Pick a tier from `choices` and apply change(scheme, tier) to the table's scheme."""
        names = [i18n.label("tier", key) for key in choices]
        if not names:
            dialogs.tell(self, self.tr("All the tiers rmdesk knows are in this scheme already."))
            return False
        name, ok = QInputDialog.getItem(self, title, label, names, 0, False)
        if not ok or name not in names:
            return False
        self.error.hide()
        try:
            scheme = change(self.table_scheme(), choices[names.index(name)])
        except RmdeskError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return False
        self.scheme = scheme
        self.load_rows(scheme)
        return True

    def add_tier(self) -> bool:
        """A tier of the vocabulary not in the scheme yet, just above the last one (on its
        cadence until Settings changes it); it is given once a condition names it."""
        unused = [t for t in vocab.TIERS if t not in self.scheme["tiers"]]
        return self._change_tiers(self.tr("Add tier"), self.tr(
            "The new tier goes just above the last one, on its cadence; give it a condition so clients get it."),
            unused, tiering.add_tier)

    def remove_tier(self) -> bool:
        return self._change_tiers(self.tr("Remove tier"), self.tr(
            "The tier and its conditions go; clients in it get a tier again when tiers are recomputed."),
            list(self.scheme["tiers"]), tiering.remove_tier)

    def rows(self) -> list[ConditionRow]:
        out = []
        for r in range(self.table.rowCount()):
            metric = self.table.cellWidget(r, METRIC).currentData()
            typed = self.table.cellWidget(r, VALUE).text().strip().replace(",", "").replace("，", "")
            try:  # the input unit back to yuan; text that is no number goes on for the service to name
                value = formatting.plain(Decimal(typed) * _unit(metric, self.lang)[0])
            except (InvalidOperation, ValueError):
                value = typed
            out.append(ConditionRow(self.table.cellWidget(r, TIER).currentData(),
                                    self.table.cellWidget(r, GROUP).currentData(), metric,
                                    self.table.cellWidget(r, OP).currentData(), value))
        return out

    def table_scheme(self) -> dict:
        return tiering.scheme_from_rows(self.scheme, self.rows(), {k: e.text() for k, e in self.weights.items()},
                                        self.usd_rate.text())

    # ---- views --------------------------------------------------------------------------

    def switch(self, as_text: bool) -> None:
        """Carry the edits across: the table into the text, the text back into the table."""
        self.error.hide()
        try:
            if as_text:
                scheme = self.table_scheme()
                self.text.setPlainText(tiering.format_scheme_text(scheme))
                self.pages.setCurrentIndex(1)
            else:
                scheme = tiering.parse_scheme_text(self.text.toPlainText())
                self.scheme = scheme
                if self.load_rows(scheme):
                    self.pages.setCurrentIndex(0)
        except RmdeskError as exc:
            self.error.setText(exc.message())
            self.error.show()
            self.advanced.blockSignals(True)
            self.advanced.setChecked(not as_text)
            self.advanced.blockSignals(False)

    def save(self) -> dict:
        if self.advanced.isChecked():
            return tiering.save_scheme_text(self.store, self.text.toPlainText())
        return tiering.save_scheme(self.store, self.table_scheme())

