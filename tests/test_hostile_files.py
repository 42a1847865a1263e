"""Hostile and awkward input files (issue 14, harness part d): every one generated here,
each refused with its own message in the user's language (never 'unexpected error'), or
read right; nothing written by a refused import."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from rmdesk.cli import main
from rmdesk.errors import ValidationError
from rmdesk.formats import tabular
from rmdesk.services import clients, dataio

SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
         'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>')


def _good_xlsx() -> bytes:
    book = Workbook()
    book.active.append(["客户名称", "联系人"])
    book.active.append(["好公司", "张三"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _replace_part(data: bytes, part: str, content: bytes, compress=zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == part else src.read(info.filename))
    return out.getvalue()


def _ole(with_encryption: bool) -> bytes:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    names = "EncryptionInfo" if with_encryption else "Workbook"
    return head + names.encode("utf-16-le") + b"\0" * 4000


def _bomb() -> bytes:
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>x</t></is></c></row>' for i in range(1, 2001))
    body = SHEET.format(rows=rows).encode() + b" " * (300 * 1024 * 1024)  # 300 MB of padding, ~0.3 MB packed
    return _replace_part(_good_xlsx(), "xl/worksheets/sheet1.xml", body)


_ENTITIES = '<!ENTITY lol "lol">' + "".join(
    '<!ENTITY lol{} "{}">'.format(i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10) for i in range(1, 10))
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE worksheet [' + _ENTITIES + ']><worksheet xmlns="http://schemas.'
          'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
          '&lol9;</t></is></c></row></sheetData></worksheet>').encode()  # 10^9 "lol" once expanded

HOSTILE = {
    "malformed sheet XML": (lambda: _replace_part(_good_xlsx(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row"),
                            "import.bad_xlsx"),
    "bad shared-string index": (lambda: _replace_part(
        _replace_part(_good_xlsx(), "xl/worksheets/sheet1.xml", SHEET.format(
            rows='<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99999</v></c></row>'
        ).encode()), "xl/sharedStrings.xml",
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>\xe5\xae\xa2\xe6\x88\xb7'
        b'\xe5\x90\x8d\xe7\xa7\xb0</t></si></sst>'), "import.bad_xlsx"),
    "billion laughs": (lambda: _replace_part(_good_xlsx(), "xl/worksheets/sheet1.xml", LAUGHS), "import.bad_xlsx"),
    "zip bomb": (_bomb, "import.too_big_unpacked"),
    "password-protected xlsx": (lambda: _ole(True), "import.xlsx_protected"),
    "old .xls renamed .xlsx": (lambda: _ole(False), "import.old_xls"),
    "not a zip at all": (lambda: b"PK\x03\x04 this is no archive" * 10, "import.bad_xlsx"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_workbooks_get_their_own_message(name, tmp_path, store, capsys):
    make, key = HOSTILE[name]
    path = tmp_path / f"恶意 #{len(name)}.xlsx"
    path.write_bytes(make())
    with pytest.raises(ValidationError) as info:
        tabular.read_table(path, header_ok=dataio.looks_like_header)
    assert info.value.key == key, name
    for lang, word in (("zh_CN", None), ("en", None)):
        code = main(["--data-dir", str(store.data_dir), "--lang", lang, "import", str(path)])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1, (name, err)
        assert "unexpected" not in err and "意外" not in err and "Traceback" not in err, (name, err)
        assert info.value.message(lang) in err
        del word
    assert clients.count_clients(store) == 0


def test_a_csv_with_nul_bytes_is_not_called_an_encoding_problem(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes("客户名称\n甲公司\x00\n".encode())
    with pytest.raises(ValidationError) as info:
        tabular.read_table(path)
    assert info.value.key == "import.nul_bytes"


def test_the_header_is_found_below_title_rows_and_on_the_sheet_that_has_it(tmp_path, store):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本文件由系统导出"])
    data = book.create_sheet("客户")
    data.append(["2026 年客户名单"])
    data.append([])
    data.append(["客户名称", "所属行业", "年销售额(万元)", "手机号码", "联系人"])
    data.append(["标题下的公司", "电力", "500", "１３９１２３４５６７８", "王五"])
    path = tmp_path / "标题 #2.xlsx"
    book.save(path)
    plan, counts = dataio.import_file(store, path)
    assert counts and counts["created"] == 1 and plan.ignored == []  # 年销售额(万元) is read, in 万元
    assert plan.new[0].row == 4  # numbered as the spreadsheet shows it
    stored = clients.get_client(store, clients.list_clients(store)[0].id)
    assert stored.annual_sales == Decimal("5000000") and stored.industry == "power"
    assert stored.contacts[0].phone == "13912345678"  # full-width digits normalised
    # --sheet picks a sheet by name; an unknown one is named with the ones there are
    with pytest.raises(ValidationError) as info:
        dataio.import_file(store, path, sheet="没有")
    assert info.value.key == "import.no_sheet" and "客户" in info.value.message("zh_CN")


def test_every_bad_field_of_a_row_is_reported(tmp_path, store):
    path = tmp_path / "bad.csv"
    path.write_text("客户名称,统一社会信用代码,手机,联系人,邮箱\n坏公司,ABC,12345,赵六,bad@\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path)
    assert counts is None and {p.field for p in plan.problems} == {"credit_code", "phone", "email"}
    assert "1 bad rows" in plan.summary("en")


def test_a_reimport_with_merge_adds_no_key_person_twice(tmp_path, store):
    path = tmp_path / "contacts.csv"
    path.write_text("客户名称,联系人,手机\n甲公司,张三,13912345678\n甲公司,张三,139 1234 5678\n甲公司,李四,\n",
                    encoding="utf-8")
    dataio.import_file(store, path, policy="merge")
    first = clients.count_contacts(store) if hasattr(clients, "count_contacts") else None
    for _ in range(2):
        dataio.import_file(store, path, policy="merge")
    with store.read() as s:
        from sqlalchemy import func, select

        from rmdesk.store.models import Contact
        assert s.scalar(select(func.count(Contact.id))) == 2  # 张三 once (same phone), 李四 once
    del first
