"""A work report as a document (no database): what the PDF and XLSX writers print.
The services build it; rmdesk/formats/report_pdf.py and report_xlsx.py write it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    empty: str = ""  # shown when there are no rows
    # An optional bar chart: (label, value, goal or None), drawn under the table.
    bars: list[tuple[str, float, float | None]] = field(default_factory=list)


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
