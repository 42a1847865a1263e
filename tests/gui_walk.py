"""The screen walk of issue 17: every main page, a client's workspace at each step, and the
dialogs an RM opens, looked at in one language at one screen size. The checks are what a
person walking the app would see: English left in the Chinese UI, a label or button that
cuts its text, a disabled button that does not say why. Used by tests/test_walk.py and by
scripts/walk_screens.py (which saves the screenshots)."""

from __future__ import annotations

import itertools
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


def _count(method) -> int:
    """A model's rowCount/columnCount (a list model hides its columnCount: one column)."""
    from PySide6.QtCore import QModelIndex

    try:
        return method(QModelIndex())
    except TypeError:
        return 1


def more_texts_of(root: QWidget, rows: int = 40) -> Iterator[tuple[QWidget, str]]:
    """The texts a person sees on pointing or reading a table: tooltips, placeholders, the
    headers and cells of every table and list (its first `rows` rows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit

    for w in [root, *root.findChildren(QWidget)]:
        if not _visible(w):
            continue
        if w.toolTip():
            yield w, w.toolTip()
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) and w.placeholderText():
            yield w, w.placeholderText()
        if isinstance(w, QAbstractItemView) and w.model() is not None and w.objectName() != "navigation":
            model = w.model()
            columns = _count(model.columnCount)
            for c in range(columns):
                header = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(header, str):
                    yield w, header
            for r in range(min(rows, _count(model.rowCount))):
                for c in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(r, c), role)
                        if isinstance(value, str) and value:
                            yield w, value


def _catalogue() -> dict:
    from rmdesk import i18n

    return i18n.catalog()


def english_left(text: str) -> list[str]:
    """English words in a text meant to be Chinese (names and codes allowed)."""
    plain = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    plain = re.sub(r"[\w.+-]+@[\w.-]+|\S+[/\\]\S+|\b[A-Z0-9_]{2,}\b|FREQ=\S+|\b\d{4}_\w+", " ", plain)  # mails,
    # paths, codes, schema revisions
    plain = re.sub(r"(?<=[\u4e00-\u9fff）]) ?\([a-z][a-z0-9_]*\)", " ", plain)  # a file's key after its name: 客户 (client)
    if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", plain.strip()) and plain.strip() not in _catalogue():
        return []  # a host name (db.branch.example), not a message key
    return [w for w in _WORD.findall(plain) if w.lower() not in NAMES]


def untranslated(root: QWidget, where: str, data_names: set[str]) -> list[Finding]:
    out = []
    for widget, text in itertools.chain(texts_of(root), more_texts_of(root)):
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
    return out + clipped_more(root, where)


def clipped_more(root: QWidget, where: str) -> list[Finding]:
    """A combo box's shown item, a group box's title, a tab's title or a table's column
    header that is cut (or tabs that need scroll arrows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionComboBox, QTabBar

    out = []
    for w in root.findChildren(QWidget):
        if not _visible(w):
            continue
        if isinstance(w, QComboBox) and w.currentText() and not w.isEditable():
            option = QStyleOptionComboBox()
            w.initStyleOption(option)
            room = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, w).width()
            needed = w.fontMetrics().horizontalAdvance(w.currentText())
            if needed > room + 1:
                out.append(Finding(where, _name(w), w.currentText(), f"clipped: needs {needed} px, has {room}"))
        elif isinstance(w, QGroupBox) and w.title():
            needed = w.fontMetrics().horizontalAdvance(w.title().replace("&", "")) + (24 if w.isCheckable() else 8)
            if needed > w.width():
                out.append(Finding(where, _name(w), w.title(), f"title clipped: needs {needed} px, has {w.width()}"))
        elif isinstance(w, QTabBar) and w.count():
            for i in range(w.count()):
                needed, room = w.tabSizeHint(i).width(), w.tabRect(i).width()
                if w.isTabVisible(i) and w.tabText(i) and needed > room + 1:
                    out.append(Finding(where, _name(w), w.tabText(i), f"tab title clipped: needs {needed} px, "
                                                                       f"has {room}"))
            if w.sizeHint().width() > w.width() + 1 and w.usesScrollButtons():
                out.append(Finding(where, _name(w), "", "tabs need scroll arrows: "
                                                        f"{w.sizeHint().width()} px on {w.width()}"))
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal and w.model() is not None:
            margin = w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, w)
            for i in range(w.count()):
                text = w.model().headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if w.isSectionHidden(i) or not isinstance(text, str) or not text or "\n" in text:
                    continue
                needed = w.fontMetrics().horizontalAdvance(text) + 2 * margin
                if needed > w.sectionSize(i) + 1:
                    out.append(Finding(where, _name(w), text, f"column header clipped: needs {needed} px, "
                                                               f"has {w.sectionSize(i)}"))
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
    from rmdesk.gui.client.window import ClientWindow
    from rmdesk.gui.main_window import MainWindow

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
    walk_dialogs(desk, client_ids, look)


