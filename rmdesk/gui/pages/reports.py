"""Reports, in three tabs: the overview (below), the insight reports (pages/insights.py) and
the work reports (pages/workreport_editor.py). The overview: the funnel (clients per step and status), the RM's targets with a progress bar
each, the activity per week against the daily goal, and the tier overview with the 80/20
curve (drawn with QPainter: PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rmdesk import clock, formatting, i18n
from rmdesk.gui.pages.insights import InsightsPanel
from rmdesk.gui.pages.workreport_editor import WorkReportPanel
from rmdesk.gui.pages.workreport_review import TeamReviewPanel
from rmdesk.gui.widgets import fill_table, heading, read_only_table, set_scrolling_body, step_label
from rmdesk.services import targets, tiering, workreport_review
from rmdesk.services.pipeline import funnel
from rmdesk.store.engine import Store

BAR_SCALE = 1000  # progress bars count in tenths of a percent


def usd(amount: Decimal, lang: str) -> str:
    if lang == "zh_CN":
        return f"{(amount / formatting.WAN).quantize(Decimal('0.01'), ROUND_HALF_UP):,}万美元"
    return f"USD {amount.quantize(Decimal('1'), ROUND_HALF_UP):,}"


def measure_value(measure: str, amount: Decimal, lang: str) -> str:
    if measure in targets.COUNT_MEASURES:
        return str(int(amount))
    if measure == "intl_settlement_usd":
        return usd(amount, lang)
    return formatting.money(amount, lang)


def percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).quantize(Decimal('1'), ROUND_HALF_UP)}%"


class ParetoChart(QWidget):
    """Share of business (y) by share of clients (x), biggest clients first, with the
    diagonal of an even spread and a mark at the top 20% of clients."""

    def __init__(self) -> None:
        super().__init__()
        self.curve: list[tuple[Decimal, Decimal]] = []
        self.top20: Decimal | None = None
        self.setMinimumSize(360, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 280)

    def set_curve(self, curve: list[tuple[Decimal, Decimal]], top20: Decimal | None) -> None:
        self.curve, self.top20 = curve, top20
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        left, bottom = metrics.horizontalAdvance("100%") + 10, metrics.height() * 2 + 6
        area = QRectF(left, 8, self.width() - left - metrics.horizontalAdvance("100%") / 2 - 8, self.height() - bottom - 8)
        p.fillRect(area, QColor("#fafafa"))

        def at(x: float, y: float) -> QPointF:
            return QPointF(area.left() + x * area.width(), area.bottom() - y * area.height())

        grid = QPen(QColor("#cfd8dc"))
        p.setPen(grid)
        for i in range(0, 11, 2):
            f = i / 10
            p.drawLine(at(f, 0), at(f, 1))
            p.drawLine(at(0, f), at(1, f))
        text = QPen(QColor("#455a64"))
        p.setPen(text)
        for i in range(0, 11, 2):
            f = i / 10
            label = f"{i * 10}%"
            p.drawText(at(f, 0) + QPointF(-metrics.horizontalAdvance(label) / 2, metrics.ascent() + 3), label)
            p.drawText(at(0, f) + QPointF(-metrics.horizontalAdvance(label) - 4, metrics.ascent() / 2 - 1), label)
        axis = self.tr("Share of clients (biggest first) → share of business")
        p.drawText(QPointF(area.left() + (area.width() - metrics.horizontalAdvance(axis)) / 2,
                           self.height() - 4), axis)
        dashed = QPen(QColor("#90a4ae"))
        dashed.setStyle(Qt.PenStyle.DashLine)
        p.setPen(dashed)
        p.drawLine(at(0, 0), at(1, 1))
        if len(self.curve) > 1:
            p.setPen(QPen(QColor("#1565c0"), 2))
            p.drawPolyline(QPolygonF([at(float(x), float(y)) for x, y in self.curve]))
        if self.top20 is not None:
            mark = QPen(QColor("#c62828"))
            mark.setStyle(Qt.PenStyle.DotLine)
            p.setPen(mark)
            share = float(self.top20)
            p.drawLine(at(0.2, 0), at(0.2, share))
            p.drawLine(at(0, share), at(0.2, share))
            p.setPen(QPen(QColor("#c62828")))
            p.drawText(at(0.2, share) + QPointF(6, metrics.ascent()),
                       self.tr("top 20%: %1 of business").replace("%1", percent(self.top20)))
        p.end()


class ReportsPage(QWidget):
    OVERVIEW, INSIGHTS, WORK, TEAM = 0, 1, 2, 3

    def __init__(self, store: Store, open_client: Callable[[int], object] | None = None) -> None:
        super().__init__()
        self.store = store
        self.table = read_only_table()
        self.table.setFixedHeight(280)

        self.period = QComboBox()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh_targets())
        self.qualified = QLabel()
        self.qualified.setWordWrap(True)
        self.target_grid = QGridLayout()
        self.target_grid.setColumnStretch(1, 1)
        self.bars: dict[str, QProgressBar] = {}
        self.bar_texts: dict[str, QLabel] = {}
        for row, measure in enumerate(targets.MEASURES):
            bar = QProgressBar()
            bar.setRange(0, BAR_SCALE)
            bar.setTextVisible(False)
            bar.setMaximumHeight(16)
            self.bars[measure] = bar
            self.bar_texts[measure] = QLabel()
            self.target_grid.addWidget(QLabel(i18n.message(f"field.{measure}")), row, 0)
            self.target_grid.addWidget(bar, row, 1)
            self.target_grid.addWidget(self.bar_texts[measure], row, 2)

        self.week_grid = QGridLayout()
        self.week_grid.setColumnStretch(1, 1)
        self.week_bars: list[tuple[QLabel, QProgressBar, QLabel]] = []
        self.goal_line = QLabel()

        self.tiers = read_only_table()
        self.tiers.setFixedHeight(280)
        self.scheme_line = QLabel()
        self.chart = ParetoChart()

        body = QWidget()
        layout = QVBoxLayout(body)
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("Targets")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Period")))
        head.addWidget(self.period)
        layout.addLayout(head)
        layout.addWidget(self.qualified)
        layout.addLayout(self.target_grid)
        layout.addSpacing(12)
        layout.addWidget(heading(self.tr("Activity per week")))
        layout.addWidget(self.goal_line)
        layout.addLayout(self.week_grid)
        layout.addSpacing(12)
        layout.addWidget(heading(self.tr("Tiers")))
        layout.addWidget(self.scheme_line)
        tier_row = QHBoxLayout()
        tier_row.addWidget(self.tiers, 1)
        tier_row.addWidget(self.chart, 1)
        layout.addLayout(tier_row)
        layout.addSpacing(12)
        layout.addWidget(heading(self.tr("Pipeline funnel")))
        layout.addWidget(self.table)
        layout.addStretch(1)
        # Tabs: the overview above, the insight reports, the work reports (痕迹管理).
        overview = QWidget()
        set_scrolling_body(overview, body)
        self.insights = InsightsPanel(store, open_client)
        insight_page = QWidget()
        set_scrolling_body(insight_page, self.insights)
        self.work = WorkReportPanel(store)
        work_page = QWidget()
        set_scrolling_body(work_page, self.work)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(insight_page, self.tr("Insights"))
        self.tabs.addTab(work_page, self.tr("Work reports"))
        # a team lead (team mode): the team's handed-in work reports, to comment on and sign off
        self.team_review: TeamReviewPanel | None = None
        if workreport_review.reviewer(store).lead:
            self.team_review = TeamReviewPanel(store)
            self.tabs.addTab(self.team_review, self.tr("Team's reports"))
        self.tabs.currentChanged.connect(self._tab_shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        if index == self.INSIGHTS and self.insights.result is None and self.insights.job is None:
            self.insights.refresh()
        elif index == self.WORK:
            self.work.load()
        elif index == self.TEAM and self.team_review is not None:
            self.team_review.load()

    def team_changed(self, tables: set[str]) -> None:
        """Another user's change reached the team database: the review follows (a new report
        handed in, a comment, a sign-off); a draft being typed is left alone."""
        if not tables & {"work_reports", "work_report_comments", "*"}:
            return
        if self.tabs.currentIndex() == self.TEAM and self.team_review is not None:
            self.team_review.load()
        elif self.tabs.currentIndex() == self.WORK and self.work.view is not None and not self.work.view.editable:
            self.work.load()

    def stop(self) -> None:
        self.insights.stop()
        self.work.stop()

    def refresh(self) -> None:
        rows = funnel(self.store)
        body = [(None, [step_label(r.step), str(r.active), str(r.won), str(r.nurture), str(r.lost),
                        str(r.active + r.won + r.nurture + r.lost)]) for r in rows]
        totals = [sum(getattr(r, f) for r in rows) for f in ("active", "won", "nurture", "lost")]
        body.append((None, [self.tr("Total"), *map(str, totals), str(sum(totals))]))
        fill_table(self.table, [self.tr("Step"), self.tr("Active"), self.tr("Won"), self.tr("Nurture"),
                                self.tr("Lost"), self.tr("All")], body)
        year = clock.today().year
        wanted = [str(year), str(year - 1), f"{year}-H2", f"{year}-H1"]
        if [self.period.itemData(i) for i in range(self.period.count())] != wanted:
            self.period.blockSignals(True)
            self.period.clear()
            for period in wanted:
                self.period.addItem(period, period)
            self.period.blockSignals(False)
        self.refresh_targets()
        self.refresh_activity()
        self.refresh_tiers()
        if self.tabs.currentIndex() == self.INSIGHTS:
            self.insights.refresh()
        elif self.tabs.currentIndex() == self.WORK:
            self.work.load()
        elif self.tabs.currentIndex() == self.TEAM and self.team_review is not None:
            self.team_review.load()

    def refresh_targets(self) -> None:
        period = self.period.currentData()
        if not period:
            return
        lang = i18n.language()
        report = targets.report(self.store, period)
        for line in report.lines:
            self.bars[line.measure].setValue(int(min(line.ratio, Decimal(1)) * BAR_SCALE))
            self.bars[line.measure].setStyleSheet(
                "QProgressBar::chunk { background: %s; }" % ("#2e7d32" if line.reached else "#1976d2"))
            self.bar_texts[line.measure].setText(
                self.tr("%1 of %2 (%3)").replace("%1", measure_value(line.measure, line.actual, lang))
                .replace("%2", measure_value(line.measure, line.target, lang)).replace("%3", percent(line.ratio)))
        if report.qualified:
            self.qualified.setStyleSheet("color: #2e7d32;")
            self.qualified.setText(self.tr("The full relationship-manager threshold is met: %1 and %2.")
                                   .replace("%1", i18n.message("field.avg_deposits"))
                                   .replace("%2", i18n.message(f"field.{report.qualified_by}")))
        else:
            self.qualified.setStyleSheet("color: #607d8b;")
            self.qualified.setText(self.tr(
                "The full relationship-manager threshold needs the deposit target and one of: the loan target, "
                "the new-deposit target with a loan balance, or the settlement target with a loan balance."))

    def refresh_activity(self) -> None:
        weeks = targets.weekly_activity(self.store, 8)
        self.goal_line.setText(self.tr("Goal: %1 contacts per working day (visits, calls and other contacts)")
                               .replace("%1", str(targets.get_daily_goal(self.store))))
        while len(self.week_bars) < len(weeks):
            row = len(self.week_bars)
            cells = (QLabel(), QProgressBar(), QLabel())
            cells[1].setTextVisible(False)
            cells[1].setMaximumHeight(16)
            for col, widget in enumerate(cells):
                self.week_grid.addWidget(widget, row, col)
            self.week_bars.append(cells)
        for (label, bar, text), week in zip(self.week_bars, weeks, strict=False):
            label.setText(self.tr("Week of %1").replace("%1", formatting.day(week.start)))
            bar.setRange(0, max(week.goal, 1))
            bar.setValue(min(week.total, max(week.goal, 1)))
            bar.setStyleSheet("QProgressBar::chunk { background: %s; }"
                              % ("#2e7d32" if week.total >= week.goal else "#1976d2"))
            text.setText(self.tr("%1 of %2 · visits %3, calls %4, other %5 · %6 working days")
                         .replace("%1", str(week.total)).replace("%2", str(week.goal))
                         .replace("%3", str(week.visits)).replace("%4", str(week.calls))
                         .replace("%5", str(week.other)).replace("%6", str(week.working_days)))

    def refresh_tiers(self) -> None:
        lang = i18n.language()
        scheme = tiering.get_scheme(self.store)
        view = tiering.overview(self.store)
        self.scheme_line.setText(self.tr("Scheme: %1. Business = average deposits + loans of each client's "
                                         "latest period.").replace("%1", tiering.scheme_label(scheme, lang)))
        total = view.total_business
        rows = []
        for line in view.lines:
            if line.tier is None and not line.clients:
                continue
            share = percent(line.business / total) if total else ""
            rows.append((None, [i18n.label("tier", line.tier) if line.tier else self.tr("No tier"),
                                str(line.clients), formatting.money(line.business, lang), share,
                                formatting.money(line.fee_income, lang)]))
        fill_table(self.tiers, [self.tr("Tier"), self.tr("Clients"), self.tr("Business"), self.tr("Share"),
                                self.tr("Fee income")], rows)
        self.chart.set_curve(view.curve, view.top20_share)
