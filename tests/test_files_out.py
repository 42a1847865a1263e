"""Files other programs read (issue 16), read back through independent tools: openpyxl for
the workbooks, the icalendar parser for the calendars, poppler for the PDFs."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from rmdesk import clock, i18n
from rmdesk.formats import tabular
from rmdesk.formats.ics import uid
from rmdesk.services import clients, dataio, engagement, masking, settings, trash, visits
from rmdesk.services.calendar_export import CANCELLED_KEEP_DAYS, export_calendar
from rmdesk.services.settings import get_book_id
from rmdesk.services.validation import credit_code_check_char

MONDAY = date(2026, 11, 23)
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


# ---------------------------------------------------------------- calendars

def _events(data: bytes) -> dict:
    from icalendar import Calendar

    cal = Calendar.from_ical(data)
    for component in cal.walk():
        assert not getattr(component, "errors", None), component.errors  # nothing the parser skipped
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def _lines_are_clean(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n")[:-1]:
        assert b"\r" not in line and b"\n" not in line  # no bare line break anywhere
        assert len(line) <= 75  # folded (RFC 5545 3.1)
        assert not any(ch < 0x20 and ch != 0x09 for ch in line)


@pytest.fixture
def week(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行"})
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司"})
    boss = clients.add_contact(store, cid, {"name": "欧阳总", "title": "总经理", "phone": "13800001111"})
    a = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": boss, "objective": "授信续作"})
    b = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 15:00", "place": "香格里拉"})
    return cid, a, b


def test_uids_are_unique_per_book(store, week, tmp_path):
    from rmdesk.store.engine import Store

    other = Store.open(tmp_path / "other")
    try:
        cid = clients.create_client(other, {"name": "另一位客户经理的客户"})
        visits.plan_visit(other, cid, {"planned_at": "2026-11-24 09:00"})
        visits.plan_visit(other, cid, {"planned_at": "2026-11-25 10:00"})
        mine = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
        theirs = _events(export_calendar(other, MONDAY, date(2026, 11, 30)))
        assert len(mine) == len(theirs) == 2  # the same visit ids 1 and 2 in both books
        assert not set(mine) & set(theirs)
        assert get_book_id(store) != get_book_id(other) and get_book_id(store) in next(iter(mine))
        assert set(mine) == set(_events(export_calendar(store, MONDAY, date(2026, 11, 30))))  # stable
    finally:
        other.close()


def test_calendar_has_method_name_alarm_and_clean_lines(store, week):
    _, a, b = week
    data = export_calendar(store, MONDAY, date(2026, 11, 30), "zh_CN")
    _lines_are_clean(data)
    from icalendar import Calendar

    cal = Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["X-WR-CALNAME"]) == "rmdesk 拜访 · 王小明 · 华夏商业银行"
    [event] = [e for e in cal.walk("VEVENT") if "授信续作" in str(e["SUMMARY"])]
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(minutes=-30)
    settings.save_calendar_alarm_minutes(store, 90)
    events = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert {e.walk("VALARM")[0].decoded("TRIGGER") for e in events.values()} == {timedelta(minutes=-90)}
    assert all(not e.walk("VALARM") for e in _events(export_calendar(store, MONDAY, date(2026, 11, 30),
                                                                      alarm_minutes=0)).values())


def test_control_characters_never_split_a_line(store, week):
    cid = week[0]
    visits.plan_visit(store, cid, {"planned_at": "2026-11-26 10:00", "objective": "一\r二\x0b三\x00四",
                                   "agenda": "甲\r\n乙\r丙\u2028丁", "place": "A\rB"})
    data = export_calendar(store, MONDAY, date(2026, 11, 30))
    _lines_are_clean(data)
    [event] = [e for e in _events(data).values() if "四" in str(e["SUMMARY"])]
    # the service boundary keeps line breaks in multi-line texts only (a place is one line)
    assert str(event["SUMMARY"]).endswith("一\n二三四") and str(event["LOCATION"]) == "A B"
    assert "甲\n乙\n丙丁" in str(event["DESCRIPTION"])


def test_confirming_cancelling_trashing_and_moving_make_new_versions(store, week):
    cid, a, b = week
    book = get_book_id(store)
    first = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    ua, ub = uid(a, book), uid(b, book)
    assert str(first[ua]["STATUS"]) == "TENTATIVE"
    clock.pin(datetime(2026, 11, 23, 10, 0))
    visits.confirm_visit(store, a)
    visits.cancel_visit(store, b, "客户改期")
    second = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert str(second[ua]["STATUS"]) == "CONFIRMED" and second[ua]["SEQUENCE"] > first[ua]["SEQUENCE"]
    assert second[ua].decoded("LAST-MODIFIED") > first[ua].decoded("LAST-MODIFIED")
    assert str(second[ub]["STATUS"]) == "CANCELLED" and second[ub]["SEQUENCE"] > first[ub]["SEQUENCE"]
    assert second[ub].decoded("LAST-MODIFIED") > first[ub].decoded("LAST-MODIFIED")
    assert not second[ub].walk("VALARM")  # no reminder for a visit that does not take place

    clock.pin(datetime(2026, 11, 23, 11, 0))
    trash.trash_visit(store, a)
    third = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert set(third) == {ua, ub}  # the trashed visit is still there: cancelled
    assert str(third[ua]["STATUS"]) == "CANCELLED" and third[ua]["SEQUENCE"] > second[ua]["SEQUENCE"]
    trash.restore(store, "visit", a)
    fourth = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert str(fourth[ua]["STATUS"]) == "CONFIRMED" and fourth[ua]["SEQUENCE"] > third[ua]["SEQUENCE"]

    # a visit moved out of the window: exported at its new time, so the calendar moves it
    visits.reschedule_visit(store, a, "2027-01-15 09:00", "客户出差")
    fifth = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert fifth[ua].decoded("DTSTART").replace(tzinfo=None) == datetime(2027, 1, 15, 9, 0)
    assert fifth[ua]["SEQUENCE"] > fourth[ua]["SEQUENCE"]
    # a trashed client's visits leave as cancelled too
    clients.trash_client(store, cid)
    sixth = _events(export_calendar(store, MONDAY, date(2026, 11, 30)))
    assert str(sixth[ub]["STATUS"]) == "CANCELLED" and sixth[ub]["SEQUENCE"] > fifth[ub]["SEQUENCE"]
    # after the while the file keeps them, they are gone
    clock.pin(datetime(2026, 11, 23, 11, 0) + timedelta(days=CANCELLED_KEEP_DAYS + 1))
    assert _events(export_calendar(store, MONDAY, date(2026, 11, 30))) == {}


@pytest.mark.parametrize("machine_zone,expected", [("UTC", "20261123T083849Z"), ("Asia/Shanghai", "20261123T003849Z"),
                                                   ("America/New_York", "20261123T133849Z")])
def test_last_modified_is_utc_on_any_machine(store, week, monkeypatch, machine_zone, expected):
    import time

    _, a, _ = week
    monkeypatch.setenv("TZ", machine_zone)
    time.tzset()
    try:
        clock.pin(datetime(2026, 11, 23, 8, 38, 49))  # the computer's clock says 08:38:49
        visits.confirm_visit(store, a)
        data = export_calendar(store, MONDAY, date(2026, 11, 30))
        event = _events(data)[uid(a, get_book_id(store))]
        assert event["LAST-MODIFIED"].to_ical().decode() == expected
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"  # the profile's zone, not the machine's
        assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 24, 9, 0)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_masking_applies_to_the_calendar(store, week):
    _, a, _ = week
    book = get_book_id(store)
    assert "13800001111" in str(_events(export_calendar(store, MONDAY, date(2026, 11, 30)))[uid(a, book)]["DESCRIPTION"])
    masking.set_enabled(store, True)
    data = export_calendar(store, MONDAY, date(2026, 11, 30))
    assert b"13800001111" not in data and "138****1111" in str(_events(data)[uid(a, book)]["DESCRIPTION"])


# ---------------------------------------------------------------- PDFs

def _poppler(tool: str, path) -> str:
    import subprocess

    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout


def _pdftext(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _info(path) -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in _poppler("pdfinfo", path).splitlines())}


def _fonts(path) -> list[str]:
    return _poppler("pdffonts", path).splitlines()[2:]


@pytest.fixture
def plans(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行", "branch": "滨江支行"})
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司"})
    boss = clients.add_contact(store, cid, {"name": "欧阳总", "title": "总经理", "attitude": "supportive"})
    clients.add_contact(store, cid, {"name": "Jonathan Richardson-Whitfield", "title": "Chief Financial Officer",
                                     "attitude": "supportive"})
    one = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": boss})
    other = clients.create_client(store, {"name": "Acme International Trading (Hong Kong) Limited"})
    visits.plan_visit(store, other, {"planned_at": "2026-11-25 15:00", "place": "Shangri-La Hotel, Pudong"})
    return one


@pytest.mark.parametrize("lang,title_one,title_week,tag", [
    ("zh_CN", "拜访计划 2026-11-24 重庆长安精密机械有限公司", "拜访计划 2026-11-24 至 2026-11-25（2 家客户）", b"/Lang (zh-CN)"),
    ("en", "Call plan 2026-11-24 重庆长安精密机械有限公司", "Call plans 2026-11-24 to 2026-11-25 (2 clients)", b"/Lang (en)"),
])
def test_pdf_metadata_and_every_font_embedded(store, plans, tmp_path, lang, title_one, title_week, tag):
    from rmdesk.formats.callplan_pdf import render_plans
    from rmdesk.services.callplan import plan_for_visit, plans_between

    one, week = tmp_path / "one.pdf", tmp_path / "week.pdf"
    render_plans([plan_for_visit(store, plans, lang)], one, lang)
    render_plans(plans_between(store, MONDAY, 7, lang), week, lang, cover_agenda=True)
    assert _info(one)["Title"] == title_one and _info(week)["Title"] == title_week
    for path in (one, week):
        info = _info(path)
        assert info["Author"] == "王小明 · 华夏商业银行 滨江支行"
        assert info["Subject"] and info["Subject"] == i18n.message("files.pdf_subject", lang)
        assert tag in path.read_bytes()
        fonts = _fonts(path)
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
        assert not any("Helvetica" in line for line in fonts)


def test_english_words_do_not_break_inside_narrow_columns(store, plans, tmp_path):
    from rmdesk.formats.callplan_pdf import render_plans
    from rmdesk.services.callplan import plans_between

    path = tmp_path / "en.pdf"
    render_plans(plans_between(store, MONDAY, 7, "en"), path, "en", cover_agenda=True)
    text = _pdftext(path)
    words = {w for line in text.splitlines() for w in line.split()}
    assert "Supportive" in words and "Supportiv" not in words
    assert "Richardson-Whitfield" in words
    assert "Limited" in words and "Pudong" in words


def test_the_cli_prints_in_the_language_chosen_in_the_app(store, plans, tmp_path, monkeypatch):
    from rmdesk.cli import main

    store.close()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    i18n.set_language(None)
    (store.data_dir / "gui.ini").write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    out = tmp_path / "plan.pdf"
    assert main(["--data-dir", str(store.data_dir), "plan", "print", "--visit", str(plans), "-o", str(out)]) == 0
    assert _info(out)["Title"].startswith("拜访计划")
    text = _pdftext(out)
    assert "会见对象" in text and "Whom we meet" not in text
    # --lang still wins
    assert main(["--data-dir", str(store.data_dir), "--lang", "en", "plan", "print", "--visit", str(plans),
                 "-o", str(out)]) == 0
    assert _info(out)["Title"].startswith("Call plan")


# ---------------------------------------------------------------- the migration, LibreOffice

def test_migration_0012_fills_the_new_columns_of_an_old_book(tmp_path):
    import sqlite3

    from sqlalchemy import create_engine, text

    from rmdesk.paths import STORE_FILENAME
    from rmdesk.store import migrate
    from rmdesk.store.engine import Store

    directory = tmp_path / "old"
    directory.mkdir()
    engine = create_engine(f"sqlite:///{directory / STORE_FILENAME}")
    migrate.upgrade(engine, "0009_foreign_key_indexes")
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO clients (id, name, pinyin_initials, pinyin_full, two_high, owner, step, status, "
            "step_entered_at, q_need, q_afford, q_standard, q_authority, q_value, qualification_score, "
            "proposal_agreed, created_at, updated_at) VALUES (1, '甲', 'j', 'jia', 0, '', 1, 'active', "
            "'2026-01-01 00:00:00', 0, 0, 0, 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            "INSERT INTO contacts (id, client_id, name, decision_power, attitude, phone) VALUES "
            "(1, 1, '王', 'none', 'unknown', '010-88886666 转 123'), (2, 1, '李', 'none', 'unknown', '0755-1234567')",
            "INSERT INTO visits (id, client_id, planned_at, duration_min, kind, status, confirmed, created_at, "
            "reported_at) VALUES (1, 1, '2026-11-24 09:00:00', 60, 'onsite', 'done', 0, '2026-11-01 08:00:00', "
            "'2026-11-24 11:00:00'), (2, 1, '2026-11-25 09:00:00', 60, 'onsite', 'planned', 0, "
            "'2026-11-02 08:00:00', NULL)",
            "INSERT INTO client_events (client_id, at, kind, field, old, new) VALUES (1, '2026-11-20 10:00:00', "
            "'visit_rescheduled', 'visits.1.planned_at', '2026-11-23 09:00', '2026-11-24 09:00')",
        ):
            conn.execute(text(sql))
    engine.dispose()
    Store.open(directory).close()
    con = sqlite3.connect(directory / STORE_FILENAME)
    try:
        assert con.execute("SELECT phone, phone_normalized FROM contacts ORDER BY id").fetchall() == [
            ("010-88886666 转 123", "+861088886666;ext=123"), ("0755-1234567", None)]
        assert con.execute("SELECT id, sequence, updated_at FROM visits ORDER BY id").fetchall() == [
            (1, 2, "2026-11-24 11:00:00"), (2, 0, "2026-11-02 08:00:00")]
        [(book,)] = con.execute("SELECT value FROM settings WHERE key = 'book_id'").fetchall()
        assert len(book.strip('"')) == 32
    finally:
        con.close()


def test_libreoffice_reads_numbers_and_dates_from_the_xlsx(store, tmp_path):
    """Optional: LibreOffice (when installed) shows the amount with its number format and the
    date as a date, which only a real number and a real date do."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    _book(store)
    dataio.export_file(store, "deals", tmp_path / "deals.xlsx")
    # 44,34,76: comma, quote, UTF-8; the 9th token true: save the cells as shown
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                    "--outdir", str(tmp_path / "out"), str(tmp_path / "deals.xlsx")],
                   check=True, capture_output=True, timeout=300)
    import csv

    with open(tmp_path / "out" / "deals.csv", encoding="utf-8") as fh:
        header, row = list(csv.reader(fh))[:2]
    row = dict(zip(header, row, strict=True))
    assert row["amount"] == "5,000,000.10" and row["expected_date"] == "2026-12-31" and row["credit_code"] == CODE