def walk_dialogs(desk, client_ids: list[int], look: Callable[[str, QWidget], None]) -> None:
    """The dialogs that open without a selection, built directly and looked at."""
    from rmdesk import i18n
    from rmdesk.errors import Conflict
    from rmdesk.gui.client.conflict import ConflictDialog, ReviewDialog
    from rmdesk.gui.client.forms import FinancingDialog, VisitDialog, VolumesDialog
    from rmdesk.gui.data.privacy import PasswordDialog
    from rmdesk.gui.pages.holidays import HolidayNoticeDialog
    from rmdesk.gui.tier_rules_edit import TierRulesDialog
    from rmdesk.services.clients import get_client

    w, store = desk.window, desk.store
    dialogs = [("dialog-tier-rules", lambda: TierRulesDialog(store, w)),
               ("dialog-holidays", lambda: HolidayNoticeDialog(store, parent=w)),
               ("dialog-volumes", lambda: VolumesDialog(store, client_ids[0], w)),
               ("dialog-visit", lambda: VisitDialog(store, get_client(store, client_ids[0]), parent=w)),
               ("dialog-financing", lambda: FinancingDialog(store, client_ids[0], parent=w)),
               ("dialog-password-set", lambda: PasswordDialog(False, lambda old, new: None, w)),
               ("dialog-password-change", lambda: PasswordDialog(True, lambda old, new: None, w)),
               ("dialog-conflict", lambda: ConflictDialog(conflict, w)),
               ("dialog-review", lambda: ReviewDialog(conflict, [(i18n.message("field.annual_sales"), "5,000",
                                                                  "6,000", True)], w))]
    conflict = Conflict("conflict.client_changed", None, who="王经理", at="2026-11-23 09:30", id=client_ids[0])
    for name, make in dialogs:
        try:
            dialog = make()
        except TypeError:  # a dialog whose signature another branch changed: the walk goes on
            continue
        dialog.show()
        settle()
        look(name, dialog)
        if isinstance(dialog, PasswordDialog):  # what it says to a password typed twice differently
            dialog.new.setText("一二三四五六七八")
            dialog.repeat.setText("12345678")
            dialog.submit()
            settle()
            look(name + "-mismatch", dialog)
        dialog.close()


# ---- pressing the buttons -----------------------------------------------------------


