"""The insight reports on the Reports page: a period picker, then the funnel with velocity,
win rate and lost reasons, channel and referral yield, what wins objections, the forecast,
activity against the goal and coverage per tier. Computed off the GUI thread (a Job), with
"computing…" shown meanwhile; a double-click on a number, or a click on a bar, lists the
clients behind it (a double-click there opens the client). The reports count in SQL and
hand over a Drill per number: its clients are fetched when the user drills down, off the
GUI thread behind run_job's progress dialog (it shows itself when that takes a moment)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QDate, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Cancelled, Job, run_job
from rmdesk.gui.widgets import CLIENT_ID_ROLE, heading, read_only_table
from rmdesk.services import insights, insights_text
from rmdesk.services.recurrence import describe
from rmdesk.store.engine import Store

IDS_ROLE = Qt.ItemDataRole.UserRole + 7  # the clients behind a number: their ids, or an insights.Drill
Behind = tuple[int, ...] | insights.Drill | None  # what a number or a bar drills down to


class BarChart(QWidget):
    """Vertical bars with their value on top, an optional goal mark per bar (red), and a
    click on a bar emitting its client ids. The PDFs draw the same (formats/report_pdf.py)."""

    clicked = Signal(str, object)  # bar label, the clients behind it (ids or a Drill)

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[tuple[str, float, float | None, Behind, str]] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 170)

    def set_bars(self, bars: list[tuple[str, float, float | None, Behind, str]]) -> None:
        """(label, value, goal or None, the clients behind it, value text)"""
        self.bars = bars
        self.update()

    def _slots(self) -> list[QRectF]:
        metrics = self.fontMetrics()
        bottom = self.height() - metrics.height() - 6
        top_room = metrics.height() + 4
        peak = max([b[1] for b in self.bars] + [b[2] or 0 for b in self.bars] + [1.0])
        slot = (self.width() - 8) / max(len(self.bars), 1)
        out = []
        for i, (_label, value, _goal, _ids, _text) in enumerate(self.bars):
            h = (bottom - top_room) * value / peak
            out.append(QRectF(4 + i * slot + slot * 0.2, bottom - h, slot * 0.6, h))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        bottom = self.height() - metrics.height() - 6
        top_room = metrics.height() + 4
        peak = max([b[1] for b in self.bars] + [b[2] or 0 for b in self.bars] + [1.0])
        p.setPen(QPen(QColor("#b8c4d0")))
        p.drawLine(QPointF(4, bottom), QPointF(self.width() - 4, bottom))
        for rect, (label, value, goal, _ids, text) in zip(self._slots(), self.bars, strict=True):
            reached = goal is not None and value >= goal
            p.fillRect(rect, QColor("#2e7d32" if reached else "#1976d2"))
            p.setPen(QPen(QColor("#1f2d3d")))
            p.drawText(QRectF(rect.left() - 30, rect.top() - metrics.height() - 2, rect.width() + 60,
                              metrics.height()), Qt.AlignmentFlag.AlignCenter, text)
            p.drawText(QRectF(rect.left() - 30, bottom + 3, rect.width() + 60, metrics.height()),
                       Qt.AlignmentFlag.AlignCenter, label)
            if goal is not None:
                y = bottom - (bottom - top_room) * goal / peak
                p.setPen(QPen(QColor("#c62828"), 2))
                p.drawLine(QPointF(rect.left() - 3, y), QPointF(rect.right() + 3, y))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for rect, bar in zip(self._slots(), self.bars, strict=True):
            hit = QRectF(rect.left(), 0, rect.width(), self.height())
            if hit.contains(event.position()) and bar[3]:
                self.clicked.emit(bar[0], bar[3])
                return
        super().mousePressEvent(event)


def _item(text: str, behind: Behind = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if behind:
        item.setData(IDS_ROLE, behind if isinstance(behind, insights.Drill) else list(behind))
        item.setForeground(QColor("#1565c0"))
    return item


def _if(count: int, behind: Behind) -> Behind:
    """A number links to its clients only when there are some."""
    return behind if count else None


def fill(table: QTableWidget, headers: list[str], rows: list[list[tuple[str, Behind]]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, (text, ids) in enumerate(cells):
            table.setItem(r, c, _item(text, ids))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 6
    table.setFixedHeight(min(max(height, 60), 320))


class InsightsPanel(QWidget):
    PRESETS = ("12m", "year", "quarter", "month", "last_month")

    def __init__(self, store: Store, open_client: Callable[[int], object] | None = None) -> None:
        super().__init__()
        self.store = store
        self.open_client = open_client
        self.job: Job | None = None
        self.result: insights.Insights | None = None

        self.preset = QComboBox()
        for key, text in zip(self.PRESETS, (self.tr("Last 12 months"), self.tr("This year"), self.tr("This quarter"),
                                            self.tr("This month"), self.tr("Last month")), strict=True):
            self.preset.addItem(text, key)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("Show"))
        self.busy = QLabel()
        self.busy.setStyleSheet("color: #607d8b;")
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.show_button.clicked.connect(self.refresh)

        self.funnel = read_only_table()
        self.funnel_chart = BarChart()
        self.win_line = QLabel()
        self.lost = read_only_table()
        self.channels = read_only_table()
        self.channel_chart = BarChart()
        self.referrers = read_only_table()
        self.objections = read_only_table()
        self.forecast = read_only_table()
        self.forecast_chart = BarChart()
        self.activity_chart = BarChart()
        self.coverage = read_only_table()
        self.drill_title = QLabel()
        self.drill = read_only_table()
        self.drill.setVisible(False)
        for table in (self.funnel, self.lost, self.channels, self.referrers, self.objections, self.forecast,
                      self.coverage):
            table.itemDoubleClicked.connect(self._drill_item)
        for chart in (self.funnel_chart, self.channel_chart, self.forecast_chart, self.activity_chart):
            chart.clicked.connect(self.show_clients)
        self.drill.itemDoubleClicked.connect(
            lambda item: self.open_client and item.data(CLIENT_ID_ROLE) and self.open_client(item.data(CLIENT_ID_ROLE)))

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.preset)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        row.addWidget(self.show_button)
        row.addWidget(self.busy)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(self.tr("Double-click a number in blue, or click a bar, to list the clients behind it."))
        hint.setStyleSheet("color: #607d8b;")
        layout.addWidget(hint)
        layout.addWidget(self.drill_title)
        layout.addWidget(self.drill)
        for title, widgets in (
                (self.tr("Funnel and velocity"), (self.funnel, self.win_line, self.funnel_chart)),
                (self.tr("Lost reasons"), (self.lost,)),
                (self.tr("Source-channel yield"), (self.channels, self.channel_chart)),
                (self.tr("Referral agents"), (self.referrers,)),
                (self.tr("What wins objections"), (self.objections,)),
                (self.tr("Pipeline forecast by expected closing month (weighted by step)"),
                 (self.forecast, self.forecast_chart)),
                (self.tr("Activity per week against the goal"), (self.activity_chart,)),
                (self.tr("Coverage per tier against its cadence"), (self.coverage,))):
            layout.addSpacing(10)
            layout.addWidget(heading(title, 1))
            for widget in widgets:
                layout.addWidget(widget)
        layout.addStretch(1)
        self._apply_preset()

    # ---- period ---------------------------------------------------------------------
    def _apply_preset(self) -> None:
        today = clock.today()
        key = self.preset.currentData()
        if key == "year":
            start, end = date(today.year, 1, 1), today
        elif key == "quarter":
            start, end = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
        elif key == "month":
            start, end = today.replace(day=1), today
        elif key == "last_month":
            end = today.replace(day=1) - timedelta(days=1)
            start = end.replace(day=1)
        else:
            start, end = today - relativedelta(years=1) + timedelta(days=1), today
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))

    def period(self) -> insights.Period:
        a, b = self.start.date(), self.end.date()
        start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        return insights.Period(min(start, end), max(start, end))

    # ---- computing ------------------------------------------------------------------
    def refresh(self) -> None:
        if self.job is not None:
            self.job.forget()
        self.busy.setText(self.tr("Computing…"))
        self.show_button.setEnabled(False)
        self.show_button.setToolTip(self.tr("Computing…"))  # says why while disabled (issue 17's walk)
        self.job = Job(insights.all_reports, self.store, self.period())
        self.job.signals.done.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        self.job.start()

    def _failed(self, exc: object) -> None:
        self.job = None
        self.busy.setText("")
        self.show_button.setEnabled(True)
        self.show_button.setToolTip("")
        show_error(self, exc)

    def _done(self, result: insights.Insights) -> None:
        self.job = None
        self.busy.setText("")
        self.show_button.setEnabled(True)
        self.show_button.setToolTip("")
        self.result = result
        self.show_result(result)

    def stop(self) -> None:
        if self.job is not None:
            self.job.forget()
            self.job = None

    # ---- showing --------------------------------------------------------------------
    def show_result(self, r: insights.Insights) -> None:
        lang = i18n.language()
        pct, days = insights_text.pct, insights_text.days
        fill(self.funnel, [self.tr("Step"), self.tr("Entered"), self.tr("Moved on"), self.tr("Conversion"),
                           self.tr("Median days"), self.tr("80% within days"), self.tr("Now at step")],
             [[(str(s.step), None), (str(s.entered), _if(s.entered, s.drill("entered"))),
               (str(s.advanced), _if(s.advanced, s.drill("advanced"))),
               (pct(s.conversion), None), (days(s.median_days), None), (days(s.p80_days), None),
               (str(s.now_in_step), None)] for s in r.funnel.steps])
        self.win_line.setText(self.tr("Won %1, lost %2: win rate %3").replace("%1", str(r.funnel.won))
                              .replace("%2", str(r.funnel.lost)).replace("%3", pct(r.funnel.win_rate)))
        self.funnel_chart.set_bars([(self.tr("Step %1").replace("%1", str(s.step)), float(s.entered), None,
                                     _if(s.entered, s.drill("entered")), f"{s.entered} · {days(s.median_days)}d" if s.median_days is not None else str(s.entered)) for s in r.funnel.steps])
        fill(self.lost, [self.tr("Reason"), self.tr("Clients")],
             [[(i18n.label("lost_reason", x.reason), None), (str(x.count), _if(x.count, x.drill))]
              for x in r.funnel.lost_reasons])

        def yield_rows(lines, name):
            return [[(name(y), None), (str(y.prospects), _if(y.prospects, y.drill("prospects"))),
                     (str(y.qualified), _if(y.qualified, y.drill("qualified"))),
                     (str(y.won), _if(y.won, y.drill("won"))), (pct(y.win_rate), None),
                     (formatting.money(y.business, lang), None)]
                    for y in lines]

        head = [self.tr("Prospects"), self.tr("Qualified"), self.tr("Won"), self.tr("Won share"), self.tr("Business won")]
        fill(self.channels, [self.tr("Channel"), *head],
             yield_rows([*r.channels.channels, r.channels.total],
                        lambda y: self.tr("Total") if y.key == "total" else insights_text.channel_name(y.key, lang)))
        self.channel_chart.set_bars([(insights_text.channel_name(y.key, lang), float(y.won), None,
                                      _if(y.won, y.drill("won")),
                                      f"{y.won} · {pct(y.win_rate)}") for y in r.channels.channels])
        fill(self.referrers, [self.tr("Referral agent"), *head], yield_rows(r.channels.referrers, lambda y: y.key))
        rows = []
        for t in r.objections.types:
            for a in t.answers:
                rows.append([(i18n.label("objection", t.type), None), (a.answer or self.tr("(no answer written)"), None),
                             (str(a.used), _if(a.used, a.drill("used"))), (str(a.resolved), None),
                             (pct(a.resolve_rate), None), (str(a.closed), _if(a.closed, a.drill("closed")))])
        fill(self.objections, [self.tr("Objection"), self.tr("Answer used"), self.tr("Used"), self.tr("Resolved"),
                               self.tr("Resolve rate"), self.tr("Then closed")], rows)
        fill(self.forecast, [self.tr("Expected month"), self.tr("Deals"), self.tr("Amount"), self.tr("Weighted")],
             [[(m.month or self.tr("No date"), None), (str(m.deals), m.client_ids),
               (formatting.money(m.amount, lang), None), (formatting.money(m.weighted, lang), None)]
              for m in r.forecast.months])
        self.forecast_chart.set_bars([(m.month or self.tr("No date"), float(m.weighted), None, m.client_ids,
                                       formatting.money(m.weighted, lang)) for m in r.forecast.months])
        weeks = r.activity[-16:]
        self.activity_chart.set_bars([(w.start.strftime("%m-%d"), float(w.total), float(w.goal), (),
                                       str(w.total)) for w in weeks])
        fill(self.coverage, [self.tr("Tier"), self.tr("Cadence"), self.tr("Clients"), self.tr("Due each"),
                             self.tr("Contacts"), self.tr("Covered"), self.tr("Coverage")],
             [[(i18n.label("tier", c.tier), None), (describe(c.rule, lang), None), (str(c.clients), None),
               (str(c.expected_each), None), (str(c.contacts), None), (str(c.covered), None),
               (pct(c.coverage), _if(c.clients - c.covered, c.drill))] for c in r.coverage])

    def _drill_item(self, item: QTableWidgetItem) -> None:
        behind = item.data(IDS_ROLE)
        if behind:
            table = item.tableWidget()
            head = table.horizontalHeaderItem(item.column()).text()
            first = table.item(item.row(), 0).text()
            self.show_clients(f"{first} · {head}", behind if isinstance(behind, insights.Drill) else tuple(behind))

    def show_clients(self, title: str, behind: object) -> None:
        """List the clients behind a number: fetched off the GUI thread (a Drill asks the
        database for them; known ids only need their names)."""
        store = self.store

        def work(progress):
            if isinstance(behind, insights.Drill):
                return insights.drill_clients(store, behind)
            ids = tuple(behind)  # type: ignore[arg-type]
            return len(ids), insights.clients_named(store, ids)

        try:
            count, lines = run_job(self, self.tr("Computing…"), work)
        except Cancelled:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            show_error(self, exc)
            return
        self.drill_title.setText(self.tr("Clients behind “%1”: %2").replace("%1", title).replace("%2", str(count)))
        self.drill.setVisible(True)
        self.drill.clear()
        self.drill.setColumnCount(4)
        self.drill.setHorizontalHeaderLabels([self.tr("Client"), self.tr("Step"), self.tr("Status"), self.tr("Tier")])
        self.drill.setRowCount(len(lines))
        for row, c in enumerate(lines):
            for col, text in enumerate((c.name, str(c.step), i18n.label("status", c.status),
                                        i18n.label("tier", c.tier) if c.tier else "")):
                cell = QTableWidgetItem(text)
                cell.setData(CLIENT_ID_ROLE, c.client_id)
                self.drill.setItem(row, col, cell)
        self.drill.resizeColumnsToContents()
        self.drill.horizontalHeader().setStretchLastSection(True)
        self.drill.setFixedHeight(min(260, 40 + 26 * len(lines)))
