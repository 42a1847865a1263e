"""Import clients and contacts from CSV/XLSX: pick a file, map its columns (with sample
values), choose what to do with duplicates, check (dry run), import. Reading,
checking and writing run on the thread pool with a progress bar and Cancel; a
cancelled or failed import leaves the store as it was (one transaction)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import i18n
from rmdesk.errors import RmdeskError
from rmdesk.formats.tabular import Table
from rmdesk.gui import folders
from rmdesk.gui.jobs import Job
from rmdesk.services import dataio, records_import
from rmdesk.services.import_plan import ignored_columns
from rmdesk.store.engine import Store

SAMPLES = 3


class ImportDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.table: Table | None = None
        self.kind = "clients"
        self.job: Job | None = None
        self.imported = False
        self.setWindowTitle(self.tr("Import clients and contacts"))
        self.resize(900, 640)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A .csv (UTF-8 or GB18030) or .xlsx file with a row of column headers"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose)
        # A workbook with several sheets: the one read is chosen here (the first with headers by default).
        self.sheet_label = QLabel(self.tr("Sheet"))
        self.sheet = QComboBox()
        self.sheet.activated.connect(self._sheet_chosen)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet)
        self._show_sheets([])
        self.found = QLabel()  # where the header was found: title rows above it are skipped
        self.found.setWordWrap(True)
        # Columns not imported, named as the mapping changes: nothing is dropped without a word.
        self.ignored = QLabel()
        self.ignored.setWordWrap(True)
        self.ignored.setStyleSheet("color: #9a5b00;")

        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imported as"),
                                                self.tr("Sample values")])
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        for column in (0, 1):  # the headers whole before a file is chosen (the walk found them cut)
            self.mapping.resizeColumnToContents(column)

        self.policy = QComboBox()
        for key, text in (("skip", self.tr("Skip the row")), ("merge", self.tr("Merge into the stored client")),
                          ("create", self.tr("Create a new client anyway"))):
            self.policy.addItem(text, key)
        form = QFormLayout()
        form.addRow(self.tr("When a client is already stored (same credit code or name)"), self.policy)

        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumBlockCount(1000)
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Stops a check or an import while it runs."))  # says why when disabled
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.check_button, self.import_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.found)
        layout.addWidget(QLabel(self.tr("Columns (recognised from their headers; change where needed)")))
        layout.addWidget(self.mapping, 2)
        layout.addWidget(self.ignored)
        layout.addLayout(form)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        why = "" if ready else self.tr("Choose a file first (a check or an import may be running).")
        for button in (self.check_button, self.import_button):
            button.setToolTip(why)

    def choose(self) -> None:
        path = folders.open_file(self, self.tr("Import clients and contacts"), self.tr("Tables (*.csv *.xlsx)"))
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> Job:
        """Read the file on the thread pool (as the CLI's import does: the header below any
        title rows, of a workbook the first sheet with headers or `sheet`), then show its columns."""
        self.path_edit.setText(path)
        self.report.setPlainText(self.tr("Reading…"))
        self._set_ready(False)
        if sheet is None:
            self._show_sheets([])
        self.job = Job(dataio.read_import_table, Path(path), sheet)
        self.job.signals.done.connect(self._loaded)
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    def _show_sheets(self, names: list[str], current: str | None = None) -> None:
        self.sheet.clear()
        self.sheet.addItems(names)
        if current is not None:
            self.sheet.setCurrentText(current)
        for w in (self.sheet_label, self.sheet):
            w.setVisible(len(names) > 1)

    def _sheet_chosen(self, index: int) -> Job | None:
        name = self.sheet.itemText(index)
        if self.table is not None and name == self.table.sheet:
            return None
        return self.load(self.path_edit.text(), name)

    def _loaded(self, table: Table) -> None:
        self.table = table
        self._show_sheets(table.sheets, table.sheet)
        if table.header_row > 1:
            self.found.setText(self.tr("Column headers found on row %1; the %n row(s) above them were skipped "
                                       "(titles).", "", table.header_row - 1).replace("%1", str(table.header_row)))
        else:
            self.found.setText("")
        self.found.setVisible(bool(self.found.text()))
        self.kind = records_import.kind_of(table.headers)  # clients, or a visits / deals file
        if self.kind == "clients":
            guessed = dataio.auto_mapping(table.headers)
            fields = [(f, dataio.field_label(f, i18n.language())) for f in dataio.IMPORT_FIELDS]
        else:
            guessed = records_import.auto_mapping(self.kind, table.headers)
            fields = [(f, i18n.message(f"field.{f}")) for f in ("credit_code", "name", *records_import.KINDS[self.kind])]
        self.mapping.setRowCount(len(table.headers))
        for i, header in enumerate(table.headers):
            self.mapping.setItem(i, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for f, label in fields:
                combo.addItem(label, f)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(i, ""))))
            combo.currentIndexChanged.connect(self._show_ignored)
            self.mapping.setCellWidget(i, 1, combo)
            samples = " | ".join(r[i][:40] for r in table.rows[:SAMPLES] if r[i].strip())
            self.mapping.setItem(i, 2, QTableWidgetItem(samples))
        self.mapping.resizeColumnToContents(0)
        self.mapping.setColumnWidth(1, 220)
        self._show_ignored()
        self.report.setPlainText(self.tr("%n row(s) read. Check the columns, then run the check.", "",
                                         len(table.rows)))
        self._set_ready(True)

    def _show_ignored(self) -> None:
        names = ignored_columns(self.table.headers, self.current_mapping()) if self.table is not None else []
        self.ignored.setText(self.tr("Not imported (set a field to import them): %1")
                             .replace("%1", i18n.list_separator().join(names)) if names else "")
        self.ignored.setVisible(bool(names))

    def current_mapping(self) -> dict[int, str]:
        out = {}
        for i in range(self.mapping.rowCount()):
            f = self.mapping.cellWidget(i, 1).currentData()
            if f:
                out[i] = f
        return out

    def set_field(self, column: int, field: str) -> None:
        combo = self.mapping.cellWidget(column, 1)
        combo.setCurrentIndex(combo.findData(field))

    def run(self, dry_run: bool) -> Job | None:
        if self.table is None:
            return None
        mapping = self.current_mapping()
        if len(set(mapping.values())) != len(mapping):
            self.report.setPlainText(self.tr("Two columns are imported as the same field."))
            return None
        self._set_ready(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, len(self.table.rows)))
        self.progress.setValue(0)
        self.report.setPlainText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        if self.kind == "clients":
            self.job = Job(dataio.import_table, self.store, self.table, mapping, self.policy.currentData(),
                           dry_run, progress=True)
        else:
            self.job = Job(records_import.import_records, self.store, self.kind, self.table, mapping,
                           self.policy.currentData(), dry_run, progress=True)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.done.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self._set_ready(self.table is not None)

    def _done(self, result) -> None:
        plan, counts = result
        self._finish()
        lang = i18n.language()
        text = plan.report(lang)
        if counts is not None:
            self.imported = True
            done = i18n.message("import.done", lang, **counts) if plan.kind == "clients" else i18n.message(
                "import.done_records", lang, what=i18n.message(f"import.what_{plan.kind}", lang),
                created=counts["created"], merged=counts["merged"])
            text = done + "\n" + text
        elif not plan.ok:
            text += "\n" + i18n.message("import.nothing_written", lang)
        self.report.setPlainText(text)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, RmdeskError):
            self.report.setPlainText(exc.message())
        else:
            self.report.setPlainText(self.tr("The import failed; nothing was changed. Details are in the log file."))
            import logging

            logging.getLogger(__name__).error("import failed", exc_info=exc)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def reject(self) -> None:
        if self.job is not None and not self.job.finished.is_set():
            self.job.cancel()
            self.job.finished.wait(30)
        super().reject()


def export_with_dialog(parent: QWidget, store: Store, what: str) -> Job | None:
    """Ask where to save, then export on the thread pool; the status bar says how it went."""
    from PySide6.QtWidgets import QMainWindow

    names = {"clients": QCoreApplication.translate("Export", "clients"), "contacts": QCoreApplication.translate("Export", "contacts"),
             "visits": QCoreApplication.translate("Export", "visits"), "deals": QCoreApplication.translate("Export", "deals"),
             "proposals": QCoreApplication.translate("Export", "proposals")}
    path, chosen = folders.save_file(parent, QCoreApplication.translate("Export", "Export"), f"{what}.xlsx",
                                     QCoreApplication.translate("Export", "Excel (*.xlsx);;CSV (*.csv)"))
    if not path:
        return None
    if not path.lower().endswith((".xlsx", ".csv")):
        path += ".csv" if "csv" in chosen.lower() else ".xlsx"
    job = Job(dataio.export_file, store, what, path)
    bar = parent.statusBar() if isinstance(parent, QMainWindow) else None

    def done(count: int) -> None:
        if bar is not None:
            bar.showMessage(QCoreApplication.translate("Export", "Exported %1 %2 to %3").replace("%1", str(count))
                            .replace("%2", names[what]).replace("%3", path), 10000)

    def failed(exc: BaseException) -> None:
        from rmdesk.gui.errors import show_error

        show_error(parent, exc)

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    return job.start()
