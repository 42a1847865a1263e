"""The tool of each step in the guidance panel, and the record panels that are tabs
too (objections, deals). Each widget calls services and emits `changed` after a save,
so the workspace can refresh the header, the exit condition and the timeline."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n, vocab
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui import dialogs
from rmdesk.gui.client import conflict
from rmdesk.gui.client.forms import (
    DealDialog,
    FinancingDialog,
    MaturityDialog,
    NeedDialog,
    ObjectionDialog,
    VisitDialog,
    explain,
    vocab_combo,
)
from rmdesk.gui.client.product_suggestions import ProductSuggestionsPanel
from rmdesk.gui.client.proposal import proposal_button
from rmdesk.gui.errors import show_error
from rmdesk.gui.widgets import fill_table, read_only_table
from rmdesk.playbook import loader
from rmdesk.services import cadence, clients, engagement, flow, maintenance, trash, visits
from rmdesk.services.clients import ClientDetail
from rmdesk.store.engine import Store

ROW_ID = Qt.ItemDataRole.UserRole + 2
ROW_VERSION = Qt.ItemDataRole.UserRole + 3  # the version the row was loaded at (no lost update)


class Tool(QWidget):
    changed = Signal()

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__()
        self.store = store
        self.client_id = client_id
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def refresh(self, client: ClientDetail) -> None:  # pragma: no cover - every tool overrides
        raise NotImplementedError

    def act(self, action, *args, **kwargs) -> bool:
        """Run a service call; errors are shown, success emits `changed`. A row someone else
        changed since it was loaded (Conflict) says who and when and offers to reload."""
        try:
            action(*args, **kwargs)
        except Conflict as exc:
            conflict.tell_row_conflict(self, exc, self.changed.emit)
            return False
        except RmdeskError as exc:
            show_error(self, exc)
            return False
        self.changed.emit()
        return True

    def open_dialog(self, dialog) -> bool:
        if dialogs.run(dialog):
            self.changed.emit()
            return True
        if getattr(dialog, "reloaded", False):  # closed by Reload after a conflict: show theirs
            self.changed.emit()
        return False

    def selected_id(self, table) -> int | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(ROW_ID) if item is not None else None

    def row_version(self, table) -> int | None:
        """The version the selected row was loaded at (None: not known, no check)."""
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(ROW_VERSION) if item is not None else None

    def picked(self, table) -> int | None:
        """The selected row's id for a button that needs one; with none, say so."""
        row_id = self.selected_id(table)
        if row_id is None:
            dialogs.tell(self, self.tr("Select a row in the list first, then press the button again."))
        return row_id


def _tag_rows(table, ids: list[int], versions: list[int] | None = None) -> None:
    for row, row_id in enumerate(ids):
        table.item(row, 0).setData(ROW_ID, row_id)
        if versions is not None:
            table.item(row, 0).setData(ROW_VERSION, versions[row])


