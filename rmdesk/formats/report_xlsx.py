"""Work reports and insight reports as XLSX: the header lines on top, then each section's
table (its title in bold), then the RM's own texts. A work report is one sheet; sections
that name a sheet (the insight reports) go on that sheet, one sheet per report, each with
the header lines. A section with `values` writes numbers as numbers with its column
formats, and its charts as native Excel charts beside the table. Text cells that start
with = + - @ get a leading apostrophe (never a formula)."""

from __future__ import annotations

import os

from rmdesk.files import atomic_output
from rmdesk.formats.report_doc import SERIES_COLOURS, Chart, ReportDocument, Section
from rmdesk.formats.tabular import escape

WIDTHS = [22, 30, 14, 14, 14, 14, 14, 14]
PALETTE = SERIES_COLOURS
CHART_COLUMN = 10  # charts start in column J, right of the widest insight table


def _sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")[:31] or "Sheet"
    found, n = clean, 2
    while found.lower() in taken:
        found = f"{clean[:28]} {n}"
        n += 1
    taken.add(found.lower())
    return found


def _chart(chart: Chart, sheet, first_row: int, count: int):
    """A native bar or line chart over the table's columns (the header row names the series)."""
    from openpyxl.chart import BarChart, LineChart, Reference

    native = BarChart() if chart.kind == "bar" else LineChart()
    if chart.kind == "bar":
        native.type = "col"
    native.title = chart.title
    native.height, native.width = 7.5, 16
    native.y_axis.majorGridlines = None
    native.y_axis.delete = False
    native.x_axis.delete = False
    for col in chart.value_cols:
        ref = Reference(sheet, min_col=col + 1, min_row=first_row - 1, max_row=first_row + count - 1)
        native.add_data(ref, titles_from_data=True)
    cats = Reference(sheet, min_col=chart.category_col + 1, min_row=first_row, max_row=first_row + count - 1)
    native.set_categories(cats)
    for i, series in enumerate(native.series):  # the PDF's and the app's colours
        colour = (chart.colours or PALETTE)[i % len(chart.colours or PALETTE)].lstrip("#").upper()
        if chart.kind == "bar":
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
        else:
            series.graphicalProperties.line.solidFill = colour
    if len(chart.value_cols) == 1:
        native.legend = None
    return native


class _Sheet:
    """Writes rows one under the other on one worksheet."""

    def __init__(self, sheet, fill) -> None:
        self.sheet, self.fill, self.row = sheet, fill, 1

    def put(self, values: list, font=None, shaded: bool = False, formats: list[str] | None = None) -> None:
        for col, value in enumerate(values, start=1):
            typed = not isinstance(value, str)
            cell = self.sheet.cell(row=self.row, column=col, value=value if typed else escape(value))
            if typed and formats and col <= len(formats) and formats[col - 1]:
                cell.number_format = formats[col - 1]
            if font is not None:
                cell.font = font
            if shaded:
                cell.fill = self.fill
        self.row += 1


def render_report_xlsx(doc: ReportDocument, path: str | os.PathLike) -> int:
    """Write the report; returns the number of rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="EEF3F8")
    taken: set[str] = set()
    written = 0
    sheets: dict[str, list[Section]] = {}
    for section in doc.sections:
        sheets.setdefault(section.sheet, []).append(section)
    for number, (name, sections) in enumerate(sheets.items() or [("", [])]):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = _sheet_name(name or doc.title, taken)
        out = _Sheet(sheet, fill)
        charts_at = 1
        out.put([doc.title], title_font)
        out.put([" · ".join(filter(None, [doc.bank, doc.branch, doc.rm_name]))])
        out.put([doc.period_text])
        out.put([doc.status_text])
        for section in sections:
            out.row += 1
            out.put([section.title], bold)
            out.put(section.header, bold, shaded=True)
            first = out.row
            for i, values in enumerate(section.rows):
                typed = section.values[i] if i < len(section.values) else None
                out.put(typed if typed is not None else values, formats=section.formats)
            if not section.rows and section.empty:
                out.put([section.empty])
            if section.note:
                out.put([section.note])
            for chart in section.charts:
                count = len(section.rows) if chart.rows is None else min(chart.rows, len(section.rows))
                if section.values and chart.value_cols and count:
                    anchor = sheet.cell(row=max(charts_at, first - 2), column=CHART_COLUMN).coordinate
                    sheet.add_chart(_chart(chart, sheet, first, count), anchor)
                    charts_at = max(charts_at, first - 2) + 16
        if number == 0:
            for block in doc.texts:
                out.row += 1
                out.put([block.title], bold)
                for line in (block.text or "—").splitlines() or [""]:
                    out.put([line])
        for i, w in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + i)].width = w
        written += out.row - 1
    with atomic_output(path) as temp:
        book.save(temp)
    return written
