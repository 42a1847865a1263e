"""New client dialog (form in ui/client_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rmdesk import i18n, vocab
from rmdesk.errors import RmdeskError
from rmdesk.gui.forms.ui_client_dialog import Ui_ClientDialog
from rmdesk.services.clients import create_client
from rmdesk.store.engine import Store


class NewClientDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.client_id: int | None = None
        self.ui = Ui_ClientDialog()
        self.ui.setupUi(self)
        self.ui.industryCombo.addItem("", None)
        for key in vocab.INDUSTRIES:
            self.ui.industryCombo.addItem(i18n.label("industry", key), key)
        self.ui.channelCombo.addItem("", None)
        for key in vocab.SOURCE_CHANNELS:
            self.ui.channelCombo.addItem(i18n.label("channel", key), key)
        self.ui.errorLabel.hide()
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self._fields = {"name": self.ui.nameEdit, "short_name": self.ui.shortNameEdit,
                        "credit_code": self.ui.creditCodeEdit, "district": self.ui.districtEdit,
                        "referrer": self.ui.referrerEdit, "industry": self.ui.industryCombo,
                        "source_channel": self.ui.channelCombo}

    def values(self) -> dict[str, object]:
        return {
            "name": self.ui.nameEdit.text(), "short_name": self.ui.shortNameEdit.text(),
            "credit_code": self.ui.creditCodeEdit.text(), "industry": self.ui.industryCombo.currentData(),
            "district": self.ui.districtEdit.text(), "source_channel": self.ui.channelCombo.currentData(),
            "referrer": self.ui.referrerEdit.text(),
        }

    def save(self) -> None:
        try:
            self.client_id = create_client(self.store, self.values())
        except RmdeskError as exc:
            # Keep everything typed; say what is wrong and put the cursor there.
            self.ui.errorLabel.setText(exc.message())
            self.ui.errorLabel.show()
            widget = self._fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return
        self.accept()
