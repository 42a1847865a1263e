"""Files other programs read (issue 16), read back through independent tools: openpyxl for
the workbooks, the icalendar parser for the calendars, poppler for the PDFs."""

from datetime import datetime
from decimal import Decimal

from openpyxl import load_workbook

from rmdesk.formats import tabular
from rmdesk.services import clients, dataio, engagement, visits
from rmdesk.services.validation import credit_code_check_char

CODE = "913101158900282E0" + credit_code_check_char("913101158900282E0")


def _book(store):
    cid = clients.create_client(store, {"name": "重庆长安精密机械集团股份有限公司华东区域销售分公司",
                                        "credit_code": CODE, "annual_sales": "123456789012.34"})
    clients.add_contact(store, cid, {"name": "欧阳总", "phone": "13800001111"})
    visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "objective": "授信续作"})
    engagement.create_deal(store, cid, "working_capital_loan", "5000000.10", "4.35", "2026-12-31")
    return cid


def _sheet(path):
    return load_workbook(path).worksheets[0]


def test_xlsx_holds_real_numbers_and_dates(store, tmp_path):
    _book(store)
    folder = tmp_path / "导出 #?% 文件"
    folder.mkdir()
    for what, title in (("clients", "Clients"), ("visits", "Visits"), ("deals", "Deals"), ("contacts", "Contacts")):
        dataio.export_file(store, what, folder / f"{what}.xlsx", lang="en")
        sheet = _sheet(folder / f"{what}.xlsx")
        assert sheet.title == title
        assert sheet.freeze_panes == "A2"
        assert all(c.font.b for c in sheet[1]) and not any(c.font.b for c in sheet[2])
    dataio.export_file(store, "clients", folder / "客户.xlsx", lang="zh_CN")
    assert _sheet(folder / "客户.xlsx").title == "客户"

    deals = _sheet(folder / "deals.xlsx")
    row = {h.value: c for h, c in zip(deals[1], deals[2], strict=True)}
    assert row["amount"].data_type == "n" and row["amount"].value == 5000000.10
    assert row["amount"].number_format == "#,##0.00"
    assert row["rate"].data_type == "n" and row["rate"].value == 4.35
    assert row["expected_date"].is_date and row["expected_date"].value == datetime(2026, 12, 31)
    assert row["expected_date"].number_format == "yyyy-mm-dd"
    assert row["credit_code"].data_type == "s" and row["credit_code"].value == CODE  # never a number
    assert row["id"].data_type == "n"

    sheet = _sheet(folder / "visits.xlsx")
    row = {h.value: c for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert row["planned_at"].is_date and row["planned_at"].value == datetime(2026, 11, 24, 9, 0)
    assert row["planned_at"].number_format == "yyyy-mm-dd hh:mm"
    assert row["duration_min"].data_type == "n" and row["duration_min"].value == 60

    sheet = _sheet(folder / "clients.xlsx")
    row = {h.value: c for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert row["annual_sales"].data_type == "n" and row["annual_sales"].value == 123456789012.34
    assert row["step"].value == 1


def test_xlsx_columns_fit_their_content_and_cjk_counts_double(store, tmp_path):
    _book(store)
    dataio.export_file(store, "clients", tmp_path / "c.xlsx")
    sheet = _sheet(tmp_path / "c.xlsx")
    widths = {sheet.cell(1, i + 1).value: sheet.column_dimensions[letter].width
              for i, letter in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:sheet.max_column])}
    name = "重庆长安精密机械集团股份有限公司华东区域销售分公司"  # 25 characters, 50 columns wide
    assert widths["name"] >= 2 * len(name)
    assert widths["credit_code"] >= 18
    assert tabular.MIN_WIDTH <= widths["step"] < 10
    assert max(widths.values()) <= tabular.MAX_WIDTH
    assert tabular.display_width("ab中文") == 6 and tabular.display_width("ＡＢ") == 4


def test_decimal_money_stays_exact(tmp_path):
    path = tmp_path / "m.xlsx"
    big = Decimal("999999999999999.99")  # 17 digits: a double cannot hold it, so it stays text
    tabular.write_table(path, ["amount"], [[Decimal("0.10")], [Decimal("1234567890123.45")], [big]],
                        number_formats={"amount": "#,##0.00"})
    cells = [r[0] for r in _sheet(path).iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["n", "n", "s"]
    assert Decimal(repr(cells[1].value)) == Decimal("1234567890123.45")
    assert cells[2].value == "999999999999999.99"
    assert [r for r in tabular.read_table(path).rows] == [["0.1"], ["1234567890123.45"], ["999999999999999.99"]]


def test_xlsx_export_reimports_without_loss(store, tmp_path):
    from rmdesk.store.engine import Store

    _book(store)
    files = {w: tmp_path / f"{w}.xlsx" for w in dataio.WHAT}
    for what, path in files.items():
        dataio.export_file(store, what, path)
    target = Store.open(tmp_path / "copy")
    try:
        dataio.import_file(target, files["clients"])
        dataio.import_file(target, files["contacts"], policy="merge")
        for what in ("visits", "deals"):
            plan, counts = dataio.import_file(target, files[what])
            assert plan.ok, plan.report("en")
        for what in dataio.WHAT:
            strip = (lambda rows: [r[1:] for r in rows]) if what in ("visits", "deals") else (lambda rows: rows)
            assert strip(dataio.export_rows(target, what)[1]) == strip(dataio.export_rows(store, what)[1])
    finally:
        target.close()
