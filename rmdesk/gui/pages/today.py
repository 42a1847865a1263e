"""Today: the day's visits in order, overdue next steps, customers due for maintenance
(on their tier's cadence, moved to working days), personal care coming up (birthdays,
solar or lunar, company anniversaries, festival greetings; days ahead set in Settings),
and stale pipeline cards.

Shown before the book is open (the start's first glance, rmdesk.services.glance), the page
has the day's visits and next steps due from the glance, the other sections say they are
loading, and nothing that needs SQLAlchemy is loaded until `attach(store)`; a client
double-clicked meanwhile opens once the book is open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from rmdesk import clock, formatting, i18n
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Job
from rmdesk.gui.widgets import CLIENT_ID_ROLE, fill_table, heading, read_only_table, reminder_text, step_label

if TYPE_CHECKING:
    from rmdesk.services.glance import TodayGlance
    from rmdesk.services.visit_rows import TaskRow, VisitRow
    from rmdesk.store.engine import Store

log = logging.getLogger(__name__)

START_UP_DELAY_MS = 500
ROWS = 100  # per section: a branch's shared book can have thousands due on one day


class Section(QWidget):
    """A heading, an 'empty' line, and a table shown only when it has rows."""

    def __init__(self, title: str, empty: str, open_client: Callable[[int], object]) -> None:
        super().__init__()
        self.title = heading(title, 1)
        self.empty = QLabel(empty)
        self.empty.setStyleSheet("color: #607d8b;")
        self.table: QTableWidget = read_only_table()
        self.table.itemDoubleClicked.connect(
            lambda item: item.data(CLIENT_ID_ROLE) and open_client(item.data(CLIENT_ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room when the table is hidden, so the lines stay on top

    def fill(self, headers: list[str], rows: list[tuple[int | None, list[str]]]) -> None:
        fill_table(self.table, headers, rows[:ROWS])
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.setToolTip(self.tr("Showing the first %1.").replace("%1", str(ROWS)) if len(rows) > ROWS else "")


class TodayPage(QWidget):
    def __init__(self, store: Store | None, open_client: Callable[[int], object],
                 glance: TodayGlance | None = None) -> None:
        """On `store`, or with no store on the start's `glance` until attach."""
        super().__init__()
        self.store = store
        self._open_client = open_client
        self.opening_asked: int | None = None  # the client double-clicked in the glance
        self._day_title = ""  # "Today, <the day shown>"
        self.title = heading("")
        self.welcome = QLabel(self.tr(
            "Your client book is empty. Create your first client with File › New client (Ctrl+N), "
            "or try rmdesk with a demo book: run “rmdesk demo --clients 200” in a terminal."))
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("background: #e3f2fd; padding: 10px;")
        self.visits = Section(self.tr("Today's visits"), self.tr("No visits planned for today."), self._open)
        self.tasks = Section(self.tr("Next steps due or overdue"), self.tr("No overdue next steps."), self._open)
        self.maintenance = Section(self.tr("Maintenance due"), self.tr("No customer is due for maintenance."),
                                   self._open)
        self.birthdays = Section(self.tr("Personal care"), self.tr("No birthdays, anniversaries or festivals "
                                                                   "coming up."), self._open)
        self.stale = Section(self.tr("Stale in the pipeline"), self.tr("No client has sat too long in a step."),
                             self._open)
        grid = QGridLayout()
        grid.addWidget(self.visits, 0, 0)
        grid.addWidget(self.tasks, 0, 1)
        grid.addWidget(self.maintenance, 1, 0)
        grid.addWidget(self.birthdays, 1, 1)
        grid.addWidget(self.stale, 2, 0, 1, 2)
        self.warnings = Section(self.tr("Open early warnings"), self.tr("No open early warning."), self._open)
        grid.addWidget(self.warnings, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.welcome)
        layout.addLayout(grid, 1)
        self._keeping_round = 0
        self.keeping_ready = False
        self.keeping_job: Job | None = None
        if store is None and glance is not None:
            self._show_first(glance.day, glance.empty, glance.visits, glance.tasks)
            self._loading(self.warnings, self.maintenance, self.birthdays, self.stale)

    def attach(self, store: Store) -> None:
        """The book is open: the page reads it at its next refresh (the window asks for one
        when the page is shown); the client double-clicked meanwhile is opened."""
        self.store = store
        asked, self.opening_asked = self.opening_asked, None
        if asked is not None:
            self._open_client(asked)

    def _open(self, client_id: int) -> None:
        if self.store is None:  # the glance: opened once the book is
            self.opening_asked = client_id
            self.title.setText(self._day_title + "  ·  " + self.tr("Opening your book… the client opens in a moment"))
            return
        self._open_client(client_id)

    def refresh(self) -> None:
        if self.store is None:
            return
        from rmdesk.services import early_warnings
        from rmdesk.services.clients import is_empty
        from rmdesk.services.visits import open_tasks, visits_between

        today = clock.today()
        self._show_first(today, is_empty(self.store), visits_between(self.store, today, 1, limit=ROWS + 1),
                         open_tasks(self.store, due_by=today, limit=ROWS + 1))
        self.warnings.fill([self.tr("Severity"), self.tr("Client"), self.tr("Signal"), self.tr("Seen"), self.tr("Action")],
                           [(w.client_id, [early_warnings.severity_label(w.severity), w.client_name,
                                           early_warnings.signal_name(w.signal), formatting.day(w.seen_on),
                                           w.action or ""])
                            for w in early_warnings.open_warnings(self.store, limit=ROWS + 1)])
        self.load_keeping(today)

    def _show_first(self, today: date, empty: bool, visits: list[VisitRow], tasks: list[TaskRow]) -> None:
        """The title, the welcome line, the day's visits and the next steps due."""
        self._day_title = self.tr("Today, %1").replace("%1", formatting.day(today))
        self.title.setText(self._day_title)
        self.welcome.setVisible(empty)
        self.visits.fill([self.tr("Time"), self.tr("Client"), self.tr("Meeting"), self.tr("Kind"), self.tr("Objective")],
                         [(v.client_id, [v.planned_at.strftime("%H:%M"), v.client_name, v.contact_name or "",
                                         i18n.label("visit_kind", v.kind), v.objective or ""]) for v in visits])
        self.tasks.fill([self.tr("Due"), self.tr("Client"), self.tr("Owner"), self.tr("Next step")],
                        [(t.client_id, [formatting.day(t.due_date), t.client_name, t.owner, t.title]) for t in tasks])

    def _loading(self, *sections: Section) -> None:
        for section in sections:
            section.empty.setText(self.tr("Loading…"))
            section.table.hide()
            section.empty.show()

    def load_keeping(self, today) -> Job:
        """Maintenance due and personal care walk every kept client's cadence on the working
        calendar and every lunar birthday (about a second in a 100,000-client book), and the
        stale cards scan the open pipeline: computed on the thread pool after the page shows,
        filled in when done."""
        from rmdesk.services.maintenance import care_reminders, maintenance_due
        from rmdesk.services.pipeline import stale_cards
        from rmdesk.services.settings import get_reminder_days

        self.keeping_ready = False
        self._keeping_round += 1
        round_ = self._keeping_round
        self._loading(self.maintenance, self.birthdays, self.stale)
        store = self.store

        def work():
            span = get_reminder_days(store)
            return (round_, span, maintenance_due(store, today, limit=ROWS + 1),
                    care_reminders(store, span, today, limit=ROWS + 1), stale_cards(store, limit=ROWS + 1))

        self.keeping_job = Job(work)
        # bound methods: run on the GUI thread, and dropped if the page is gone by then
        self.keeping_job.signals.done.connect(self._fill_keeping)
        self.keeping_job.signals.failed.connect(self._keeping_failed)
        # At start-up the worker would share the interpreter with the window's first paints
        # (and the client list the RM opens next): it waits a moment then; later refreshes don't.
        # the page as the timer's context: a page closed before then starts nothing
        QTimer.singleShot(START_UP_DELAY_MS if round_ == 1 else 0, self, self._start_keeping)
        return self.keeping_job

    def _start_keeping(self) -> None:
        # a window being replaced (language, restore, password) is hidden: its store is closing
        if self.keeping_job is not None and self.window().isVisible():
            self.keeping_job.start()

    def _keeping_failed(self, exc: BaseException) -> None:
        if not self.window().isVisible():
            # a window replaced (damage found and restored, language, password) or closed while
            # its reading ran: its store is closing or damaged, and the new window says so itself
            log.info("Today's keeping sections of a closed window failed: %r", exc)
            return
        show_error(self, exc)

    def _fill_keeping(self, result: tuple) -> None:
        round_, span, due, care, stale = result
        if round_ != self._keeping_round:  # a newer refresh is on its way
            return
        self.stale.empty.setText(self.tr("No client has sat too long in a step."))
        self.stale.fill([self.tr("Step"), self.tr("Client"), self.tr("Days in step"), self.tr("Tier")],
                        [(c.client_id, [step_label(c.step), c.name, str(c.days_in_step), i18n.label("tier", c.tier)])
                         for c in stale])
        self.maintenance.empty.setText(self.tr("No customer is due for maintenance."))
        self.maintenance.fill([self.tr("Due"), self.tr("Client"), self.tr("Tier")],
                              [(m.client_id, [formatting.day(m.due), m.client_name, i18n.label("tier", m.tier)])
                               for m in due])
        self.birthdays.empty.setText(self.tr("No birthdays, anniversaries or festivals coming up."))
        self.birthdays.title.setText(self.tr("Personal care in the next %1 days").replace("%1", str(span)))
        self.birthdays.fill([self.tr("Date"), self.tr("Occasion"), self.tr("Client"), self.tr("Who")],
                            [(r.client_id, [formatting.day(r.day), reminder_text(r)[0], r.client_name,
                                            reminder_text(r)[1]]) for r in care])
        self.keeping_ready = True
