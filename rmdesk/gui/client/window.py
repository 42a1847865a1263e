"""The client workspace: where this client stands, what to do now, what is missing,
and what moves it on. Header with the six-step bar and the moves; tabs for overview &
intel, guidance (with the step's tool), visits, objections, deals and the timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n, vocab
from rmdesk.errors import Conflict, RmdeskError
from rmdesk.gui import dialogs
from rmdesk.gui.client import conflict, moves
from rmdesk.gui.client.fincheck_panel import add_fincheck_panel
from rmdesk.gui.client.forms import ContactDialog, ReportDialog, RescheduleDialog, VisitDialog, vocab_combo
from rmdesk.gui.client.industry_panel import add_industry_panel
from rmdesk.gui.client.keeping_panel import KeepingPanel
from rmdesk.gui.client.risk_panel import RiskPanel
from rmdesk.gui.client.step_tools import TOOLS, DealsPanel, ObjectionsPanel, Tool
from rmdesk.gui.errors import show_error
from rmdesk.gui.plan_print import preview_visit_plan
from rmdesk.gui.widgets import (
    WrappingCheckBox,
    fill_table,
    heading,
    read_only_table,
    saved_row,
    say_saved,
    step_label,
)
from rmdesk.playbook import loader
from rmdesk.playbook.rules import Condition
from rmdesk.services import clients, flow, pipeline, tiering, trash, visits
from rmdesk.services.clients import ClientDetail
from rmdesk.services.timeline import Entry, timeline, value_text
from rmdesk.store.engine import Store

MISSING_STYLE = "background: #fff3cd;"
DONE, CURRENT, TODO = "#2e7d32", "#1565c0", "#b0bec5"


class StepBar(QWidget):
    """Six segments: done, current, to do. A click views that step's guidance."""

    step_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        self.segments = []
        for step in vocab.STEPS:
            button = QPushButton(step_label(step))
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, s=step: self.step_clicked.emit(s))
            row.addWidget(button, 1)
            self.segments.append(button)

    def show_state(self, current: int, parked: bool) -> None:
        for step, button in enumerate(self.segments, start=1):
            color = DONE if step < current else CURRENT if step == current else TODO
            if parked and step == current:
                color = "#8d6e63"
            text = "white" if step <= current else "#263238"
            button.setStyleSheet(f"QPushButton {{ background: {color}; color: {text}; border: none;"
                                 f" padding: 6px; font-weight: {'bold' if step == current else 'normal'}; }}")


