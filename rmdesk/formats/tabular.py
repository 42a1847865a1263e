"""Tables in and out: reading and writing CSV / XLSX files (no store access here).

Reading: CSV in UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes),
delimiter sniffed among , ; tab; XLSX through openpyxl (first sheet). Every cell
comes back as text ('' for empty); numbers and dates from XLSX become their plain
text (1234.5, 2026-11-23) so the service-layer validators see the same input as
from CSV.

Writing: CSV as UTF-8 with BOM (Excel then opens Chinese text right) or a real XLSX
workbook: numbers as numbers (money exact: a Decimal of more than 15 significant digits,
which a double cannot hold, stays text), dates and times as dates with a date format,
text as text (no lost leading zeros); a named sheet with a bold, frozen header row and
columns fitted to their content (a CJK character counts two).
Cells that start with = + - @ (or tab / CR) are written with a leading apostrophe
so that a spreadsheet never runs them as a formula (CSV/formula injection);
`unescape` strips it again on import, so files round-trip without loss.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from rmdesk import i18n
from rmdesk.errors import ValidationError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Caps that keep an import's memory near 500 MB in the worst case (bench/import_memory.py):
# the file is read whole, and each cell becomes a Python string (~50 bytes + its text).
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_CELLS = 4_000_000  # rows x columns: 100,000 clients with 40 columns
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all the parts of a workbook, unpacked (zip bombs)
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024  # the one part openpyxl keeps in memory whole
MAX_ROWS = 1_000_000
HEADER_SCAN = 20  # rows looked at for the header (titles above it)
csv.field_size_limit(64 * 1024 * 1024)  # big cells reach the validators (too long) instead of failing here


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]  # each padded/truncated to len(headers)
    encoding: str | None = None  # CSV: the encoding found
    line_numbers: list[int] | None = None  # each row's number in the file (the header is 1)
    header_row: int = 1  # the header's row number: title rows above it were skipped
    sheet: str | None = None  # XLSX: the sheet read
    sheets: list[str] = field(default_factory=list)  # XLSX: every sheet of the workbook


def escape(text: str) -> str:
    """A cell a spreadsheet would run as a formula gets a "'" in front; so does one that
    already starts with apostrophes before such a start ("'@"), or unescape would take its
    own apostrophe off when the file is read back."""
    if text.startswith(FORMULA_START) or (text.startswith("'") and _after_apostrophes(text)):
        return "'" + text
    return text


def unescape(text: str) -> str:
    return text[1:] if text.startswith("'") and _after_apostrophes(text) else text


def _after_apostrophes(text: str) -> bool:
    # "\n" too: an XLSX file turns an escaped "\r" into "\n"
    return text.lstrip("'").startswith((*FORMULA_START, "\n"))


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


def _normalise(headers: list[str], body: Iterable[Sequence[object]], first_number: int = 2) -> Table:
    headers = [str(h or "").strip().lstrip("\ufeff") for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise ValidationError("import.no_header", None)
    width = len(headers)
    max_rows = min(MAX_ROWS, MAX_CELLS // width)
    rows, numbers = [], []
    for number, raw in enumerate(body, start=first_number):
        if number - first_number >= max_rows:
            if max_rows == MAX_ROWS:
                raise ValidationError("import.too_many_rows", None, rows=f"{MAX_ROWS:,}")
            raise ValidationError("import.too_many_cells", None, cells=f"{MAX_CELLS:,}", columns=width,
                                  rows=f"{max_rows:,}")
        cells = [unescape(_cell_text(c)) for c in raw]
        if not any(c.strip() for c in cells):
            continue  # blank line
        cells = (cells + [""] * width)[:width]
        rows.append(cells)
        numbers.append(number)
    return Table(headers, rows, line_numbers=numbers)


HeaderTest = Callable[[list[str]], bool]


def _with_header(rows: Iterator[Sequence[object]], header_ok: HeaderTest | None, strict: bool = False) -> Table | None:
    """The table whose header is the first of the first HEADER_SCAN rows that `header_ok`
    accepts (title rows above it are skipped), else the first non-blank row; None when
    `header_ok` is given and accepts none of them (another sheet may hold the data)."""
    head: list[tuple[int, Sequence[object]]] = []
    number = 0
    for number, raw in enumerate(rows, start=1):
        head.append((number, raw))
        if len(head) >= HEADER_SCAN:
            break
    chosen = None
    for i, (_n, raw) in enumerate(head):
        if header_ok is not None and header_ok([_cell_text(c).strip() for c in raw]):
            chosen = i
            break
    if chosen is None:
        if strict:
            return None
        if not head:
            raise ValidationError("import.empty", None)
        chosen = 0  # no header recognised: the first row is the header (as it always was)
    header_number, header = head[chosen]
    body = itertools.chain((raw for _n, raw in head[chosen + 1:]), rows)
    table = _normalise([_cell_text(h) for h in header], body, first_number=header_number + 1)
    table.header_row = header_number
    return table


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        value = value + timedelta(microseconds=500_000) if value.microsecond >= 500_000 else value
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e17:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return str(value)


def read_table(path: str | Path, header_ok: HeaderTest | None = None, sheet: str | None = None) -> Table:
    """Read a CSV or XLSX file; ValidationError with an import.* key when it cannot.
    `header_ok(cells)` recognises a header row: title rows above it are skipped, and of a
    workbook the first sheet that has one is read (`sheet`: that sheet by name)."""
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
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
            data = magic + fh.read() if kind == "csv" else b""
    except OSError as exc:
        raise ValidationError("import.cannot_read", None, path=str(path), reason=exc.strerror or "") from None
    if magic == OLE_MAGIC:  # not a zip: an encrypted workbook or an old binary .xls
        raise ValidationError(_ole_kind(path), None)
    if kind == "csv":
        text, encoding = _decode_csv(data)
        del data  # a 100 MB file is not held twice while its text is parsed
        return _parse_text(text, encoding, header_ok)
    return _read_xlsx(path, header_ok, sheet)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole_kind(path: Path) -> str:
    """An OLE compound file: Excel's password protection (an EncryptionInfo stream) or an
    Excel 97-2003 .xls (a Workbook stream), whatever the file is called."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 20)
    except OSError:
        head = b""
    return "import.xlsx_protected" if "EncryptionInfo".encode("utf-16-le") in head else "import.old_xls"


