"""The proposal (金融服务方案) of a client: its versions, the draft's sections and product
lines (amount, term, rate), start from the client's data, save, mark as sent, print the
A4 PDF, and open deals from the lines. A printed or sent version is read-only; saving
after that starts the next version (services.proposals)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui import dialogs, folders
from rmdesk.gui.errors import show_error
from rmdesk.services import proposals
from rmdesk.services.catalog import list_products
from rmdesk.store.engine import Store

COLUMNS = 5  # product, amount, term, rate, note


class ProposalDialog(QDialog):
    changed = Signal()

    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.client_id = store, client_id
        self.lang = i18n.language()
        self.setWindowTitle(self.tr("Financial services proposal"))
        self.resize(860, 720)
        self.products = [(p.key, p.name(self.lang)) for p in list_products(store)]
        self.version = QComboBox()
        self.version.currentIndexChanged.connect(self._show_version)
        self.state = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Version")))
        top.addWidget(self.version)
        top.addWidget(self.state, 1)
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key in proposals.TEXTS:
            edit = QPlainTextEdit()
            edit.setMaximumHeight(70)
            self.texts[key] = edit
            form.addRow(i18n.message(f"proposal.{key}"), edit)
        self.lines = QTableWidget(0, COLUMNS)
        self.lines.setHorizontalHeaderLabels([self.tr("Product"), formatting.input_unit_caption(self.tr("Amount"),
                                              self.lang), self.tr("Term (months)"), self.tr("Rate (%)"),
                                              self.tr("Notes")])
        self.lines.horizontalHeader().setStretchLastSection(True)
        # the product column as wide as the longest product name (a cell's combo box is not
        # counted by resizeColumnsToContents; the walk found the names cut at 74 px)
        self.lines.setColumnWidth(0, max([self.fontMetrics().horizontalAdvance(n) for _k, n in self.products] or [80])
                                  + 40)
        self.lines.setMinimumHeight(150)
        add_line = QPushButton(self.tr("Add product"))
        add_line.clicked.connect(lambda: self._add_line(None))
        remove_line = QPushButton(self.tr("Remove product"))
        remove_line.clicked.connect(lambda: self.lines.removeRow(self.lines.currentRow())
                                    if self.lines.currentRow() >= 0 else dialogs.tell(self, QCoreApplication.translate(
                                        "Tool", "Select a row in the list first, then press the button again.")))
        line_row = QHBoxLayout()
        line_row.addWidget(QLabel(self.tr("Products, amounts and terms")))
        line_row.addStretch(1)
        line_row.addWidget(add_line)
        line_row.addWidget(remove_line)
        self.editing = [add_line, remove_line]
        self.start = QPushButton(self.tr("Start from the client's data"))
        self.start.clicked.connect(self._start)
        self.save = QPushButton(self.tr("Save draft"))
        self.save.clicked.connect(self._save)
        self.sent = QPushButton(self.tr("Mark as sent"))
        self.sent.clicked.connect(self._mark_sent)
        self.print_ = QPushButton(self.tr("Print PDF…"))
        self.print_.clicked.connect(self._print)
        self.deals = QPushButton(self.tr("Open deals from the lines"))
        self.deals.clicked.connect(self._deals)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.start, self.save, self.sent, self.print_, self.deals):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(line_row)
        layout.addWidget(self.lines, 1)
        layout.addLayout(buttons)
        self.rows: list[proposals.ProposalRow] = []
        self.reload()

    # --- data -----------------------------------------------------------------------------
    def reload(self, version: int | None = None) -> None:
        self.rows = proposals.versions(self.store, self.client_id)
        self.version.blockSignals(True)
        self.version.clear()
        for r in self.rows:
            self.version.addItem(self._label(r), r.version)
        if not self.rows:
            self.version.addItem(self.tr("New (not saved yet)"), None)
        self.version.blockSignals(False)
        index = self.version.findData(version) if version is not None else 0
        self.version.setCurrentIndex(max(0, index))
        self._show_version()
        if not self.rows:
            self._start()

    def _label(self, r: proposals.ProposalRow) -> str:
        state = (i18n.message(f"proposal.status_{r.frozen_how}", at=formatting.minute(r.frozen_at)) if r.frozen
                 else i18n.message("proposal.status_draft"))
        return f"{i18n.message('proposal.version', n=r.version)} · {state}"

    def current(self) -> proposals.ProposalRow | None:
        v = self.version.currentData()
        return next((r for r in self.rows if r.version == v), None)

    def _show_version(self) -> None:
        row = self.current()
        frozen = bool(row and row.frozen)
        for key, edit in self.texts.items():
            edit.setPlainText(row.texts[key] if row else "")
            edit.setReadOnly(frozen)
        self.lines.setRowCount(0)
        for line in (row.lines if row else ()):
            self._add_line(line)
        self.lines.setEnabled(True)
        for b in self.editing:
            b.setEnabled(not frozen)
        self.start.setEnabled(not frozen)
        self.sent.setEnabled(row is not None and not frozen)
        self.deals.setEnabled(row is not None)
        newest = bool(self.rows) and row is self.rows[0]
        self.save.setText(self.tr("Start the next version from this one") if frozen and newest else self.tr("Save draft"))
        self.save.setEnabled(not frozen or newest)
        # a disabled button says why (issue 17's walk)
        unchanging = self.tr("Printed or sent versions do not change; start the next version to make changes.")
        unsaved = self.tr("Save the draft first.")
        for b in (*self.editing, self.start):
            b.setToolTip("" if b.isEnabled() else unchanging)
        self.sent.setToolTip("" if self.sent.isEnabled() else unsaved if row is None else unchanging)
        self.deals.setToolTip("" if self.deals.isEnabled() else unsaved)
        self.save.setToolTip("" if self.save.isEnabled() else self.tr(
            "Only the newest version starts the next one: choose it in Version."))
        if frozen:
            self.state.setText(self.tr("Printed or sent versions do not change; start the next version to make changes."))
        else:
            self.state.setText(self.tr("Draft: printing or marking it as sent freezes it as this version."))
        if row is not None and row.deal_ids:
            self.state.setText(self.state.text() + " " + self.tr("Deals opened from it: %n", "", len(row.deal_ids)))

    def _add_line(self, line: proposals.ProposalLine | dict | None) -> None:
        if isinstance(line, dict):
            line = proposals.ProposalLine(line["product"], Decimal(line["amount"]), line.get("term_months"),
                                          None if line.get("rate") in (None, "") else Decimal(str(line["rate"])),
                                          line.get("note") or "")
        r = self.lines.rowCount()
        self.lines.insertRow(r)
        combo = QComboBox()
        for key, name in self.products:
            combo.addItem(name, key)
        if line is not None:
            combo.setCurrentIndex(max(0, combo.findData(line.product)))
        self.lines.setCellWidget(r, 0, combo)
        values = ["", "", "", ""] if line is None else [
            formatting.yuan_to_input(line.amount, self.lang), "" if line.term_months is None else str(line.term_months),
            "" if line.rate is None else formatting.plain(line.rate), line.note]
        frozen = bool(self.current() and self.current().frozen)
        for c, text in enumerate(values, 1):
            edit = QLineEdit(text)
            edit.setReadOnly(frozen)
            self.lines.setCellWidget(r, c, edit)
        combo.setEnabled(not frozen)

    def _form(self) -> dict[str, object]:
        lines = []
        for r in range(self.lines.rowCount()):
            cell = [self.lines.cellWidget(r, c) for c in range(COLUMNS)]
            lines.append({"product": cell[0].currentData(),
                          "amount": formatting.input_amount_to_yuan(cell[1].text(), self.lang),
                          "term_months": cell[2].text().strip() or None, "rate": cell[3].text().strip() or None,
                          "note": cell[4].text()})
        data: dict[str, object] = {k: e.toPlainText() for k, e in self.texts.items()}
        data["lines"] = lines
        if getattr(self, "_estimate_id", None) is not None:
            data["estimate_id"] = self._estimate_id
        return data

    # --- actions --------------------------------------------------------------------------
    def _run(self, action, *args):
        try:
            result = action(*args)
        except Conflict as exc:  # someone saved, printed or started a version since: who and when
            from rmdesk.gui.client import conflict

            conflict.tell_row_conflict(self, exc, self.reload)  # Keep editing leaves the typed text
            return None
        except RmdeskError as exc:
            show_error(self, exc)
            return None
        self.changed.emit()
        return result if result is not None else True

    def _start(self) -> None:
        try:
            draft = proposals.starting_draft(self.store, self.client_id, self.lang)
        except RmdeskError as exc:
            show_error(self, exc)
            return
        for key, edit in self.texts.items():
            edit.setPlainText(str(draft.get(key) or ""))
        self.lines.setRowCount(0)
        for line in draft["lines"]:
            self._add_line(line)
        self._estimate_id = draft.get("estimate_id")

    def _save(self) -> proposals.ProposalRow | None:
        loaded = self.rows[0].edit_version if self.rows else 0  # the newest version as this window read it
        row = self._run(proposals.save_draft, self.store, self.client_id, self._form(), loaded)
        if row:
            self.reload(row.version)
        return row or None

    def _mark_sent(self) -> None:
        row = self._save()
        if row and self._run(proposals.freeze, self.store, row.id, "sent"):
            self.reload(row.version)

    def _print(self) -> None:
        row = self.current()
        if row is None or not row.frozen:
            row = self._save()
            if row is None:
                return
        name = f"{i18n.message('proposal.title')} {i18n.message('proposal.version', n=row.version)}.pdf"
        path, _ = folders.save_file(self, self.tr("Print the proposal"), name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        from rmdesk.files import atomic_output

        def write() -> proposals.ProposalRow:
            try:
                with atomic_output(path) as tmp:
                    return proposals.print_proposal(self.store, self.client_id, row.version, tmp, self.lang)
            except OSError as exc:
                from rmdesk.errors import ValidationError

                raise ValidationError("error.cannot_write", None, path=path, reason=exc.strerror) from None

        if self._run(write):
            self.reload(row.version)

    def _deals(self) -> None:
        row = self.current()
        if row is None:
            return
        made = self._run(proposals.deals_from, self.store, row.id)
        if made is not None:
            dialogs.tell(self, self.tr("%n deal(s) opened from this version.", "", len(made) if made is not True else 0))
            self.reload(row.version)


def proposal_button(store: Store, client_id: int, parent: QWidget, changed) -> QPushButton:
    """Step 3's "Proposal…" button (one hook line in the step tool)."""
    button = QPushButton(QCoreApplication.translate("ProposalDialog", "Proposal…"))

    def open_dialog() -> None:
        dialog = ProposalDialog(store, client_id, parent)
        dialog.changed.connect(changed)
        dialog.exec()

    button.clicked.connect(open_dialog)
    return button