class QualificationTool(Tool):
    """Step 1: the five qualification criteria (score), large-client traits, source and referrer."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.score = QLabel()
        self.criteria = {key: QCheckBox(i18n.label("criterion", key)) for key in vocab.QUALIFICATION_CRITERIA}
        box = QGroupBox(self.tr("Qualification (five criteria)"))
        form = QVBoxLayout(box)
        for key, check in self.criteria.items():
            check.toggled.connect(lambda on, k=key: self.act(clients.set_qualification, store, client_id, {k: on}))
            form.addWidget(check)
        form.addWidget(self.score)
        traits = QGroupBox(self.tr("Large-client traits"))
        traits_layout = QVBoxLayout(traits)
        self.traits = {key: QCheckBox(i18n.label("trait", key)) for key in vocab.LARGE_CLIENT_TRAITS}
        for key, check in self.traits.items():
            check.toggled.connect(lambda on, k=key: self.act(flow.tick, store, client_id, 1, k, on))
            traits_layout.addWidget(check)
        source = QGroupBox(self.tr("Source"))
        source_form = QFormLayout(source)
        self.channel = vocab_combo("channel", vocab.SOURCE_CHANNELS, blank=True)
        self.referrer = QLineEdit()
        save = QPushButton(self.tr("Save source"))
        save.clicked.connect(lambda: self.act(clients.update_client, store, client_id, {
            "source_channel": self.channel.currentData(), "referrer": self.referrer.text()}))
        source_form.addRow(i18n.message("field.source_channel"), self.channel)
        source_form.addRow(i18n.message("field.referrer"), self.referrer)
        source_form.addRow("", save)
        for widget in (box, traits, source):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)

    def refresh(self, client: ClientDetail) -> None:
        for key, check in self.criteria.items():
            check.blockSignals(True)
            check.setChecked(client.qualification[key])
            check.blockSignals(False)
        minimum = loader.rule_params()["min_qualification_score"]
        self.score.setText(self.tr("Score %1 of 5 (needs %2)").replace("%1", str(client.qualification_score))
                           .replace("%2", str(minimum)))
        ticks = flow.ticked(self.store, self.client_id, 1)
        for key, check in self.traits.items():
            check.blockSignals(True)
            check.setChecked(key in ticks)
            check.blockSignals(False)
        self.channel.setCurrentIndex(max(self.channel.findData(client.source_channel), 0))
        self.referrer.setText(client.referrer or "")


class ApproachTool(Tool):
    """Step 2: the appointment (a planned visit with a decision maker) and the intel notes."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.visits = read_only_table()
        self.visits.setMaximumHeight(150)
        appoint = QPushButton(self.tr("Make an appointment…"))
        appoint.clicked.connect(self.appoint)
        confirm = QPushButton(self.tr("Mark confirmed"))
        confirm.clicked.connect(lambda: (vid := self.picked(self.visits)) and self.act(
            visits.confirm_visit, store, vid, expected_version=self.row_version(self.visits)))
        buttons = QHBoxLayout()
        buttons.addWidget(appoint)
        buttons.addWidget(confirm)
        buttons.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(120)
        save = QPushButton(self.tr("Save intel notes"))
        save.clicked.connect(lambda: self.act(clients.update_client, store, client_id,
                                              {"intel_notes": self.notes.toPlainText()}))
        self.layout_.addWidget(QLabel(self.tr("Planned visits")))
        self.layout_.addWidget(self.visits)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(QLabel(i18n.message("field.intel_notes")))
        self.layout_.addWidget(self.notes)
        self.layout_.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addStretch(1)
        self._client: ClientDetail | None = None

    def appoint(self) -> None:
        if self._client is not None:
            self.open_dialog(VisitDialog(self.store, self._client, appointment=True, parent=self))

    def refresh(self, client: ClientDetail) -> None:
        self._client = client
        planned = [v for v in visits.client_visits(self.store, client.id) if v.status == "planned"]
        fill_table(self.visits, [self.tr("Time"), self.tr("Meeting"), self.tr("Confirmed")],
                   [(None, [formatting.minute(v.planned_at), v.contact_name or "",
                            self.tr("Yes") if v.confirmed else self.tr("No")]) for v in planned])
        _tag_rows(self.visits, [v.id for v in planned], [v.version for v in planned])
        self.notes.setPlainText(client.intel_notes or "")


