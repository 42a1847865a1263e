"""Work reports (daily log, weekly summary, monthly market report) as A4 PDF: the RM's name,
bank, branch and period in the header of every page, page numbers in the footer, the
embedded CJK font (fonts.py), tables with a bar chart where a section has one (reportlab's
own graphics, drawn like the app's chart: bars against a goal mark)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from rmdesk.files import atomic_output
from rmdesk.formats.callplan_pdf import ACCENT, INK, LANG_TAGS, RULE, SHADE, PrintCancelled, _numbered_canvas
from rmdesk.formats.fonts import pdf_font
from rmdesk.formats.report_doc import SERIES_COLOURS, Chart, ReportDocument, Section, figure

MARGIN = 16 * mm
LONG_TABLE = 20  # rows: a section's charts go above a longer table
CELL_SIZE = 8  # points, a table cell's text (the cell style's size)
BAR = colors.HexColor("#1976d2")
BAR_DONE = colors.HexColor("#2e7d32")
GOAL = colors.HexColor("#c62828")
SERIES = tuple(colors.HexColor(c) for c in SERIES_COLOURS)  # the app's colours, in order


class _Styles:
    def __init__(self, font: str) -> None:
        base = dict(fontName=font, textColor=INK, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontSize=8.5, leading=11.5, **base)
        self.cell = ParagraphStyle("cell", fontSize=8, leading=10.5, **base)
        self.cell_head = ParagraphStyle("cell_head", fontSize=8, leading=10.5, **{**base, "textColor": ACCENT})
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.cell_head_right = ParagraphStyle("cell_head_right", parent=self.cell_head, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", fontSize=16, leading=21, spaceAfter=2, **{**base, "textColor": ACCENT})
        self.meta = ParagraphStyle("meta", fontSize=9, leading=12.5, **base)
        self.h2 = ParagraphStyle("h2", fontSize=10.5, leading=14, spaceBefore=7, spaceAfter=3,
                                 **{**base, "textColor": ACCENT})
        self.note = ParagraphStyle("note", fontSize=8, leading=11, **{**base, "textColor": colors.HexColor("#546e7a")})
        self.head = ParagraphStyle("head", fontSize=8, leading=10.5, **base)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def bar_chart(bars: list[tuple[str, float, float | None]], width: float, font: str) -> Drawing:
    """Vertical bars with their value on top and a red mark at each goal."""
    height = 110.0
    d = Drawing(width, height, initialFontName=font)  # else Times-Roman is referenced, not embedded
    top = max([b[1] for b in bars] + [b[2] or 0 for b in bars] + [1.0])
    left, bottom, chart_h = 4.0, 16.0, height - 30.0
    slot = (width - left) / max(len(bars), 1)
    d.add(Line(left, bottom, width, bottom, strokeColor=RULE, strokeWidth=0.6))
    for i, (label, value, goal) in enumerate(bars):
        x = left + i * slot + slot * 0.2
        w = slot * 0.6
        h = chart_h * value / top
        reached = goal is not None and value >= goal
        d.add(Rect(x, bottom, w, h, fillColor=BAR_DONE if reached else BAR, strokeColor=None))
        d.add(String(x + w / 2, bottom + h + 2, f"{value:g}", fontName=font, fontSize=6.5, textAnchor="middle",
                     fillColor=INK))
        if goal is not None:
            y = bottom + chart_h * goal / top
            d.add(Line(x - 2, y, x + w + 2, y, strokeColor=GOAL, strokeWidth=1.2))
        d.add(String(x + w / 2, 4, label, fontName=font, fontSize=6.5, textAnchor="middle", fillColor=INK))
    return d


def chart_drawing(chart: Chart, width: float, font: str) -> Drawing:
    """A chart with reportlab's own graphics (charts.barcharts / charts.linecharts): the
    app's colours, each bar's number on top, a legend when there are several series."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.widgets.markers import makeMarker

    many = len(chart.categories) > 8
    height = 170.0 if many else 150.0
    d = Drawing(width, height, initialFontName=font)  # else Times-Roman is referenced, not embedded
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 40, 34 if many else 22
    plot.width, plot.height = width - 50, height - plot.y - 34
    data = [tuple(float(v or 0) for v in values) for _name, values in chart.series] or [(0.0,)]
    plot.data = data
    peak = max([v for row in data for v in row] + [0.0])
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = peak * 1.15 if peak > 0 else 1
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 6.5
    plot.valueAxis.labelTextFormat = figure
    plot.valueAxis.strokeColor = RULE
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    names = list(chart.categories) or [""]
    step = -(-len(names) // 18)  # at most 18 labels under the axis (a year of weeks: every 3rd)
    plot.categoryAxis.categoryNames = [n if i % step == 0 else "" for i, n in enumerate(names)]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 6.5
    plot.categoryAxis.strokeColor = RULE
    if many:
        plot.categoryAxis.labels.angle = 35
        plot.categoryAxis.labels.boxAnchor = "ne"
        plot.categoryAxis.labels.dy = -2
    palette = [colors.HexColor(c) for c in chart.colours] or list(SERIES)
    if chart.kind == "bar":
        plot.strokeColor = None
        plot.barSpacing = 1
        plot.groupSpacing = 6
        for i in range(len(data)):
            plot.bars[i].fillColor = palette[i % len(palette)]
            plot.bars[i].strokeColor = None
        if len(chart.categories) * len(data) <= 24:
            plot.barLabelFormat = figure
            plot.barLabels.fontName = font
            plot.barLabels.fontSize = 6
            plot.barLabels.nudge = 5
    else:
        plot.joinedLines = 1
        for i in range(len(data)):
            plot.lines[i].strokeColor = palette[i % len(palette)]
            plot.lines[i].strokeWidth = 1.4
            plot.lines[i].symbol = makeMarker("FilledCircle", size=2.5)
    d.add(plot)
    d.add(String(0, height - 10, chart.title, fontName=font, fontSize=8, fillColor=ACCENT))
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = width - 4, height - 6
        legend.alignment = "right"
        legend.boxAnchor = "ne"
        legend.columnMaximum = 1
        legend.deltax = 60
        legend.dx = legend.dy = 6
        legend.fontName = font
        legend.fontSize = 7
        legend.colorNamePairs = [(palette[i % len(palette)], name) for i, (name, _v) in enumerate(chart.series)]
        d.add(legend)
    return d


class ReportWriter:
    def __init__(self, doc: ReportDocument) -> None:
        self.doc = doc
        self.font = pdf_font()
        self.s = _Styles(self.font.name)

    def table(self, section: Section, width: float) -> Table:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        n = len(section.header)
        right = [i < len(section.formats) and bool(section.formats[i]) for i in range(n)]  # numbers
        weights = section.widths if len(section.widths) == n else [1.0] * n
        widths = [width * w / sum(weights) for w in weights]

        def cell(text: str, i: int):
            # a text that fits on one line is drawn as it is (laying out a Paragraph is the slow
            # part of a long table); a longer one wraps in a Paragraph
            if "\n" not in text and stringWidth(text, self.font.name, CELL_SIZE) <= widths[i] - 7:
                return text
            return _p(text, self.s.cell_right if right[i] else self.s.cell)

        rows = [[_p(h, self.s.cell_head_right if right[i] else self.s.cell_head) for i, h in enumerate(section.header)]]
        rows += [[cell(c, i) for i, c in enumerate(row)] for row in section.rows]
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font.name),  # never Helvetica
                               ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE), ("LEADING", (0, 0), (-1, -1), 10.5),
                               ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                               *[("ALIGN", (i, 0), (i, -1), "RIGHT") for i in range(n) if right[i]],
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return t

    def header(self, c, page: int, pages: int) -> None:
        d = self.doc
        c.saveState()
        c.setFont(self.font.name, 8)
        c.setFillColor(INK)
        left = " · ".join(filter(None, [d.bank, d.branch, d.rm_name]))
        c.drawString(MARGIN, A4[1] - 10 * mm, left)
        c.drawRightString(A4[0] - MARGIN, A4[1] - 10 * mm, f"{d.title} · {d.period_text}")
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.8)
        c.line(MARGIN, A4[1] - 11.5 * mm, A4[0] - MARGIN, A4[1] - 11.5 * mm)
        c.drawString(MARGIN, 8 * mm, d.footer_text)
        c.drawRightString(A4[0] - MARGIN, 8 * mm, d.page_text.format(page=page, pages=pages))
        c.restoreState()

    def write(self, target: str | BinaryIO, progress: Callable[[int, int], bool] | None = None) -> int:
        """Lay out and write the PDF; returns the page count. `progress(done, total)` is told
        flowable by flowable; when it returns False the layout stops (PrintCancelled)."""
        d = self.doc
        doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm,
                                bottomMargin=16 * mm, title=f"{d.title} {d.period_text}", author=d.rm_name,
                                creator="rmdesk", lang=LANG_TAGS.get(d.lang, "en"),
                                # every page starts in the embedded font (reportlab's default
                                # start font, Helvetica, is never embedded)
                                initialFontName=self.font.name)
        width = doc.width - 12
        story: list = [_p(d.title, self.s.title),
                       _p(" · ".join(filter(None, [d.period_text, d.rm_name, d.branch, d.status_text])), self.s.meta),
                       Spacer(1, 4)]
        for section in d.sections:
            if section.new_page:
                story.append(PageBreakIfNotEmpty())
            head = [_p(section.title, self.s.h2)]
            if section.rows:
                body = [self.table(section, width)]
            else:
                body = [_p(section.empty, self.s.note)]
            if section.note:
                body.append(_p(section.note, self.s.note))
            if section.bars:
                body.append(bar_chart(section.bars, width, self.font.name))
            drawn = [chart_drawing(chart, width, self.font.name) for chart in section.charts if chart.categories]
            if len(section.rows) > LONG_TABLE:  # the charts first, the long table after them
                body = drawn + body
                keep = 1
            else:  # a table with its first chart on one page when they fit (KeepTogether splits what cannot)
                keep = len(body) + 1 if drawn else 1
                body += drawn
            story.append(KeepTogether(head + body[:keep]))
            story += body[keep:]
        for block in d.texts:
            story += [_p(block.title, self.s.h2), _p(block.text or "—", self.s.body)]
        if progress is not None:
            total, done = len(story), [0]  # build() consumes the story (and puts back the parts it splits)

            def on_layout(kind: str, value: int) -> None:
                if kind == "PROGRESS":
                    done[0] = max(done[0], min(value, total))
                    if not progress(done[0], total):
                        raise PrintCancelled()

            doc.setProgressCallBack(on_layout)
        pages: list[int] = []
        doc.build(story, canvasmaker=_numbered_canvas(lambda c, n, total: (self.header(c, n, total),
                                                                            pages.append(total)),
                                                      self.font.name))
        return pages[-1] if pages else 0


def render_report(doc: ReportDocument, path: str | os.PathLike) -> int:
    """Write the report as PDF (through a temporary file); returns the page count."""
    with atomic_output(path) as temp:
        return ReportWriter(doc).write(str(temp))  # reportlab takes a str, not a Path
