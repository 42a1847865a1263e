"""Settings: the RM profile, the language, where the data lives (form in ui/settings_page.ui),
and the keeping-clients settings (code-built, rmdesk/gui/keeping_settings.py), all in a
scroll area so a laptop screen shows every group."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from rmdesk import vocab
from rmdesk.errors import RmdeskError
from rmdesk.gui.common import step_label
from rmdesk.gui.forms.ui_settings_page import Ui_SettingsPage
from rmdesk.gui.keeping_settings import KeepingSettings
from rmdesk.services.settings import get_profile, get_stale_days, save_profile, save_stale_days
from rmdesk.store.engine import Store

LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))


class SettingsPage(QWidget):
    def __init__(self, store: Store, language: str, switch_language: Callable[[str], None]) -> None:
        super().__init__()
        self.store = store
        self.ui = Ui_SettingsPage()
        body = QWidget()
        self.ui.setupUi(body)
        self.keeping = KeepingSettings(store)
        self.ui.pageLayout.insertWidget(self.ui.pageLayout.indexOf(self.ui.storeGroup), self.keeping)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
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

    def describe_pdf_font(self) -> str:
        from rmdesk.export.fonts import pdf_font  # reportlab: only once Settings is opened

        font = pdf_font()
        if font.embedded:
            return self.tr("%1 (embedded in each PDF, so it prints the same everywhere)").replace("%1", font.source)
        return self.tr("No TrueType Chinese font was found on this computer: call plans use the built-in "
                       "%1 font, which is not embedded — the PDF reader must supply Chinese glyphs. Install a "
                       "TrueType Chinese font (e.g. Microsoft YaHei, SimSun, WenQuanYi Micro Hei) for "
                       "self-contained PDFs.").replace("%1", font.source)

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
