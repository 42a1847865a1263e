"""The financial quick check in the client workspace (overview): the ratios of each year
entered and the flags for figures that do not fit together; a dialog to enter the years
(statement lines as rows, years as columns, amounts in the input unit)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui import dialogs
from rmdesk.gui.dialogs import FormDialog
from rmdesk.services import fincheck
from rmdesk.services.clients import ClientDetail
from rmdesk.store.engine import Store


class FinancialsDialog(FormDialog):
    """Statement lines (rows) for up to five years (columns), typed in 万元 in Chinese."""

    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Statement figures"), parent)
        self.setMinimumWidth(640)
        self.lang = i18n.language()
        intro = QLabel(self.tr("One column per year. Amounts in %1; profit and operating cash flow may be "
                               "negative. Leave a line empty when it is not known.")
                       .replace("%1", self.tr("10,000 CNY (万元)") if self.lang == "zh_CN" else self.tr("CNY")))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.version = fincheck.years_version(store, client_id)  # read first: a save in between is seen
        years = fincheck.years_of(store, client_id)
        last = clock.today().year - 1
        shown = [y.year for y in years] or [last - 2, last - 1, last]
        self.table = QTableWidget(1 + len(fincheck.LINES), max(len(shown), 3))
        self.table.setVerticalHeaderLabels([i18n.message("fin.year")]
                                           + [i18n.message(f"fin.{name}") for name in fincheck.LINES])
        self.table.horizontalHeader().setVisible(False)
        by_year = {y.year: y for y in years}
        for col, year in enumerate(shown):
            self.table.setItem(0, col, QTableWidgetItem(str(year)))
            known = by_year.get(year)
            for row, name in enumerate(fincheck.LINES, start=1):
                value = known.lines[name] if known else None
                self.table.setItem(row, col, QTableWidgetItem(formatting.yuan_to_input(value, self.lang)))
        self.table.setMinimumHeight(400)
        add = QPushButton(self.tr("Add a year"))
        add.clicked.connect(self.add_year)
        remove = QPushButton(self.tr("Remove the selected year"))
        remove.clicked.connect(lambda: self.table.removeColumn(self.table.currentColumn()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.form.addRow(self.table)
        self.form.addRow(buttons)
        self.submit = lambda: fincheck.save_years(store, client_id, self.rows(), self.version)

    def add_year(self) -> None:
        if self.table.columnCount() < fincheck.MAX_YEARS:
            self.table.insertColumn(self.table.columnCount())

    def rows(self) -> list[dict[str, object]]:
        out = []
        def text(row: int, col: int) -> str:
            item = self.table.item(row, col)
            return item.text() if item is not None else ""

        for col in range(self.table.columnCount()):
            values: dict[str, object] = {"year": text(0, col)}
            for row, name in enumerate(fincheck.LINES, start=1):
                typed = text(row, col)
                values[name] = formatting.input_amount_to_yuan(typed, self.lang) if typed.strip() else ""
            out.append(values)
        return out


def check_html(result: fincheck.Check, lang: str) -> str:
    """The ratios per year (a table) and the flags (a list), as HTML."""
    if not result.years:
        return f"<p>{escape(i18n.message('fin.none', lang))}</p>"
    years = [y.year for y in result.years]
    head = "".join(f"<th align='right'>{y}</th>" for y in years)
    body = "".join(
        f"<tr><td>{escape(i18n.message('fin.' + name, lang))}</td>"
        + "".join(f"<td align='right'>{escape(formatting.money(y.lines[name], lang)) or '—'}</td>"
                  for y in result.years) + "</tr>" for name in ("sales", "profit"))
    body += "".join(
        f"<tr><td>{escape(i18n.message('fin.' + key, lang))}</td>"
        + "".join(f"<td align='right'>{fincheck.ratio_text(result.ratios[y][key])}</td>" for y in years) + "</tr>"
        for key in fincheck.RATIOS)
    flags = fincheck.flags_of_years(result.years)
    items = "".join(f"<li style='color:#b00020'>{escape(fincheck.flag_text(f, lang))}</li>" for f in flags)
    tail = f"<ul>{items}</ul>" if flags else f"<p style='color:#2e7d32'>{escape(i18n.message('fin.no_flags', lang))}</p>"
    return f"<table cellspacing='4'><tr><th></th>{head}</tr>{body}</table>{tail}"


class FinCheckPanel(QWidget):
    """(Not a step_tools.Tool: the financing dialog in forms.py uses this module, and
    step_tools imports forms.)"""

    changed = Signal()

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__()
        self.store, self.client_id = store, client_id
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(i18n.message("fin.title"))
        self.view = QLabel()
        self.view.setWordWrap(True)
        edit = QPushButton(self.tr("Statement figures…"))
        edit.clicked.connect(self.edit)
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.view)
        inner.addLayout(row)
        self.layout_.addWidget(box)

    def edit(self) -> None:
        if dialogs.run(FinancialsDialog(self.store, self.client_id, self)):
            self.changed.emit()

    def refresh(self, client: ClientDetail) -> None:
        self.view.setText(check_html(fincheck.check(self.store, client.id), i18n.language()))


def hint_statement_days(inputs: dict, store: Store, client_id: int) -> None:
    """The financing dialog's turnover-days fields: left empty, they take the latest
    statement year's figures (shown as the placeholder)."""
    found = fincheck.statement_days(store, client_id)
    if found is None:
        return
    year, days = found
    for key, value in days.items():
        if key in inputs:
            inputs[key].setPlaceholderText(QCoreApplication.translate("FinCheckPanel", "%1 statements: %2")
                                           .replace("%1", str(year)).replace("%2", str(value)))


def add_fincheck_panel(overview, grid, row: int, column: int = 1) -> FinCheckPanel:
    """The panel in the overview's grid; its changes refresh the workspace."""
    panel = FinCheckPanel(overview.store, overview.client_id)
    panel.changed.connect(overview.changed.emit)
    grid.addWidget(panel, row, column)
    return panel
