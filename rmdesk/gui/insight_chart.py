"""A chart of an insight report on the Reports page, drawn with QPainter from the same
Chart the PDF draws with reportlab (services/insight_reports.py builds both): grouped bars
or lines in the same colours, each bar's number on top, a legend for several series, a
value axis with grid lines. A click on a bar emits the clients behind it (their ids, or the
report's Drill that fetches them when asked)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from rmdesk.formats.report_doc import SERIES_COLOURS, Chart, figure

INK, ACCENT, RULE, GRID = "#1f2d3d", "#1f4e79", "#b8c4d0", "#e3e8ee"
MAX_LABELS = 18  # category labels under the axis at most (the PDF's rule)


class ChartView(QWidget):
    clicked = Signal(str, object)  # "category · series", the clients behind the bar

    def __init__(self, height: int = 210) -> None:
        super().__init__()
        self.chart: Chart | None = None
        self.ids: list[list[object]] = []  # per series, per category: ids, a Drill or None
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, self.minimumHeight())

    def set_chart(self, chart: Chart | None, ids: list[list[object]] | None = None) -> None:
        self.chart, self.ids = chart, ids or []
        self.setVisible(chart is not None and bool(chart.categories))
        self.update()

    def colours(self) -> list[QColor]:
        assert self.chart is not None
        return [QColor(c) for c in (self.chart.colours or SERIES_COLOURS)]

    def _values(self) -> list[list[float]]:
        assert self.chart is not None
        return [[float(v or 0) for v in values] for _name, values in self.chart.series]

    def _scale(self) -> tuple[float, float]:
        """The value axis' top and its step: a round step (1, 2, 2.5 or 5 times a power of
        ten) that covers the highest value with some room in about four steps."""
        peak = max([v for row in self._values() for v in row] + [0.0]) * 1.08
        if peak <= 0:
            return 1.0, 0.25
        rough = peak / 4
        power = 10 ** math.floor(math.log10(rough))
        step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
        return step * math.ceil(peak / step), step

    def _area(self) -> tuple[QRectF, float]:
        metrics = self.fontMetrics()
        top, _step = self._scale()
        left = metrics.horizontalAdvance(figure(top)) + 10
        head = metrics.height() * 2 + 6
        return QRectF(left, head, self.width() - left - 8, self.height() - head - metrics.height() - 8), top

    def _bars(self) -> list[tuple[int, int, QRectF]]:
        """(series, category, rectangle) of every bar."""
        area, top = self._area()
        values = self._values()
        count = len(self.chart.categories) if self.chart else 0
        if not count or not values:
            return []
        slot = area.width() / count
        group = slot * 0.75
        width = group / len(values)
        out = []
        for c in range(count):
            for s, row in enumerate(values):
                h = area.height() * row[c] / top
                x = area.left() + c * slot + (slot - group) / 2 + s * width
                out.append((s, c, QRectF(x + 0.5, area.bottom() - h, max(width - 1, 1), h)))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if self.chart is None or not self.chart.categories:
            return
        chart = self.chart
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        area, top = self._area()
        colours = self.colours()
        p.setPen(QPen(QColor(ACCENT)))
        p.drawText(QPointF(4, metrics.ascent() + 2), chart.title)
        if len(chart.series) > 1:  # the legend, right-aligned on the title's line (or under it)
            wide = sum(metrics.horizontalAdvance(name) + 28 for name, _v in chart.series)
            line = 0 if metrics.horizontalAdvance(chart.title) + wide + 16 < self.width() else metrics.height()
            x = self.width() - 8
            for i, (name, _v) in reversed(list(enumerate(chart.series))):
                x -= metrics.horizontalAdvance(name)
                p.setPen(QPen(QColor(INK)))
                p.drawText(QPointF(x, line + metrics.ascent() + 2), name)
                x -= 14
                p.fillRect(QRectF(x, line + 3, 9, 9), colours[i % len(colours)])
                x -= 14
        _top, step = self._scale()
        for i in range(round(top / step) + 1):  # grid and value labels
            value = step * i
            y = area.bottom() - area.height() * value / top
            p.setPen(QPen(QColor(GRID if i else RULE)))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(QPen(QColor(INK)))
            label = figure(round(value, 2))
            p.drawText(QPointF(area.left() - metrics.horizontalAdvance(label) - 4, y + metrics.ascent() / 2 - 1), label)
        count = len(chart.categories)
        slot = area.width() / count
        step = -(-count // MAX_LABELS)
        for c, name in enumerate(chart.categories):
            if c % step == 0:
                p.drawText(QRectF(area.left() + c * slot - 20, area.bottom() + 3, slot + 40, metrics.height()),
                           Qt.AlignmentFlag.AlignCenter, name)
        values = self._values()
        if chart.kind == "bar":
            labelled = count * len(values) <= 24
            for s, c, rect in self._bars():
                p.fillRect(rect, colours[s % len(colours)])
                if labelled:
                    p.setPen(QPen(QColor(INK)))
                    p.drawText(QRectF(rect.center().x() - 40, rect.top() - metrics.height() - 1, 80, metrics.height()),
                               Qt.AlignmentFlag.AlignCenter, figure(values[s][c]))
        else:
            for s, row in enumerate(values):
                points = [QPointF(area.left() + (c + 0.5) * slot, area.bottom() - area.height() * v / top)
                          for c, v in enumerate(row)]
                p.setPen(QPen(colours[s % len(colours)], 2))
                p.drawPolyline(QPolygonF(points))
                p.setBrush(colours[s % len(colours)])
                for point in points:
                    p.drawEllipse(point, 2.5, 2.5)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.chart is not None and self.chart.kind == "bar":
            area, _top = self._area()
            for s, c, rect in self._bars():
                hit = QRectF(rect.left(), area.top(), rect.width(), area.height())
                ids = self.ids[s][c] if s < len(self.ids) and c < len(self.ids[s]) else ()
                if hit.contains(event.position()) and ids:
                    self.clicked.emit(f"{self.chart.categories[c]} · {self.chart.series[s][0]}", ids)
                    return
        super().mousePressEvent(event)
