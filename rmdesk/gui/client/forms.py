"""Dialogs of the client workspace: key person, appointment/visit, call report, need,
objection, deal, financing-need calculator. Each submits through a service."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n, vocab
from rmdesk.errors import NotFound, RmdeskError
from rmdesk.gui.client import conflict, fincheck_panel
from rmdesk.gui.dialogs import FormDialog
from rmdesk.gui.jobs import Job
from rmdesk.playbook import loader
from rmdesk.services import cadence, clients, engagement, financing, fincheck, flow, insights, tiering, visits
from rmdesk.services.catalog import NEED_PRODUCTS, list_products
from rmdesk.services.clients import ClientDetail, ContactRow
from rmdesk.services.settings import get_profile
from rmdesk.store.engine import Store

log = logging.getLogger(__name__)


def vocab_combo(list_name: str, values: tuple[str, ...], current: str | None = None, blank: bool = False) -> QComboBox:
    combo = QComboBox()
    if blank:
        combo.addItem("", None)
    for value in values:
        combo.addItem(i18n.label(list_name, value), value)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def amount_caption(lang: str) -> str:
    return formatting.input_unit_caption(i18n.message("field.amount"), lang)


class ContactDialog(FormDialog):
    """Add or edit a key person (关键人)."""

    def __init__(self, store: Store, client_id: int, contact: ContactRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Key person") if contact else self.tr("New key person"), parent)
        self.name = QLineEdit(contact.name if contact else "")
        self.title_edit = QLineEdit(contact.title or "" if contact else "")
        self.role = vocab_combo("role", vocab.CONTACT_ROLES, contact.role if contact else None, blank=True)
        self.power = vocab_combo("decision", vocab.DECISION_POWERS, contact.decision_power if contact else "none")
        self.attitude = vocab_combo("attitude", vocab.ATTITUDES, contact.attitude if contact else "unknown")
        self.phone = QLineEdit(contact.phone or "" if contact else "")
        self.email = QLineEdit(contact.email or "" if contact else "")
        self.birthday = QLineEdit(formatting.day(contact.birthday) if contact else "")
        self.birthday.setPlaceholderText("YYYY-MM-DD")
        self.lunar = QCheckBox(self.tr("Keeps the birthday on the lunar calendar (农历)"))
        self.lunar.setChecked(bool(contact and contact.birthday_is_lunar))
        self.preferences = QPlainTextEdit(contact.preferences or "" if contact else "")
        self.preferences.setMaximumHeight(70)
        for key, widget in (("contact_name", self.name), ("title", self.title_edit), ("role", self.role),
                            ("decision_power", self.power), ("attitude", self.attitude), ("phone", self.phone),
                            ("email", self.email), ("birthday", self.birthday), ("preferences", self.preferences)):
            self.form.addRow(i18n.message(f"field.{key}"), widget)
            if key == "birthday":
                self.form.addRow("", self.lunar)

        def submit():
            data = self.values()
            if contact:
                clients.update_contact(store, contact.id, data, expected_version=self.version)
                return contact.id
            return clients.add_contact(store, client_id, data)

        self.submit = submit
        if contact is not None:  # a conflict on save can be reloaded or reviewed (gui/client/conflict.py)
            self.version = contact.version
            self.review_fields = {key: (i18n.message(f"field.{key}"), widget) for key, widget in (
                ("contact_name", self.name), ("title", self.title_edit), ("role", self.role),
                ("decision_power", self.power), ("attitude", self.attitude), ("phone", self.phone),
                ("email", self.email), ("birthday", self.birthday), ("preferences", self.preferences))}
            self.review_fields["birthday_is_lunar"] = (self.tr("Lunar birthday"), self.lunar)

            def fetch() -> ContactRow:
                found = next((p for p in clients.get_client(store, client_id).contacts if p.id == contact.id), None)
                if found is None:
                    raise NotFound("error.contact_not_found", id=contact.id)
                return found
            self.fetch = fetch
            conflict.remember_loaded(self)

    def fill(self, contact: ContactRow) -> None:
        """The key person as saved into the form (Reload / Review after a conflict)."""
        self.name.setText(contact.name)
        self.title_edit.setText(contact.title or "")
        for combo, value in ((self.role, contact.role), (self.power, contact.decision_power),
                             (self.attitude, contact.attitude)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.phone.setText(contact.phone or "")
        self.email.setText(contact.email or "")
        self.birthday.setText(formatting.day(contact.birthday))
        self.lunar.setChecked(contact.birthday_is_lunar)
        self.preferences.setPlainText(contact.preferences or "")
        self.version = contact.version

    def values(self) -> dict[str, object]:
        return {"name": self.name.text(), "title": self.title_edit.text(), "role": self.role.currentData(),
                "decision_power": self.power.currentData(), "attitude": self.attitude.currentData(),
                "phone": self.phone.text(), "email": self.email.text(), "birthday": self.birthday.text(),
                "birthday_is_lunar": self.lunar.isChecked(), "preferences": self.preferences.toPlainText()}


class VisitDialog(FormDialog):
    """Plan a visit, prefilled from the client and the playbook: the objective for the
    client's step, agenda and questions, who attends, products from the confirmed needs,
    materials for the kind of visit. Flags a clash with the RM's other visits and can
    propose two free times. As an appointment it picks the decision maker, confirmed."""

    def __init__(self, store: Store, client: ClientDetail, appointment: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Make an appointment") if appointment else self.tr("Plan a visit"), parent)
        self.setMinimumWidth(900)
        self.store = store
        lang = i18n.language()
        guide = loader.load(lang).step(client.step)
        self.contact = QComboBox()
        self.contact.addItem("", None)
        for person in client.contacts:
            self.contact.addItem(f"{person.name} · {i18n.label('decision', person.decision_power)}", person.id)
        deciders = [i for i, p in enumerate(client.contacts) if p.decision_power == "decides"]
        if deciders:
            self.contact.setCurrentIndex(deciders[0] + 1)
        start = clock.now().replace(minute=0, second=0) + timedelta(days=1)
        start = start.replace(hour=9 if start.hour < 9 or start.hour >= 17 else start.hour)
        self.when = QDateTimeEdit(QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, 0)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(5, 600)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.slots = QComboBox()
        self.slots.addItem(self.tr("Suggest two free times…"), None)
        self.slots.activated.connect(self._use_slot)
        self.clash = QLabel()
        self.clash.setWordWrap(True)
        self.clash.setStyleSheet("color: #b00020;")
        self.kind = vocab_combo("visit_kind", vocab.VISIT_KINDS, "onsite")
        self.place = QLineEdit(client.address or "")
        self.confirmed = QCheckBox(self.tr("Confirmed with the client"))
        self.confirmed.setChecked(appointment)
        self.objective = QLineEdit(guide.visit_objective)
        self.objective.setCursorPosition(0)
        self.agenda = QPlainTextEdit("\n".join(guide.agenda))
        self.questions = QPlainTextEdit("\n".join(guide.questions))
        profile = get_profile(store)
        self.ours = QLineEdit(profile.rm_name or client.owner)
        self.theirs = QLineEdit()
        self.products = QListWidget()
        wanted = {NEED_PRODUCTS[n.area] for n in engagement.needs_of(store, client.id) if n.confirmed}
        for product in list_products(store):
            item = QListWidgetItem(product.name(lang), self.products)
            item.setData(Qt.ItemDataRole.UserRole, product.key)
            item.setCheckState(Qt.CheckState.Checked if product.key in wanted else Qt.CheckState.Unchecked)
        self.materials = QListWidget()
        self._materials = loader.load(lang).materials
        for material in self._materials:
            item = QListWidgetItem(material.name, self.materials)
            item.setData(Qt.ItemDataRole.UserRole, material.id)
        for edit in (self.agenda, self.questions):
            edit.setMaximumHeight(90)
        for box in (self.products, self.materials):
            box.setMaximumHeight(120)

        when_form = QFormLayout()
        for key, widget in (("contact_id", self.contact), ("planned_at", self.when), ("duration_min", self.duration),
                            ("kind", self.kind), ("place", self.place)):
            when_form.addRow(i18n.message(f"field.{key}"), widget)
        when_form.addRow("", self.slots)
        when_form.addRow("", self.clash)
        when_form.addRow("", self.confirmed)
        when_form.addRow(self.tr("Our side"), self.ours)
        when_form.addRow(self.tr("Their side"), self.theirs)
        when_form.addRow(self.tr("Materials"), self.materials)
        what_form = QFormLayout()
        what_form.addRow(i18n.message("field.objective"), self.objective)
        what_form.addRow(i18n.message("field.agenda"), self.agenda)
        what_form.addRow(i18n.message("field.questions"), self.questions)
        what_form.addRow(i18n.message("field.product"), self.products)
        columns = QHBoxLayout()
        columns.addLayout(when_form, 1)
        columns.addLayout(what_form, 1)
        self.form.addRow(columns)

        self._client_id = client.id
        self._contacts = {p.id: p for p in client.contacts}
        self.contact.currentIndexChanged.connect(self._fill_theirs)
        self.kind.currentIndexChanged.connect(self._tick_materials)
        self.when.dateTimeChanged.connect(self._check_clash)
        self.duration.valueChanged.connect(self._check_clash)
        self._fill_theirs()
        self._tick_materials()
        self._check_clash()
        self.submit = lambda: visits.plan_visit(store, client.id, self.values())

    def _fill_theirs(self) -> None:
        person = self._contacts.get(self.contact.currentData())
        self.theirs.setText(" ".join(filter(None, [person.name, person.title])) if person else "")

    def _tick_materials(self) -> None:
        kind = self.kind.currentData()
        for row, material in enumerate(self._materials):
            self.materials.item(row).setCheckState(
                Qt.CheckState.Checked if kind in material.kinds else Qt.CheckState.Unchecked)

    def start(self) -> datetime:
        when = self.when.dateTime()
        return datetime(when.date().year(), when.date().month(), when.date().day(), when.time().hour(),
                        when.time().minute())

    def _check_clash(self) -> None:
        clashes = visits.overlapping(self.store, self.start(), self.duration.value())
        self.clash.setText(self.tr("Overlaps: %1").replace("%1", "; ".join(
            f"{v.planned_at.strftime('%H:%M')} {v.client_name}" for v in clashes)) if clashes else "")
        self.clash.setVisible(bool(clashes))

    def suggest(self) -> list[datetime]:
        slots = visits.propose_slots(self.store, self._client_id, self.duration.value())
        while self.slots.count() > 1:
            self.slots.removeItem(1)
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri")]
        for slot in slots:
            self.slots.addItem(f"{weekdays[slot.weekday()]} {formatting.minute(slot)}", slot)
        return slots

    def _use_slot(self, index: int) -> None:
        if index == 0:
            self.suggest()
            self.slots.showPopup()
            return
        slot = self.slots.itemData(index)
        self.when.setDateTime(QDateTime(QDate(slot.year, slot.month, slot.day), QTime(slot.hour, slot.minute)))

    def values(self) -> dict[str, object]:
        def checked(box: QListWidget) -> list[str]:
            return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
                    if box.item(i).checkState() == Qt.CheckState.Checked]

        return {"contact_id": self.contact.currentData(), "planned_at": self.start(),
                "duration_min": self.duration.value(), "kind": self.kind.currentData(), "place": self.place.text(),
                "objective": self.objective.text(), "agenda": self.agenda.toPlainText(),
                "questions": self.questions.toPlainText(), "attendees_ours": self.ours.text(),
                "attendees_theirs": self.theirs.text(), "products": checked(self.products),
                "materials": checked(self.materials), "confirmed": self.confirmed.isChecked()}


class RescheduleDialog(FormDialog):
    """Move a planned visit to another time, with a reason (kept on the timeline)."""

    def __init__(self, store: Store, visit_id: int, current: datetime, parent: QWidget | None = None,
                 version: int | None = None, client_id: int | None = None) -> None:
        super().__init__(self.tr("Reschedule visit"), parent)
        self.when = QDateTimeEdit(QDateTime(QDate(current.year, current.month, current.day),
                                            QTime(current.hour, current.minute)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reason = QLineEdit()
        self.form.addRow(i18n.message("field.planned_at"), self.when)
        self.form.addRow(i18n.message("field.reason"), self.reason)
        self.version = version
        self.submit = lambda: visits.reschedule_visit(
            store, visit_id, self.when.dateTime().toString("yyyy-MM-dd HH:mm"), self.reason.text(),
            expected_version=self.version)
        # a conflict on save: Reload shows the visit's time as saved, Review beside mine
        if client_id is not None:
            self.review_fields = {"planned_at": (i18n.message("field.planned_at"), self.when)}
            self.fetch = lambda: next((r for r in visits.client_visits(store, client_id) if r.id == visit_id),
                                      None) or _gone("error.visit_not_found", visit_id)
            conflict.remember_loaded(self)

    def fill(self, visit: visits.VisitRow) -> None:
        t = visit.planned_at
        self.when.setDateTime(QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute)))
        self.version = visit.version


class ReportDialog(FormDialog):
    """The call report after a visit: outcome, who was met, needs found, products discussed, the
    client's reaction, objections raised (logged on the client) and next steps with an owner and a
    due date each (they become tasks). One save, one transaction."""

    def __init__(self, store: Store, visit_id: int, owner: str, parent: QWidget | None = None,
                 version: int | None = None) -> None:
        super().__init__(self.tr("Call report"), parent)
        self.setMinimumWidth(720)
        planned = visits.report_prefill(store, visit_id)
        self.owner = owner or planned.owner
        self.outcome = QPlainTextEdit()
        self.attendees = QLineEdit(planned.attendees)
        self.needs = QPlainTextEdit()
        self.reaction = QLineEdit()
        self.products = QListWidget()
        for product in list_products(store):
            item = QListWidgetItem(product.name(i18n.language()))
            item.setData(Qt.ItemDataRole.UserRole, product.key)
            item.setCheckState(Qt.CheckState.Checked if product.key in planned.products else Qt.CheckState.Unchecked)
            self.products.addItem(item)
        self.products.setMaximumHeight(96)
        for widget in (self.outcome, self.needs):
            widget.setMaximumHeight(64)
        self.objections = RowsEditor([i18n.message("field.objection_type"), i18n.message("field.words"),
                                      i18n.message("field.answer")], self.tr("Add objection"))
        self.next_steps = RowsEditor([i18n.message("field.task_title"), i18n.message("field.task_owner"),
                                      i18n.message("field.due_date")], self.tr("Add next step"))
        self.form.addRow(i18n.message("field.outcome"), self.outcome)
        self.form.addRow(i18n.message("field.attendees_met"), self.attendees)
        self.form.addRow(i18n.message("field.needs"), self.needs)
        self.form.addRow(i18n.message("field.products_discussed"), self.products)
        self.form.addRow(i18n.message("field.reaction"), self.reaction)
        self.form.addRow(i18n.message("field.objections_raised"), self.objections)
        self.form.addRow(i18n.message("field.task_title"), self.next_steps)
        self.objections.add_button.clicked.connect(lambda: self.add_objection())
        self.next_steps.add_button.clicked.connect(lambda: self.add_next_step())
        self.add_next_step()  # most visits end with at least one next step
        self.outcome.setFocus()
        self.submit = lambda: visits.record_report(
            store, visit_id, self.outcome.toPlainText(), self.needs.toPlainText(), self.reaction.text(),
            self.step_values(), attendees_met=self.attendees.text(), products=self.product_keys(),
            objections=self.objection_values(), expected_version=version)

    def add_objection(self, kind: str = "price", words: str = "", answer: str = "") -> None:
        kind_combo = vocab_combo("objection", vocab.OBJECTION_TYPES, kind)
        answer_edit = SuggestedAnswer(kind_combo.currentData(), answer)
        kind_combo.currentIndexChanged.connect(lambda _i: answer_edit.suggest(kind_combo.currentData()))
        self.objections.add_row([kind_combo, QLineEdit(words), answer_edit])

    def add_next_step(self, title: str = "", owner: str | None = None, due: date | None = None) -> None:
        when = due or clock.today() + timedelta(days=7)  # a week unless the RM picks a day
        due_edit = QDateEdit(QDate(when.year, when.month, when.day))
        due_edit.setCalendarPopup(True)
        due_edit.setDisplayFormat("yyyy-MM-dd")
        self.next_steps.add_row([QLineEdit(title), QLineEdit(self.owner if owner is None else owner), due_edit])

    def product_keys(self) -> list[str]:
        return [self.products.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.products.count())
                if self.products.item(i).checkState() == Qt.CheckState.Checked]

    def objection_values(self) -> list[dict[str, object]]:
        return [{"type": kind.currentData(), "words": words.text(), "answer": answer.text()}
                for kind, words, answer in self.objections.rows() if words.text().strip()]

    def step_values(self) -> list[dict[str, object]]:
        return [{"title": title.text(), "owner": owner.text(), "due_date": due.date().toPython()}
                for title, owner, due in self.next_steps.rows() if title.text().strip()]


class SuggestedAnswer(QComboBox):
    """An answer typed freely or started from the playbook's suggested answers for the
    objection's type (the call report's objection rows); text()/setText() as a QLineEdit."""

    def __init__(self, kind: str, text: str = "") -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.lineEdit().setPlaceholderText(self.tr("Type, or pick a suggested answer"))
        self.suggest(kind)
        self.setText(text)

    def suggest(self, kind: str) -> None:
        typed = self.text()
        self.clear()
        for answer in loader.load(i18n.language()).objections[kind].answers:
            self.addItem(answer)
            self.setItemData(self.count() - 1, answer, Qt.ItemDataRole.ToolTipRole)
        self.setText(typed)

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit name it stands in for
        self.setCurrentIndex(-1)
        self.setEditText(text)


class RowsEditor(QWidget):
    """A short list of rows of editors (objections raised, next steps) with Add and Remove;
    a row left blank is ignored on save."""

    def __init__(self, headers: list[str], add_text: str) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(120)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)

    def add_row(self, editors: list[QWidget]) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, editor in enumerate(editors):
            self.table.setCellWidget(index, column, editor)
        self.table.resizeColumnsToContents()
        self.table.setCurrentCell(index, 0)
        editors[0].setFocus()

    def rows(self) -> list[list[QWidget]]:
        return [[self.table.cellWidget(r, c) for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


class NeedDialog(FormDialog):
    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Need found"), parent)
        self.area = vocab_combo("need_area", vocab.NEED_AREAS)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.confirmed = QCheckBox(self.tr("The client confirmed this need"))
        self.form.addRow(i18n.message("field.need_area"), self.area)
        self.form.addRow(i18n.message("field.description"), self.description)
        self.form.addRow("", self.confirmed)
        self.submit = lambda: engagement.add_need(store, client_id, self.area.currentData(),
                                                  self.description.toPlainText(), self.confirmed.isChecked())


class ObjectionDialog(FormDialog):
    """Log an objection; the playbook suggests answers for its type."""

    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Objection"), parent)
        self.kind = vocab_combo("objection", vocab.OBJECTION_TYPES)
        self.words = QPlainTextEdit()
        self.words.setMaximumHeight(70)
        self.suggestions = QComboBox()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.answer = QPlainTextEdit()
        self.answer.setMaximumHeight(90)
        self.blocking = QCheckBox(self.tr("Blocks the deal"))
        self.blocking.setChecked(True)
        # the RM's own answers that worked: the whole book's objections, so off the GUI
        # thread (~0.4 s at 100k); the playbook's answers show at once, "looking up…" below
        self.worked: dict[str, list[insights.AnswerLine]] = {}
        self.worked_job: Job | None = Job(insights.worked_by_type, store)
        self.worked_job.signals.done.connect(self._worked_found)
        self.worked_job.signals.failed.connect(self._worked_failed)
        self.finished.connect(self._forget_worked)
        self.kind.currentIndexChanged.connect(self._suggest)
        self.suggestions.activated.connect(lambda i: self.answer.setPlainText(self.suggestions.itemData(i) or ""))
        self.form.addRow(i18n.message("field.objection_type"), self.kind)
        self.form.addRow(i18n.message("field.words"), self.words)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Suggested answers"), self.suggestions)
        self.form.addRow(i18n.message("field.answer"), self.answer)
        self.form.addRow("", self.blocking)
        self._suggest()
        self.worked_job.start()
        self.submit = lambda: engagement.log_objection(store, client_id, self.kind.currentData(),
                                                       self.words.toPlainText(), self.answer.toPlainText(),
                                                       self.blocking.isChecked())

    def _suggest(self) -> None:
        guide = loader.load(i18n.language()).objections[self.kind.currentData()]
        self.hint.setText(guide.hint)
        self.suggestions.clear()
        self.suggestions.addItem(self.tr("Choose an answer to start from…"), None)
        for answer in guide.answers:  # in full: the list opens as wide as its answers need
            self.suggestions.addItem(answer, answer)
            self.suggestions.setItemData(self.suggestions.count() - 1, answer, Qt.ItemDataRole.ToolTipRole)
        self.suggestions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suggestions.setMinimumContentsLength(24)
        mine = self.worked.get(self.kind.currentData(), [])
        if mine or self.worked_job is not None:
            self.suggestions.insertSeparator(self.suggestions.count())
        if self.worked_job is not None:  # a quiet line, not choosable, until the job answers
            self.suggestions.addItem(self.tr("Looking up the answers that worked for you…"), None)
            self.suggestions.model().item(self.suggestions.count() - 1).setEnabled(False)
        for line in mine:
            text = line.answer[:50] + ("…" if len(line.answer) > 50 else "")
            self.suggestions.addItem(self.tr("Worked for you (%1 of %2): %3").replace("%1", str(line.resolved))
                                     .replace("%2", str(line.used)).replace("%3", text), line.answer)


    def _worked_found(self, worked: dict) -> None:
        self.worked_job = None
        self.worked = worked
        self._suggest()

    def _worked_failed(self, exc: object) -> None:  # the playbook's answers stay; no dialog over a dialog
        self.worked_job = None
        log.warning("answers that worked: %s", exc)
        self._suggest()

    def _forget_worked(self) -> None:  # closed before the answers came: drop them for good
        if self.worked_job is not None:
            self.worked_job.forget()
            self.worked_job = None


class DealDialog(FormDialog):
    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New deal"), parent)
        lang = i18n.language()
        self.product = QComboBox()
        for product in list_products(store):
            self.product.addItem(product.name(lang), product.key)
        self.amount = QLineEdit()
        self.rate = QLineEdit()
        self.expected = QDateEdit(QDate.currentDate().addMonths(1))
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(i18n.message("field.product"), self.product)
        self.form.addRow(amount_caption(lang), self.amount)
        self.form.addRow(i18n.message("field.rate"), self.rate)
        self.form.addRow(i18n.message("field.expected_date"), self.expected)
        self.submit = lambda: engagement.create_deal(
            store, client_id, self.product.currentData(), formatting.input_amount_to_yuan(self.amount.text(), lang),
            self.rate.text(), self.expected.date().toString("yyyy-MM-dd"))


class MaturityDialog(FormDialog):
    """The maturity of a won credit deal; post-loan checks and the maturity notice become tasks."""

    def __init__(self, store: Store, deal: engagement.DealRow, parent: QWidget | None = None,
                 client_id: int | None = None) -> None:
        super().__init__(self.tr("Maturity and post-loan checks"), parent)
        start = deal.maturity_date or (deal.actual_date or clock.today()).replace(
            year=(deal.actual_date or clock.today()).year + 1, day=min((deal.actual_date or clock.today()).day, 28))
        self.maturity = QDateEdit(QDate(start.year, start.month, start.day))
        self.maturity.setCalendarPopup(True)
        self.maturity.setDisplayFormat("yyyy-MM-dd")
        note = QLabel(self.tr("The first post-loan check falls a month after drawing, then one every quarter until "
                              "maturity, and a reminder a month before maturity; all on working days."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(i18n.message("field.maturity_date"), self.maturity)
        self.version = deal.version
        self.submit = lambda: cadence.set_deal_maturity(store, deal.id, self.maturity.date().toString("yyyy-MM-dd"),
                                                        expected_version=self.version)
        if client_id is not None:  # a conflict on save: Reload shows the maturity as saved, Review beside mine
            self.review_fields = {"maturity_date": (i18n.message("field.maturity_date"), self.maturity)}
            self.fetch = lambda: next((d for d in engagement.deals_of(store, client_id) if d.id == deal.id),
                                      None) or _gone("error.deal_not_found", deal.id)
            conflict.remember_loaded(self)

    def fill(self, deal: engagement.DealRow) -> None:
        if deal.maturity_date is not None:
            d = deal.maturity_date
            self.maturity.setDate(QDate(d.year, d.month, d.day))
        self.version = deal.version


class VolumesDialog(FormDialog):
    """A client's business volumes for one period (for tiering and the RM's targets)."""

    FIELDS = tiering.VOLUME_FIELDS  # incl. the published star table's measures (investment, cards, ...)

    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Business volumes"), parent)
        self.store, self.client_id = store, client_id
        self.lang = i18n.language()
        self.period = QLineEdit(str(clock.today().year))
        self.period.setPlaceholderText("2026 / 2026-H1 / 2026-Q3 / 2026-05")
        self.period.editingFinished.connect(self.load)
        self.form.addRow(i18n.message("field.period"), self.period)
        self.edits: dict[str, QLineEdit] = {}
        for key in self.FIELDS:
            caption = i18n.message(f"field.{key}")
            if key == "intl_settlement_usd":
                caption = caption.replace("（美元）", "（万美元）")
            else:
                caption = formatting.input_unit_caption(caption, self.lang)
            self.edits[key] = QLineEdit()
            self.form.addRow(caption, self.edits[key])
        self.products = QSpinBox()
        self.products.setRange(0, 999)
        self.form.addRow(i18n.message("field.products_held"), self.products)
        self.review_fields = {key: (self.form.labelForField(edit).text(), edit) for key, edit in self.edits.items()}
        self.review_fields["products_held"] = (i18n.message("field.products_held"), self.products)
        self.load()
        self.submit = self.save

    def load(self) -> None:
        rows = {r.period: r for r in tiering.volumes_of(self.store, self.client_id)}
        row = rows.get(self.period.text().strip())
        factor = formatting.input_unit_factor(self.lang)
        for key, edit in self.edits.items():
            edit.setText(f"{(getattr(row, key) / factor).normalize():f}" if row else "")
        self.products.setValue(row.products_held if row else 0)
        self.version = row.version if row else 0  # the period's row as loaded (0: none yet)
        conflict.remember_loaded(self)

    # a conflict on save: Reload shows the period as saved, Review theirs beside mine
    def fetch(self) -> tiering.VolumeRow | None:
        period = self.period.text().strip()
        return next((r for r in tiering.volumes_of(self.store, self.client_id) if r.period == period), None) \
            or _gone("error.client_not_found", self.client_id)

    def fill(self, row: tiering.VolumeRow) -> None:
        factor = formatting.input_unit_factor(self.lang)
        for key, edit in self.edits.items():
            edit.setText(f"{(getattr(row, key) / factor).normalize():f}")
        self.products.setValue(row.products_held)
        self.version = row.version

    def save(self) -> None:
        values: dict[str, object] = {k: formatting.input_amount_to_yuan(e.text(), self.lang) or "0"
                                     for k, e in self.edits.items()}
        values["products_held"] = self.products.value()
        tiering.set_business_volume(self.store, self.client_id, self.period.text(), values,
                                    expected_version=self.version)


FIELDS_BY_METHOD = {
    "working_capital": ("last_sales", "last_margin_pct", "growth_pct", "inventory_days", "receivable_days",
                        "payable_days", "prepayment_days", "advance_days", "own_funds", "existing_loans",
                        "other_funds"),
    "sales_percentage": ("last_sales", "growth_pct", "working_assets", "spontaneous_liabilities",
                         "net_margin_pct", "retention_pct"),
    "monthly_income": ("monthly_net_income", "repayment_share_pct", "annual_rate_pct", "term_months"),
}


class FinancingDialog(FormDialog):
    """The three financing-need estimates; Compute shows how, OK saves it on the client."""

    def __init__(self, store: Store, client_id: int, annual_sales: object = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Financing need"), parent)
        self.setMinimumWidth(620)
        self.store, self.client_id = store, client_id
        self.lang = i18n.language()  # money fields take the same unit as the profile and deals
        self.tabs = QTabWidget()
        self.inputs: dict[str, dict[str, QLineEdit]] = {}
        for method, fields in FIELDS_BY_METHOD.items():
            page = QWidget()
            form = QFormLayout(page)
            self.inputs[method] = {}
            for name in fields:
                edit = QLineEdit()
                if name == "last_sales" and annual_sales is not None:
                    edit.setText(formatting.yuan_to_input(Decimal(str(annual_sales)), self.lang))
                self.inputs[method][name] = edit
                caption = i18n.message(f"calc.{name}")
                if name in financing.MONEY_INPUTS:
                    caption = formatting.input_unit_caption(caption, self.lang)
                form.addRow(caption, edit)
            self.tabs.addTab(page, i18n.message(f"calc.{method}"))
        self.form.addRow(self.tabs)
        self.setMinimumWidth(max(620, self.tabs.tabBar().sizeHint().width() + 60))  # every method's tab shown whole
        fincheck_panel.hint_statement_days(self.inputs["working_capital"], store, client_id)
        self.explanation = QTextBrowser()
        self.explanation.setMinimumHeight(210)
        self.form.addRow(self.explanation)
        compute = self.buttons.addButton(self.tr("Compute"), self.buttons.ButtonRole.ApplyRole)
        compute.clicked.connect(self.compute)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Save on client"))
        self.submit = lambda: flow.save_estimate(store, client_id, self.compute(raise_errors=True))

    def method(self) -> str:
        return list(FIELDS_BY_METHOD)[self.tabs.currentIndex()]

    def compute(self, raise_errors: bool = False) -> financing.Estimate | None:
        method = self.method()
        data = {name: formatting.input_amount_to_yuan(edit.text(), self.lang) if name in financing.MONEY_INPUTS
                else edit.text() for name, edit in self.inputs[method].items()}
        try:
            estimate = (fincheck.working_capital(self.store, self.client_id, data) if method == "working_capital"
                        else financing.estimate(method, data))  # blank turnover days from the statements
        except RmdeskError as exc:
            if raise_errors:
                raise
            self.error.setText(exc.message())
            self.error.show()
            return None
        self.error.hide()
        self.explanation.setHtml(explain(estimate))
        return estimate


def explain(estimate: financing.Estimate) -> str:
    """How the estimate was computed, as HTML, amounts in the display unit."""
    lang = i18n.language()
    money_keys = {"wc_needed", "deductions", "new_loan", "sales_increase", "retained_earnings", "monthly_payment"}
    rows = "".join(
        f"<tr><td>{i18n.message('calc.' + key)}</td><td align='right'>"
        f"{formatting.money(value, lang) if key in money_keys else value}</td></tr>"
        for key, value in estimate.steps)
    return (f"<h3>{i18n.message('calc.' + estimate.method)}</h3><table cellspacing='6'>{rows}</table>"
            f"<p><b>{i18n.message('calc.new_loan')}{'：' if lang == 'zh_CN' else ': '}"
            f"{formatting.money(estimate.result, lang)}</b></p>"
            + (f"<p><i>{fincheck.source_text(source, lang)}</i></p>" if (source := getattr(estimate, "source", "")) else ""))


def _gone(key: str, row_id: int):
    """A row deleted meanwhile: nothing to reload (the conflict piece says so)."""
    raise NotFound(key, id=row_id)