class MeetingTool(Tool):
    """Step 3: needs by area, the proposal agreement, the financing-need calculator."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.needs = read_only_table()
        self.needs.setMaximumHeight(160)
        add = QPushButton(self.tr("Add need…"))
        add.clicked.connect(lambda: self.open_dialog(NeedDialog(store, client_id, self)))
        confirm = QPushButton(self.tr("Confirm need"))
        confirm.clicked.connect(lambda: (nid := self.picked(self.needs)) and self.act(
            engagement.confirm_need, store, nid, expected_version=self.row_version(self.needs)))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(confirm)
        row.addStretch(1)
        self.proposal = QCheckBox(self.tr("The client agreed to receive a proposal"))
        self.proposal.toggled.connect(lambda on: self.act(clients.update_client, store, client_id,
                                                          {"proposal_agreed": on}))
        self.proposal_button = proposal_button(store, client_id, self, lambda: self.changed.emit())  # issue 19
        calc = QPushButton(self.tr("Financing-need calculator…"))
        calc.clicked.connect(self.calculate)
        self.estimate = QTextBrowser()
        self.estimate.setMaximumHeight(170)
        self.layout_.addWidget(QLabel(self.tr("Needs found")))
        self.layout_.addWidget(self.needs)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.proposal)
        self.layout_.addWidget(self.proposal_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(calc, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.estimate)
        self.layout_.addWidget(suggest := ProductSuggestionsPanel(store, client_id))  # issue 19: products that fit
        self.layout_.addStretch(1)
        self._annual_sales = None
        self.suggest = suggest

    def calculate(self) -> None:
        self.open_dialog(FinancingDialog(self.store, self.client_id, self._annual_sales, self))

    def refresh(self, client: ClientDetail) -> None:
        self._annual_sales = client.annual_sales
        self.suggest.refresh(client)
        needs = engagement.needs_of(self.store, client.id)
        fill_table(self.needs, [self.tr("Area"), self.tr("Need"), self.tr("Confirmed")],
                   [(None, [i18n.label("need_area", n.area), n.description,
                            self.tr("Yes") if n.confirmed else self.tr("No")]) for n in needs])
        _tag_rows(self.needs, [n.id for n in needs], [n.version for n in needs])
        self.proposal.blockSignals(True)
        self.proposal.setChecked(client.proposal_agreed)
        self.proposal.blockSignals(False)
        saved = flow.estimates_of(self.store, client.id)
        self.estimate.setHtml(explain(saved[0]) + f"<p>{formatting.minute(saved[0].created_at)}</p>" if saved
                              else self.tr("No estimate saved yet."))


class ObjectionsPanel(Tool):
    """Step 4 and the Objections tab: the log, with answers suggested by type."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.table = read_only_table()
        add = QPushButton(self.tr("Log objection…"))
        add.clicked.connect(lambda: self.open_dialog(ObjectionDialog(store, client_id, self)))
        resolve = QPushButton(self.tr("Mark resolved"))
        resolve.clicked.connect(lambda: (oid := self.picked(self.table)) and self.act(
            engagement.resolve_objection, store, oid, expected_version=self.row_version(self.table)))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(resolve)
        row.addStretch(1)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(row)

    def refresh(self, client: ClientDetail) -> None:
        rows = engagement.objections_of(self.store, client.id)
        fill_table(self.table, [self.tr("Type"), self.tr("Client's words"), self.tr("Answer"), self.tr("Blocking"),
                                self.tr("Resolved")],
                   [(None, [i18n.label("objection", o.type), o.words, o.answer or "",
                            self.tr("Yes") if o.blocking else self.tr("No"),
                            self.tr("Yes") if o.resolved else self.tr("No")]) for o in rows])
        _tag_rows(self.table, [o.id for o in rows], [o.version for o in rows])


