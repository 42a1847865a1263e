"""Settings › Team database: connect to the team's PostgreSQL server, test the connection off
the GUI thread, reopen the whole app on it, and go back to the local book.

The password typed here is used for this connection only: rmdesk remembers the URL without it
(in the data folder's gui.ini) and asks again at the next start when the server needs one.
$RMDESK_DB_PASSWORD and libpq's ~/.pgpass or service file work as on the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmdesk.errors import RmdeskError
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Job
from rmdesk.store import server
from rmdesk.store.engine import Store
from rmdesk.store.schema_head import HEAD_REVISION
from rmdesk.store.server import URL

SETTING = "team_database"  # gui.ini: the team database's URL, never its password


@dataclass
class TeamActions:
    """What the box may ask the Desk to do (it owns the store and reopens the app on another)."""

    open_team: Callable[[URL], None]  # raises StoreError; the current store stays open then
    open_local: Callable[[], None]
    saved_url: Callable[[], str | None]


def book_label(store: Store) -> str:
    """The status bar's words for the open book."""
    if store.is_sqlite:
        return QCoreApplication.translate("TeamDatabase", "Data folder: %1").replace("%1", str(store.data_dir or ""))
    return QCoreApplication.translate("TeamDatabase", "Team database: %1").replace(
        "%1", server.describe(store.engine.url))


def ask_server_password(parent: QWidget | None, url: URL, note: str = "") -> str | None:
    text, ok = QInputDialog.getText(
        parent, "rmdesk", (note + "\n" if note else "") +
        QCoreApplication.translate("TeamDatabase", "Password of %1 on the team database %2:")
        .replace("%1", url.username or "").replace("%2", server.describe(server.strip_password(url))),
        QLineEdit.EchoMode.Password)
    return text if ok else None


