"""A work report as a document (no database): what the PDF and XLSX writers print.
The services build it; rmdesk/formats/report_pdf.py and report_xlsx.py write it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


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


def write_atomically(path: str | os.PathLike, write: Callable[[str], None]) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=".rmdesk-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
