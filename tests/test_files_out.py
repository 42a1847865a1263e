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


# ---------------------------------------------------------------- spreadsheets' damage, phones

def _csv(path, rows):
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_a_credit_code_a_spreadsheet_turned_into_a_number_is_explained(store, tmp_path):
    code = "913101158900282E09"
    assert credit_code_check_char(code[:17]) == code[17]
    clients.create_client(store, {"name": "上海浦江实业有限公司", "credit_code": code})
    dataio.export_file(store, "clients", tmp_path / "c.csv")
    # what LibreOffice or Excel (full precision) saves after opening the CSV
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").replace(code, "9.13101158900282E+23")
    (tmp_path / "saved.csv").write_text(text, encoding="utf-8-sig")
    plan, counts = dataio.import_file(store, tmp_path / "saved.csv", dry_run=True, lang="en")
    [problem] = plan.problems
    assert problem.field == "credit_code" and "18 characters" not in problem.message
    assert "turned into a number" in problem.message and ".xlsx" in problem.message
    assert "probably 913101158900282E09" in problem.message
    plan, _ = dataio.import_file(store, tmp_path / "saved.csv", dry_run=True, lang="zh_CN")
    assert "电子表格" in plan.problems[0].message and ".xlsx" in plan.problems[0].message
    # Excel's CSV keeps only what it shows: nothing to guess from, still explained
    bad = _csv(tmp_path / "x.csv", [["name", "credit_code"], ["甲", "9.13101E+23"], ["乙", "913101158900282000000000"]])
    plan, _ = dataio.import_file(store, bad, dry_run=True, lang="en")
    assert [p.row for p in plan.problems] == [2, 3]
    assert "turned into a number" in plan.problems[0].message and "probably" not in plan.problems[0].message
    assert "probably 913101158900282E09" in plan.problems[1].message
    # the XLSX export keeps the code as text: it re-imports as it was
    dataio.export_file(store, "clients", tmp_path / "c.xlsx")
    plan, _ = dataio.import_file(store, tmp_path / "c.xlsx", dry_run=True)
    assert plan.ok and plan.skipped == [2]


PHONES = {
    "+853 2882 3456": "+85328823456",  # Macau
    "+886 2 2345 6789": "+886223456789",  # Taiwan
    "+65 6123 4567": "+6561234567",  # Singapore
    "+1 212 736 5000": "+12127365000",  # North America
    "010-88886666 转 123": "+861088886666;ext=123",
    "021-12345678-801": "+862112345678;ext=801",
    "13812345678": "+8613812345678",
    "+852 2123 4567": "+85221234567",
}


def test_phone_numbers_from_anywhere_keep_what_was_typed_and_a_normalised_form(store, tmp_path):
    rows = [["name", "contact_name", "contact_phone"]]
    rows += [[f"公司{i}", f"联系人{i}", phone] for i, phone in enumerate(PHONES)]
    plan, counts = dataio.import_file(store, _csv(tmp_path / "p.csv", rows))
    assert plan.ok, plan.report("en")
    assert counts["contacts"] == len(PHONES)
    with store.read() as s:
        from sqlalchemy import select

        from rmdesk.store.models import Contact

        stored = dict(s.execute(select(Contact.phone, Contact.phone_normalized)).all())
    assert stored == PHONES
    cid = clients.create_client(store, {"name": "表单公司"})
    pid = clients.add_contact(store, cid, {"name": "王", "phone": "0755-1234567"})  # old 7-digit landline
    with store.read() as s:
        assert s.get(Contact, pid).phone == "0755-1234567" and s.get(Contact, pid).phone_normalized is None
    clients.update_contact(store, pid, {"phone": "+65 6123 4567"})
    with store.read() as s:
        assert s.get(Contact, pid).phone_normalized == "+6561234567"


def test_one_odd_phone_number_is_a_row_problem_naming_it(store, tmp_path):
    path = _csv(tmp_path / "odd.csv", [["name", "contact_name", "contact_phone"], ["甲公司", "王", "13812345678"],
                                      ["乙公司", "李", "电话待补"], ["丙公司", "赵", "+853 2882 3456"]])
    plan, counts = dataio.import_file(store, path, lang="zh_CN")
    assert [(p.row, p.field) for p in plan.problems] == [(3, "phone")]
    assert "电话待补" in plan.problems[0].message and "+852" in plan.problems[0].message
    assert len(plan.new) == 2  # the other rows were checked and are ready


def test_two_visits_of_one_client_at_one_time_survive_a_round_trip(store, tmp_path):
    from rmdesk.store.engine import Store

    cid = clients.create_client(store, {"name": "甲公司"})
    boss = clients.add_contact(store, cid, {"name": "王总"})
    cfo = clients.add_contact(store, cid, {"name": "李总"})
    visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": boss, "objective": "授信"})
    visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": cfo, "objective": "结算"})
    visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "kind": "phone"})
    for ext in ("csv", "xlsx"):
        files = {w: tmp_path / f"{w}.{ext}" for w in dataio.WHAT}
        for what, path in files.items():
            dataio.export_file(store, what, path)
        target = Store.open(tmp_path / f"copy-{ext}")
        try:
            dataio.import_file(target, files["clients"])
            dataio.import_file(target, files["contacts"], policy="merge")
            plan, counts = dataio.import_file(target, files["visits"])
            assert counts["created"] == 3 and not plan.skipped
            again, _ = dataio.import_file(target, files["visits"], dry_run=True)
            assert len(again.skipped) == 3  # and a second import finds each one stored
        finally:
            target.close()
