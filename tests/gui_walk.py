"""The screen walk of issue 17: every main page, a client's workspace at each step, and the
dialogs an RM opens, looked at in one language at one screen size. The checks are what a
person walking the app would see: English left in the Chinese UI, a label or button that
cuts its text, a disabled button that does not say why. Used by tests/test_walk.py and by
scripts/walk_screens.py (which saves the screenshots)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)

# Words that are names or codes, not English text: they stay in the Chinese UI.
NAMES = {"rmdesk", "pdf", "csv", "xlsx", "json", "usd", "cny", "ics", "rrule", "sqlite", "postgresql", "excel",
         "wps", "abc", "qr", "id", "ok", "url", "pdfs", "api", "gb", "mb", "kb", "utc", "html", "app", "rm"}
LANGUAGE_NAMES = {"English", "中文", "简体中文", "中文（简体）"}  # each language named in itself
_WORD = re.compile(r"[A-Za-z][A-Za-z]{2,}")


@dataclass(frozen=True)
class Finding:
    where: str
    widget: str
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}: {self.widget} {self.text!r}"


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def texts_of(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text a person sees on `root`: labels, buttons, group titles, tabs, headers, list items."""
    if root.windowTitle():
        yield root, root.windowTitle()
    for w in root.findChildren(QWidget):
        if not _visible(w):
            continue
        if isinstance(w, QLabel):
            yield w, w.text()
        elif isinstance(w, QAbstractButton):
            yield w, w.text()
        elif isinstance(w, QGroupBox):
            yield w, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield w, w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield w, w.itemText(i)
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    yield w, item.text()


def english_left(text: str) -> list[str]:
    """English words in a text meant to be Chinese (names and codes allowed)."""
    plain = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    plain = re.sub(r"[\w.+-]+@[\w.-]+|\S+[/\\]\S+|\b[A-Z0-9_]{2,}\b|FREQ=\S+|\b\d{4}_\w+", " ", plain)  # mails,
    # paths, codes, schema revisions
    return [w for w in _WORD.findall(plain) if w.lower() not in NAMES]


def untranslated(root: QWidget, where: str, data_names: set[str]) -> list[Finding]:
    out = []
    for widget, text in texts_of(root):
        if not text or text in data_names or text in LANGUAGE_NAMES or any(n in text for n in data_names if "/" in n):
            continue
        words = [w for w in english_left(text) if not any(w in name for name in data_names)]
        if words:
            out.append(Finding(where, _name(widget), text, "English in the Chinese UI: " + " ".join(words)))
    return out


def clipped(root: QWidget, where: str) -> list[Finding]:
    """A button, tick box or one-line label narrower than its text needs."""
    out = []
    for w in root.findChildren(QWidget):
        if not _visible(w) or not isinstance(w, QPushButton | QCheckBox | QRadioButton | QLabel):
            continue
        text = w.text()
        if not text or (isinstance(w, QLabel) and (w.wordWrap() or "<" in text or w.pixmap() is not None
                                                   and not w.pixmap().isNull())):
            continue
        if "\n" in text:
            continue
        metrics = w.fontMetrics()
        needed = metrics.horizontalAdvance(text.replace("&&", "&").replace("&", "", 1) if "&" in text else text)
        if isinstance(w, QPushButton):
            needed += 2 * metrics.horizontalAdvance(" ")  # the frame's margins
            room = w.width()
        elif isinstance(w, QLabel):
            room = w.contentsRect().width()
        else:  # the box or dot before the text
            room = w.width() - w.iconSize().width() - 4
        if needed > room + 1:
            out.append(Finding(where, _name(w), text, f"clipped: needs {needed} px, has {room}"))
    return out


def silent_disabled(root: QWidget, where: str) -> list[Finding]:
    """A disabled action button must say why (its tooltip)."""
    return [Finding(where, _name(w), w.text(), "disabled without saying why")
            for w in root.findChildren(QPushButton)
            if _visible(w) and not w.isEnabled() and w.text() and not w.toolTip()]


def horizontal_scroll(root: QWidget, where: str) -> list[Finding]:
    """A page that needs a horizontal scrollbar at this width."""
    from PySide6.QtWidgets import QScrollArea

    out = []
    for area in root.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if _visible(area) and bar.isVisible() and bar.maximum() > 0:
            out.append(Finding(where, _name(area), "", f"horizontal scrollbar ({bar.maximum()} px more)"))
    return out


def too_big(window: QWidget, where: str, size: tuple[int, int]) -> list[Finding]:
    """A window that cannot be made as small as the screen."""
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > size[0] or hint.height() > size[1]:
        return [Finding(where, _name(window), "", f"needs {hint.width()}x{hint.height()} on a {size[0]}x{size[1]} "
                                                  "screen")]
    return []


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _look_with_tabs(name: str, widget: QWidget, look: Callable[[str, QWidget], None]) -> None:
    """look at the widget, then at every other tab of its visible tab widgets."""
    look(name, widget)
    for tabs in [t for t in widget.findChildren(QTabWidget) if _visible(t)]:
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            if i == first or not tabs.isTabEnabled(i):
                continue
            tabs.setCurrentIndex(i)
            settle()
            look(f"{name}-tab{i}", widget)
        tabs.setCurrentIndex(first)
        settle()


def walk(desk, client_ids: list[int], look: Callable[[str, QWidget], None]) -> None:
    """Show each page of the main window, a client workspace per step, and the dialogs
    that open without input, calling look(name, widget) on each while it is shown."""
    from rmdesk.gui.client.forms import FinancingDialog, VisitDialog, VolumesDialog
    from rmdesk.gui.client.window import ClientWindow
    from rmdesk.gui.main_window import MainWindow
    from rmdesk.gui.pages.holidays import HolidayNoticeDialog
    from rmdesk.gui.tier_rules_edit import TierRulesDialog
    from rmdesk.services.clients import get_client

    w = desk.window
    names = ("today", "pipeline", "clients", "calendar", "maintenance", "reports", "settings")
    for index, name in enumerate(names):
        assert getattr(MainWindow, name.upper()) == index
        w.show_page(index)
        settle()
        _look_with_tabs(f"page-{name}", w, look)
    store = desk.store
    for cid in client_ids:
        window = ClientWindow(store, cid, w)
        window.resize(w.size())
        window.show()
        settle()
        _look_with_tabs(f"client-{cid}", window, look)
        window.close()
    dialogs = [("dialog-tier-rules", lambda: TierRulesDialog(store, w)),
               ("dialog-holidays", lambda: HolidayNoticeDialog(store, parent=w)),
               ("dialog-volumes", lambda: VolumesDialog(store, client_ids[0], w)),
               ("dialog-visit", lambda: VisitDialog(store, get_client(store, client_ids[0]), parent=w)),
               ("dialog-financing", lambda: FinancingDialog(store, client_ids[0], parent=w))]
    for name, make in dialogs:
        try:
            dialog = make()
        except TypeError:  # a dialog whose signature another branch changed: the walk goes on
            continue
        dialog.show()
        settle()
        look(name, dialog)
        dialog.close()