class ClientWindow(QWidget):
    client_changed = Signal(int)

    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.client_id = client_id
        self.viewing: int | None = None  # step whose guidance is shown; None = the current one
        self.client: ClientDetail | None = None
        self.resize(1180, 720)

        self.title = heading("", 4)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.step_bar = StepBar()
        self.step_bar.step_clicked.connect(self.view_step)
        self.advance_button = QPushButton()
        self.advance_button.clicked.connect(self.advance)
        self.back_button = QPushButton(self.tr("Move back…"))
        self.back_button.clicked.connect(self.move_back)
        self.park_button = QPushButton(self.tr("Park…"))
        self.park_button.clicked.connect(self.park)
        self.lost_button = QPushButton(self.tr("Mark lost…"))
        self.lost_button.clicked.connect(self.lose)
        self.reopen_button = QPushButton(self.tr("Re-open"))
        self.reopen_button.clicked.connect(self.reopen)
        actions = QHBoxLayout()
        for button in (self.advance_button, self.back_button, self.park_button, self.lost_button,
                       self.reopen_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.overview = OverviewTab(store, client_id)
        self.guidance = GuidanceTab(store, client_id)
        self.visits = VisitsTab(store, client_id)
        self.objections = ObjectionsPanel(store, client_id)
        self.deals = DealsPanel(store, client_id)
        self.risk = RiskPanel(store, client_id)  # early warnings and related parties (issue 19)
        self.timeline = read_only_table()
        for tab, title in ((self.overview, self.tr("Overview and intel")), (self.guidance, self.tr("Guidance")),
                           (self.visits, self.tr("Visits")), (self.objections, self.tr("Objections")),
                           (self.deals, self.tr("Deals")), (self.risk, self.tr("Risk and related parties")),
                           (self.timeline, self.tr("Timeline"))):
            self.tabs.addTab(tab, title)
        for part in (self.overview, self.guidance, self.visits, self.objections, self.deals, self.risk):
            part.changed.connect(self.refresh)
        self.guidance.step_combo.activated.connect(lambda i: self.view_step(i + 1))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.step_bar)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self.refresh()
        self.tabs.setCurrentWidget(self.guidance)

    # --- state ---------------------------------------------------------------------
    def has_unsaved_edits(self) -> bool:
        """Typed in the window and not saved yet (the profile form): a periodic refresh should
        wait, or it would overwrite the typing."""
        return self.overview.has_unsaved_edits()

    def refresh(self) -> None:
        try:
            client = clients.get_client(self.store, self.client_id)
        except RmdeskError as exc:  # deleted meanwhile
            show_error(self, exc)
            self.close()
            return
        first = self.client is None
        self.client = client
        self.setWindowTitle(client.name)
        self.title.setText(client.name)
        today = clock.today()
        parts = [i18n.label("status", client.status), i18n.label("tier", client.tier) or self.tr("No tier"),
                 self.tr("%1 days in this step").replace("%1", str(client.days_in_step()))]
        if client.owner:
            parts.append(self.tr("Owner: %1").replace("%1", escape(client.owner)))
        if client.next_action_date:
            text = self.tr("Next action: %1").replace("%1", formatting.day(client.next_action_date))
            overdue = client.next_action_date < today
            parts.append(f"<span style='color:#b00020; font-weight:bold'>{text}</span>" if overdue else text)
        if client.status == "nurture" and client.wake_up_date:
            parts.append(self.tr("Wakes up %1").replace("%1", formatting.day(client.wake_up_date)))
        parts += self.risk.header_parts(client)
        self.summary.setText("  ·  ".join(parts))
        parked = client.status in ("nurture", "lost")
        self.step_bar.show_state(client.step, parked)
        check = pipeline.check_exit(self.store, client.id)
        if client.step < vocab.FINAL_STEP:
            label = self.tr("Advance to %1").replace("%1", step_label(client.step + 1))
            self.advance_button.setText(label if check.met else label + " " + self.tr("(override)…"))
            self.advance_button.setToolTip("" if check.met else self.tr("The exit condition is not met yet"))
        else:
            self.advance_button.setText(self.tr("Last step"))
        self.advance_button.setEnabled(not parked and client.step < vocab.FINAL_STEP)
        self.back_button.setEnabled(not parked and client.step > 1)
        self.park_button.setEnabled(client.status != "nurture")
        self.lost_button.setEnabled(client.status != "lost")
        # a disabled button says why (issue 17's walk)
        reopen_first = self.tr("The client is parked or lost: re-open it first.")
        if client.step >= vocab.FINAL_STEP:
            self.advance_button.setToolTip(self.tr("Maintenance is the last step."))
        if parked:
            self.advance_button.setToolTip(reopen_first)
        self.back_button.setToolTip(reopen_first if parked else (
            self.tr("The client is at the first step.") if client.step <= 1 else ""))
        self.park_button.setToolTip(self.tr("The client is parked already.") if client.status == "nurture" else "")
        self.lost_button.setToolTip(self.tr("The client is marked lost already.") if client.status == "lost" else "")
        self.reopen_button.setVisible(parked)
        self.overview.refresh(client)
        self.guidance.refresh(client, self.viewing or client.step, check)
        self.visits.refresh(client)
        self.objections.refresh(client)
        self.deals.refresh(client)
        self.risk.refresh(client)
        fill_table(self.timeline, [self.tr("When"), self.tr("What"), self.tr("By"), self.tr("Details")],
                   [(None, [formatting.minute(e.at), (d := describe(e))[0], e.by or "", d[1]])
                    for e in timeline(self.store, client.id)])
        if not first:
            self.client_changed.emit(client.id)

    def team_changed(self) -> None:
        """Another RM changed the team database (gui/team_refresh.py): reload, or, with unsaved
        edits in the form, a bar offers the reload (gui/client/team_bar.py)."""
        from rmdesk.gui.client import team_bar

        team_bar.reload_or_offer(self)

    def show_visit(self, visit_id: int) -> None:
        """Bring the Visits tab forward with this visit selected."""
        self.tabs.setCurrentWidget(self.visits)
        if visit_id in self.visits._ids:
            self.visits.table.selectRow(self.visits._ids.index(visit_id))

    def view_step(self, step: int) -> None:
        """Show the guidance of `step` without moving the client."""
        self.viewing = None if self.client and step == self.client.step else step
        self.tabs.setCurrentWidget(self.guidance)
        self.refresh()

    # --- moves ---------------------------------------------------------------------
    def advance(self) -> None:
        if self.client and moves.request_move(self, self.store, self.client_id, self.client.step + 1,
                                              self.client.version):
            self.viewing = None
        self.refresh()

    def move_back(self) -> None:
        if self.client and moves.request_move(self, self.store, self.client_id, self.client.step - 1,
                                              self.client.version):
            self.viewing = None
        self.refresh()

    def park(self) -> None:
        dialog = dialogs.ParkDialog(self)
        version = self.client.version if self.client else None
        dialog.submit = lambda: pipeline.park(self.store, self.client_id, dialog.wake_up(),
                                              dialog.reason.toPlainText(), expected_version=version)
        if dialogs.run(dialog) or dialog.reloaded:  # reloaded: after a conflict
            self.refresh()

    def lose(self) -> None:
        dialog = dialogs.LostDialog(self)
        version = self.client.version if self.client else None
        dialog.submit = lambda: pipeline.mark_lost(self.store, self.client_id, dialog.kind.currentData(),
                                                   dialog.details.toPlainText(), expected_version=version)
        if dialogs.run(dialog) or dialog.reloaded:  # reloaded: after a conflict
            self.refresh()

    def reopen(self) -> None:
        try:
            pipeline.reopen(self.store, self.client_id,
                            expected_version=self.client.version if self.client else None)
        except Conflict as exc:
            conflict.tell_row_conflict(self, exc, self.refresh)
        except RmdeskError as exc:
            show_error(self, exc)
        self.refresh()