class Catcher:
    """While on, every dialog the app opens (its own, a message box, an input or file
    dialog) is shown, looked at, recorded and cancelled, so a walk can press buttons
    without a person; an exception in a slot is recorded as a traceback."""

    def __init__(self, look: Callable[[str, QWidget], None] | None = None) -> None:
        self.look = look
        self.where = ""
        self.events: list[tuple[str, str]] = []
        self._saved: list[tuple[object, str, object]] = []

    def _patch(self, owner, name: str, value) -> None:
        self._saved.append((owner, name, owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name)))
        setattr(owner, name, value)

    def shown(self, dialog: QWidget, kind: str = "dialog") -> None:
        dialog.show()
        settle()
        self.events.append((kind, dialog.windowTitle()))
        if self.look is not None:
            self.look(f"{self.where}-{type(dialog).__name__}", dialog)
        dialog.close()

    def __enter__(self) -> Catcher:
        import sys

        from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

        def fake_exec(dialog, *args):
            self.shown(dialog)
            return 0  # Rejected: as if the person pressed Cancel

        for cls in (QDialog, QMessageBox, QInputDialog, QFileDialog):
            if "exec" in cls.__dict__:
                self._patch(cls, "exec", fake_exec)

        def box(icon):
            def static(parent, title, text, buttons=QMessageBox.StandardButton.Ok, *args, **kwargs):
                message = QMessageBox(icon, title, text, buttons, parent)
                self.shown(message, "message")
                for answer in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel):
                    if buttons & answer:
                        return answer
                return QMessageBox.StandardButton.Ok
            return staticmethod(static)

        for name, icon in (("information", QMessageBox.Icon.Information), ("warning", QMessageBox.Icon.Warning),
                           ("critical", QMessageBox.Icon.Critical), ("question", QMessageBox.Icon.Question)):
            self._patch(QMessageBox, name, box(icon))

        def get_item(parent, title, label, items, current=0, editable=True, *args, **kwargs):
            dialog = QInputDialog(parent)
            dialog.setWindowTitle(title)
            dialog.setLabelText(label)
            dialog.setComboBoxItems(list(items))
            dialog.setComboBoxEditable(editable)
            self.shown(dialog, "input")
            return "", False

        def get_text(parent, title, label, echo=None, text="", *args, **kwargs):
            dialog = QInputDialog(parent)
            dialog.setWindowTitle(title)
            dialog.setLabelText(label)
            dialog.setTextValue(text)
            if echo is not None:
                dialog.setTextEchoMode(echo)
            self.shown(dialog, "input")
            return "", False

        def about(parent, title, text, *args):
            self.shown(QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent),
                       "message")

        self._patch(QMessageBox, "about", staticmethod(about))
        from PySide6.QtWidgets import QLabel as _Label

        set_text = _Label.setText

        def said(label, text):  # a line that says why, even when it said so before
            set_text(label, text)
            if text and label.isVisible():
                self.events.append(("label", text))

        self._patch(_Label, "setText", said)
        self._patch(QInputDialog, "getItem", staticmethod(get_item))
        self._patch(QInputDialog, "getText", staticmethod(get_text))

        def file_dialog(*args, **kwargs):
            self.events.append(("file", str(args[1] if len(args) > 1 else "")))
            return "", ""

        for name in ("getOpenFileName", "getSaveFileName"):
            self._patch(QFileDialog, name, staticmethod(file_dialog))
        self._patch(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: file_dialog(*a) and ""))

        def hook(kind, value, tb):
            import traceback

            self.events.append(("traceback", "".join(traceback.format_exception(kind, value, tb))))

        self._patch(sys, "excepthook", hook)
        return self

    def __exit__(self, *exc) -> None:
        while self._saved:
            owner, name, value = self._saved.pop()
            setattr(owner, name, value)


def _snapshot(root: QWidget) -> tuple:
    from PySide6.QtWidgets import QAbstractItemView

    texts = tuple(text for _w, text in texts_of(root))
    rows = tuple(_count(v.model().rowCount) for v in root.findChildren(QAbstractItemView) if _visible(v) and v.model())
    states = tuple((b.isEnabled(), b.isChecked()) for b in root.findChildren(QAbstractButton) if _visible(b))
    shown = tuple(w for w in root.findChildren(QWidget) if _visible(w))
    return texts, rows, states, len(shown)


def _in_button_box(button: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox

    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QDialogButtonBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def clear_selections(root: QWidget) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView

    for view in root.findChildren(QAbstractItemView):
        if view.objectName() != "navigation" and view.selectionModel() is not None:
            view.clearSelection()
            view.setCurrentIndex(QModelIndex())


def select_first_rows(root: QWidget) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QListWidget

    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.objectName() == "navigation" or not _visible(view) or model is None or not _count(model.rowCount):
            continue
        if isinstance(view, QListWidget):
            view.setCurrentRow(0)
        else:
            view.setCurrentIndex(model.index(0, 0))
            if hasattr(view, "selectRow"):
                view.selectRow(0)
    settle()


def buttons_of(root: QWidget) -> list[QPushButton]:
    """The visible, enabled action buttons of a screen (not a dialog's OK/Cancel, not a
    button inside a table row)."""
    return [b for b in root.findChildren(QPushButton)
            if _visible(b) and b.isEnabled() and b.text() and not _in_button_box(b)]


def press(button: QPushButton, root: QWidget, catcher: Catcher, wait: Callable[[], None] = settle) -> list:
    """Press `button`; what it did (dialogs, messages, files, status lines), or [] when
    nothing at all changed on the screen."""
    import shiboken6

    before = _snapshot(root)
    windows = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    start = len(catcher.events)
    button.click()
    wait()
    events = catcher.events[start:]
    if events:
        return events
    opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in windows]
    for w in opened:  # a dialog opened with open() or show(): looked at like the others
        if catcher.look is not None:
            catcher.look(f"{catcher.where}-{type(w).__name__}", w)
        w.close()
    if opened:
        return [("window", w.windowTitle()) for w in opened]
    if not shiboken6.isValid(root) or not root.isVisible() or _snapshot(root) != before:
        return [("changed", "")]
    return []


