"""The client workspace's risk tab: the early-warning log (log, edit, close, raise a post-loan
check, suggestions from the guarantee links) and the related parties (both directions, add,
remove, a new prospect from a supplier or buyer) with the guarantee-risk flags."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui import dialogs
from rmdesk.gui.client.step_tools import Tool
from rmdesk.gui.widgets import fill_table, read_only_table
from rmdesk.services import clients, early_warnings, related
from rmdesk.services.clients import ClientDetail
from rmdesk.services.early_warnings import WarningRow
from rmdesk.store.engine import Store

HIGH_STYLE = "color: #b00020; font-weight: bold;"


def _date_edit(day=None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    today = clock.today()
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    day = day or today
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def _text(widget: QPlainTextEdit, text: str | None = None, height: int = 70) -> QPlainTextEdit:
    widget.setPlainText(text or "")
    widget.setMaximumHeight(height)
    return widget


class WarningDialog(dialogs.FormDialog):
    """Log a warning, or edit one (the signal then stays)."""

    def __init__(self, store: Store, client_id: int, row: WarningRow | None = None, parent=None,
                 signal: str | None = None, detail: str = "") -> None:
        super().__init__(self.tr("Edit early warning") if row else self.tr("Log early warning"), parent)
        lang = i18n.language()
        self.signal = QComboBox()
        for s in early_warnings.signals():
            self.signal.addItem(f"{early_warnings.category_name(s.category, lang)} · {s.name(lang)}", s.key)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #455a64;")
        self.severity = QComboBox()
        for key in early_warnings.SEVERITIES:
            self.severity.addItem(early_warnings.severity_label(key, lang), key)
        self.seen = _date_edit(row.seen_on if row else None)
        self.detail = _text(QPlainTextEdit(), row.detail if row else detail)
        self.action = _text(QPlainTextEdit(), row.action if row else "")
        self.form.addRow(i18n.message("warn.field.signal"), self.signal)
        self.form.addRow("", self.hint)
        self.form.addRow(i18n.message("warn.field.severity"), self.severity)
        self.form.addRow(i18n.message("warn.field.seen_on"), self.seen)
        self.form.addRow(i18n.message("warn.field.detail"), self.detail)
        self.form.addRow(i18n.message("warn.field.action"), self.action)
        self.signal.currentIndexChanged.connect(self._signal_changed)
        key = row.signal if row else signal
        if key and self.signal.findData(key) >= 0:
            self.signal.setCurrentIndex(self.signal.findData(key))
        self._signal_changed()
        if row:
            self.signal.setEnabled(False)
            self.severity.setCurrentIndex(self.severity.findData(row.severity))
            self.submit = lambda: early_warnings.update_warning(store, row.id, self.values(), row.version)
        else:
            self.submit = lambda: early_warnings.log_warning(store, client_id, {"signal": self.signal.currentData(),
                                                                                 **self.values()})

    def _signal_changed(self) -> None:
        found = early_warnings.signal(self.signal.currentData() or "")
        if found is None:
            return
        lang = i18n.language()
        self.hint.setText(self.tr("Look for: %1\nUsual response: %2").replace("%1", found.look_for(lang))
                          .replace("%2", found.action(lang)))
        if self.signal.isEnabled():
            self.severity.setCurrentIndex(self.severity.findData(found.severity))
            if not self.action.toPlainText().strip():
                self.action.setPlaceholderText(found.action(lang))

    def values(self) -> dict[str, object]:
        return {"severity": self.severity.currentData(), "seen_on": _iso(self.seen),
                "detail": self.detail.toPlainText(), "action": self.action.toPlainText()}


class CloseWarningDialog(dialogs.FormDialog):
    def __init__(self, store: Store, row: WarningRow, parent=None) -> None:
        super().__init__(self.tr("Close early warning"), parent)
        self.day = _date_edit()
        self.note = _text(QPlainTextEdit(), "", 90)
        self.form.addRow(QLabel(early_warnings.signal_name(row.signal)))
        self.form.addRow(i18n.message("warn.field.closed_on"), self.day)
        self.form.addRow(i18n.message("warn.field.closed_note"), self.note)
        self.submit = lambda: early_warnings.close_warning(store, row.id, _iso(self.day), self.note.toPlainText(),
                                                           row.version)


class LinkDialog(dialogs.FormDialog):
    """Add a related party: a relation and a company, found among the clients or typed."""

    def __init__(self, store: Store, client_id: int, parent=None) -> None:
        super().__init__(self.tr("Add related party"), parent)
        self.store = store
        self.kind = QComboBox()
        for key in related.KINDS:
            self.kind.addItem(related.kind_label(key), key)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Company name (a client or not)"))
        find = QPushButton(self.tr("Find client"))
        find.clicked.connect(self.find)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(find)
        self.match = QComboBox()
        self.match.addItem(self.tr("— not a client: use the name typed —"), None)
        self.amount = QLineEdit()
        self.note = QLineEdit()
        self.form.addRow(i18n.message("related.field.kind"), self.kind)
        self.form.addRow(i18n.message("related.field.other"), row)
        self.form.addRow(self.tr("Client"), self.match)
        self.form.addRow(formatting.input_unit_caption(i18n.message("related.field.amount"), i18n.language()),
                         self.amount)
        self.form.addRow(i18n.message("related.field.note"), self.note)
        self.submit = lambda: related.add_link(store, client_id, self.values())

    def find(self) -> None:
        while self.match.count() > 1:
            self.match.removeItem(1)
        text = self.name.text().strip()
        if not text:
            return
        for c in clients.list_clients(self.store, clients.ClientQuery(search=text), limit=20):
            self.match.addItem(c.name, c.id)
        if self.match.count() > 1:
            self.match.setCurrentIndex(1)

    def values(self) -> dict[str, object]:
        return {"kind": self.kind.currentData(), "other_client_id": self.match.currentData(),
                "other_name": self.name.text(),
                "amount": formatting.input_amount_to_yuan(self.amount.text(), i18n.language()),
                "note": self.note.text()}


class RiskPanel(Tool):
    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        box = QGroupBox(self.tr("Early warnings"))
        layout = QVBoxLayout(box)
        self.warnings = read_only_table()
        self.warnings.itemDoubleClicked.connect(lambda *_: self.edit())
        self.suggest = QLabel()
        self.suggest.setWordWrap(True)
        self.suggest.setStyleSheet(HIGH_STYLE)
        self.suggest_button = QPushButton(self.tr("Log the suggested warning…"))
        self.suggest_button.clicked.connect(self.log_suggested)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Log warning…"), self.log), (self.tr("Edit…"), self.edit),
                           (self.tr("Close…"), self.close_selected), (self.tr("Raise post-loan check"), self.check),
                           (self.tr("Delete"), self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.warnings, 1)
        layout.addLayout(buttons)
        suggest_row = QHBoxLayout()
        suggest_row.addWidget(self.suggest, 1)
        suggest_row.addWidget(self.suggest_button)
        layout.addLayout(suggest_row)

        links_box = QGroupBox(self.tr("Related parties"))
        links_layout = QVBoxLayout(links_box)
        self.risk = QLabel()
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet(HIGH_STYLE)
        self.links = read_only_table()
        link_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add related party…"), self.add_link), (self.tr("Remove"), self.remove_link),
                           (self.tr("New prospect from it…"), self.prospect)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            link_buttons.addWidget(button)
        link_buttons.addStretch(1)
        links_layout.addWidget(self.risk)
        links_layout.addWidget(self.links, 1)
        links_layout.addLayout(link_buttons)
        self.layout_.addWidget(box, 3)
        self.layout_.addWidget(links_box, 2)
        self._rows: list[WarningRow] = []
        self._links: list[related.LinkRow] = []
        self._suggestions: list[early_warnings.Suggestion] = []

    def refresh(self, client: ClientDetail) -> None:
        lang = i18n.language()
        self._rows = early_warnings.client_warnings(self.store, client.id)
        fill_table(self.warnings, [self.tr("Signal"), self.tr("Severity"), self.tr("Seen"), self.tr("What was seen"),
                                   self.tr("Action"), self.tr("State"), self.tr("Check")],
                   [(None, [early_warnings.signal_name(w.signal, lang), early_warnings.severity_label(w.severity, lang),
                            formatting.day(w.seen_on), w.detail or "", w.action or "",
                            self.tr("Open") if w.is_open else self.tr("Closed %1: %2").replace(
                                "%1", formatting.day(w.closed_on)).replace("%2", w.closed_note or ""),
                            self.tr("Planned") if w.task_open else ""]) for w in self._rows])
        for r, w in enumerate(self._rows):
            if w.is_open and w.severity == "high":
                for col in range(self.warnings.columnCount()):
                    self.warnings.item(r, col).setForeground(Qt.GlobalColor.darkRed)
        self._suggestions = early_warnings.suggestions(self.store, client.id, lang)
        self.suggest.setText("\n".join(self.tr("Suggested: %1 — %2").replace(
            "%1", early_warnings.signal_name(x.signal, lang)).replace("%2", x.detail) for x in self._suggestions))
        self.suggest.setVisible(bool(self._suggestions))
        self.suggest_button.setVisible(bool(self._suggestions))
        self._links = related.links_of(self.store, client.id)
        fill_table(self.links, [self.tr("Relation"), self.tr("Company"), self.tr("Amount"), self.tr("Note"),
                                self.tr("Recorded on")],
                   [(None, [related.kind_label(x.kind, lang), x.other_name,
                            formatting.money(x.amount, lang) if x.amount is not None else "", x.note or "",
                            self.tr("this client") if x.recorded_here else x.other_name]) for x in self._links])
        texts = related.risk_text(related.guarantee_risk_of(self.store, client.id), lang)
        self.risk.setText("\n".join("⚠ " + t for t in texts))
        self.risk.setVisible(bool(texts))

    # --- warnings --------------------------------------------------------------------
    def _selected(self) -> WarningRow | None:
        row = self.warnings.currentRow()
        if 0 <= row < len(self._rows):
            return self._rows[row]
        dialogs.tell(self, self.tr("Select a warning in the list first, then press the button again."))
        return None

    def log(self) -> None:
        self.open_dialog(WarningDialog(self.store, self.client_id, parent=self))

    def log_suggested(self) -> None:
        if self._suggestions:
            first = self._suggestions[0]
            self.open_dialog(WarningDialog(self.store, self.client_id, parent=self, signal=first.signal,
                                           detail=first.detail))

    def edit(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_dialog(WarningDialog(self.store, self.client_id, row, self))

    def close_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_dialog(CloseWarningDialog(self.store, row, self))

    def check(self) -> None:
        row = self._selected()
        if row is not None and self.act(early_warnings.raise_check, self.store, row.id):
            dialogs.tell(self, self.tr("A post-loan check is on the client's next steps (and on Today when due)."))

    def delete(self) -> None:
        row = self._selected()
        if row is not None and dialogs.ask(self, self.tr("Delete warning"), self.tr(
                "Delete this entry? Only for a warning logged by mistake: close a real one instead."),
                default_no=True):
            self.act(early_warnings.delete_warning, self.store, row.id, row.version)

    # --- related parties ---------------------------------------------------------------
    def _selected_link(self) -> related.LinkRow | None:
        row = self.links.currentRow()
        if 0 <= row < len(self._links):
            return self._links[row]
        dialogs.tell(self, self.tr("Select a related party in the list first, then press the button again."))
        return None

    def add_link(self) -> None:
        self.open_dialog(LinkDialog(self.store, self.client_id, self))

    def remove_link(self) -> None:
        link = self._selected_link()
        if link is not None and dialogs.ask(self, self.tr("Remove related party"),
                                            self.tr("Remove the link to %1?").replace("%1", link.other_name),
                                            default_no=True):
            self.act(related.remove_link, self.store, link.id)

    def prospect(self) -> None:
        link = self._selected_link()
        if link is None:
            return
        if not link.can_become_prospect:
            dialogs.tell(self, self.tr("Only a main supplier or buyer that is not a client yet can become a new "
                                       "prospect."))
            return
        if dialogs.ask(self, self.tr("New prospect"), self.tr(
                "Create %1 as a new prospect (source: relationship network, referred by this client)?")
                .replace("%1", link.other_name)) and self.act(related.create_prospect, self.store, link.id):
            dialogs.tell(self, self.tr("%1 is now a prospect at step 1 in the client list.")
                         .replace("%1", link.other_name))

    def header_parts(self, client: ClientDetail) -> list[str]:
        """The workspace header's note of open warnings (red when one is high), as rich text."""
        count, high = early_warnings.open_count(self.store, client.id)
        if not count:
            return []
        text = self.tr("%n open early warning(s)", "", count)
        style = "color:#b00020; font-weight:bold" if high else "color:#8a6d3b"
        return [f"<span style='{style}'>⚠ {text}</span>"]