def describe(e: Entry) -> list[str]:
    """[what, details] of a timeline entry in the user's language."""
    f = e.facts
    lang = i18n.language()
    if e.kind == "move":
        if f["from_step"] is None:
            what = QCoreApplication.translate("Timeline", "Created at %1").replace("%1", step_label(f["to_step"]))
        elif f["from_step"] != f["to_step"]:
            what = f"{step_label(f['from_step'])} → {step_label(f['to_step'])}"
        else:
            what = f"{i18n.label('status', f['from_status'])} → {i18n.label('status', f['to_status'])}"
        detail = (f["reason"] or "") + (" " + QCoreApplication.translate("Timeline", "(override)") if f["override"] else "")
        return [what, detail.strip()]
    if e.kind == "visit_planned":
        return [QCoreApplication.translate("Timeline", "Visit planned for %1").replace("%1", formatting.minute(f["planned_at"])), f["objective"] or ""]
    if e.kind == "call_report":
        return [QCoreApplication.translate("Timeline", "Call report"), " · ".join(filter(None, [f["outcome"], f["attendees"], f["reaction"]]))]
    if e.kind == "visit_cancelled":
        return [QCoreApplication.translate("Timeline", "Visit cancelled"), f["reason"] or ""]
    if e.kind == "objection":
        return [QCoreApplication.translate("Timeline", "Objection: %1").replace("%1", i18n.label("objection", f["type"])), f["words"]]
    if e.kind == "objection_resolved":
        return [QCoreApplication.translate("Timeline", "Objection resolved: %1").replace("%1", i18n.label("objection", f["type"])), f["answer"] or ""]
    if e.kind in ("deal", "deal_won", "deal_lost"):
        product = f["product_zh"] if lang == "zh_CN" else f["product_en"]
        what = {"deal": QCoreApplication.translate("Timeline", "Deal opened"), "deal_won": QCoreApplication.translate("Timeline", "Deal won"), "deal_lost": QCoreApplication.translate("Timeline", "Deal lost")}[e.kind]
        return [what, f"{product} {formatting.money(f['amount'], lang)} {f.get('reason') or ''}".strip()]
    if e.kind == "estimate":
        return [QCoreApplication.translate("Timeline", "Financing need estimated"),
                f"{i18n.message('calc.' + f['method'])}: {formatting.money(f['result'], lang)}"]
    if e.kind == "maintenance":
        ways = {w.id: w.name for w in loader.load(lang).maintenance_ways}
        return [QCoreApplication.translate("Timeline", "Maintenance contact"), " · ".join(filter(None, [ways.get(f["way"], f["way"]), f["note"]]))]
    if e.kind == "complaint":
        return [QCoreApplication.translate("Timeline", "Complaint received"), f["text"]]
    if e.kind == "complaint_closed":
        return [QCoreApplication.translate("Timeline", "Complaint closed"), f["text"]]
    if e.kind == "edit":
        return [QCoreApplication.translate("Timeline", "Changed %1").replace("%1", i18n.message("field." + f["field"])),
                f"{value_text(f['field'], f['old'])} → {value_text(f['field'], f['new'])}"]
    if e.kind == "contact_added":
        return [QCoreApplication.translate("Timeline", "Key person added: %1").replace("%1", f["new"] or ""),
                i18n.label("role", f["note"]) if f["note"] in vocab.CONTACT_ROLES else (f["note"] or "")]
    if e.kind == "need_added":
        what = QCoreApplication.translate("Timeline", "Need found: %1").replace("%1", i18n.label("need_area", f["area"]))
        return [what, f["description"] + (" " + QCoreApplication.translate("Timeline", "(confirmed)")
                                          if f["confirmed"] else "")]
    if e.kind == "visit_rescheduled":
        return [QCoreApplication.translate("Timeline", "Visit moved from %1 to %2").replace("%1", f["old"] or "")
                .replace("%2", f["new"] or ""), f["note"] or ""]
    if e.kind in ("tier_changed", "tier_override"):
        what = (QCoreApplication.translate("Timeline", "Tier %1 → %2") if e.kind == "tier_changed"
                else QCoreApplication.translate("Timeline", "Tier set by hand: %1 → %2"))
        return [what.replace("%1", i18n.label("tier", f["old"]) or "—").replace("%2", i18n.label("tier", f["new"])),
                f["note"] or ""]
    if e.kind == "tier_override_cleared":
        return [QCoreApplication.translate("Timeline", "Manual tier cleared; the rules decide again"), f["note"] or ""]
    if e.kind == "trash":
        return [QCoreApplication.translate("Timeline", "Moved to the trash"), ""]
    if e.kind == "restore":
        return [QCoreApplication.translate("Timeline", "Restored from the trash"), ""]
    if e.kind in ("trash_visit", "trash_deal"):
        return [QCoreApplication.translate("Timeline", "Visit moved to the trash") if e.kind == "trash_visit"
                else QCoreApplication.translate("Timeline", "Deal moved to the trash"), ""]
    if e.kind in ("restore_visit", "restore_deal"):
        return [QCoreApplication.translate("Timeline", "Visit restored from the trash") if e.kind == "restore_visit"
                else QCoreApplication.translate("Timeline", "Deal restored from the trash"), ""]
    return [e.kind, ""]