class DealsPanel(Tool):
    """The Deals tab and part of step 5: deals with product, amount, rate, dates; won or lost."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.table = read_only_table()
        add = QPushButton(self.tr("New deal…"))
        add.clicked.connect(lambda: self.open_dialog(DealDialog(store, client_id, self)))
        won = QPushButton(self.tr("Won"))
        won.clicked.connect(lambda: (did := self.picked(self.table)) and self.act(
            engagement.close_deal, store, did, True, expected_version=self.row_version(self.table)))
        lost = QPushButton(self.tr("Lost…"))
        lost.clicked.connect(self.lose)
        self.maturity_button = QPushButton(self.tr("Maturity…"))
        self.maturity_button.setToolTip(self.tr("A won credit deal's maturity: post-loan checks become tasks"))
        self.maturity_button.clicked.connect(self.set_maturity)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._deals: dict[int, engagement.DealRow] = {}
        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.trash_button.clicked.connect(lambda: (did := self.picked(self.table)) and self.act(
            trash.trash_deal, store, did, expected_version=self.row_version(self.table)))
        row = QHBoxLayout()
        for button in (add, won, lost, self.maturity_button, self.trash_button):
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(row)

    def lose(self) -> None:
        deal_id = self.picked(self.table)
        if deal_id is None:
            return
        version = self.row_version(self.table)
        dialog = dialogs.ReasonDialog(self.tr("Deal lost"), self.tr("Why was the deal lost?"), [], self)
        dialog.submit = lambda: engagement.close_deal(self.store, deal_id, False, dialog.text(),
                                                      expected_version=version)
        self.open_dialog(dialog)

    def set_maturity(self) -> bool:
        deal_id = self.picked(self.table)
        deal = self._deals.get(deal_id or 0)
        if deal is not None and not self._credit_won(deal):
            dialogs.tell(self, self.tr("Only a won credit deal (a loan, a guarantee) has a maturity with "
                                       "post-loan checks."))
            return False
        return deal is not None and self.open_dialog(MaturityDialog(self.store, deal, self, client_id=self.client_id))

    @staticmethod
    def _credit_won(deal: engagement.DealRow) -> bool:
        return deal.status == "won" and deal.product_key not in cadence.NON_CREDIT_PRODUCTS

    def _update_buttons(self) -> None:
        """Maturity… is offered only for a won credit deal (not for deposits and the like)."""
        deal = self._deals.get(self.selected_id(self.table) or 0)
        ok = deal is None or self._credit_won(deal)
        self.maturity_button.setEnabled(ok)
        self.maturity_button.setToolTip(
            self.tr("A won credit deal's maturity: post-loan checks become tasks") if ok else
            self.tr("Only a won credit deal (a loan, a guarantee) has a maturity with post-loan checks."))

    def refresh(self, client: ClientDetail) -> None:
        lang = i18n.language()
        rows = engagement.deals_of(self.store, client.id)
        self._deals = {d.id: d for d in rows}
        fill_table(self.table, [self.tr("Product"), self.tr("Amount"), self.tr("Rate"), self.tr("Status"),
                                self.tr("Expected"), self.tr("Closed"), i18n.message("field.maturity_date")],
                   [(None, [d.product_zh if lang == "zh_CN" else d.product_en, formatting.money(d.amount, lang),
                            f"{d.rate.normalize()}%" if d.rate is not None else "",
                            i18n.label("deal_status", d.status), formatting.day(d.expected_date),
                            formatting.day(d.actual_date), formatting.day(d.maturity_date)]) for d in rows])
        _tag_rows(self.table, [d.id for d in rows], [d.version for d in rows])
        self._update_buttons()


class ClosingTool(Tool):
    """Step 5: closing signals seen, the strategy chosen, the deals."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        pb = loader.load(i18n.language())
        signals = QGroupBox(self.tr("Closing signals seen"))
        signals_layout = QVBoxLayout(signals)
        self.signals = {}
        for signal in pb.closing_signals:
            check = QCheckBox(signal.text)
            check.toggled.connect(lambda on, k=signal.id: self.act(flow.tick, store, client_id, 5, k, on))
            signals_layout.addWidget(check)
            self.signals[signal.id] = check
        self.strategy = QComboBox()
        self.strategy.addItem("", None)
        self._texts = {}
        for strategy in pb.closing_strategies:
            self.strategy.addItem(strategy.name, strategy.id)
            self._texts[strategy.id] = strategy.text
        self.strategy_text = QLabel()
        self.strategy_text.setWordWrap(True)
        self._version: int | None = None  # the client's version as loaded (no lost update)
        self.strategy.activated.connect(lambda: self.act(flow.set_closing_strategy, store, client_id,
                                                         self.strategy.currentData(), self._version))
        self.deals = DealsPanel(store, client_id)
        self.deals.changed.connect(self.changed)
        self.layout_.addWidget(signals)
        self.layout_.addWidget(QLabel(i18n.message("field.closing_strategy")))
        self.layout_.addWidget(self.strategy)
        self.layout_.addWidget(self.strategy_text)
        self.layout_.addWidget(self.deals, 1)

    def refresh(self, client: ClientDetail) -> None:
        self._version = client.version
        ticks = flow.ticked(self.store, client.id, 5)
        for key, check in self.signals.items():
            check.blockSignals(True)
            check.setChecked(key in ticks)
            check.blockSignals(False)
        self.strategy.setCurrentIndex(max(self.strategy.findData(client.closing_strategy), 0))
        self.strategy_text.setText(self._texts.get(client.closing_strategy or "", ""))
        self.deals.refresh(client)


