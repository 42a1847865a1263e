"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmdesk import __version__

if TYPE_CHECKING:
    from rmdesk.gui.client.window import ClientWindow
    from rmdesk.gui.data.privacy import DataActions
    from rmdesk.gui.pages.calendar import CalendarPage
    from rmdesk.gui.pages.clients import ClientsPage
    from rmdesk.gui.pages.keeping import KeepingPage
    from rmdesk.gui.pages.pipeline import PipelinePage
    from rmdesk.gui.pages.reports import ReportsPage
    from rmdesk.gui.pages.settings import SettingsPage
    from rmdesk.gui.pages.today import TodayPage
    from rmdesk.store.engine import Store  # SQLAlchemy is loaded off the GUI thread at start (issue 13)


class MainWindow(QMainWindow):
    # page numbers, as in the navigation list
    TODAY, PIPELINE, CLIENTS, CALENDAR, MAINTENANCE, REPORTS, SETTINGS = range(7)
    LAST_PAGE = "last_page"  # gui.ini: the page shown at the last quit, shown again at the next start

    def __init__(self, store: Store | None, settings: QSettings, language: str,
                 switch_language: Callable[[str], None], actions: DataActions | None = None) -> None:
        """With no `store` the window shows that the book is being opened (issue 13: the window
        is on screen before the store is open); `attach_store` then fills it."""
        super().__init__()
        self.store = store
        self.opening: QWidget | None = None
        self._store_actions: list[QAction] = []  # off while the book is being opened
        self.settings = settings
        # Qt adds the application display name ("— rmdesk") to every window title itself.
        self.setWindowTitle(self.tr("Relationship manager's desk"))
        self.setMinimumSize(QSize(1000, 640))
        self._client_windows: dict[int, ClientWindow] = {}
        self._language = language
        self._switch_language = switch_language
        self._actions = actions
        # Pages are built (and their modules imported) when first shown: start-up pays
        # only for the first screen.
        self._pages: dict[int, QWidget] = {}
        # While the book opens, Today and the client list can show the start's first glance
        # at it (rmdesk.services.glance): page number -> its reader, called when the page is
        # first asked for (None: no glance); set by the caller for the local book.
        self.glance_readers: dict[int, Callable[[], object | None]] = {}
        self._glanced: set[int] = set()  # the pages built on a glance, until the book is open
        titles = [self.tr("Today"), self.tr("Pipeline"), self.tr("Clients"), self.tr("Calendar"),
                  self.tr("Maintenance"), self.tr("Reports"), self.tr("Settings")]

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; background: palette(window);"
                               " border-right: 1px solid palette(mid); }"
                               "QListWidget#navigation::item { padding: 10px 14px; }")
        self.stack = QStackedWidget()
        for title in titles:
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        self.nav.currentRowChanged.connect(self._on_page)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        # A permanent widget: menu status tips replace temporary messages, not this line.
        self.data_folder = QLabel()  # the local folder, or the team database and login
        self.statusBar().addWidget(self.data_folder, 1)
        if store is None:
            self._show_opening()
        else:
            self._show_book()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def _show_opening(self) -> None:
        """The light state while the store opens: a line and a busy bar where the page goes,
        the same line in the status bar, and the menu entries that need the book switched off."""
        text = self.tr("Opening your book…")
        self.opening = QWidget()
        self.opening.setObjectName("openingBook")
        column = QVBoxLayout(self.opening)
        column.addStretch(1)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 13pt; color: palette(dark);")
        column.addWidget(label)
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setFixedWidth(240)
        busy.setMaximumHeight(6)
        column.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)
        self.data_folder.setText(text)
        for action in self._store_actions:
            action.setEnabled(False)

    def _show_book(self) -> None:
        from rmdesk.gui.data.team_db import book_label

        self.data_folder.setText(book_label(self.store))

    def attach_store(self, store: Store, actions: DataActions | None = None) -> None:
        """The book is open: the menus come on and the page chosen meanwhile (Today unless the
        user picked another) is built on it; the others are built when first shown."""
        self.store = store
        if actions is not None:
            self._actions = actions
        if self.opening is not None:
            self.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
        for action in self._store_actions:
            action.setEnabled(True)
        self._show_book()
        self.glance_readers = {}
        glanced, self._glanced = self._glanced, set()
        for index in glanced:  # the glance's pages: from the book now
            self._pages[index].attach(store)
        current = max(self.current_page(), 0)
        if current in glanced and getattr(self._pages[current], "LOADS_ITSELF", False):
            self.stack.setCurrentIndex(current)  # read again by its attach
            return
        self._on_page(current)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_client = QAction(self.tr("&New client…"), self)
        new_client.setShortcut(QKeySequence.StandardKey.New)
        new_client.triggered.connect(self._new_client)
        file_menu.addAction(new_client)
        find = QAction(self.tr("&Find client"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        file_menu.addAction(find)
        file_menu.addSeparator()
        trash = QAction(self.tr("&Trash…"), self)
        trash.triggered.connect(self._trash)
        file_menu.addAction(trash)
        file_menu.addSeparator()
        importing = QAction(self.tr("&Import clients and contacts…"), self)
        importing.triggered.connect(self._import)
        file_menu.addAction(importing)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self._store_actions += [new_client, find, trash, importing, export_menu.menuAction()]
        for what, text in (("clients", self.tr("Clients…")), ("contacts", self.tr("Key persons…")),
                           ("visits", self.tr("Visits…")), ("deals", self.tr("Deals…")),
                           ("proposals", self.tr("Proposals…"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, w=what: self._export(w))
            export_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = QAction(self.tr("&Undo delete"), self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(lambda: self.clients.undo_trash())
        edit_menu.addAction(undo)
        self._store_actions.append(undo)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        catalogue = QAction(self.tr("&Product catalogue…"), self)  # issue 19: products to sell from
        catalogue.triggered.connect(self._product_catalogue)
        help_menu.addAction(catalogue)
        about = QAction(self.tr("&About rmdesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _product_catalogue(self) -> None:
        from rmdesk.gui.product_catalogue import ProductCatalogueDialog

        ProductCatalogueDialog(self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About rmdesk"),
                          self.tr("rmdesk %1\nThe corporate relationship manager's desk: the six-step sales "
                                  "flow, visits and call plans, offline.").replace("%1", __version__))

    def _import(self) -> None:
        from rmdesk.gui.data.import_dialog import ImportDialog

        dialog = ImportDialog(self.store, self)
        dialog.exec()
        if dialog.imported:
            self._on_page(self.current_page())

    def _export(self, what: str) -> None:
        from rmdesk.gui.data.import_dialog import export_with_dialog

        export_with_dialog(self, self.store, what)

    def _trash(self) -> None:
        from rmdesk.gui.data.trash_dialog import TrashDialog

        TrashDialog(self.store, self).exec()
        self.close_gone_clients()
        self._on_page(self.current_page())

    def close_gone_clients(self) -> list[int]:
        """Close the workspaces of clients no longer in the book (destroyed from the trash,
        or moved to it): they would only show errors. Returns their ids."""
        from rmdesk.errors import NotFound
        from rmdesk.services import clients

        gone = []
        for client_id, window in list(self._client_windows.items()):
            try:
                clients.get_client(self.store, client_id)
            except NotFound:
                gone.append(client_id)
                window.close()
        return gone

    def _new_client(self) -> None:
        self.show_page(self.CLIENTS)
        self.clients.new_client()

    def _find(self) -> None:
        self.show_page(self.CLIENTS)
        self.clients.focus_search()

    def _make_page(self, index: int) -> QWidget:
        if index == self.TODAY:
            from rmdesk.gui.pages.today import TodayPage

            return TodayPage(self.store, self.open_client)
        if index == self.PIPELINE:
            from rmdesk.gui.pages.pipeline import PipelinePage

            return PipelinePage(self.store, self.open_client)
        if index == self.CLIENTS:
            from rmdesk.gui.pages.clients import ClientsPage

            return ClientsPage(self.store, self.open_client)
        if index == self.CALENDAR:
            from rmdesk.gui.pages.calendar import CalendarPage

            return CalendarPage(self.store, self.open_client)
        if index == self.MAINTENANCE:
            from rmdesk.gui.pages.keeping import KeepingPage

            return KeepingPage(self.store, self.open_client)
        if index == self.REPORTS:
            from rmdesk.gui.pages.reports import ReportsPage

            return ReportsPage(self.store, self.open_client)
        from rmdesk.gui.pages.settings import SettingsPage

        return SettingsPage(self.store, self._language, self._switch_language, actions=self._actions)

    def page(self, index: int) -> QWidget:
        """The page at `index`, built on first use in place of its placeholder."""
        page = self._pages.get(index)
        if page is None:
            page = self._pages[index] = self._make_page(index)
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
        return page

    @property
    def today(self) -> TodayPage:
        return self.page(self.TODAY)  # type: ignore[return-value]

    @property
    def pipeline(self) -> PipelinePage:
        return self.page(self.PIPELINE)  # type: ignore[return-value]

    @property
    def clients(self) -> ClientsPage:
        return self.page(self.CLIENTS)  # type: ignore[return-value]

    @property
    def calendar(self) -> CalendarPage:
        return self.page(self.CALENDAR)  # type: ignore[return-value]

    @property
    def keeping(self) -> KeepingPage:
        return self.page(self.MAINTENANCE)  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsPage:
        return self.page(self.REPORTS)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(self.SETTINGS)  # type: ignore[return-value]

    def _on_page(self, index: int) -> None:
        if self.store is None:  # still opening: the page is built once the book is open
            self._show_glance(index)
            return
        built = index in self._pages
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        # a page that loads itself when built needs no second load at once
        if hasattr(page, "refresh") and (built or not getattr(page, "LOADS_ITSELF", False)):
            page.refresh()

    def _show_glance(self, index: int) -> None:
        """While the book opens: the page at `index` from the start's glance when it has one
        and the book could be glanced at, else the "opening your book" line."""
        page = self._pages.get(index)
        reader = self.glance_readers.pop(index, None)  # read once
        glance = reader() if page is None and reader is not None else None
        if glance is not None:
            page = self._pages[index] = self._glance_page(index, glance)
            self._glanced.add(index)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if page is not None:
            self.stack.setCurrentWidget(page)
        elif self.opening is not None:
            self.stack.setCurrentWidget(self.opening)

    def _glance_page(self, index: int, glance: object) -> QWidget:
        if index == self.TODAY:
            from rmdesk.gui.pages.today import TodayPage

            return TodayPage(None, self.open_client, glance)  # type: ignore[arg-type]
        from rmdesk.gui.pages.clients import ClientsPage

        return ClientsPage(None, self.open_client, glance)  # type: ignore[arg-type]

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def start_on(self, index: int) -> None:
        """The start's page, once the window is on screen: shown again when it is already the
        current one (the window opened on Today before the glance could be read)."""
        if self.current_page() == index:
            self._on_page(index)
        else:
            self.show_page(index)

    def current_page(self) -> int:
        return self.nav.currentRow()

    def open_client(self, client_id: int) -> ClientWindow:
        window = self._client_windows.get(client_id)
        if window is None or not window.isVisible():
            from rmdesk.gui.client.window import ClientWindow

            window = ClientWindow(self.store, client_id, self)
            window.destroyed.connect(lambda *_: self._client_windows.pop(client_id, None))
            # a change in the workspace shows at once in the list or board behind it
            window.client_changed.connect(lambda _id: self._on_page(self.current_page()))
            self._client_windows[client_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def team_changed(self, tables: set[str]) -> None:
        """Another RM's change reached the team database (gui/team_refresh.py): the page on
        screen and the open client windows show it (Settings and Reports keep what is typed)."""
        index = self.current_page()
        page = self._pages.get(index)
        if page is not None and index not in (self.SETTINGS, self.REPORTS) and hasattr(page, "refresh"):
            page.refresh()
        if index == self.REPORTS and hasattr(page, "team_changed"):  # the work reports' review
            page.team_changed(tables)
        for window in list(self._client_windows.values()):
            window.team_changed()

    def save_geometry(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()

    def last_page(self) -> int:
        """The page the window was left on at the last quit (Today when none or not a page)."""
        try:
            page = int(self.settings.value(self.LAST_PAGE, self.TODAY))
        except (TypeError, ValueError):
            return self.TODAY
        return page if self.TODAY <= page <= self.SETTINGS else self.TODAY

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.current_page() >= 0:
            self.settings.setValue(self.LAST_PAGE, self.current_page())
        self.save_geometry()
        for window in list(self._client_windows.values()):
            window.close()
        super().closeEvent(event)
