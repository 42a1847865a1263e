"""Work reports as XLSX: one sheet, the header lines on top, then each section's table
(its title in bold), then the RM's own texts. Cells that start with = + - @ get a leading
apostrophe (never a formula)."""

from __future__ import annotations

import os

from rmdesk.files import atomic_output
from rmdesk.formats.report_doc import ReportDocument
from rmdesk.formats.tabular import escape


def render_report_xlsx(doc: ReportDocument, path: str | os.PathLike) -> int:
    """Write the report; returns the number of rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = doc.title[:31]
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="EEF3F8")
    row = 1

    def put(values: list[str], font=None, shaded: bool = False) -> None:
        nonlocal row
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=col, value=escape(value))
            if font is not None:
                cell.font = font
            if shaded:
                cell.fill = fill
        row += 1

    put([doc.title], title_font)
    put([" · ".join(filter(None, [doc.bank, doc.branch, doc.rm_name]))])
    put([doc.period_text])
    put([doc.status_text])
    for section in doc.sections:
        row += 1
        put([section.title], bold)
        put(section.header, bold, shaded=True)
        for values in section.rows:
            put(values)
        if not section.rows and section.empty:
            put([section.empty])
        if section.note:
            put([section.note])
    for block in doc.texts:
        row += 1
        put([block.title], bold)
        for line in (block.text or "—").splitlines() or [""]:
            put([line])
    widths = [22, 30, 14, 14, 14, 14, 14, 14]
    for i, w in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = w
    with atomic_output(path) as temp:
        book.save(temp)
    return row - 1
