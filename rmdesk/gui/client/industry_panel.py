"""The client's industry notes in the workspace overview (resources/industries.toml
through rmdesk.services.industry): cycle, seasonality, price sensitivity, the usual
policy class and two-high status, typical financing needs and the risks to watch."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from rmdesk import i18n
from rmdesk.errors import RmdeskError
from rmdesk.services import industry
from rmdesk.services.clients import ClientDetail


class IndustryPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.box = QGroupBox()
        self.view = QLabel()
        self.view.setWordWrap(True)
        self.view.setTextFormat(Qt.TextFormat.RichText)
        self.view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.view)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)

    def refresh(self, client: ClientDetail) -> None:
        lang = i18n.language()
        try:
            rows = industry.lines(client.industry, lang)
        except RmdeskError as exc:  # the notes file was edited and is broken: say where
            rows, problem = [], exc.message()
        else:
            problem = "" if rows else i18n.message("industry.none", lang)
        self.box.setTitle(i18n.message("industry.title", lang, industry=i18n.label("industry", client.industry, lang))
                          if client.industry else i18n.message("industry.title", lang, industry="—"))
        table = "".join(f"<tr><td valign='top'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        self.view.setText(f"<table cellspacing='3'>{table}</table>" if rows else f"<p>{escape(problem)}</p>")


def add_industry_panel(overview, grid, row: int, column: int) -> IndustryPanel:
    panel = IndustryPanel()
    grid.addWidget(panel, row, column)
    return panel
