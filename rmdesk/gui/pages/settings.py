"""Settings: the RM profile, the language, where the data lives (form in ui/settings_page.ui),
and the keeping-clients settings (code-built, rmdesk/gui/keeping_settings.py), all in a
scroll area so a laptop screen shows every group."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n, vocab
from rmdesk.errors import RmdeskError
from rmdesk.gui.data.privacy import DataActions, PasswordDialog
from rmdesk.gui.data.team_db import TeamDatabaseBox
from rmdesk.gui.forms.ui_settings_page import Ui_SettingsPage
from rmdesk.gui.jobs import Job
from rmdesk.gui.pages.keeping_settings import KeepingSettings
from rmdesk.gui.widgets import set_scrolling_body, step_label
from rmdesk.services import masking
from rmdesk.services.integrity import CheckReport, check_database
from rmdesk.services.settings import get_profile, get_stale_days, save_profile, save_stale_days
from rmdesk.store import backup, crypto
from rmdesk.store.engine import Store

LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))


class SettingsPage(QWidget):
    def __init__(self, store: Store, language: str, switch_language: Callable[[str], None],
                 actions: DataActions | None = None) -> None:
        super().__init__()
        self.store = store
        self.actions = actions
        self.on_restore = actions.restore if actions else None
        self.job: Job | None = None
        self.last_report: CheckReport | None = None
        self.show_report = self._show_report  # replaced in tests
        self.ui = Ui_SettingsPage()
        body = QWidget()
        self.ui.setupUi(body)
        self.keeping = KeepingSettings(store)
        self.ui.pageLayout.insertWidget(self.ui.pageLayout.indexOf(self.ui.storeGroup), self.keeping)
        self.team = TeamDatabaseBox(store, actions.team if actions else None)
        self.ui.pageLayout.insertWidget(self.ui.pageLayout.indexOf(self.ui.storeGroup) + 1, self.team)
        set_scrolling_body(self, body)
        for code, name in LANGUAGE_NAMES:  # each language named in itself, never translated
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(self.ui.languageCombo.findData(language))
        self.ui.languageCombo.currentIndexChanged.connect(
            lambda: switch_language(self.ui.languageCombo.currentData()))
        self.ui.saveProfileButton.clicked.connect(self.save)
        self._edits = {"rm_name": self.ui.rmNameEdit, "bank": self.ui.bankEdit, "branch": self.ui.branchEdit,
                       "phone": self.ui.phoneEdit, "email": self.ui.emailEdit}
        self.stale: dict[int, QSpinBox] = {}
        for step in vocab.STEPS:
            spin = QSpinBox()
            spin.setRange(0, 3650)
            spin.setSuffix(self.tr(" d"))
            self.ui.staleRow.addWidget(QLabel(step_label(step)))
            self.ui.staleRow.addWidget(spin)
            self.stale[step] = spin
        self.ui.staleRow.addStretch(1)
        self.ui.saveStaleButton.clicked.connect(self.save_stale)
        local = store.local()
        self.ui.backupNowButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.checkButton.clicked.connect(self.check)
        for button in (self.ui.backupNowButton, self.ui.restoreButton, self.ui.checkButton):
            button.setEnabled(local)
        self.ui.restoreButton.setEnabled(local and self.on_restore is not None)
        self.ui.passwordButton.setEnabled(local and actions is not None and crypto.available())
        self.ui.passwordButton.clicked.connect(self.change_password)
        self.ui.idleSpin.setEnabled(actions is not None)
        if actions is not None:
            self.ui.idleSpin.setValue(actions.idle_minutes())
        self.ui.idleSpin.valueChanged.connect(lambda n: self.actions and self.actions.set_idle_minutes(n))
        self.ui.maskCheck.toggled.connect(self.save_masking)

    def refresh(self) -> None:
        profile = get_profile(self.store)
        for key, edit in self._edits.items():
            edit.setText(getattr(profile, key))
        self.ui.dataDirValue.setText(str(self.store.data_dir or self.store.engine.url))
        self.ui.schemaValue.setText(self.store.schema_revision() or "")
        self.ui.pdfFontValue.setText(self.describe_pdf_font())
        self.ui.profileStatus.clear()
        for step, days in get_stale_days(self.store).items():
            self.stale[step].setValue(days)
        self.ui.staleStatus.clear()
        self.keeping.refresh()
        self.show_backups()
        self.ui.maskCheck.blockSignals(True)
        self.ui.maskCheck.setChecked(masking.enabled(self.store))
        self.ui.maskCheck.blockSignals(False)
        encrypted = self.store.key is not None
        self.ui.passwordStatus.setText(self.tr("The data and its backups are encrypted.") if encrypted
                                       else self.tr("Not encrypted."))
        self.ui.passwordButton.setText(self.tr("Change pass&word…") if encrypted else self.tr("Set pass&word…"))

    def describe_pdf_font(self) -> str:
        from rmdesk.formats.fonts import pdf_font  # reportlab: only once Settings is opened

        font = pdf_font()
        if font.embedded:
            return self.tr("%1 (embedded in each PDF, so it prints the same everywhere)").replace("%1", font.source)
        return self.tr("No TrueType Chinese font was found on this computer: call plans use the built-in "
                       "%1 font, which is not embedded — the PDF reader must supply Chinese glyphs. Install a "
                       "TrueType Chinese font (e.g. Microsoft YaHei, SimSun, WenQuanYi Micro Hei) for "
                       "self-contained PDFs.").replace("%1", font.source)

    def save_masking(self, on: bool) -> None:
        masking.set_enabled(self.store, on)

    def change_password(self) -> PasswordDialog | None:
        if self.actions is None:
            return None
        dialog = PasswordDialog(self.store.key is not None, self.actions.change_password, self)
        dialog.open()
        return dialog

    # -------------------------------------------------------------- data safety

    def show_backups(self) -> None:
        if not self.store.local():
            self.ui.backupsValue.setText("—")
            return
        found = backup.list_backups(self.store.data_dir)
        if found:
            self.ui.backupsValue.setText(self.tr("%n backup(s), the newest from %1 — in %2", "", len(found))
                                         .replace("%1", formatting.minute(found[0].local_time))
                                         .replace("%2", str(backup.backup_dir(self.store.data_dir))))
        else:
            self.ui.backupsValue.setText(self.tr("No backup yet"))

    def _busy(self, text: str) -> None:
        self.ui.storeStatus.setStyleSheet("")
        self.ui.storeStatus.setText(text)
        for button in (self.ui.backupNowButton, self.ui.restoreButton, self.ui.checkButton):
            button.setEnabled(False)

    def _idle(self) -> None:
        self.ui.backupNowButton.setEnabled(True)
        self.ui.checkButton.setEnabled(True)
        self.ui.restoreButton.setEnabled(self.on_restore is not None)
        self.show_backups()

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        self.ui.storeStatus.setStyleSheet("color: #b00020;")
        self.ui.storeStatus.setText(exc.message() if isinstance(exc, RmdeskError) else str(exc))

    def backup_now(self) -> Job:
        """Back up on the thread pool; the status line says when it is done."""
        self._busy(self.tr("Backing up…"))
        self.job = Job(self.store.backup_now)
        self.job.signals.done.connect(lambda info: (self._idle(), self.ui.storeStatus.setText(
            self.tr("Backed up: %1").replace("%1", info.name))))
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    def check(self) -> Job:
        """The full integrity and foreign-key check, off the GUI thread, then its report."""
        self._busy(self.tr("Checking the database…"))
        self.job = Job(check_database, self.store.data_dir, self.store.key)
        self.job.signals.done.connect(self._checked)
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    def _checked(self, report: CheckReport) -> None:
        self._idle()
        self.last_report = report
        self.ui.storeStatus.setStyleSheet("color: #2e7d32;" if report.ok else "color: #b00020;")
        self.ui.storeStatus.setText(report.text(i18n.language()).split("\n", 1)[0])
        self.show_report(report)

    def _show_report(self, report: CheckReport) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Database check"))
        dialog.resize(640, 360)
        text = QPlainTextEdit(report.text(i18n.language()))
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.exec()

    def restore(self) -> None:
        found = backup.list_backups(self.store.data_dir)
        if not found or self.on_restore is None:
            self.ui.storeStatus.setText(self.tr("No backup yet"))
            return
        labels = [f"{formatting.minute(b.local_time)}  ({b.name})" for b in found]
        label, ok = QInputDialog.getItem(self, self.tr("Restore a backup"), self.tr("Backup"), labels, 0, False)
        if not ok:
            return
        chosen = found[labels.index(label)]
        answer = QMessageBox.question(self, self.tr("Restore a backup"), self.tr(
            "Replace the data with the backup from %1? The current data is backed up first.")
            .replace("%1", formatting.minute(chosen.local_time)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.on_restore(chosen.name)
        except RmdeskError as exc:
            QMessageBox.critical(self, "rmdesk", exc.message())

    def save(self) -> None:
        try:
            save_profile(self.store, {key: edit.text() for key, edit in self._edits.items()})
        except RmdeskError as exc:
            self.ui.profileStatus.setStyleSheet("color: #b00020;")
            self.ui.profileStatus.setText(exc.message())
            return
        self.ui.profileStatus.setStyleSheet("color: #2e7d32;")
        self.ui.profileStatus.setText(self.tr("Saved."))

    def save_stale(self) -> None:
        try:
            save_stale_days(self.store, {step: spin.value() for step, spin in self.stale.items()})
        except RmdeskError as exc:
            self.ui.staleStatus.setText(exc.message())
            return
        self.ui.staleStatus.setText(self.tr("Saved."))
