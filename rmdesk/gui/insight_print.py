"""Print / PDF… and Export XLSX… for the insight reports the Reports page shows: all of
them or the one chosen, from the figures already computed (nothing computed again). The
PDF is built off the GUI thread (run_job) and shown in the call plans' print preview;
the XLSX is written off the GUI thread to a file chosen in the dialog folder
(gui/folders.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from rmdesk import i18n
from rmdesk.gui import folders
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Cancelled, run_job
from rmdesk.services import insight_reports, insights
from rmdesk.store.engine import Store

ALL = "all"


class InsightExport(QWidget):
    """A report chooser and the two buttons; `result` is set once the page has figures."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.result: insights.Insights | None = None
        self.which = QComboBox()
        self.which.addItem(self.tr("All insight reports"), ALL)
        for name in insight_reports.REPORTS:
            self.which.addItem(insight_reports.title(name, i18n.language()), name)
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.print_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.which)
        row.addWidget(self.print_button)
        row.addWidget(self.xlsx_button)
        row.addStretch(1)
        self.set_result(None)

    def set_result(self, result: insights.Insights | None) -> None:
        self.result = result
        for button in (self.print_button, self.xlsx_button):
            button.setEnabled(result is not None)
            button.setToolTip("" if result is not None else self.tr("Shown once the reports are computed."))

    def names(self) -> list[str]:
        chosen = self.which.currentData()
        return list(insight_reports.REPORTS) if chosen == ALL else [chosen]

    def file_name(self, suffix: str) -> str:
        assert self.result is not None
        names = self.names()
        lang = i18n.language()
        title = insight_reports.title(names[0], lang) if len(names) == 1 else i18n.message("insight.title", lang)
        p = self.result.period
        return f"{title} {p.start.isoformat()}_{p.end.isoformat()}.{suffix}"

    def _reports(self) -> dict[str, object]:
        assert self.result is not None
        return insight_reports.from_insights(self.result, self.names())

    def preview_dialog(self):
        """The print preview of the chosen reports, or None when building it failed (told)."""
        from rmdesk.formats.callplan_pdf import PrintCancelled
        from rmdesk.gui.plan_print import BuiltPlans, PlanPreview

        if self.result is None:
            return None
        reports, period, lang = self._reports(), self.result.period, i18n.language()
        try:
            pdf, pages = run_job(self, self.tr("Preparing the report…"),
                                 lambda progress: insight_reports.pdf_bytes(self.store, reports, period, lang,
                                                                            progress),
                                 cancelled=(PrintCancelled,))
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - shown to the user in their language, logged
            show_error(self, exc)
            return None
        name = self.file_name("pdf")
        dialog = PlanPreview(BuiltPlans(pdf, pages, 1, name, self.tr("Save the report as PDF")), self)
        dialog.setWindowTitle(name)
        return dialog

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def export_xlsx(self) -> None:
        if self.result is None:
            return
        path, _ = folders.save_file(self, self.tr("Export XLSX"), self.file_name("xlsx"), self.tr("Excel files (*.xlsx)"))
        if path:
            self.write_xlsx(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def write_xlsx(self, path: str) -> bool:
        reports, period, lang = self._reports(), self.result.period, i18n.language()  # type: ignore[union-attr]
        try:
            run_job(self, self.tr("Writing the workbook…"),
                    lambda progress: insight_reports.export(self.store, reports, period, path, lang))
        except Exception as exc:  # noqa: BLE001 - shown to the user in their language, logged
            show_error(self, exc)
            return False
        return True