def wait_for_jobs() -> None:
    """Let a pressed button's background job (a PDF, a backup) finish and report back."""
    import time

    from rmdesk.gui import jobs

    settle()
    deadline = time.monotonic() + 20
    while jobs._running and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def screens(desk, client_ids: list[int]) -> Iterator[tuple[str, QWidget, QWidget]]:
    """Each page of the main window and each client workspace, then each other tab of theirs,
    shown: (name, the page or window, the part new on this screen: all of it, or the tab)."""
    from rmdesk.gui.client.window import ClientWindow

    w = desk.window
    names = ("today", "pipeline", "clients", "calendar", "maintenance", "reports", "settings")
    roots: list[tuple[str, Callable[[], QWidget]]] = []
    for index, name in enumerate(names):
        roots.append((f"page-{name}", lambda i=index: (w.show_page(i), w.stack.currentWidget())[1]))
    for cid in client_ids:
        def open_client(cid=cid):
            window = ClientWindow(desk.store, cid, w)
            window.resize(w.size())
            window.show()
            return window
        roots.append((f"client-{cid}", open_client))
    for name, make in roots:
        root = make()
        settle()
        yield name, root, root
        for tabs in [t for t in root.findChildren(QTabWidget) if _visible(t)]:
            first = tabs.currentIndex()
            for i in range(tabs.count()):
                if i != first and tabs.isTabEnabled(i) and tabs.isVisible():
                    tabs.setCurrentIndex(i)
                    settle()
                    yield f"{name}-tab{i}", root, tabs.currentWidget()
        if name.startswith("client-"):
            root.close()


def menu_actions(window) -> list:
    """The main window's menu entries a person can choose (not Quit)."""
    from PySide6.QtCore import QCoreApplication

    quit_text = QCoreApplication.translate("MainWindow", "&Quit")
    out = []
    for menu_action in window.menuBar().actions():
        stack = [menu_action.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                elif not action.isSeparator() and action.isEnabled() and action.text() != quit_text:
                    out.append(action)
    return out


def press_everything(desk, client_ids: list[int], look: Callable[[str, QWidget], None]
                     ) -> tuple[list[str], set[str], list[str]]:
    """On each page and each tab of each client workspace, with nothing selected, press every
    enabled button once (a button of the same kind and text on a later client is not pressed
    again); a button that said something (select a row first) is pressed again with the first
    rows selected, on each later client until it opens its dialog. Then every menu entry.
    Every dialog and message opened goes through `look`. Returns (the buttons that did
    nothing, the dialogs opened, the tracebacks)."""
    silent: list[str] = []
    opened: set[str] = set()
    pressed: set[tuple[str, str]] = set()

    def note(done) -> bool:
        dialogs = {f"{kind}:{title}" for kind, title in done if kind in ("dialog", "input")}
        opened.update(dialogs)
        return bool(dialogs)

    with Catcher(look) as catcher:
        desk.window.statusBar().messageChanged.connect(lambda t: t and catcher.events.append(("status", t)))
        for where, root, part in screens(desk, client_ids):
            catcher.where = where
            clear_selections(root)
            asked = []
            for button in buttons_of(part):
                key = (type(button.parentWidget()).__name__, button.text())
                if key in pressed or not (button.isVisible() and button.isEnabled()):
                    continue  # pressed on an earlier client, or an earlier press changed the screen
                done = press(button, root, catcher, wait_for_jobs)
                if not done:
                    silent.append(f"{where}: {button.text()!r} did nothing")
                note(done)
                if any(kind == "message" for kind, _ in done):
                    asked.append(button.text())
                else:
                    pressed.add(key)
            if asked:
                select_first_rows(root)
                for button in buttons_of(part):
                    if button.text() in asked and button.isVisible() and button.isEnabled():
                        if note(press(button, root, catcher, wait_for_jobs)):
                            pressed.add((type(button.parentWidget()).__name__, button.text()))
        catcher.where = "menu"
        desk.window.show_page(0)
        for action in menu_actions(desk.window):
            start = len(catcher.events)
            action.trigger()
            wait_for_jobs()
            note(catcher.events[start:])
        tracebacks = [text for kind, text in catcher.events if kind == "traceback"]
    return silent, opened, tracebacks