class OverviewTab(Tool):
    """Profile and intel (editable), banks used, key persons, the four data kinds.
    Fields the current step still needs are highlighted."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.fields: dict[str, QWidget] = {
            "short_name": QLineEdit(),
            "industry": vocab_combo("industry", vocab.INDUSTRIES, blank=True),
            "policy_class": vocab_combo("policy", vocab.POLICY_CLASSES, blank=True),
            "size": vocab_combo("size", vocab.SIZES, blank=True),
            "credit_rating": QLineEdit(),
            "annual_sales": QLineEdit(),
            "district": QLineEdit(),
            "address": QLineEdit(),
            "tier": vocab_combo("tier", tuple(tiering.get_scheme(store)["tiers"]), blank=True),
            "owner": QLineEdit(),
            "source_channel": vocab_combo("channel", vocab.SOURCE_CHANNELS, blank=True),
            "referrer": QLineEdit(),
            "credit_code": QLineEdit(),
        }
        self.two_high = QCheckBox(i18n.message("field.two_high"))
        profile = QGroupBox(self.tr("Company profile"))
        form = QFormLayout(profile)
        lang = i18n.language()
        for key, widget in self.fields.items():
            caption = i18n.message(f"field.{key}")
            if key == "annual_sales":
                caption = formatting.input_unit_caption(caption, lang)
            form.addRow(caption, widget)
        form.addRow("", self.two_high)
        save = QPushButton(self.tr("Save profile"))
        save.clicked.connect(self.save)
        save_row, self.saved_note = saved_row(save)
        form.addRow("", save_row)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #8a6d3b;")

        self.contacts = read_only_table()
        self.contacts.itemDoubleClicked.connect(lambda *_: self.edit_contact())
        add = QPushButton(self.tr("Add key person…"))
        add.clicked.connect(lambda: self.open_dialog(ContactDialog(store, client_id, parent=self)))
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_contact)
        people_row = QHBoxLayout()
        people_row.addWidget(add)
        people_row.addWidget(edit)
        people_row.addStretch(1)
        people = QGroupBox(self.tr("Key persons — who decides"))
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.contacts)
        people_layout.addLayout(people_row)

        self.banks = QTableWidget(0, 3)
        self.banks.setHorizontalHeaderLabels([i18n.message("field.bank_name"), i18n.message("field.share_pct") + " %",
                                              i18n.message("field.satisfaction") + " 1–5"])
        self.banks.horizontalHeader().setStretchLastSection(True)
        self.banks.verticalHeader().setVisible(False)
        self.banks.setMaximumHeight(130)
        add_bank = QPushButton(self.tr("Add bank"))
        add_bank.clicked.connect(lambda: self.banks.insertRow(self.banks.rowCount()))
        remove_bank = QPushButton(self.tr("Remove bank"))
        remove_bank.clicked.connect(self.remove_bank)
        save_banks = QPushButton(self.tr("Save banks"))
        save_banks.clicked.connect(self.save_banks)
        bank_row = QHBoxLayout()
        for button in (add_bank, remove_bank, save_banks):
            bank_row.addWidget(button)
        bank_row.addStretch(1)
        banks = QGroupBox(i18n.message("field.banks"))
        banks_layout = QVBoxLayout(banks)
        banks_layout.addWidget(self.banks)
        banks_layout.addLayout(bank_row)

        busy = QGroupBox(i18n.message("field.busy_hours"))
        busy_grid = QGridLayout(busy)
        self.busy: dict[str, QCheckBox] = {}
        day_names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri")]
        for col, name in enumerate(day_names, start=1):
            busy_grid.addWidget(QLabel(name), 0, col)
        for row, (half, caption) in enumerate((("am", self.tr("Morning")), ("pm", self.tr("Afternoon"))), start=1):
            busy_grid.addWidget(QLabel(caption), row, 0)
            for col, day in enumerate(("mon", "tue", "wed", "thu", "fri"), start=1):
                box = QCheckBox()
                box.toggled.connect(self.save_busy)
                self.busy[f"{day}_{half}"] = box
                busy_grid.addWidget(box, row, col)

        self.kinds = QLabel()
        self.kinds.setWordWrap(True)
        self.kinds.setTextFormat(Qt.TextFormat.RichText)
        kinds = QGroupBox(self.tr("What we know (four kinds of data)"))
        QVBoxLayout(kinds).addWidget(self.kinds)

        grid = QGridLayout()
        grid.addWidget(profile, 0, 0, 3, 1)
        grid.addWidget(people, 0, 1)
        grid.addWidget(banks, 1, 1)
        grid.addWidget(kinds, 2, 1)
        grid.addWidget(busy, 3, 1)
        self.keeping = KeepingPanel(store, client_id)
        self.keeping.changed.connect(self.changed.emit)
        grid.addWidget(self.keeping, 3, 0)
        self.industry_notes = add_industry_panel(self, grid, 4, 0)  # issue 19: industry notes
        self.fincheck = add_fincheck_panel(self, grid, 4)  # issue 19: the financial quick check
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.missing)
        inner_layout.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.layout_.addWidget(scroll)
        self._client: ClientDetail | None = None
        self._loading = False

    def edit_contact(self) -> None:
        row = self.contacts.currentRow()
        if self._client and 0 <= row < len(self._client.contacts):
            self.open_dialog(ContactDialog(self.store, self.client_id, self._client.contacts[row], self))
        else:
            dialogs.tell(self, QCoreApplication.translate("Tool", "Select a row in the list first, then press the "
                                                                  "button again."))

    def remove_bank(self) -> None:
        if self.banks.currentRow() < 0:
            dialogs.tell(self, QCoreApplication.translate("Tool", "Select a row in the list first, then press the "
                                                                  "button again."))
        else:
            self.banks.removeRow(self.banks.currentRow())

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, widget in self.fields.items():
            out[key] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        out["annual_sales"] = formatting.input_amount_to_yuan(str(out["annual_sales"]), i18n.language())
        out["two_high"] = self.two_high.isChecked()
        return out

    def save(self) -> None:
        # refused (and the form kept as typed) when someone changed the client since it was
        # loaded: who and when, then reload or review (rmdesk/gui/client/conflict.py)
        if conflict.save_overview(self):
            say_saved(self.saved_note)

    def has_unsaved_edits(self) -> bool:
        """The profile form differs from the client as loaded (a refresh would lose typing)."""
        try:
            return bool(conflict.edited_fields(self))
        except RmdeskError:  # a half-typed amount the form cannot read yet: typing all the same
            return True

    def save_busy(self) -> None:
        if not self._loading:
            self.act(visits.set_busy_hours, self.store, self.client_id,
                     [key for key, box in self.busy.items() if box.isChecked()],
                     self._client.version if self._client is not None else None)

    def save_banks(self) -> None:
        rows = []
        for r in range(self.banks.rowCount()):
            cells = [(self.banks.item(r, c).text() if self.banks.item(r, c) else "") for c in range(3)]
            if any(cell.strip() for cell in cells):
                rows.append({"bank_name": cells[0], "share_pct": cells[1], "satisfaction": cells[2]})
        self.act(clients.set_banks, self.store, self.client_id, rows,  # the bank list's own version
                 expected_version=self._client.banks_version if self._client is not None else None)

    def refresh(self, c: ClientDetail) -> None:
        self._client = c
        lang = i18n.language()
        for key, widget in self.fields.items():
            value = getattr(c, key)
            if isinstance(widget, QComboBox):
                if value and widget.findData(value) < 0:  # e.g. a tier of another scheme: keep it
                    widget.addItem(i18n.label("tier", value), value)
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif key == "annual_sales":
                widget.setText(formatting.yuan_to_input(value, lang))
            else:
                widget.setText(value or "")
        self.two_high.setChecked(c.two_high)
        missing = flow.missing_data(self.store, c.id)
        for key, widget in self.fields.items():
            widget.setStyleSheet(MISSING_STYLE if key in missing else "")
        self.missing.setText(self.tr("This step still needs: %1").replace(
            "%1", i18n.list_separator().join(i18n.message(f"field.{k}") for k in missing))
            if missing else "")
        self.missing.setVisible(bool(missing))
        fill_table(self.contacts, [self.tr("Name"), self.tr("Role"), self.tr("Decision power"), self.tr("Attitude"),
                                   self.tr("Phone"), self.tr("Birthday"), self.tr("Preferences")],
                   [(None, [p.name, p.title or i18n.label("role", p.role), i18n.label("decision", p.decision_power),
                            i18n.label("attitude", p.attitude), p.phone or "",
                            formatting.day(p.birthday) + (self.tr(" (lunar)") if p.birthday_is_lunar else ""),
                            p.preferences or ""]) for p in c.contacts])
        self.contacts.parentWidget().setStyleSheet(
            MISSING_STYLE if {"contact_name", "decision_power"} & set(missing) else "")
        self.banks.setRowCount(len(c.banks))
        for r, bank in enumerate(c.banks):
            for col, value in enumerate((bank.bank_name, bank.share_pct, bank.satisfaction)):
                self.banks.setItem(r, col, QTableWidgetItem("" if value is None else str(value)))
        self.kinds.setText(self._kinds_html(c, lang))
        self.keeping.refresh(c)
        self.fincheck.refresh(c)
        self.industry_notes.refresh(c)
        self._loading = True
        busy = set(visits.busy_hours(self.store, c.id))
        for key, box in self.busy.items():
            box.setChecked(key in busy)
        self._loading = False

    def _kinds_html(self, c: ClientDetail, lang: str) -> str:
        held = [v for v in visits.client_visits(self.store, c.id) if v.status == "done"]
        last = formatting.day(held[0].planned_at) if held else "—"
        attitudes = i18n.list_separator().join(f"{p.name} {i18n.label('attitude', p.attitude)}" for p in c.contacts) or "—"
        banks = i18n.list_separator().join(f"{b.bank_name} {b.satisfaction}/5" for b in c.banks if b.satisfaction) or "—"
        estimates = flow.estimates_of(self.store, c.id)
        need = formatting.money(estimates[0].result, lang) if estimates else "—"
        rows = [
            (self.tr("Profile"), " · ".join(filter(None, [i18n.label("industry", c.industry),
                                                          i18n.label("size", c.size), c.district])) or "—"),
            (self.tr("Behaviour"), self.tr("%1 visits held, last %2").replace("%1", str(len(held)))
             .replace("%2", last)),
            (self.tr("Attitude"), f"{attitudes}; {banks}"),
            (self.tr("Derived"), self.tr("score %1/5 · rating %2 · financing need %3")
             .replace("%1", str(c.qualification_score)).replace("%2", c.credit_rating or "—").replace("%3", need)),
        ]
        return "<table cellspacing='4'>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows) + "</table>"


class GuidanceTab(Tool):
    """The playbook in the record: purpose, exit condition and its state, what is still
    needed, the checklist (ticks saved), tips and scripts — and the step's tool."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        top = QHBoxLayout()
        self.step_combo = QComboBox()
        for step in vocab.STEPS:
            self.step_combo.addItem(step_label(step))
        self.viewing_note = QLabel()
        top.addWidget(QLabel(self.tr("Guidance for")))
        top.addWidget(self.step_combo)
        top.addWidget(self.viewing_note, 1)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.exit_box = QGroupBox(self.tr("Exit condition"))
        self.exit_text = QLabel()
        self.exit_text.setWordWrap(True)
        self.exit_state = QLabel()
        self.exit_state.setTextFormat(Qt.TextFormat.RichText)
        exit_layout = QVBoxLayout(self.exit_box)
        exit_layout.addWidget(self.exit_text)
        exit_layout.addWidget(self.exit_state)
        self.needs = QLabel()
        self.needs.setWordWrap(True)
        self.checklist_box = QGroupBox(self.tr("Checklist"))
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.texts = QTextBrowser()
        self.texts.setMinimumHeight(220)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        for widget in (self.purpose, self.exit_box, self.needs, self.checklist_box, self.texts):
            left_layout.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        self.tool_box = QGroupBox()
        self.tool_layout = QVBoxLayout(self.tool_box)
        self.tool: Tool | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        # the tools scroll too: step 1's made the workspace taller than a 720 px screen
        tool_scroll = QScrollArea()
        tool_scroll.setWidgetResizable(True)
        tool_scroll.setFrameShape(QFrame.Shape.NoFrame)
        tool_scroll.setWidget(self.tool_box)
        splitter.addWidget(tool_scroll)
        splitter.setSizes([560, 560])
        self.layout_.addLayout(top)
        self.layout_.addWidget(splitter, 1)
        self._shown_step: int | None = None

    def refresh(self, client: ClientDetail, step: int, check: pipeline.ExitCheck) -> None:
        guide = loader.load(i18n.language()).step(step)
        self.step_combo.setCurrentIndex(step - 1)
        self.viewing_note.setText("" if step == client.step else self.tr(
            "Viewing only — the client is at %1").replace("%1", step_label(client.step)))
        self.purpose.setText(f"<b>{escape(guide.name)}</b> — {escape(guide.purpose)}")
        # "{tiers}": the tiers of the scheme in use, not the text's example ones
        tiers = i18n.list_separator().join(
            i18n.label("tier", t) for t in tiering.get_scheme(self.store)["tiers"])
        self.exit_text.setText(guide.exit_rule.replace("{tiers}", tiers))
        if step == client.step:
            self.exit_state.setText("<br>".join(_condition_html(c) for c in check.conditions))
        else:
            self.exit_state.setText("")
        missing = flow.missing_data(self.store, client.id) if step == client.step else []
        self.needs.setText(self.tr("Still needed: %1").replace(
            "%1", i18n.list_separator().join(i18n.message(f"field.{k}") for k in missing))
            if missing else "")
        self.needs.setStyleSheet(MISSING_STYLE if missing else "")
        self.needs.setVisible(bool(missing))
        by_data = flow.proven(self.store, client.id, step)
        ticks = flow.ticked(self.store, client.id, step) | by_data
        while self.checklist_layout.count():
            self.checklist_layout.takeAt(0).widget().deleteLater()
        for item in guide.checklist:
            box = WrappingCheckBox(item.text)
            box.setChecked(item.id in ticks)
            if item.id in by_data:  # the record shows it: nothing to tick by hand
                box.setEnabled(False)
                box.setToolTip(self.tr("Done: the client's record shows it."))
            box.toggled.connect(lambda on, k=item.id, s=step: self.act(flow.tick, self.store, self.client_id, s, k, on))
            self.checklist_layout.addWidget(box)
        self.checklist_box.setTitle(self.tr("Checklist (%1 of %2 done)").replace("%1", str(len(ticks & {
            i.id for i in guide.checklist}))).replace("%2", str(len(guide.checklist))))
        # tr() outside the f-strings: lupdate does not look inside them
        tips, scripts = self.tr("Tips"), self.tr("Scripts")
        html = [f"<h3>{escape(tips)}</h3><ul>"
                + "".join(f"<li>{escape(t)}</li>" for t in guide.tips) + "</ul>",
                f"<h3>{escape(scripts)}</h3>"
                + "".join(f"<p><b>{escape(s.name)}</b><br>{escape(s.text)}</p>" for s in guide.scripts)]
        # the playbook's per-step needs and, at closing, its pitfalls (issue 17: never shown before)
        needs_title, pitfalls_title = self.tr("What this step needs"), self.tr("Closing pitfalls")
        if guide.needs:
            html.insert(0, f"<h3>{escape(needs_title)}</h3><ul>"
                        + "".join(f"<li>{escape(n)}</li>" for n in guide.needs) + "</ul>")
        pitfalls = loader.load(i18n.language()).closing_pitfalls if step == 5 else ()
        if pitfalls:
            html.append(f"<h3>{escape(pitfalls_title)}</h3><ul>"
                        + "".join(f"<li>{escape(p.text)}</li>" for p in pitfalls) + "</ul>")
        self.texts.setHtml("".join(html))
        if self._shown_step != step:
            if self.tool is not None:
                self.tool.deleteLater()
            self.tool = TOOLS[step](self.store, self.client_id)
            self.tool.changed.connect(self.changed)
            self.tool_layout.addWidget(self.tool)
            self._shown_step = step
        self.tool_box.setTitle(self.tr("Tools for %1").replace("%1", step_label(step)))
        self.tool.refresh(client)
        # Viewing another step: its tools show their data but change nothing.
        current = step == client.step
        self.tool.setEnabled(current)
        self.tool_box.setToolTip("" if current else self.tr(
            "Viewing only: these tools work when the client is at this step."))