def parse_csv(data: bytes, header_ok: HeaderTest | None = None) -> Table:
    return _parse_text(*_decode_csv(data), header_ok)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings (\\r\\n, \\r or \\n, as io.StringIO(newline="")
    gives them), without StringIO's copy of the whole text (4 bytes a character)."""
    for m in _LINE.finditer(text):
        yield m.group()


def _decode_csv(data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError("import.nul_bytes", None)
    return decode(data)


def _parse_text(text: str, encoding: str, header_ok: HeaderTest | None) -> Table:
    if "\x00" in text:
        raise ValidationError("import.nul_bytes", None)
    if not text or text.isspace():  # (strip() would copy the whole text)
        raise ValidationError("import.empty", None)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        reader = csv.reader(_lines(text), delimiter=delimiter)
        table = _with_header(iter(reader), header_ok)
    except csv.Error as exc:
        raise ValidationError("import.bad_csv", None, reason=str(exc)) from None
    table.encoding = encoding
    return table


def _check_zip(path: Path) -> None:
    """A zip bomb is refused before anything is unpacked: the sizes its directory declares
    (the reader stops at them too) stay under MAX_UNPACKED_BYTES in all."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError("import.bad_xlsx", None, reason=type(exc).__name__) from None
    total = sum(i.file_size for i in infos)
    strings = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    if total > MAX_UNPACKED_BYTES or strings > MAX_SHARED_STRINGS_BYTES:
        raise ValidationError("import.too_big_unpacked", None, mb=MAX_UNPACKED_BYTES // (1024 * 1024))


def _read_xlsx(path: Path, header_ok: HeaderTest | None = None, sheet_name: str | None = None) -> Table:
    _check_zip(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed XML, a missing part, a bad index, an XML bomb
        raise ValidationError("import.bad_xlsx", None, reason=_xml_reason(exc)) from None
    try:
        if sheet_name is not None:
            sheets = [ws for ws in book.worksheets if ws.title == sheet_name]
            if not sheets:
                raise ValidationError("import.no_sheet", None, name=sheet_name,
                                      names=i18n.list_separator().join(ws.title for ws in book.worksheets))
        else:
            sheets = list(book.worksheets)
        if not sheets:
            raise ValidationError("import.empty", None)
        first = None
        strict = header_ok is not None and len(sheets) > 1
        for ws in sheets:
            try:
                table = _with_header(ws.iter_rows(values_only=True), header_ok, strict)
            except ValidationError as exc:
                if exc.key == "import.empty" and len(sheets) > 1:
                    continue
                raise
            if table is not None:
                return _from_sheet(table, ws, book)
            if first is None:
                first = ws
        if first is None:
            raise ValidationError("import.empty", None)
        return _from_sheet(_with_header(first.iter_rows(values_only=True), None), first, book)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - the same, found while reading the rows
        raise ValidationError("import.bad_xlsx", None, reason=_xml_reason(exc)) from None
    finally:
        book.close()


def _from_sheet(table: Table, ws, book) -> Table:
    table.sheet = ws.title
    table.sheets = [w.title for w in book.worksheets]
    return table


def _xml_reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return "XML entities"
    if name in ("XMLSyntaxError", "ParseError", "ExpatError"):
        return "malformed XML"
    if isinstance(exc, (IndexError, KeyError)):
        return "a reference to a missing part"
    return name


# ---------------------------------------------------------------- writing

# Excel's number formats: dates and times as real dates, money with two decimals.
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATETIME_SECONDS_FORMAT = "yyyy-mm-dd hh:mm:ss"
MONEY_FORMAT = "#,##0.00"
# A double holds 15 significant decimal digits exactly: a Decimal with more is written as text.
EXACT_DIGITS = 15
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in characters (a CJK character counts two)
WIDTH_SAMPLE = 5000  # rows looked at to fit the column widths


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) and full-width characters count two."""
    import unicodedata

    longest = 0
    for line in text.split("\n"):
        longest = max(longest, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line))
    return longest


