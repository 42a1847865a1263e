"""An open client window when another RM changed something: it reloads at once, unless the
Overview form has unsaved edits — then a bar says "changed by another RM" with a Reload button,
and what was typed stays until the user chooses."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ChangedBar(QFrame):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("teamChangedBar")
        self.setStyleSheet("QFrame#teamChangedBar { background: #fff4ce; border: 1px solid #e0c060; }")
        self.text = QLabel(self.tr("Another RM changed this client. Your edits are not saved yet: save them, "
                                   "or reload to see the other changes."))
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Reload"))
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.reload_button)


def reload_or_offer(window) -> None:
    bar = getattr(window, "_team_bar", None)
    if not window.has_unsaved_edits():
        if bar is not None:
            bar.hide()
        window.refresh()
        return
    if bar is None:
        bar = window._team_bar = ChangedBar(window)
        bar.reload_button.clicked.connect(lambda: _reload(window))
        window.layout().insertWidget(0, bar)
    bar.show()


def _reload(window) -> None:
    window._team_bar.hide()
    window.refresh()
