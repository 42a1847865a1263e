"""Tables in and out: reading and writing CSV / XLSX files (no store access here).

Reading: CSV in UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes),
delimiter sniffed among , ; tab; XLSX through openpyxl (first sheet). Every cell
comes back as text ('' for empty); numbers and dates from XLSX become their plain
text (1234.5, 2026-11-23) so the service-layer validators see the same input as
from CSV.

Writing: CSV as UTF-8 with BOM (Excel then opens Chinese text right) or XLSX with
every cell as text (exact: no float rounding of money, no lost leading zeros).
Cells that start with = + - @ (or tab / CR) are written with a leading apostrophe
so that a spreadsheet never runs them as a formula (CSV/formula injection);
`unescape` strips it again on import, so files round-trip without loss.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from rmdesk.errors import ValidationError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_FILE_BYTES = 200 * 1024 * 1024
csv.field_size_limit(64 * 1024 * 1024)  # big cells reach the validators (too long) instead of failing here


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]  # each padded/truncated to len(headers)
    encoding: str | None = None  # CSV: the encoding found
    line_numbers: list[int] | None = None  # each row's number in the file (the header is 1)


def escape(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape(text: str) -> str:
    # "\n" too: an XLSX file turns an escaped "\r" into "\n"
    return text[1:] if text.startswith("'") and text[1:].startswith((*FORMULA_START, "\n")) else text


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise ValidationError("import.unknown_format", None, suffix=suffix or "?")


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 (BOM or not), else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise ValidationError("import.bad_encoding", None) from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ValidationError("import.bad_encoding", None)


def _normalise(headers: list[str], body: Iterable[Sequence[object]]) -> Table:
    headers = [str(h or "").strip().lstrip("\ufeff") for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise ValidationError("import.no_header", None)
    width = len(headers)
    rows, numbers = [], []
    for number, raw in enumerate(body, start=2):
        cells = [unescape(_cell_text(c)) for c in raw]
        if not any(c.strip() for c in cells):
            continue  # blank line
        cells = (cells + [""] * width)[:width]
        rows.append(cells)
        numbers.append(number)
    return Table(headers, rows, line_numbers=numbers)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value)


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; ValidationError with an import.* key when it cannot."""
    path = Path(path)
    kind = _kind(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError("import.cannot_read", None, path=str(path), reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise ValidationError("import.empty", None)
    if size > MAX_FILE_BYTES:
        raise ValidationError("import.too_big", None, mb=MAX_FILE_BYTES // (1024 * 1024))
    if kind == "csv":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError("import.cannot_read", None, path=str(path), reason=exc.strerror or "") from None
        return parse_csv(data)
    return _read_xlsx(path)


def parse_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    if "\x00" in text:
        raise ValidationError("import.bad_encoding", None)
    if not text.strip():
        raise ValidationError("import.empty", None)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        reader = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ValidationError("import.bad_csv", None, reason=str(exc)) from None
    if not reader:
        raise ValidationError("import.empty", None)
    table = _normalise(reader[0], reader[1:])
    table.encoding = encoding
    return table


def _read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ValidationError("import.bad_xlsx", None, reason=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise ValidationError("import.empty", None)
        rows = sheet.iter_rows(values_only=True)
        try:
            header = next(rows)
        except StopIteration:
            raise ValidationError("import.empty", None) from None
        return _normalise([_cell_text(h) for h in header], rows)
    finally:
        book.close()


# ---------------------------------------------------------------- writing

def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV (UTF-8 with BOM) or XLSX file by its extension; returns the row count."""
    path = Path(path)
    kind = _kind(path)
    texts = ([escape(_out_text(v)) for v in row] for row in rows)
    count = 0
    try:
        if kind == "csv":
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(headers)
                for row in texts:
                    writer.writerow(row)
                    count += 1
        else:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell

            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            sheet.append(list(headers))
            for row in texts:
                cells = []
                for text in row:
                    cell = WriteOnlyCell(sheet, value=text)
                    cell.number_format = "@"  # text: Excel keeps 0-leading codes and exact amounts
                    cells.append(cell)
                sheet.append(cells)
                count += 1
            book.save(path)
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=str(path), reason=exc.strerror or str(exc)) from None
    return count


def _out_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    # XML 1.0 cannot hold most control characters; drop them rather than fail the export.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32)
