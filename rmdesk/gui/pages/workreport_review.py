"""The lead's review of the work reports (team mode), a tab of the Reports page shown to a team
lead: the team's handed-in reports by RM, period and status; one opens read-only with its
comments, a comment box and Sign off. The RM's side (the lead's comments and the sign-off
in their own editor) is ReviewBox, used by pages/workreport_editor.py."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
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

from rmdesk import formatting, i18n
from rmdesk.gui.errors import show_error
from rmdesk.gui.widgets import heading
from rmdesk.services import workreport_review as review
from rmdesk.services import workreports
from rmdesk.store.engine import Store


def sections_html(sections) -> str:
    parts = []
    for s in sections:
        parts.append(f"<h4 style='color:#1f4e79;margin:8px 0 2px 0'>{escape(s.title)}</h4>")
        if not s.rows:
            parts.append(f"<p style='color:#607d8b'>{escape(s.empty)}</p>")
        else:
            head = "".join(f"<th align='left' bgcolor='#eef3f8'>{escape(h)}</th>" for h in s.header)
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in s.rows)
            parts.append(f"<table cellspacing='0' cellpadding='3' border='0' width='100%'><tr>{head}</tr>{body}"
                         "</table>")
        if s.note:
            parts.append(f"<p style='color:#607d8b'>{escape(s.note)}</p>")
    return "".join(parts)


def kind_text(kind: str) -> str:
    return {"daily": QCoreApplication.translate("WorkReportReview", "Daily work log"),
            "weekly": QCoreApplication.translate("WorkReportReview", "Weekly summary"),
            "monthly": QCoreApplication.translate("WorkReportReview", "Monthly market report")}.get(kind, kind)


def status_text(status: str) -> str:
    return {"draft": QCoreApplication.translate("WorkReportReview", "Draft"),
            "submitted": QCoreApplication.translate("WorkReportReview", "Submitted"),
            "signed_off": QCoreApplication.translate("WorkReportReview", "Signed off")}.get(status, status)


class ReviewBox(QWidget):
    """The review of one report: the sign-off line and the comments, oldest first, and a box
    to add one (the lead's comment, or the RM's answer). Hidden where there is no review."""

    def __init__(self, store: Store, changed: Callable[[], None]) -> None:
        super().__init__()
        self.store = store
        self.changed = changed
        self.view: workreports.WorkReportView | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.thread = QTextBrowser()
        self.thread.setMinimumHeight(90)
        self.thread.setMaximumHeight(180)
        self.entry = QPlainTextEdit()
        self.entry.setFixedHeight(56)
        self.entry.setPlaceholderText(self.tr("Your comment on this version"))
        self.add_button = QPushButton(self.tr("Add comment"))
        self.add_button.clicked.connect(self.add_comment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Lead's review"), 1))
        layout.addWidget(self.state)
        layout.addWidget(self.thread)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)

    def show_view(self, view: workreports.WorkReportView, can_comment: bool) -> None:
        self.view = view
        if view.status == "signed_off":
            self.state.setText(self.tr("Signed off by %1 on %2 (version %3).")
                               .replace("%1", view.signed_off_by or "").replace("%2", formatting.minute(view.signed_off_at))
                               .replace("%3", str(view.version)))
            self.state.setStyleSheet("color: #2e7d32;")
        elif view.status == "submitted":
            self.state.setText(self.tr("Submitted, awaiting the lead's sign-off."))
            self.state.setStyleSheet("color: #607d8b;")
        else:
            self.state.setText(self.tr("The lead reads the report once it is submitted."))
            self.state.setStyleSheet("color: #607d8b;")
        if view.latest and view.version < view.latest:
            self.state.setText(self.state.text() + " " + self.tr("A newer version (%1) was handed in since.")
                               .replace("%1", str(view.latest)))
        on_version = self.tr("version %1")
        if view.comments:
            self.thread.setHtml("".join(
                f"<p><b>{escape(c.author_name or c.author)}</b> <span style='color:#607d8b'>"
                f"{escape(formatting.minute(c.at))} · {escape(on_version.replace('%1', str(c.version)))}"
                f"</span><br>{escape(c.text).replace(chr(10), '<br>')}</p>" for c in view.comments))
        else:
            none_yet = self.tr("No comments yet.")
            self.thread.setHtml(f"<p style='color:#607d8b'>{escape(none_yet)}</p>")
        allowed = can_comment and view.status in workreports.HANDED_IN and view.version == view.latest
        self.entry.setEnabled(allowed)
        self.add_button.setEnabled(allowed)

    def add_comment(self) -> bool:
        if self.view is None or self.view.id is None:
            return False
        try:
            review.comment(self.store, self.view.id, self.entry.toPlainText())
        except Exception as exc:  # noqa: BLE001 - shown in the user's language
            show_error(self, exc)
            return False
        self.entry.clear()
        self.changed()
        return True


class ReviewDialog(QDialog):
    """One report of the team, read-only: what it says, its review, Sign off (a lead)."""

    def __init__(self, store: Store, report_id: int, lead: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.lead = lead
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setMinimumHeight(280)
        self.review = ReviewBox(store, self.load)
        self.sign_button = QPushButton(self.tr("Sign off"))
        self.sign_button.clicked.connect(self.confirm_sign_off)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.clicked.connect(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.sign_button)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.review)
        layout.addLayout(row)
        self.resize(900, 720)
        self.load()

    def load(self) -> None:
        lang = i18n.language()
        try:
            view = review.open_report(self.store, self.report_id)
            doc = workreports.document(self.store, view.kind, view.period, lang, view.version, view.owner)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.view = view
        title = f"{doc.title} · {doc.period_text} · {view.owner_name or view.owner}"
        self.setWindowTitle(title)
        self.heading.setText(f"<b>{escape(title)}</b><br><span style='color:#607d8b'>{escape(doc.status_text)}</span>")
        own = "".join(f"<h4 style='color:#1f4e79;margin:8px 0 2px 0'>{escape(t.title)}</h4>"
                      f"<p>{escape(t.text or '—').replace(chr(10), '<br>')}</p>"
                      for t in doc.texts if t.title != i18n.message("review.title", lang))
        self.body.setHtml(own + sections_html(doc.sections))
        self.review.show_view(view, True)
        can_sign = self.lead and view.status == "submitted" and view.version == view.latest
        self.sign_button.setEnabled(can_sign)
        self.sign_button.setToolTip("" if can_sign else (
            self.tr("Already signed off.") if view.status == "signed_off"
            else self.tr("A newer version was handed in: open that one.") if view.version < view.latest
            else self.tr("Only a team lead signs off a report.")))

    def confirm_sign_off(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Sign off"), self.tr(
            "Sign off version %1 of this report? A sign-off is final: a later change by the RM is a new version "
            "to sign off again.").replace("%1", str(self.view.version)))
        return answer == QMessageBox.StandardButton.Yes and self.sign_off()

    def sign_off(self) -> bool:
        try:
            review.sign_off(self.store, self.report_id)
        except Exception as exc:  # noqa: BLE001 - a newer version or another lead first: the reason is shown
            show_error(self, exc)
            self.load()
            return False
        self.load()
        return True

    def preview(self) -> None:
        from rmdesk.gui.plan_print import BuiltPlans, PlanPreview

        try:
            pdf, pages = review.pdf_bytes(self.store, self.report_id, i18n.language())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        name = f"{self.windowTitle()} v{self.view.version}.pdf"
        dialog = PlanPreview(BuiltPlans(pdf, pages, 1, name), self)
        dialog.setWindowTitle(name)
        dialog.exec()


class TeamReviewPanel(QWidget):
    """The team's work reports for a lead: by RM, kind and status (default: awaiting sign-off)."""

    COLUMNS = 7

    def __init__(self, store: Store, lead: bool = True) -> None:
        super().__init__()
        self.store = store
        self.lead = lead
        self.rows: list[review.TeamReportRow] = []
        self.rm = QComboBox()
        self.rm.addItem(self.tr("Every RM"), None)
        self.status = QComboBox()
        self.status.addItem(self.tr("Awaiting sign-off"), "submitted")
        self.status.addItem(self.tr("Signed off"), "signed_off")
        self.status.addItem(self.tr("Every status"), None)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Every kind"), None)
        for key in workreports.KINDS:
            self.kind.addItem(kind_text(key), key)
        for combo in (self.rm, self.status, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("RM"), self.tr("Report"), self.tr("Period"), self.tr("Version"),
                                              self.tr("Status"), self.tr("Submitted"), self.tr("Comments")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(360)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_chosen())
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self.open_chosen)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The team's work reports"), 1))
        hint = QLabel(self.tr("Submitted reports of every RM. Open one to read it, comment, and sign it off; "
                              "a draft stays the RM's own until it is submitted."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        layout.addWidget(hint)
        row = QHBoxLayout()
        for label, combo in ((self.tr("RM"), self.rm), (self.tr("Status"), self.status), (self.tr("Kind"), self.kind)):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.count)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        try:
            self.rows = review.team_reports(self.store, rm=self.rm.currentData(), status=self.status.currentData(),
                                            kind=self.kind.currentData(), others=True)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        if self.rm.currentData() is None:  # the RMs seen, for the filter
            known = {self.rm.itemData(i) for i in range(1, self.rm.count())}
            for r in self.rows:
                if r.owner not in known:
                    known.add(r.owner)
                    self.rm.blockSignals(True)
                    self.rm.addItem(r.owner_name or r.owner, r.owner)
                    self.rm.blockSignals(False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            status = status_text(r.status)
            if r.status == "signed_off" and r.signed_off_by:
                status += f" · {r.signed_off_by}"
            cells = [r.owner_name or r.owner, kind_text(r.kind),
                     workreports.period_text(r.kind, r.period, i18n.language()), str(r.version), status,
                     formatting.minute(r.submitted_at) if r.submitted_at else "", str(r.comments)]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%n report(s)", "", len(self.rows)))
        self.open_button.setEnabled(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)

    def dialog_for(self, report_id: int) -> ReviewDialog:
        return ReviewDialog(self.store, report_id, self.lead, self)

    def open_chosen(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        self.dialog_for(item.data(Qt.ItemDataRole.UserRole)).exec()
        self.load()
