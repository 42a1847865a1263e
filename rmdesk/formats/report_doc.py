"""A work report as a document (no database): what the PDF and XLSX writers print.
The services build it; rmdesk/formats/report_pdf.py and report_xlsx.py write it."""

from __future__ import annotations

from dataclasses import dataclass, field

# The series colours of every chart, in order: the app's blue, green, red and amber (the
# PDF, the XLSX and the Reports page draw with them).
SERIES_COLOURS = ("#1976d2", "#2e7d32", "#c62828", "#f9a825")


def figure(value: float) -> str:
    """A bar's or point's number: whole numbers as such, others with one decimal (as the
    tables' days)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


@dataclass(frozen=True)
class Chart:
    """A chart of a section's table, drawn under it (reportlab.graphics in the PDF, a native
    chart in the XLSX). `series` holds the numbers the PDF draws; the XLSX refers to the
    same numbers in the table: `category_col` and `value_cols` of the section's `values`,
    their first `rows` rows (None: all; a total line left out)."""

    kind: str  # "bar" or "line"
    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (name, one value per category)
    unit: str = ""  # the value axis' unit, e.g. 万元 or days (already in the title)
    category_col: int = 0
    value_cols: tuple[int, ...] = ()
    rows: int | None = None
    colours: tuple[str, ...] = ()  # one "#rrggbb" a series (default: the app's blue, green, red)


@dataclass(frozen=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    empty: str = ""  # shown when there are no rows
    # An optional bar chart: (label, value, goal or None), drawn under the table.
    bars: list[tuple[str, float, float | None]] = field(default_factory=list)
    # The insight reports: the cells as numbers for the XLSX (same shape as rows; None for
    # an empty cell), an Excel number format per column ("" for text; the PDF aligns the
    # others right), charts, the sheet
    # the section goes on (sections with one name share a sheet), a new PDF page before it.
    values: list[list[object]] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    sheet: str = ""
    new_page: bool = False
    widths: list[float] = field(default_factory=list)  # relative column widths (default: equal)


@dataclass(frozen=True)
class TextBlock:
    title: str
    text: str


@dataclass(frozen=True)
class ReportDocument:
    title: str  # 工作日志 / Weekly summary ...
    period_text: str  # the period in words
    rm_name: str
    bank: str
    branch: str
    status_text: str  # draft / submitted on ... (version n)
    lang: str
    sections: list[Section]
    texts: list[TextBlock]  # the RM's own notes, plan, observations
    footer_text: str = ""  # e.g. "printed 2026-11-23 09:30"
    page_text: str = "{page} / {pages}"  # filled per page
