"""The client's keeping panel (in the workspace overview): its tier and whether the rules
or a manual override set it, its own cadence, founding date, the next contact due, and
its business volumes per period."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from rmdesk import formatting, i18n
from rmdesk.gui import dialogs
from rmdesk.gui.client.forms import VolumesDialog, vocab_combo
from rmdesk.gui.client.step_tools import Tool
from rmdesk.gui.widgets import saved_row, say_saved
from rmdesk.services import cadence, recurrence, tiering
from rmdesk.services.clients import ClientDetail
from rmdesk.store.engine import Store


class KeepingPanel(Tool):
    def __init__(self, store: Store, client_id: int) -> None:
        super().__init__(store, client_id)
        box = QGroupBox(self.tr("Keeping the client"))
        form = QFormLayout(box)
        self.tier_state = QLabel()
        self.tier_state.setWordWrap(True)
        self.override_button = QPushButton(self.tr("Set tier by hand…"))
        self.override_button.clicked.connect(self.override)
        self.clear_button = QPushButton(self.tr("Let the rules decide"))
        self.clear_button.clicked.connect(lambda: self.act(tiering.clear_tier_override, self.store, self.client_id,
                                                           self._version()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.cadence = QLineEdit()
        self.founded = QLineEdit()
        self.founded.setPlaceholderText("YYYY-MM-DD")
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.volumes = QLabel()
        self.volumes.setWordWrap(True)
        save = QPushButton(self.tr("Save cadence and founding date"))
        save.clicked.connect(self.save)
        self.volumes_button = QPushButton(self.tr("Business volumes…"))
        self.volumes_button.clicked.connect(
            lambda: self.open_dialog(VolumesDialog(self.store, self.client_id, self)))
        form.addRow(i18n.message("field.tier"), self.tier_state)
        form.addRow("", buttons)
        form.addRow(i18n.message("field.cadence"), self.cadence)
        form.addRow(i18n.message("field.founded_date"), self.founded)
        save_row, self.saved_note = saved_row(save)
        form.addRow("", save_row)
        form.addRow(self.tr("Next contact due"), self.due)
        form.addRow(self.tr("Business"), self.volumes)
        form.addRow("", self.volumes_button)
        self.layout_.addWidget(box)
        self._client: ClientDetail | None = None

    def refresh(self, client: ClientDetail) -> None:
        self._client = client
        lang = i18n.language()
        scheme = tiering.get_scheme(self.store)
        tier = i18n.label("tier", client.tier) or self.tr("No tier")
        if client.tier_override_reason:
            self.tier_state.setText(self.tr("%1, set by hand: %2").replace("%1", tier)
                                    .replace("%2", client.tier_override_reason))
        else:
            self.tier_state.setText(self.tr("%1, from the rules of the scheme “%2”").replace("%1", tier)
                                    .replace("%2", tiering.scheme_label(scheme, lang)))
        self.clear_button.setEnabled(bool(client.tier_override_reason))
        self.clear_button.setToolTip("" if client.tier_override_reason else self.tr(
            "The rules decide this client's tier already."))
        default = scheme["cadences"].get(client.tier or "", scheme["cadences"][scheme["tiers"][-1]])
        self.cadence.setText(client.cadence_rule or "")
        self.cadence.setPlaceholderText(self.tr("Tier's cadence: %1").replace("%1", recurrence.describe(default, lang)))
        self.founded.setText(formatting.day(client.founded_date))
        item = cadence.due_for(self.store, client.id)
        self.due.setText(self.tr("%1 — %2").replace("%1", formatting.day(item.due)).replace(
            "%2", cadence.reason_text(item, lang)) if item else self.tr("Not on a cadence (not a kept client)"))
        rows = tiering.volumes_of(self.store, client.id)[:2]
        self.volumes.setText("\n".join(
            f"{r.period}: {i18n.message('field.avg_deposits')} {formatting.money(r.avg_deposits, lang)} · "
            f"{i18n.message('field.avg_loans')} {formatting.money(r.avg_loans, lang)}"
            # the star table's measures, where the client has them
            + "".join(f" · {i18n.message(f'field.{k}')} {formatting.money(getattr(r, k), lang)}"
                      for k in tiering.STAR_FIELDS if getattr(r, k)) for r in rows) or "—")

    def _version(self) -> int | None:
        """The client's version as loaded (someone's later change: a Conflict, not a lost update)."""
        return self._client.version if self._client is not None else None

    def save(self) -> None:
        if self.act(cadence.set_keeping, self.store, self.client_id, self.cadence.text(), self.founded.text(),
                    self._version()):
            say_saved(self.saved_note)

    def override(self) -> bool:
        scheme = tiering.get_scheme(self.store)
        dialog = dialogs.ReasonDialog(self.tr("Set tier by hand"), self.tr(
            "The tier stays as chosen here, whatever the rules say, until you let the rules decide again."),
            [], self)
        self.tier_combo = vocab_combo("tier", tuple(scheme["tiers"]), self._client.tier if self._client else None)
        dialog.form.insertRow(1, i18n.message("field.tier"), self.tier_combo)
        version = self._version()
        dialog.submit = lambda: tiering.set_tier_override(self.store, self.client_id, self.tier_combo.currentData(),
                                                          dialog.text(), version)
        return self.open_dialog(dialog)
