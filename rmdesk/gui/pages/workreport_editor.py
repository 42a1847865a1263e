"""The work report editor (痕迹管理) on the Reports page: pick the daily log, weekly summary or
monthly market report and a day in its period; the generated part is shown (computed off
the GUI thread), the RM writes notes, the plan and (monthly) market observations, saves the
draft and submits. After submission a change asks for a reason and becomes a new version.
Preview (print or save as PDF) and Export as XLSX hand the report to the lead."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n, vocab
from rmdesk.gui import folders
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Cancelled, Job, run_job
from rmdesk.gui.pages.workreport_review import ReviewBox, sections_html
from rmdesk.gui.widgets import heading
from rmdesk.services import workreport_review, workreports
from rmdesk.store.engine import Store


class WorkReportPanel(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.job: Job | None = None
        self.view: workreports.WorkReportView | None = None
        self.kind = QComboBox()
        for key, text in (("daily", self.tr("Daily work log")), ("weekly", self.tr("Weekly summary")),
                          ("monthly", self.tr("Monthly market report"))):
            self.kind.addItem(text, key)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.period_label = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.generated = QTextBrowser()
        self.generated.setMinimumHeight(260)
        self.notes = QPlainTextEdit()
        self.plan = QPlainTextEdit()
        for edit in (self.notes, self.plan):
            edit.setFixedHeight(80)
        self.notes.setPlaceholderText(self.tr("What went well, what did not, what the lead should know"))
        self.plan_label = QLabel()
        self.observations = QTableWidget(0, 3)
        self.observations.setHorizontalHeaderLabels([self.tr("Industry"), self.tr("District"),
                                                     self.tr("What you observed")])
        self.observations.horizontalHeader().setStretchLastSection(True)
        self.observations.setFixedHeight(150)
        self.add_observation = QPushButton(self.tr("Add an observation"))
        self.add_observation.clicked.connect(lambda: self._add_observation(None, "", ""))
        self.review_box = ReviewBox(store, self.load)  # team mode: the lead's comments and sign-off
        self.review_box.hide()
        self.team: bool | None = None  # known at the first load
        self.obs_box = QWidget()
        obs_layout = QVBoxLayout(self.obs_box)
        obs_layout.setContentsMargins(0, 0, 0, 0)
        obs_layout.addWidget(QLabel(self.tr("Market observations by industry and district")))
        obs_layout.addWidget(self.observations)
        obs_layout.addWidget(self.add_observation)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.amend_button = QPushButton(self.tr("Change after submission…"))
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.xlsx_button = QPushButton(self.tr("Export as XLSX…"))
        self.versions_button = QPushButton(self.tr("Earlier versions…"))
        self.versions_button.setToolTip(self.tr("Every submitted version is kept; open any of them read-only"))
        self.versions_button.clicked.connect(lambda: self.versions_dialog().exec())
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.amend_button.clicked.connect(self.amend)
        self.preview_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.day.dateChanged.connect(lambda _d: self.load())

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(QLabel(self.tr("Day in the period")))
        row.addWidget(self.day)
        row.addWidget(self.period_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(heading(self.tr("From your records"), 1))
        layout.addWidget(self.generated, 1)
        layout.addWidget(heading(self.tr("In your own words"), 1))
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.plan)
        layout.addWidget(self.obs_box)
        layout.addWidget(self.review_box)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.submit_button, self.amend_button, self.versions_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.xlsx_button)
        layout.addLayout(buttons)
        from rmdesk import clock

        today = clock.today()
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)

    # ---- state ------------------------------------------------------------------------
    def kind_key(self) -> tuple[str, str]:
        d = self.day.date()
        kind = self.kind.currentData()
        return kind, workreports.period_key(kind, date(d.year(), d.month(), d.day()))

    def load(self) -> None:
        kind, key = self.kind_key()
        lang = i18n.language()
        self.period_label.setText(workreports.period_text(kind, key, lang))
        self.plan_label.setText(self.tr("Tomorrow's plan") if kind == "daily" else self.tr("Next period's plan"))
        self.obs_box.setVisible(kind == "monthly")
        self.view = view = workreports.get(self.store, kind, key)
        self.notes.setPlainText(view.notes)
        self.plan.setPlainText(view.plan)
        self.observations.setRowCount(0)
        for o in view.observations:
            self._add_observation(o.industry, o.district or "", o.text)
        if view.status in workreports.HANDED_IN:
            text = self.tr("Submitted %1 (version %2). A change now needs a reason and is kept as a new version.") \
                .replace("%1", formatting.minute(view.submitted_at)).replace("%2", str(view.version))
            if view.status == "signed_off":
                text += " " + self.tr("Signed off by %1 on %2.").replace("%1", view.signed_off_by or "") \
                    .replace("%2", formatting.minute(view.signed_off_at))
            if view.change_reason:
                text += " " + self.tr("Last change: %1").replace("%1", view.change_reason)
        elif view.status == "draft":
            text = self.tr("Draft, not submitted yet.")
        else:
            text = self.tr("Not started: the part from your records is ready; add your own words and submit.")
        self.status.setText(text)
        editable = view.editable
        for w in (self.notes, self.plan):
            w.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self.amend_button.setEnabled(not editable)
        self.amend_button.setToolTip(self.tr("Not submitted yet: edit it here and save.") if editable else "")
        self.versions_button.setEnabled(len(view.versions) > 1)
        if self.team is None:
            self.team = workreport_review.reviewer(self.store).team
        self.review_box.setVisible(bool(self.team) and view.status != "new")
        if self.team:
            self.review_box.show_view(view, can_comment=True)
        elif view.status in workreports.HANDED_IN:  # a single laptop: the lead reviews the file
            self.status.setText(self.status.text() + " " + self.tr(
                "Hand the lead its PDF or XLSX (Preview and print…, Export as XLSX…): comments and the lead's "
                "sign-off are kept in team mode only."))
        self.versions_button.setToolTip("" if len(view.versions) > 1 else self.tr("There is one version only."))
        self.generated.setHtml(f"<p style='color:#607d8b'>{escape(self.tr('Computing…'))}</p>")
        if self.job is not None:
            self.job.forget()
        self.job = Job(self._content, kind, key, lang)
        self.job.signals.done.connect(self._show)
        self.job.signals.failed.connect(lambda exc: show_error(self, exc))
        self.job.start()

    def _content(self, kind: str, key: str, lang: str):
        return workreports.document(self.store, kind, key, lang).sections

    def _show(self, sections) -> None:
        self.job = None
        self.generated.setHtml(sections_html(sections))

    def stop(self) -> None:
        if self.job is not None:
            self.job.forget()
            self.job = None

    def _add_observation(self, industry: str | None, district: str, text: str) -> None:
        row = self.observations.rowCount()
        self.observations.insertRow(row)
        combo = QComboBox()
        combo.addItem("", None)
        for key in vocab.INDUSTRIES:
            combo.addItem(i18n.label("industry", key), key)
        combo.setCurrentIndex(max(0, combo.findData(industry)) if industry else 0)
        self.observations.setCellWidget(row, 0, combo)
        self.observations.setItem(row, 1, QTableWidgetItem(district))
        self.observations.setItem(row, 2, QTableWidgetItem(text))

    def observation_rows(self) -> list[dict]:
        out = []
        for row in range(self.observations.rowCount()):
            combo = self.observations.cellWidget(row, 0)
            district = self.observations.item(row, 1)
            text = self.observations.item(row, 2)
            out.append({"industry": combo.currentData() if combo else None,
                        "district": district.text() if district else "", "text": text.text() if text else ""})
        return out

    def _fields(self) -> dict:
        return {"notes": self.notes.toPlainText(), "plan": self.plan.toPlainText(),
                "observations": self.observation_rows() if self.kind.currentData() == "monthly" else None}

    # ---- actions ------------------------------------------------------------------------
    def save(self) -> bool:
        kind, key = self.kind_key()
        try:
            workreports.save_draft(self.store, kind, key, **self._fields())
        except Exception as exc:  # noqa: BLE001 - shown in the user's language
            show_error(self, exc)
            return False
        self.load()
        return True

    def submit(self) -> bool:
        kind, key = self.kind_key()
        answer = QMessageBox.question(self, self.tr("Submit"), self.tr(
            "Submit this report? Its figures are then kept as they are now, and a later change needs a reason."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.submit_now(kind, key)

    def submit_now(self, kind: str, key: str) -> bool:
        fields = self._fields()
        try:  # the figures are generated and frozen in both languages: off the GUI thread
            run_job(self, self.tr("Submitting the report…"),
                    lambda progress: workreports.submit(self.store, kind, key, **fields))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return False
        self.load()
        return True

    def amend(self) -> bool:
        if self.view is None or self.view.status not in workreports.HANDED_IN:
            return False
        for w in (self.notes, self.plan):
            w.setReadOnly(False)
        reason, ok = QInputDialog.getText(self, self.tr("Change after submission"), self.tr(
            "Why does the submitted report change? (Kept with the new version.) Edit the text first, then give "
            "the reason here."))
        if not ok:
            self.load()
            return False
        return self.amend_now(reason)

    def amend_now(self, reason: str) -> bool:
        kind, key = self.kind_key()
        fields = self._fields()
        try:
            run_job(self, self.tr("Saving the new version…"),
                    lambda progress: workreports.amend(self.store, kind, key, reason, **fields))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            for w in (self.notes, self.plan):
                w.setReadOnly(False)
            return False
        self.load()
        return True

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def preview_dialog(self, version: int | None = None):
        """The print preview of the report (the latest version, or `version`: read-only)."""
        from rmdesk.gui.plan_print import BuiltPlans, PlanPreview

        kind, key = self.kind_key()
        try:
            lang = i18n.language()  # built off the GUI thread: a draft's figures are computed now
            pdf, pages = run_job(self, self.tr("Preview and print…"),
                                 lambda progress: workreports.pdf_bytes(self.store, kind, key, lang, version))
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None
        name = f"{self.kind.currentText()} {key}.pdf"
        if version is not None:
            name = f"{self.kind.currentText()} {key} v{version}.pdf"
        dialog = PlanPreview(BuiltPlans(pdf, pages, 1, name), self)
        dialog.setWindowTitle(name)
        return dialog

    def versions_dialog(self) -> QDialog:
        """The report's versions, oldest first; a double-click (or Open) shows one read-only."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Earlier versions"))
        versions = self.view.versions if self.view is not None else []
        table = QTableWidget(len(versions), 4, dialog)
        table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Status"), self.tr("Submitted"),
                                         self.tr("Reason for the change")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        status = {"draft": self.tr("Draft"), "submitted": self.tr("Submitted"), "signed_off": self.tr("Signed off")}
        for row, ver in enumerate(versions):
            said = status.get(ver.status, ver.status)
            if ver.status == "signed_off" and ver.signed_off_by:  # who signed it off, and when
                said = self.tr("Signed off by %1 on %2.").replace("%1", ver.signed_off_by).replace(
                    "%2", formatting.minute(ver.signed_off_at))
            cells = [str(ver.version), said,
                     formatting.minute(ver.submitted_at) if ver.submitted_at else "", ver.change_reason or ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ver.version)
                table.setItem(row, col, item)
        if versions:
            table.selectRow(len(versions) - 1)

        def open_chosen() -> None:
            item = table.currentItem()
            if item is not None:
                shown = self.preview_dialog(item.data(Qt.ItemDataRole.UserRole))
                if shown is not None:
                    shown.exec()

        table.itemDoubleClicked.connect(lambda _item: open_chosen())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        open_button = buttons.addButton(self.tr("Open read-only"), QDialogButtonBox.ButtonRole.ActionRole)
        open_button.clicked.connect(open_chosen)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(640, 300)
        dialog.table = table
        return dialog

    def export_xlsx(self) -> None:
        kind, key = self.kind_key()
        path, _ = folders.save_file(self, self.tr("Export as XLSX"), f"{self.kind.currentText()} {key}.xlsx",
                                    self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        lang = i18n.language()
        try:
            run_job(self, self.tr("Export as XLSX…"),
                    lambda progress: workreports.export(self.store, kind, key, path, lang))
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