class MaintenanceTool(Tool):
    """Step 6: maintenance contacts by way, the next due date, complaints and their handling."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        pb = loader.load(i18n.language())
        log_box = QGroupBox(self.tr("Log a maintenance contact"))
        form = QFormLayout(log_box)
        self.way = QComboBox()
        for way in pb.maintenance_ways:
            self.way.addItem(way.name, way.id)
        # each way's guidance from the playbook, under the choice
        self.way_text = QLabel()
        self.way_text.setWordWrap(True)
        self.way_text.setStyleSheet("color: #555;")
        texts = {w.id: w.text for w in pb.maintenance_ways}
        self.way.currentIndexChanged.connect(lambda _i: self.way_text.setText(texts.get(self.way.currentData(), "")))
        self.way_text.setText(texts.get(self.way.currentData(), ""))
        # when the next contact is due (or why there is no cadence), in words
        self.due_text = QLabel()
        self.due_text.setWordWrap(True)
        self.note = QLineEdit()
        self.next_date = QDateEdit()
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setEnabled(False)
        self.set_next = QCheckBox(self.tr("Set the next date by hand (otherwise the tier's cadence decides)"))
        self.set_next.toggled.connect(self.next_date.setEnabled)
        log = QPushButton(self.tr("Log contact"))
        log.clicked.connect(lambda: self.act(
            maintenance.log_contact, store, client_id, self.way.currentData(), self.note.text(),
            self.next_date.date().toString("yyyy-MM-dd") if self.set_next.isChecked() else None))
        form.addRow(i18n.message("field.maintenance_way"), self.way)
        form.addRow("", self.way_text)
        form.addRow(i18n.message("field.notes"), self.note)
        form.addRow(i18n.message("field.next_maintenance_date"), self.due_text)
        form.addRow("", self.set_next)
        form.addRow("", self.next_date)
        self._form = form
        self.set_next.toggled.connect(lambda on: form.setRowVisible(self.next_date, on))
        form.setRowVisible(self.next_date, False)
        form.addRow("", log)
        self.history = read_only_table()
        self.history.setMaximumHeight(120)
        complaints = QGroupBox(self.tr("Complaints"))
        complaints_layout = QVBoxLayout(complaints)
        self.complaints = read_only_table()
        self.complaints.setMaximumHeight(110)
        self.complaints.itemSelectionChanged.connect(self._show_steps)
        self.steps = {}
        steps_row = QHBoxLayout()
        for step in pb.complaint_steps:
            check = QCheckBox(step.name)
            check.setToolTip(step.text)
            check.toggled.connect(lambda on, k=step.id: self._mark(k, on))
            steps_row.addWidget(check)
            self.steps[step.id] = check
        new = QPushButton(self.tr("New complaint…"))
        new.clicked.connect(self.new_complaint)
        complaints_layout.addWidget(self.complaints)
        complaints_layout.addLayout(steps_row)
        complaints_layout.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(log_box)
        self.layout_.addWidget(self.history)
        self.layout_.addWidget(complaints)
        self._complaints: list[maintenance.ComplaintRow] = []

    def new_complaint(self) -> None:
        dialog = dialogs.ReasonDialog(self.tr("New complaint"), self.tr("What is the client unhappy about?"), [],
                                      self)
        dialog.submit = lambda: maintenance.add_complaint(self.store, self.client_id, dialog.text())
        self.open_dialog(dialog)

    def _mark(self, step_id: str, on: bool) -> None:
        complaint_id = self.picked(self.complaints)
        if complaint_id is not None:
            self.act(maintenance.mark_complaint_step, self.store, complaint_id, step_id, on,
                     expected_version=self.row_version(self.complaints))

    def _show_steps(self) -> None:
        row = self.complaints.currentRow()
        done = set(self._complaints[row].steps_done) if 0 <= row < len(self._complaints) else set()
        for key, check in self.steps.items():
            check.blockSignals(True)
            check.setChecked(key in done)
            check.setEnabled(0 <= row < len(self._complaints))
            check.blockSignals(False)

    def refresh(self, client: ClientDetail) -> None:
        item = cadence.due_for(self.store, client.id)
        due = item.due if item and item.reason != "no_tier" else clock.today() + timedelta(days=30)
        self.next_date.setDate(QDate(due.year, due.month, due.day))
        if item is None or item.reason == "no_tier":
            # outside any cadence: no date is shown as if a cadence gave it (see flow.missing_data)
            self.due_text.setStyleSheet("color: #b00020;")
            self.due_text.setText(self.tr("No cadence applies: the client has no tier of the scheme in use. Give it "
                                          "a tier (Recompute tiers on the Maintenance page, or Set tier by hand… "
                                          "here), or set the next date by hand."))
        else:
            self.due_text.setStyleSheet("")
            self.due_text.setText(f"{formatting.day(item.due)} · {cadence.reason_text(item)}")
        self.set_next.setChecked(False)
        pb = loader.load(i18n.language())
        names = {w.id: w.name for w in pb.maintenance_ways}
        rows = maintenance.contacts_of(self.store, client.id)
        fill_table(self.history, [self.tr("When"), self.tr("Way"), self.tr("Note")],
                   [(None, [formatting.minute(r.at), names.get(r.way, r.way), r.note or ""]) for r in rows])
        selected = self.selected_id(self.complaints)
        self._complaints = maintenance.complaints_of(self.store, client.id)
        fill_table(self.complaints, [self.tr("Received"), self.tr("Complaint"), self.tr("Closed")],
                   [(None, [formatting.minute(c.received_at), c.text, formatting.minute(c.closed_at)])
                    for c in self._complaints])
        _tag_rows(self.complaints, [c.id for c in self._complaints], [c.version for c in self._complaints])
        for row, complaint in enumerate(self._complaints):
            if complaint.id == selected:
                self.complaints.selectRow(row)
        self._show_steps()


TOOLS = {1: QualificationTool, 2: ApproachTool, 3: MeetingTool, 4: ObjectionsPanel, 5: ClosingTool,
         6: MaintenanceTool}