def _condition_html(c: Condition) -> str:
    text = escape(i18n.message("rule." + c.key, **c.params))
    if c.key == "final_step":  # not a condition to meet: the client stays here
        return f"<span style='color:#455a64'>ℹ {text}</span>"
    return f"<span style='color:{DONE if c.met else '#b00020'}'>{'✔' if c.met else '✘'} {text}</span>"


class VisitsTab(Tool):
    """The client's visits: plan one, write the call report, cancel with a reason."""

    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        self.table = read_only_table()
        plan = QPushButton(self.tr("Plan visit…"))
        plan.clicked.connect(self.plan)
        report = QPushButton(self.tr("Call report…"))
        report.clicked.connect(self.report)
        cancel = QPushButton(self.tr("Cancel visit…"))
        cancel.clicked.connect(self.cancel)
        reschedule = QPushButton(self.tr("Reschedule…"))
        reschedule.clicked.connect(self.reschedule)
        self.print_button = QPushButton(self.tr("Call plan (PDF)…"))
        self.print_button.setToolTip(self.tr("Preview, print or save the call plan of the selected visit"))
        self.print_button.clicked.connect(self.print_plan)
        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.trash_button.clicked.connect(self.move_to_trash)
        row = QHBoxLayout()
        for button in (plan, reschedule, self.print_button, report, cancel, self.trash_button):
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(row)
        self._client: ClientDetail | None = None
        self._ids: list[int] = []

    def _selected(self) -> int | None:
        """The selected visit for a button that needs one; with none, say so."""
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            return self._ids[row]
        dialogs.tell(self, self.tr("Select a visit in the list first, then press the button again."))
        return None

    def _version(self, visit_id: int) -> int | None:
        """The version the visit was loaded at (its row in the list)."""
        return self._rows[self._ids.index(visit_id)].version if visit_id in self._ids else None

    def plan(self) -> None:
        if self._client is not None:
            self.open_dialog(VisitDialog(self.store, self._client, parent=self))

    def reschedule(self) -> None:
        visit_id = self._selected()
        if visit_id is not None:
            row = self._rows[self._ids.index(visit_id)]
            self.open_dialog(RescheduleDialog(self.store, visit_id, row.planned_at, self, row.version,
                                              client_id=self.client_id))

    def print_plan(self) -> None:
        visit_id = self._selected()
        if visit_id is not None and self._client is not None:
            row = self._rows[self._ids.index(visit_id)]
            preview_visit_plan(self, self.store, visit_id, self._client.name, row.planned_at.date())

    def report(self) -> None:
        visit_id = self._selected()
        if visit_id is None or not self.open_dialog(
                ReportDialog(self.store, visit_id, self._client.owner if self._client else "", self,
                             self._version(visit_id))):
            return
        # What the visit brought may complete the step: offer the move right away.
        client = clients.get_client(self.store, self.client_id)
        if client.status in ("active", "won") and client.step < vocab.FINAL_STEP \
                and pipeline.check_exit(self.store, client.id).met:
            target = step_label(client.step + 1)
            if dialogs.ask(self, self.tr("Advance?"), self.tr(
                    "The exit condition of this step now holds. Advance the client to %1?").replace("%1", target)):
                moves.request_move(self, self.store, self.client_id, client.step + 1, client.version)
                self.changed.emit()

    def move_to_trash(self) -> None:
        """Move the selected visit to the trash (File ▸ Trash restores it)."""
        visit_id = self._selected()
        if visit_id is not None:
            self.act(trash.trash_visit, self.store, visit_id, expected_version=self._version(visit_id))

    def cancel(self) -> None:
        visit_id = self._selected()
        if visit_id is None:
            return
        version = self._version(visit_id)
        dialog = dialogs.ReasonDialog(self.tr("Cancel visit"), self.tr("Why is the visit cancelled?"), [], self)
        dialog.submit = lambda: visits.cancel_visit(self.store, visit_id, dialog.text(), expected_version=version)
        self.open_dialog(dialog)

    def refresh(self, client: ClientDetail) -> None:
        self._client = client
        rows = visits.client_visits(self.store, client.id)
        self._rows = rows
        self._ids = [v.id for v in rows]
        fill_table(self.table, [self.tr("Time"), self.tr("Kind"), self.tr("Meeting"), self.tr("Objective"),
                                self.tr("Status"), self.tr("Confirmed")],
                   [(None, [formatting.minute(v.planned_at), i18n.label("visit_kind", v.kind), v.contact_name or "",
                            v.objective or "", i18n.label("visit_status", v.status),
                            self.tr("Yes") if v.confirmed else self.tr("No")]) for v in rows])