def choose_at_start(parent: QWidget | None, url: URL, problem: str) -> str:
    """The team database could not be opened at start: 'retry', 'local' or 'quit'."""
    box = QMessageBox(QMessageBox.Icon.Warning, "rmdesk",
                      QCoreApplication.translate("TeamDatabase", "The team database %1 cannot be opened:")
                      .replace("%1", server.describe(url)) + "\n" + problem, parent=parent)
    retry = box.addButton(QCoreApplication.translate("TeamDatabase", "&Retry"), QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton(QCoreApplication.translate("TeamDatabase", "Open the &local book"),
                          QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("TeamDatabase", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(local)
    box.exec()
    return "retry" if box.clickedButton() is retry else "local" if box.clickedButton() is local else "quit"


def open_at_start(directory, url: URL, parent: QWidget | None = None,
                  ask: Callable[..., str | None] | None = None, choose: Callable[..., str] | None = None) -> Store | None:
    """The team database at start: asks for the password when the server wants one; when it
    cannot be opened, says why and offers Retry, the local book (None) or Quit (SystemExit)."""
    from rmdesk.gui.flow import run_inline

    return run_inline(open_at_start_steps(directory, url, parent, ask, choose))


def open_at_start_steps(directory, url: URL, parent: QWidget | None = None,
                        ask: Callable[..., str | None] | None = None, choose: Callable[..., str] | None = None):
    """open_at_start as a flow (rmdesk.gui.flow): the connection is yielded, so at start it is
    made off the GUI thread while the questions are asked over the visible main window."""
    from functools import partial

    ask = ask or ask_server_password
    choose = choose or choose_at_start
    while True:
        try:
            return (yield partial(Store.open, directory, url=url))
        except RmdeskError as exc:
            if getattr(exc, "key", "") in ("server.password_needed", "server.auth_failed"):
                password = ask(parent, url, exc.message() if url.password is not None else "")
                if password is not None:
                    url = url.set(password=password)
                    continue
                return None
            answer = choose(parent, url, exc.message())
            if answer == "retry":
                continue
            if answer == "local":
                return None
            raise SystemExit(1) from None


class TeamDatabaseBox(QGroupBox):
    """The Settings group: host, port, database, user or a pasted URL, a password for this
    connection only; Test connection, Use the team database, Back to the local book."""

    def __init__(self, store: Store, team: TeamActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Team database"))
        self.setObjectName("teamGroup")
        self.store = store
        self.team = team
        self.job: Job | None = None
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("postgresql://user@host:5432/database (or fill in below)"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("db.branch.example")
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("default (5432)"))
        self.port.setMaximumWidth(160)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("used for this connection only, never saved"))
        form = QFormLayout()
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("Us&er:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        self.open_now = QLabel()
        self.open_now.setObjectName("teamOpenNow")
        self.open_now.setWordWrap(True)
        note = QLabel(self.tr("rmdesk never saves the password: it asks at the next start when the server needs "
                              "one. RMDESK_DB_PASSWORD and ~/.pgpass (or a service file) also work."))
        note.setWordWrap(True)
        note.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.use_button = QPushButton(self.tr("Use the &team database"))
        self.local_button = QPushButton(self.tr("Back to the &local book"))
        self.test_button.clicked.connect(self.test)
        self.use_button.clicked.connect(self.use)
        self.local_button.clicked.connect(self.back_to_local)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.use_button, self.local_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.open_now)
        column.addLayout(form)
        column.addWidget(note)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self._fill()
        self._show_state()

    # -- the form ---------------------------------------------------------------------
    def _fill(self) -> None:
        text = None if self.store.is_sqlite else server.strip_password(self.store.engine.url)
        if text is None and self.team is not None:
            saved = self.team.saved_url()
            if saved:
                try:
                    text = server.parse(saved)
                except RmdeskError:
                    text = None
        if text is None:
            return
        self.host.setText(text.host or "")
        self.port.setValue(int(text.port or 0))
        self.database.setText(text.database or "")
        self.user.setText(text.username or "")
        if text.query:  # a service file or options: only the URL says them
            self.url_edit.setText(server.without_password(text))

    def _show_state(self) -> None:
        if self.store.is_sqlite:
            self.open_now.setText(self.tr("Open now: the local book in %1").replace("%1", str(self.store.data_dir)))
        else:
            self.open_now.setText(self.tr("Open now: the team database %1").replace(
                "%1", server.describe(self.store.engine.url)))
        self.local_button.setEnabled(self.team is not None and not self.store.is_sqlite)
        self.use_button.setEnabled(self.team is not None)
        # a disabled button says why (the walk's rule)
        self.local_button.setToolTip("" if self.local_button.isEnabled() else self.tr(
            "The local book is the one open now.") if self.store.is_sqlite else self.tr(
            "This window cannot switch books."))
        self.use_button.setToolTip("" if self.use_button.isEnabled() else self.tr("This window cannot switch books."))

    def url(self) -> URL | None:
        """The URL the form says (the typed password, else $RMDESK_DB_PASSWORD, else libpq's);
        None with a message when the form names no database. Raises StoreError on a bad URL."""
        password = self.password.text() or None
        typed = self.url_edit.text().strip()
        if typed:
            url = server.parse(typed, password)
        elif not self.database.text().strip():
            self.say(self.tr("Give the server and the database (or paste a URL) first."), bad=True)
            return None
        else:
            url = server.build(self.host.text().strip(), self.database.text().strip(), self.user.text().strip(),
                               self.port.value() or None, password)
        if url.password is None:
            given = server.password_from_environment()
            if given is not None:
                url = url.set(password=given)
        return url

    def say(self, text: str, bad: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if bad else "")
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.use_button, self.local_button):
            button.setEnabled(not busy)
        if not busy:
            self._show_state()

    # -- actions ----------------------------------------------------------------------
    def test(self) -> Job | None:
        try:
            url = self.url()
        except RmdeskError as exc:
            self.say(exc.message(), bad=True)
            return None
        if url is None:
            return None
        self._busy(True)
        self.say(self.tr("Connecting to %1…").replace("%1", server.describe(url)))
        self.job = Job(server.probe, url, HEAD_REVISION)
        self.job.signals.done.connect(self._tested)
        self.job.signals.failed.connect(self._test_failed)
        return self.job.start()

    def _tested(self, found: server.Probe) -> None:
        self._busy(False)
        state = {
            "ready": self.tr("The database is ready for rmdesk."),
            "empty": self.tr("The database is empty: rmdesk sets it up when you use it."),
            "older": self.tr("The database is from an older rmdesk: it is brought up to date when you use it."),
            "newer": self.tr("The database is from a newer rmdesk: update rmdesk before using it."),
        }[found.state]
        self.say(self.tr("Connected: PostgreSQL %1, signed in as %2.").replace("%1", found.version)
                 .replace("%2", found.login) + " " + state, bad=found.state == "newer")

    def _test_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, RmdeskError):
            self.say(exc.message(), bad=True)
        else:
            self.say(self.tr("The test failed; details are in the log file."), bad=True)
            show_error(self, exc)

    def use(self) -> None:
        if self.team is None:
            return
        try:
            url = self.url()
        except RmdeskError as exc:
            self.say(exc.message(), bad=True)
            return
        if url is None:
            return
        try:
            self.team.open_team(url)  # on success this page is rebuilt: touch nothing after it
        except RmdeskError as exc:
            self.say(exc.message(), bad=True)

    def back_to_local(self) -> None:
        if self.team is None:
            return
        try:
            self.team.open_local()
        except RmdeskError as exc:
            self.say(exc.message(), bad=True)
