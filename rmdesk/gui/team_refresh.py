"""The team's changes show up: on a team database a poll every two seconds, off the GUI thread,
reads the server's change notifications (rmdesk.store.changes: one round trip, whatever the size
of the book) and has the main window refresh the page on screen and the open client windows
(a client window with unsaved edits offers the reload instead, see gui/client/team_bar.py).

The server gone away: the status bar says so once, the poll keeps trying, and when it is back
everything is refreshed (notifications sent meanwhile were lost with the connection)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from rmdesk.errors import RmdeskError
from rmdesk.gui.jobs import Job
from rmdesk.store import changes
from rmdesk.store.engine import Store

log = logging.getLogger(__name__)


class TeamRefresher(QObject):
    INTERVAL_MS = 2000

    def __init__(self, store: Store, window: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = changes.Listener(store.engine.url, getattr(store, "own_backends", None))
        self.window = window
        self.job: Job | None = None
        self.lost = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> TeamRefresher:
        self.timer.start()
        self.tick()  # LISTEN now: a change made from here on is seen
        return self

    def tick(self) -> Job | None:
        if self.job is not None:  # the last poll is still waiting for the server
            return None
        self.job = Job(self.listener.poll)
        self.job.signals.done.connect(self._polled)
        self.job.signals.failed.connect(self._failed)
        return self.job.start()

    def _polled(self, tables: set[str]) -> None:
        self.job = None
        window = self.window()
        if self.lost:
            self.lost = False
            window.statusBar().clearMessage()
        if tables:
            window.team_changed(tables)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if not isinstance(exc, RmdeskError):
            log.error("team change poll failed: %r", exc)
            return
        if not self.lost:
            self.lost = True
            self.window().statusBar().showMessage(exc.message())

    def stop(self) -> None:
        """No more polls; the running one is dropped (the caller waits for the pool, then close())."""
        self.timer.stop()
        if self.job is not None:
            self.job.forget()
            self.job = None

    def close(self) -> None:
        self.listener.close()


def start(store: Store, window: Callable[[], object]) -> TeamRefresher | None:
    """A refresher for a team database (None for the local book)."""
    if store.is_sqlite:
        return None
    return TeamRefresher(store, window).start()