def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]],
                sheet_title: str = "", number_formats: dict[str, str] | None = None) -> int:
    """Write a CSV (UTF-8 with BOM) or XLSX file by its extension; returns the row count.

    XLSX: numbers (int, and Decimal with at most 15 significant digits) are numbers, dates and
    datetimes are dates with a date format; everything else is text. `number_formats` gives a
    column (by header) its number format (money: #,##0.00). The header row is bold and frozen,
    the columns are as wide as their content, the sheet is named `sheet_title`."""
    path = Path(path)
    kind = _kind(path)
    count = 0
    try:
        if kind == "csv":
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(headers)
                for row in rows:
                    writer.writerow([escape(_out_text(v)) for v in row])
                    count += 1
        else:
            count = _write_xlsx(path, list(headers), rows, sheet_title, number_formats or {})
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=str(path), reason=exc.strerror or str(exc)) from None
    return count


def _xlsx_value(value: object, number_format: str | None) -> tuple[object, str | None, str]:
    """(cell value, number format or None, the text shown) of one value."""
    if value is None:
        return None, None, ""
    if isinstance(value, bool):
        return ("1" if value else "0"), "@", "1"
    if isinstance(value, datetime):
        fmt = DATETIME_SECONDS_FORMAT if value.second else DATETIME_FORMAT
        return value.replace(microsecond=0, tzinfo=None), fmt, "2026-01-01 00:00" + (":00" if value.second else "")
    if isinstance(value, date):
        return value, DATE_FORMAT, "2026-01-01"
    if isinstance(value, int):
        return value, number_format, f"{value:,}" if number_format else str(value)
    if isinstance(value, Decimal) and value.is_finite() and len(value.as_tuple().digits) <= EXACT_DIGITS:
        shown = f"{value:,}" if number_format == MONEY_FORMAT else format(value, "f")
        return value, number_format, shown
    text = escape(_out_text(value))
    return text, "@", text


def _write_xlsx(path: Path, headers: list[str], rows: Iterable[Sequence[object]], title: str,
                number_formats: dict[str, str]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.child import INVALID_TITLE_REGEX

    formats = [number_formats.get(h) for h in headers]
    cells: list[list[tuple[object, str | None]]] = []
    widths = [display_width(str(h)) for h in headers]
    for n, row in enumerate(rows):
        out = []
        for i, value in enumerate(list(row)[:len(headers)]):
            cell, fmt, shown = _xlsx_value(value, formats[i] if i < len(formats) else None)
            out.append((cell, fmt))
            if n < WIDTH_SAMPLE:
                widths[i] = max(widths[i], display_width(shown))
        cells.append(out)
    book = Workbook(write_only=True)
    # a sheet name: at most 31 characters, none of \ / ? * [ ] :
    name = INVALID_TITLE_REGEX.sub("", title or "")[:31].strip("'") or "rmdesk"
    sheet = book.create_sheet(title=name)
    for i, width in enumerate(widths, start=1):
        # + 2: the cell's padding and the filter button of the header
        sheet.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(cells) + 1}"
    bold = Font(bold=True)
    head = []
    for h in headers:
        cell = WriteOnlyCell(sheet, value=escape(str(h)))
        cell.font = bold
        cell.number_format = "@"
        head.append(cell)
    sheet.append(head)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in cells:
        line = []
        for value, fmt in row:
            cell = WriteOnlyCell(sheet, value=value)
            if fmt:
                cell.number_format = fmt  # text (@): Excel keeps 0-leading codes as typed
            if isinstance(value, str) and "\n" in value:
                cell.alignment = wrap
            line.append(cell)
        sheet.append(line)
    book.save(path)
    return len(cells)


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
