"""Browse the product catalogue an RM sells from (resources/product_guide.toml): the
products by category, filtered by need area, each with what it is, who it suits, the
usual documents and conditions, its pitfalls and the one-line pitch."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import i18n, vocab
from rmdesk.errors import RmdeskError
from rmdesk.gui.errors import show_error
from rmdesk.services import product_guide

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def guide_html(g: product_guide.ProductGuide, lang: str) -> str:
    sep = "、" if lang == "zh_CN" else ", "
    rows = [(i18n.message("guide.pitch", lang), f"<b>{escape(g.text('pitch', lang))}</b>")]
    rows += [(i18n.message(f"guide.{f}", lang), escape(g.text(f, lang)))
             for f in ("what", "suits", "documents", "conditions", "pitfalls")]
    rows.append((i18n.message("guide.need_areas", lang),
                 escape(sep.join(i18n.label("need_area", a, lang) for a in g.need_areas))))
    if g.industries:
        rows.append((i18n.message("guide.industries", lang),
                     escape(sep.join(i18n.label("industry", x, lang) for x in g.industries))))
    body = "".join(f"<tr><td valign='top' style='padding:3px 10px 3px 0;color:#556'><nobr>{escape(k)}</nobr></td>"
                   f"<td style='padding:3px 0'>{v}</td></tr>" for k, v in rows)
    return f"<h3>{escape(g.name(lang))}</h3><table>{body}</table>"


class ProductCatalogueDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, area: str | None = None, key: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Product catalogue"))
        self.resize(900, 560)
        self.lang = i18n.language()
        self.guides: dict[str, product_guide.ProductGuide] = {}
        self.area = QComboBox()
        self.area.addItem(self.tr("All need areas"), None)
        for a in vocab.NEED_AREAS:
            self.area.addItem(i18n.label("need_area", a), a)
        self.list = QListWidget()
        self.text = QTextBrowser()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Need area")))
        top.addWidget(self.area)
        top.addStretch(1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([300, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        try:
            self.guides = product_guide.guides()
        except RmdeskError as exc:
            self.text.setPlainText(exc.message())
            show_error(self, exc)
        self.area.currentIndexChanged.connect(self._fill)
        self.list.currentItemChanged.connect(self._show)
        if area is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self._fill()
        if key is not None:
            for i in range(self.list.count()):
                if self.list.item(i).data(KEY_ROLE) == key:
                    self.list.setCurrentRow(i)

    def _fill(self) -> None:
        area = self.area.currentData()
        self.list.clear()
        for category in ("sme12", "everyday"):
            shown = [g for g in self.guides.values() if g.category == category
                     and (area is None or area in g.need_areas)]
            if not shown:
                continue
            head = QListWidgetItem(i18n.message(f"guide.category_{category}"))
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.list.addItem(head)
            for g in shown:
                item = QListWidgetItem("   " + g.name(self.lang))
                item.setData(KEY_ROLE, g.key)
                self.list.addItem(item)
        for i in range(self.list.count()):
            if self.list.item(i).data(KEY_ROLE):
                self.list.setCurrentRow(i)
                break

    def _show(self, item: QListWidgetItem | None) -> None:
        key = item.data(KEY_ROLE) if item is not None else None
        self.text.setHtml(guide_html(self.guides[key], self.lang) if key in self.guides else "")

