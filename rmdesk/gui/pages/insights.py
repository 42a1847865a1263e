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
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui.errors import show_error
from rmdesk.gui.insight_chart import ChartView
from rmdesk.gui.insight_print import InsightExport
from rmdesk.gui.jobs import Cancelled, Job, run_job
from rmdesk.gui.widgets import CLIENT_ID_ROLE, heading, read_only_table
from rmdesk.services import insight_reports, insights, insights_text
from rmdesk.services.recurrence import describe
from rmdesk.store.engine import Store

IDS_ROLE = Qt.ItemDataRole.UserRole + 7  # the clients behind a number: their ids, or an insights.Drill
Behind = tuple[int, ...] | insights.Drill | None  # what a number or a bar drills down to


def _item(text: str, behind: Behind = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if behind:
        item.setData(IDS_ROLE, behind if isinstance(behind, insights.Drill) else list(behind))
        item.setForeground(QColor("#1565c0"))
    return item


def side_by_side(left: QWidget, right: QWidget) -> QWidget:
    """Two charts next to each other."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(left, 1)
    row.addWidget(right, 1)
    return box


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
        self.export = InsightExport(store)  # Print / PDF… and Export XLSX… of what is shown
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.show_button.clicked.connect(self.refresh)

        self.funnel = read_only_table()
        self.win_line = QLabel()
        self.lost = read_only_table()
        self.channels = read_only_table()
        self.referrers = read_only_table()
        self.objections = read_only_table()
        self.forecast = read_only_table()
        self.coverage = read_only_table()
        # the charts of the PDF (services/insight_reports.py), drawn with QPainter
        self.funnel_chart, self.velocity_chart, self.lost_chart = ChartView(), ChartView(), ChartView()
        self.channel_chart, self.business_chart, self.objection_chart = ChartView(), ChartView(), ChartView()
        self.forecast_chart, self.activity_chart, self.coverage_chart = ChartView(), ChartView(), ChartView()
        self.drill_title = QLabel()
        self.drill = read_only_table()
        self.drill.setVisible(False)
        for table in (self.funnel, self.lost, self.channels, self.referrers, self.objections, self.forecast,
                      self.coverage):
            table.itemDoubleClicked.connect(self._drill_item)
        for chart in (self.funnel_chart, self.velocity_chart, self.lost_chart, self.channel_chart,
                      self.business_chart, self.objection_chart, self.forecast_chart, self.activity_chart,
                      self.coverage_chart):
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
        row.addWidget(self.export)
        layout.addLayout(row)
        hint = QLabel(self.tr("Double-click a number in blue, or click a bar, to list the clients behind it."))
        hint.setStyleSheet("color: #607d8b;")
        layout.addWidget(hint)
        layout.addWidget(self.drill_title)
        layout.addWidget(self.drill)
        for title, widgets in (
                (self.tr("Funnel and velocity"), (self.funnel, self.win_line,
                                                  side_by_side(self.funnel_chart, self.velocity_chart))),
                (self.tr("Lost reasons"), (self.lost, self.lost_chart)),
                (self.tr("Source-channel yield"), (self.channels, side_by_side(self.channel_chart,
                                                                               self.business_chart))),
                (self.tr("Referral agents"), (self.referrers,)),
                (self.tr("What wins objections"), (self.objection_chart, self.objections)),
                (self.tr("Pipeline forecast by expected closing month (weighted by step)"),
                 (self.forecast, self.forecast_chart)),
                (self.tr("Activity per week against the goal"), (self.activity_chart,)),
                (self.tr("Coverage per tier against its cadence"), (self.coverage, self.coverage_chart))):
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
        self.export.set_result(result)

    def stop(self) -> None:
        if self.job is not None:
            self.job.forget()
            self.job = None

    # ---- showing --------------------------------------------------------------------
    def show_result(self, r: insights.Insights) -> None:
        lang = i18n.language()
        pct, days, money = insights_text.pct, insights_text.days, insight_reports.money_text  # 万元 / CNY, as the PDF
        fill(self.funnel, [self.tr("Step"), self.tr("Entered"), self.tr("Moved on"), self.tr("Conversion"),
                           self.tr("Median days"), self.tr("80% within days"), self.tr("Now at step")],
             [[(str(s.step), None), (str(s.entered), s.entered_ids), (str(s.advanced), s.advanced_ids),
               (pct(s.conversion), None), (days(s.median_days), None), (days(s.p80_days), None),
               (str(s.now_in_step), None)] for s in r.funnel.steps])
        self.win_line.setText(self.tr("Won %1, lost %2: win rate %3").replace("%1", str(r.funnel.won))
                              .replace("%2", str(r.funnel.lost)).replace("%3", pct(r.funnel.win_rate)))
        funnel_charts = insight_reports.funnel_sections(r.funnel, lang)
        self.funnel_chart.set_chart(funnel_charts[0].charts[0], [[_if(s.entered, s.drill("entered")) for s in r.funnel.steps],
                                                                 [_if(s.advanced, s.drill("advanced")) for s in r.funnel.steps]])
        self.velocity_chart.set_chart(funnel_charts[0].charts[1])
        self.lost_chart.set_chart(funnel_charts[1].charts[0] if funnel_charts[1].charts else None,
                                  [[_if(x.count, x.drill) for x in r.funnel.lost_reasons]])
        fill(self.lost, [self.tr("Reason"), self.tr("Clients")],
             [[(i18n.label("lost_reason", x.reason), None), (str(x.count), _if(x.count, x.drill))]
              for x in r.funnel.lost_reasons])

        def yield_rows(lines, name):
            return [[(name(y), None), (str(y.prospects), _if(y.prospects, y.drill("prospects"))),
                     (str(y.qualified), _if(y.qualified, y.drill("qualified"))),
                     (str(y.won), _if(y.won, y.drill("won"))), (pct(y.win_rate), None), (money(y.business, lang), None)]
                    for y in lines]

        head = [self.tr("Prospects"), self.tr("Qualified"), self.tr("Won"), self.tr("Won share"),
                formatting.input_unit_caption(self.tr("Business won"), lang)]
        fill(self.channels, [self.tr("Channel"), *head],
             yield_rows([*r.channels.channels, r.channels.total],
                        lambda y: self.tr("Total") if y.key == "total" else insights_text.channel_name(y.key, lang)))
        channel_charts = insight_reports.channel_sections(r.channels, lang, False)[0].charts
        lines = r.channels.channels
        self.channel_chart.set_chart(channel_charts[0] if channel_charts else None,
                                     [[_if(y.prospects, y.drill("prospects")) for y in lines],
                                      [_if(y.qualified, y.drill("qualified")) for y in lines],
                                      [_if(y.won, y.drill("won")) for y in lines]])
        self.business_chart.set_chart(channel_charts[1] if channel_charts else None, [[_if(y.won, y.drill("won")) for y in lines]])
        objection_charts = insight_reports.objection_sections(r.objections, lang, False)[0].charts
        self.objection_chart.set_chart(objection_charts[0] if objection_charts else None, [
            [_if(t.raised, t.drill("used", r.objections.period)) for t in r.objections.types], [],
            [_if(t.closed, t.drill("closed", r.objections.period)) for t in r.objections.types]])
        fill(self.referrers, [self.tr("Referral agent"), *head], yield_rows(r.channels.referrers, lambda y: y.key))
        rows = []
        for t in r.objections.types:
            for a in t.answers:
                rows.append([(i18n.label("objection", t.type), None), (a.answer or self.tr("(no answer written)"), None),
                             (str(a.used), _if(a.used, a.drill("used"))), (str(a.resolved), None),
                             (pct(a.resolve_rate), None), (str(a.closed), _if(a.closed, a.drill("closed")))])
        fill(self.objections, [self.tr("Objection"), self.tr("Answer used"), self.tr("Used"), self.tr("Resolved"),
                               self.tr("Resolve rate"), self.tr("Then closed")], rows)
        fill(self.forecast, [self.tr("Expected month"), self.tr("Deals"),
                             formatting.input_unit_caption(self.tr("Amount"), lang),
                             formatting.input_unit_caption(self.tr("Weighted"), lang)],
             [[(m.month or self.tr("No date"), None), (str(m.deals), m.client_ids),
               (money(m.amount, lang), None), (money(m.weighted, lang), None)]
              for m in r.forecast.months])
        months = [m.client_ids for m in r.forecast.months]
        self.forecast_chart.set_chart(insight_reports.forecast_sections(r.forecast, lang)[0].charts[0],
                                      [months, months])
        activity = insight_reports.activity_sections(r.activity, lang)[0].charts
        self.activity_chart.set_chart(activity[0] if activity else None)
        coverage = insight_reports.coverage_sections(r.coverage, lang)[0].charts
        self.coverage_chart.set_chart(coverage[0] if coverage else None)
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
